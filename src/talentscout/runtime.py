"""Process-wide resources shared by the API and the worker: the database and the embedder.

Created once per process on first use; the database URL comes from settings (starting the embedded
server when none is configured) and migrations run before first use.
"""

from __future__ import annotations

import threading

from talentscout.db.engine import Database, resolve_database_url
from talentscout.db.migrate import upgrade
from talentscout.engine.taxonomy import default_taxonomy, set_default_taxonomy
from talentscout.search.embedder import Embedder, get_embedder
from talentscout.settings import Settings, get_settings
from talentscout.taxonomy_import import load_extension

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


def install_taxonomy(settings: Settings | None = None) -> int:
    """Merge ``<data_dir>/taxonomy/extension.json`` (written by ``talentscout taxonomy import``)
    into the process-wide taxonomy; answers how many entries it added (0 when there is none).

    Parsed profiles record the taxonomy version they were parsed with, so profiles imported before
    an extension are re-parsed when they are next scored.
    """
    extension = load_extension((settings or get_settings()).data_dir)
    set_default_taxonomy(None)
    if extension.skills or extension.titles:
        set_default_taxonomy(default_taxonomy().extend(extension.skills, extension.titles))
    return len(extension.skills) + len(extension.titles)


def embedder() -> Embedder:
    return get_embedder(get_settings().embedder)
