"""All SQL for the talent pool. Every statement is scoped by ``company_id``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, func, literal_column, or_, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.db.models import Profile, ProfileIdentity, RunCandidate

TS_CONFIG: Any = literal_column("'english'::regconfig")


def weighted_tsvector(titles: str, skills: str, body: str) -> Any:
    """Titles weigh most (A), then skills (B), then the whole text (C)."""

    def part(value: str, weight: str) -> Any:
        return func.setweight(func.to_tsvector(TS_CONFIG, value), literal_column(f"'{weight}'"))

    return part(titles, "A").op("||")(part(skills, "B")).op("||")(part(body, "C"))


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

    async def upsert(
        self,
        *,
        company_id: str,
        profile_id: str,
        data: dict[str, Any],
        facts: dict[str, Any],
        source: str,
        content_hash: str,
        search_text: str,
        titles_text: str,
        skills_text: str,
        embedding: list[float] | None,
        now: datetime,
    ) -> None:
        values = {
            "id": profile_id,
            "company_id": company_id,
            "data": data,
            "facts": facts,
            "source": source,
            "content_hash": content_hash,
            "search_text": search_text,
            "tsv": weighted_tsvector(titles_text, skills_text, search_text),
            "embedding": embedding,
            "created_at": now,
            "updated_at": now,
        }
        statement = insert(Profile).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=[Profile.id],
            set_={k: statement.excluded[k] for k in values if k not in {"id", "created_at"}},
            where=Profile.company_id == company_id,
        )
        await self.session.execute(statement)

    async def add_identities(
        self, company_id: str, profile_id: str, keys: Sequence[tuple[str, str]]
    ) -> None:
        if not keys:
            return
        statement = insert(ProfileIdentity).values(
            [
                {"company_id": company_id, "kind": kind, "value": value, "profile_id": profile_id}
                for kind, value in keys
            ]
        )
        await self.session.execute(statement.on_conflict_do_nothing())

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
