"""Identity keys of a person, so re-imports never duplicate them.

Resolution order (spec §8): external ids, then normalised emails, then profile URLs. Each key is a
``(kind, value)`` pair; the first existing match wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_GMAIL = {"gmail.com", "googlemail.com"}


def normalise_email(email: str) -> str | None:
    email = email.strip().lower()
    if not _EMAIL.fullmatch(email):
        return None
    local, _, domain = email.partition("@")
    if domain in _GMAIL:
        local = local.split("+", 1)[0].replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"


def normalise_url(url: str) -> str | None:
    url = url.strip()
    if not url:
        return None
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not host or "." not in host:
        return None
    host = host.removeprefix("www.")
    path = parts.path.rstrip("/").lower()
    return f"{host}{path}"


def identity_keys(
    profile: Mapping[str, Any], text_emails: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """Ordered identity keys: strongest first."""
    keys: list[tuple[str, str]] = []
    external = profile.get("externalIds") or {}
    if isinstance(external, Mapping):
        for network, value in sorted(external.items()):
            if isinstance(value, str) and value.strip():
                keys.append((f"ext:{network.strip().lower()}", value.strip()))
    basics = profile.get("basics") or {}
    emails = [basics.get("email")] if isinstance(basics, Mapping) else []
    for email in [*emails, *text_emails]:
        if isinstance(email, str) and (normal := normalise_email(email)):
            keys.append(("email", normal))
    urls: list[Any] = []
    if isinstance(basics, Mapping):
        urls.append(basics.get("url"))
        for item in basics.get("profiles") or []:
            if isinstance(item, Mapping):
                urls.append(item.get("url"))
    for url in urls:
        if isinstance(url, str) and (normal := normalise_url(url)):
            keys.append(("url", normal))
    return list(dict.fromkeys(keys))
