"""Alembic environment: runs migrations on a sync psycopg connection."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from talentscout.db.engine import sqlalchemy_url
from talentscout.db.migrate import include_name
from talentscout.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is None:
        engine = create_engine(
            sqlalchemy_url(config.get_main_option("sqlalchemy.url") or ""), poolclass=pool.NullPool
        )
        with engine.connect() as connection:
            _run(connection)
    else:
        _run(connectable)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        include_name=include_name,
    )
    with context.begin_transaction():
        # Serialise concurrent migrators (several processes starting on one database).
        context.execute("SELECT pg_advisory_xact_lock(7432002)")
        context.run_migrations()


run_migrations_online()
