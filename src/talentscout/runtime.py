"""Process-wide resources shared by the API and the worker: the database and the embedder.

Created once per process on first use; the database URL comes from settings (starting the embedded
server when none is configured) and migrations run before first use.
"""

from __future__ import annotations

import threading

import psycopg
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from talentscout.db.engine import (
    Database,
    resolve_database_url,
    sets_connect_timeout,
    sqlalchemy_url,
)
from talentscout.db.migrate import upgrade
from talentscout.engine.taxonomy import default_taxonomy, set_default_taxonomy
from talentscout.search.embedder import Embedder, get_embedder
from talentscout.settings import ConfigurationError, Settings, env_name, get_settings
from talentscout.taxonomy_import import load_extension

_lock = threading.Lock()
_database: Database | None = None


def database_url(settings: Settings | None = None) -> str:
    return resolve_database_url(settings or get_settings())


def prepare_database(settings: Settings | None = None) -> str:
    """Resolve the URL and bring the schema to head (serialised by an advisory lock).

    A configured URL that is not PostgreSQL, cannot be reached or does not answer within
    ``db_connect_timeout_seconds`` is a :class:`ConfigurationError` naming the setting, not a
    driver traceback or a hang."""
    settings = settings or get_settings()
    configured = settings.database_url
    if not configured:
        url = database_url(settings)
        upgrade(url)
        return url
    setting = env_name("database_url")
    try:
        sqlalchemy_url(configured)
    except ValueError as exc:
        raise ConfigurationError(
            f"{setting} must be a postgresql:// URL ({exc}); unset it to use the embedded database"
        ) from exc
    url = database_url(settings)
    try:
        upgrade(url)
    except OperationalError as exc:
        shown = make_url(configured).render_as_string(hide_password=True)
        raise ConfigurationError(
            f"cannot use the database of {setting} ({shown}): {_failure(exc, configured, settings)}"
            f" Check that PostgreSQL runs there and the URL is right, or unset {setting} to use "
            "the embedded database"
        ) from exc
    return url


def _failure(exc: OperationalError, configured: str, settings: Settings) -> str:
    """Why the connection failed, as one sentence (libpq's text spans several lines)."""
    if isinstance(exc.orig, psycopg.errors.ConnectionTimeout):
        if sets_connect_timeout(configured):
            return "it did not answer within the URL's connect_timeout."
        setting = env_name("db_connect_timeout_seconds")
        return f"it did not answer within {settings.db_connect_timeout_seconds} s ({setting})."
    reason = " ".join(str(exc.orig or exc).split())
    return reason + ("" if reason.endswith((".", "?", "!")) else ".")


def get_database() -> Database:
    global _database
    with _lock:
        if _database is None:
            settings = get_settings()
            _database = Database(prepare_database(settings), pool_size=settings.db_pool_size)
        return _database


async def dispose_database() -> None:
    """Release the process's database connections, if it opened any (a failed start did not)."""
    if _database is not None:
        await _database.dispose()


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
    """The configured embedder (loaded once per process); a model that cannot be loaded is a
    :class:`ConfigurationError` naming ``TALENTSCOUT_EMBEDDER``."""
    name = get_settings().embedder
    setting = f"{env_name('embedder')}={name!r}"
    try:
        return get_embedder(name)
    except ImportError as exc:
        if (exc.name or "").split(".")[0] == "sentence_transformers":
            raise ConfigurationError(
                f"{setting} needs the optional sentence-transformers package, which is not "
                f"installed: `pip install sentence-transformers`, or unset {env_name('embedder')} "
                "to use the built-in wordllama embedder"
            ) from exc
        raise ConfigurationError(f"{setting} cannot be loaded: {exc}") from exc
    except (OSError, ValueError) as exc:  # an unknown model name or path, a wrong dimension
        raise ConfigurationError(
            f"{setting} cannot be loaded: {exc}; unset it to use the built-in wordllama embedder"
        ) from exc
