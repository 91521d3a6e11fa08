"""Database URL resolution, the async engine and the session factory.

One unit of work per request or job: the caller opens a session, services only flush, and the
request dependency or job wrapper commits or rolls back.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from urllib.parse import parse_qs

from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from talentscout.db.embedded import (
    DATABASE_NAME,
    embedded_admin_uri,
    ensure_database,
    with_database,
)
from talentscout.settings import Settings, get_settings


def resolve_database_url(settings: Settings) -> str:
    """The plain ``postgresql://`` URI of TalentScout's database (starting the embedded server).

    It carries ``db_connect_timeout_seconds`` as libpq's ``connect_timeout``, so every connection
    opened from it (the engine, Alembic, the job queue's pool) gives up on a silent host alike."""
    url = settings.database_url
    if not url:
        admin = embedded_admin_uri(settings.data_dir)
        ensure_database(admin, DATABASE_NAME)
        url = with_database(admin, DATABASE_NAME)
    return with_connect_timeout(url, settings.db_connect_timeout_seconds)


def sets_connect_timeout(uri: str) -> bool:
    return "connect_timeout" in parse_qs(uri.partition("?")[2])


def with_connect_timeout(uri: str, seconds: int) -> str:
    """``uri`` with ``connect_timeout=seconds``, unless it already sets its own."""
    if sets_connect_timeout(uri):
        return uri
    base, _, query = uri.partition("?")
    return f"{base}?{query}{'&' if query else ''}connect_timeout={seconds}"


def sqlalchemy_url(uri: str) -> str:
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if uri.startswith(prefix):
            return "postgresql+psycopg://" + uri[len(prefix) :]
    raise ValueError(f"Not a PostgreSQL URL: {uri.split('@')[-1]}")


def libpq_url(uri: str) -> str:
    """psycopg/libpq accept ``postgresql://`` only."""
    return uri.replace("postgresql+psycopg://", "postgresql://", 1)


class Database:
    """Holds the engine and session factory of one database URL."""

    def __init__(self, url: str, pool_size: int = 10) -> None:
        self.url = libpq_url(url)
        self.engine: AsyncEngine = create_async_engine(
            sqlalchemy_url(url), pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True
        )
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False)

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[AsyncSession]:
        """A session that commits on success and rolls back on any exception."""
        async with self.sessionmaker() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    async def dispose(self) -> None:
        await self.engine.dispose()


@lru_cache(maxsize=1)
def default_database_url() -> str:
    return resolve_database_url(get_settings())
