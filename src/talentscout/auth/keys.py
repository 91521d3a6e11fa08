"""API key format and keyed hashing: the key is shown once, only its HMAC is stored."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import string

_ALPHABET = string.ascii_letters + string.digits
KEY_PATTERN = re.compile(r"^sk_(live|test)_[A-Za-z0-9]{32}$")

ALL_SCOPES = (
    "sourcing:write",
    "sourcing:read",
    "enrich:write",
    "read:webhooks",
    "write:webhooks",
    "read:billing",
    "pool:read",
    "pool:write",
)


def generate_key(mode: str = "live") -> str:
    if mode not in {"live", "test"}:
        raise ValueError("mode must be 'live' or 'test'")
    return f"sk_{mode}_" + "".join(secrets.choice(_ALPHABET) for _ in range(32))


def hash_key(key: str, secret: str) -> str:
    return hmac.new(secret.encode(), key.encode(), hashlib.sha256).hexdigest()


def display_prefix(key: str) -> str:
    """Enough of the key to recognise it in a list, never enough to use it."""
    return key[:12]


def is_well_formed(key: str) -> bool:
    return bool(KEY_PATTERN.match(key))
