"""A database URL whose host accepts connections but never answers fails in bounded time.

A blackholed or wedged PostgreSQL would otherwise hold startup (migrations) and every request's
connection attempt for minutes: here it is a loopback socket that listens and never speaks.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from talentscout import runtime
from talentscout.db.engine import Database, with_connect_timeout
from talentscout.settings import ConfigurationError, Settings

# psycopg counts whole seconds and waits at least 2 per attempt.
TIMEOUT = 2
BOUND = 10.0  # well under psycopg's own 130 s default, well over the timeout


@pytest.fixture
def silent_url() -> Iterator[str]:
    """A PostgreSQL URL whose server completes the TCP handshake and then says nothing."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)  # never accepted: the kernel queues the connections, nobody answers
        port = server.getsockname()[1]
        yield f"postgresql://nobody:hunter2@127.0.0.1:{port}/talentscout"


def test_startup_against_a_silent_database_fails_with_the_one_line_configuration_error(
    silent_url: str,
) -> None:
    settings = Settings(database_url=silent_url, db_connect_timeout_seconds=TIMEOUT)
    started = time.monotonic()
    with pytest.raises(ConfigurationError) as raised:
        runtime.prepare_database(settings)
    assert time.monotonic() - started < BOUND
    message = str(raised.value)
    assert "TALENTSCOUT_DATABASE_URL (postgresql://nobody:***@127.0.0.1:" in message
    assert f"did not answer within {TIMEOUT} s (TALENTSCOUT_DB_CONNECT_TIMEOUT_SECONDS)" in message
    assert "connect_timeout" not in message  # the operator's URL, as they wrote it
    assert "hunter2" not in message
    assert "\n" not in message


async def test_a_request_connection_to_a_silent_database_times_out(silent_url: str) -> None:
    """A database that stops answering after startup: each request's connection gives up."""
    settings = Settings(database_url=silent_url, db_connect_timeout_seconds=TIMEOUT)
    database = Database(runtime.database_url(settings), pool_size=1)  # as get_database builds it
    started = time.monotonic()
    try:
        with pytest.raises(OperationalError, match="timeout"):
            async with database.unit_of_work() as session:
                await session.execute(text("SELECT 1"))
    finally:
        await database.dispose()
    assert time.monotonic() - started < BOUND


async def test_the_worker_and_its_job_queue_connect_with_the_same_timeout(silent_url: str) -> None:
    """``talentscout worker`` binds the queue (a psycopg pool) to the URL ``prepare_database``
    resolved: each of its connections gives up like the engine's."""
    settings = Settings(database_url=silent_url, db_connect_timeout_seconds=TIMEOUT)
    started = time.monotonic()
    with pytest.raises(psycopg.errors.ConnectionTimeout):
        await asyncio.wait_for(
            psycopg.AsyncConnection.connect(runtime.database_url(settings)), BOUND
        )
    assert time.monotonic() - started < BOUND


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://u@h/db", "postgresql://u@h/db?connect_timeout=7"),
        ("postgresql://u@/db?host=/tmp/s", "postgresql://u@/db?host=/tmp/s&connect_timeout=7"),
        ("postgresql://u@h/db?connect_timeout=30", "postgresql://u@h/db?connect_timeout=30"),
    ],
)
def test_the_timeout_is_added_to_the_url_unless_it_sets_its_own(url: str, expected: str) -> None:
    assert with_connect_timeout(url, 7) == expected
