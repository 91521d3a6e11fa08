"""Standard Webhooks signing (https://www.standardwebhooks.com): the receiver's official verifier
must accept every delivery, so this follows the specification to the byte.

The signed content is ``"{webhook-id}.{webhook-timestamp}.{body}"``; the key is the base64-decoded
part of the ``whsec_`` secret; each attempt is signed afresh so the timestamp stays within the
verifier's five-minute tolerance even on a retry ten hours later.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from typing import Any

SECRET_PREFIX = "whsec_"
SIGNATURE_HEADERS = ("webhook-id", "webhook-timestamp", "webhook-signature")


def generate_secret() -> str:
    """``whsec_`` + base64 of 32 random bytes (shown to the client once)."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def sign(secret: str, message_id: str, timestamp: int, body: str) -> str:
    """The ``webhook-signature`` header value: ``v1,<base64 HMAC-SHA256>``."""
    content = f"{message_id}.{timestamp}.{body}".encode()
    digest = hmac.new(_key(secret), content, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def signature_headers(secret: str, message_id: str, timestamp: int, body: str) -> dict[str, str]:
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret, message_id, timestamp, body),
    }


def minified(payload: dict[str, Any]) -> str:
    """The exact body text that is stored, signed and sent (ASCII-only, no whitespace)."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=True)
