"""Database URL resolution, the async engine and the session factory.

One unit of work per request or job: the caller opens a session, services only flush, and the
request dependency or job wrapper commits or rolls back.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache

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
    """The plain ``postgresql://`` URI of TalentScout's database (starting the embedded server)."""
    if settings.database_url:
        return settings.database_url
    admin = embedded_admin_uri(settings.data_dir)
    ensure_database(admin, DATABASE_NAME)
    return with_database(admin, DATABASE_NAME)


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
