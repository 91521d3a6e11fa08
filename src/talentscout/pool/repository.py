"""All SQL for the talent pool. Every statement is scoped by ``company_id``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    String,
    and_,
    bindparam,
    delete,
    func,
    literal_column,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from talentscout.db.models import Profile, ProfileIdentity, RunCandidate

TS_CONFIG: Any = literal_column("'english'::regconfig")


Text = str | ColumnElement[str]


def weighted_tsvector(titles: Text, skills: Text, body: Text) -> Any:
    """Titles weigh most (A), then skills (B), then the whole text (C)."""

    def part(value: Text, weight: str) -> Any:
        return func.setweight(func.to_tsvector(TS_CONFIG, value), literal_column(f"'{weight}'"))

    return part(titles, "A").op("||")(part(skills, "B")).op("||")(part(body, "C"))


@dataclass(frozen=True)
class ProfileRow:
    """What ``upsert_many`` writes for one profile."""

    profile_id: str
    data: dict[str, Any]
    facts: dict[str, Any]
    source: str
    content_hash: str
    search_text: str
    titles_text: str
    skills_text: str
    embedding: list[float] | None


class ProfileRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> ProfileRepository:
        return cls(session)

    async def resolve_identities(
        self, company_id: str, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], str]:
        if not keys:
            return {}
        statement = select(
            ProfileIdentity.kind, ProfileIdentity.value, ProfileIdentity.profile_id
        ).where(
            ProfileIdentity.company_id == company_id,
            tuple_(ProfileIdentity.kind, ProfileIdentity.value).in_(list(keys)),
        )
        rows = (await self.session.execute(statement)).all()
        return {(kind, value): profile_id for kind, value, profile_id in rows}

    async def get(self, company_id: str, profile_id: str) -> Profile | None:
        statement = select(Profile).where(
            Profile.company_id == company_id, Profile.id == profile_id
        )
        return (await self.session.execute(statement)).scalars().first()

    async def get_many(self, company_id: str, profile_ids: Sequence[str]) -> list[Profile]:
        if not profile_ids:
            return []
        statement = select(Profile).where(
            Profile.company_id == company_id, Profile.id.in_(list(profile_ids))
        )
        return list((await self.session.execute(statement)).scalars().all())

    async def content_hashes(self, company_id: str, profile_ids: Sequence[str]) -> dict[str, str]:
        statement = select(Profile.id, Profile.content_hash).where(
            Profile.company_id == company_id, Profile.id.in_(list(profile_ids))
        )
        return {pid: h for pid, h in (await self.session.execute(statement)).all()}

    async def upsert_many(self, company_id: str, rows: Sequence[ProfileRow], now: datetime) -> None:
        """Insert or update profiles (one id at most once), one executemany for the batch: the
        statement is compiled once, not per profile. The full-text vector is computed by the
        server from the row's title, skill and body texts."""
        if not rows:
            return
        statement = insert(Profile).values(
            id=bindparam("p_id"),
            company_id=company_id,
            data=bindparam("p_data", type_=Profile.data.type),
            facts=bindparam("p_facts", type_=Profile.facts.type),
            source=bindparam("p_source"),
            content_hash=bindparam("p_hash"),
            search_text=bindparam("p_text"),
            tsv=weighted_tsvector(
                bindparam("p_titles", type_=String), bindparam("p_skills", type_=String),
                bindparam("p_text", type_=String),
            ),
            embedding=bindparam("p_embedding", type_=Profile.embedding.type),
            created_at=now,
            updated_at=now,
        )  # fmt: skip
        updated = ("data", "facts", "source", "content_hash", "search_text", "tsv", "embedding")
        statement = statement.on_conflict_do_update(
            index_elements=[Profile.id],
            set_={k: statement.excluded[k] for k in updated} | {"updated_at": now},
            where=Profile.company_id == company_id,
        )
        await self.session.execute(
            statement,
            [
                {
                    "p_id": r.profile_id,
                    "p_data": r.data,
                    "p_facts": r.facts,
                    "p_source": r.source,
                    "p_hash": r.content_hash,
                    "p_text": r.search_text,
                    "p_titles": r.titles_text,
                    "p_skills": r.skills_text,
                    "p_embedding": r.embedding,
                }
                for r in rows
            ],  # fmt: skip
        )

    async def add_identities(
        self, company_id: str, identities: Sequence[tuple[str, str, str]]
    ) -> None:
        """(kind, value, profile_id) rows; a key already taken keeps its profile."""
        unique = list(dict.fromkeys(identities))
        if not unique:
            return
        statement = insert(ProfileIdentity).values(
            company_id=company_id,
            kind=bindparam("p_kind"),
            value=bindparam("p_value"),
            profile_id=bindparam("p_profile"),
        )
        await self.session.execute(
            statement.on_conflict_do_nothing(),
            [{"p_kind": k, "p_value": v, "p_profile": p} for k, v, p in unique],
        )

    async def page(
        self, company_id: str, limit: int, after: tuple[datetime, str] | None
    ) -> list[Profile]:
        statement = select(Profile).where(Profile.company_id == company_id)
        if after is not None:
            created, ident = after
            statement = statement.where(
                or_(
                    Profile.created_at > created,
                    and_(Profile.created_at == created, Profile.id > ident),
                )
            )
        statement = statement.order_by(Profile.created_at, Profile.id).limit(limit)
        return list((await self.session.execute(statement)).scalars().all())

    async def companies_with_stale_parses(self, taxonomy_version: str) -> list[str]:
        """Companies holding a profile parsed with another taxonomy version (all companies:
        used by the worker's start-up check, never by a request)."""
        statement = (
            select(Profile.company_id)
            .where(Profile.facts["taxonomy_version"].astext.is_distinct_from(taxonomy_version))
            .distinct()
            .order_by(Profile.company_id)
        )
        return list((await self.session.execute(statement)).scalars().all())

    async def count(self, company_id: str) -> int:
        statement = (
            select(func.count()).select_from(Profile).where(Profile.company_id == company_id)
        )
        return int((await self.session.execute(statement)).scalar_one())

    async def delete(self, company_id: str, profile_id: str) -> bool:
        """Erase the profile (identities cascade) and its copies in stored run results."""
        result = await self.session.execute(
            delete(Profile)
            .where(Profile.company_id == company_id, Profile.id == profile_id)
            .returning(Profile.id)
        )
        if result.first() is None:
            return False
        await self.session.execute(
            delete(RunCandidate).where(
                RunCandidate.company_id == company_id, RunCandidate.profile_id == profile_id
            )
        )
        return True

    async def set_index(
        self,
        company_id: str,
        profile_id: str,
        *,
        titles_text: str,
        skills_text: str,
        search_text: str,
    ) -> None:
        await self.session.execute(
            update(Profile)
            .where(Profile.company_id == company_id, Profile.id == profile_id)
            .values(tsv=weighted_tsvector(titles_text, skills_text, search_text))
        )

    async def set_embeddings(self, company_id: str, vectors: dict[str, list[float]]) -> None:
        for profile_id, vector in vectors.items():
            await self.session.execute(
                update(Profile)
                .where(Profile.company_id == company_id, Profile.id == profile_id)
                .values(embedding=vector)
            )
