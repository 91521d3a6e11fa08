"""Test fixtures: a real embedded PostgreSQL (pgvector) database built by the migrations, the real
app behind an httpx AsyncClient, and an in-process procrastinate worker that drains the queue."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

_DATA_DIR = Path(tempfile.mkdtemp(prefix="talentscout-tests-"))
os.environ.setdefault("TALENTSCOUT_DATA_DIR", str(_DATA_DIR))
os.environ.setdefault("TALENTSCOUT_SECRET_KEY", "test-secret-" + uuid.uuid4().hex)
os.environ["TALENTSCOUT_ENV"] = "test"

import httpx  # noqa: E402
import pytest  # noqa: E402
from fastapi import FastAPI  # noqa: E402

from talentscout import runtime  # noqa: E402
from talentscout.app import create_app  # noqa: E402
from talentscout.db.embedded import (  # noqa: E402
    drop_database,
    embedded_admin_uri,
    ensure_database,
    with_database,
)
from talentscout.db.engine import Database  # noqa: E402
from talentscout.db.migrate import upgrade  # noqa: E402
from talentscout.queue import bind_queue  # noqa: E402
from talentscout.settings import Settings, get_settings  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A fresh database on the embedded server (or TALENTSCOUT_TEST_ADMIN_URL's server)."""
    admin = os.environ.get("TALENTSCOUT_TEST_ADMIN_URL") or embedded_admin_uri(_DATA_DIR)
    name = f"ts_test_{uuid.uuid4().hex[:10]}"
    ensure_database(admin, name)
    url = with_database(admin, name)
    upgrade(url)
    yield url
    drop_database(admin, name)


@pytest.fixture(scope="session")
def settings() -> Settings:
    get_settings.cache_clear()
    return get_settings()


@pytest.fixture(scope="session")
async def database(database_url: str) -> AsyncIterator[Database]:
    db = Database(database_url, pool_size=5)
    runtime.set_database(db)
    yield db
    runtime.set_database(None)
    await db.dispose()


@pytest.fixture(scope="session")
async def app(database: Database, settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings, database)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 5555))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


class QueueDrainer:
    """Runs every queued job to completion in-process, like one worker would."""

    def __init__(self, url: str) -> None:
        self.url = url

    async def __call__(self) -> None:
        queue = bind_queue(self.url, pool_size=2)
        async with queue.open_async():
            await queue.run_worker_async(
                wait=False, install_signal_handlers=False, listen_notify=False, concurrency=1
            )


@pytest.fixture
def drain_queue(database: Database) -> QueueDrainer:
    return QueueDrainer(database.url)
