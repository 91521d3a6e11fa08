"""The schema is built by the migrations, and the migrations match the models exactly."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from talentscout.db.engine import sqlalchemy_url
from talentscout.db.migrate import include_name, upgrade
from talentscout.db.models import Base


def test_migrations_leave_no_autogenerate_diff(database_url: str) -> None:
    engine = create_engine(sqlalchemy_url(database_url))
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_upgrade_is_idempotent(database_url: str) -> None:
    upgrade(database_url)  # already at head: a second process starting must be a no-op
