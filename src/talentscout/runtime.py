"""Process-wide resources shared by the API and the worker: the database and the embedder.

Created once per process on first use; the database URL comes from settings (starting the embedded
server when none is configured) and migrations run before first use.
"""

from __future__ import annotations

import threading

from talentscout.db.engine import Database, resolve_database_url
from talentscout.db.migrate import upgrade
from talentscout.search.embedder import Embedder, get_embedder
from talentscout.settings import Settings, get_settings

_lock = threading.Lock()
_database: Database | None = None


def database_url(settings: Settings | None = None) -> str:
    return resolve_database_url(settings or get_settings())


def prepare_database(settings: Settings | None = None) -> str:
    """Resolve the URL and bring the schema to head (serialised by an advisory lock)."""
    url = database_url(settings)
    upgrade(url)
    return url


def get_database() -> Database:
    global _database
    with _lock:
        if _database is None:
            settings = get_settings()
            _database = Database(prepare_database(settings), pool_size=settings.db_pool_size)
        return _database


def set_database(database: Database | None) -> None:
    """Used by tests and the CLI to point the process at a specific database."""
    global _database
    with _lock:
        _database = database


def embedder() -> Embedder:
    return get_embedder(get_settings().embedder)
