"""Build or upgrade the schema by running the Alembic migrations (also in tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.set_main_option("file_template", "%%(year)d-%%(month).2d-%%(day).2d_%%(slug)s")
    return config


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """procrastinate owns its tables (created from its own schema SQL); autogenerate skips them."""
    return not (type_ == "table" and (name or "").startswith("procrastinate_"))


def upgrade(url: str) -> None:
    command.upgrade(alembic_config(url), "head")
