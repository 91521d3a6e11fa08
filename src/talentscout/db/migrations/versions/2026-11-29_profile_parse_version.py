"""Profiles record the taxonomy/parser version of their stored parse in a column.

Revision ID: 7c1f0b2e9a41
Revises: d9a673f4fe15
Create Date: 2026-11-29 05:00:00.000000

Existing rows get NULL: they are treated as stale and re-parsed by the next worker start (their
parses predate the parser version being recorded at all).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7c1f0b2e9a41"
down_revision: str | None = "d9a673f4fe15"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("profiles", sa.Column("parse_version", sa.String(length=64), nullable=True))
    op.create_index(
        "ix_profiles_company_parse_version",
        "profiles",
        ["company_id", "parse_version"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_profiles_company_parse_version", table_name="profiles")
    op.drop_column("profiles", "parse_version")
