"""The server secret used to hash API keys.

``TALENTSCOUT_SECRET_KEY`` wins; otherwise a random secret is created once in the data directory.
Several processes that share one database must share this secret (set the variable when they do
not share a data directory).
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path

from talentscout.settings import get_settings


@lru_cache(maxsize=1)
def server_secret() -> str:
    settings = get_settings()
    if settings.secret_key:
        return settings.secret_key
    return _file_secret(settings.data_dir / "secret_key")


def _file_secret(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
