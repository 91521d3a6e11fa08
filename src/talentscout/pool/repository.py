"""All SQL for the talent pool. Every statement is scoped by ``company_id``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    String,
    Table,
    and_,
    bindparam,
    delete,
    func,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Update
from sqlalchemy.sql.elements import ColumnElement

from talentscout.db.models import Profile, ProfileIdentity, RunCandidate
from talentscout.engine.parse import ParsedProfile

TS_CONFIG: Any = literal_column("'english'::regconfig")


TextArg = str | ColumnElement[str]


def weighted_tsvector(titles: TextArg, skills: TextArg, body: TextArg) -> Any:
    """Titles weigh most (A), then skills (B), then the whole text (C)."""

    def part(value: TextArg, weight: str) -> Any:
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

    @classmethod
    def from_parsed(
        cls,
        profile_id: str,
        data: dict[str, Any],
        parsed: ParsedProfile,
        *,
        source: str,
        content_hash: str,
        embedding: list[float] | None,
    ) -> ProfileRow:
        """The row of a parsed profile: titles and skills feed the weighted full-text vector."""
        return cls(
            profile_id=profile_id,
            data=data,
            facts=parsed.to_dict(),
            source=source,
            content_hash=content_hash,
            search_text=parsed.search_text,
            titles_text=" ".join(filter(None, [parsed.headline, *(r.title for r in parsed.roles)])),
            skills_text=" ".join(parsed.skills),
            embedding=embedding,
        )


def _row_params(row: ProfileRow) -> dict[str, Any]:
    return {
        "p_id": row.profile_id, "p_data": row.data, "p_facts": row.facts, "p_source": row.source,
        "p_hash": row.content_hash, "p_text": row.search_text, "p_titles": row.titles_text,
        "p_skills": row.skills_text, "p_embedding": row.embedding,
        "p_version": row.facts.get("taxonomy_version"),
    }  # fmt: skip


# The Core table, for executemany statements: ORM bulk handling refuses UPDATEs with extra
# WHERE criteria and INSERT … SELECT.
PROFILES = cast(Table, Profile.__table__)


def _update_unchanged(company_id: str) -> Update:
    """UPDATE of the company's profile ``p_id`` only while its content is still ``p_hash``."""
    return update(PROFILES).where(
        PROFILES.c.company_id == company_id,
        PROFILES.c.id == bindparam("p_id"),
        PROFILES.c.content_hash == bindparam("p_hash"),
    )


def _parsed_under_another(version: str) -> ColumnElement[bool]:
    """Stale: parsed under another taxonomy/parser version than ``version`` (or never recorded)."""
    return Profile.parse_version.is_distinct_from(version)


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

    async def documents(
        self, company_id: str, profile_ids: Sequence[str]
    ) -> dict[str, dict[str, Any]]:
        """The stored JSON documents of these profiles (no parse, no embedding)."""
        if not profile_ids:
            return {}
        statement = select(Profile.id, Profile.data).where(
            Profile.company_id == company_id, Profile.id.in_(list(profile_ids))
        )
        return {pid: data for pid, data in (await self.session.execute(statement)).all()}

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
            parse_version=bindparam("p_version"),
            created_at=now,
            updated_at=now,
        )  # fmt: skip
        updated = (
            "data", "facts", "source", "content_hash", "search_text", "tsv", "embedding",
            "parse_version",
        )  # fmt: skip
        statement = statement.on_conflict_do_update(
            index_elements=[Profile.id],
            set_={k: statement.excluded[k] for k in updated} | {"updated_at": now},
            where=Profile.company_id == company_id,
        )
        await self.session.execute(statement, [_row_params(r) for r in rows])

    async def add_identities(
        self, company_id: str, identities: Sequence[tuple[str, str, str]]
    ) -> None:
        """(kind, value, profile_id) rows; a key already taken keeps its profile, and a key
        is only ever recorded for a profile of this company."""
        unique = list(dict.fromkeys(identities))
        if not unique:
            return
        owned = select(
            literal(company_id),
            bindparam("p_kind", type_=String),
            bindparam("p_value", type_=String),
            Profile.id,
        ).where(Profile.id == bindparam("p_profile"), Profile.company_id == company_id)
        statement = insert(cast(Table, ProfileIdentity.__table__)).from_select(
            ["company_id", "kind", "value", "profile_id"], owned
        )
        await self.session.execute(
            statement.on_conflict_do_nothing(),
            [{"p_kind": k, "p_value": v, "p_profile": p} for k, v, p in unique],
        )

    async def page(
        self,
        company_id: str,
        limit: int,
        after: tuple[datetime, str] | None,
        *,
        stale_for: str | None = None,
    ) -> list[Profile]:
        """Profiles in creation order after ``after``; with ``stale_for``, only those parsed
        under another version than it."""
        statement = select(Profile).where(Profile.company_id == company_id)
        if stale_for is not None:
            statement = statement.where(_parsed_under_another(stale_for))
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
            .where(_parsed_under_another(taxonomy_version))
            .distinct()
            .order_by(Profile.company_id)
        )
        return list((await self.session.execute(statement)).scalars().all())

    async def count(self, company_id: str, *, stale_for: str | None = None) -> int:
        statement = (
            select(func.count()).select_from(Profile).where(Profile.company_id == company_id)
        )
        if stale_for is not None:
            statement = statement.where(_parsed_under_another(stale_for))
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

    async def refresh_facts(
        self, company_id: str, facts: Sequence[tuple[str, str, dict[str, Any]]]
    ) -> None:
        """(profile id, content hash read, facts): store re-parsed facts of profiles whose
        content is unchanged since they were read. ``parse_version`` is left as it was: the
        search text, full-text vector and embedding are still the old parse's, so the profile
        stays due for ``pool.reindex``."""
        if not facts:
            return
        statement = _update_unchanged(company_id).values(
            facts=bindparam("p_facts", type_=PROFILES.c.facts.type)
        )
        await self.session.execute(
            statement, [{"p_id": i, "p_hash": h, "p_facts": f} for i, h, f in facts]
        )

    async def refresh_parses(self, company_id: str, rows: Sequence[ProfileRow]) -> list[str]:
        """Replace stored parses (facts, search text, full-text vector, embedding) of profiles
        whose content is still ``row.content_hash``; answers the ids refreshed. A profile
        updated since it was read keeps its newer parse (no lost update)."""
        if not rows:
            return []
        statement = (
            _update_unchanged(company_id)
            .values(
                facts=bindparam("p_facts", type_=PROFILES.c.facts.type),
                search_text=bindparam("p_text"),
                tsv=weighted_tsvector(
                    bindparam("p_titles", type_=String), bindparam("p_skills", type_=String),
                    bindparam("p_text", type_=String),
                ),
                embedding=bindparam("p_embedding", type_=PROFILES.c.embedding.type),
                parse_version=bindparam("p_version"),
            )
            .returning(PROFILES.c.id)
        )  # fmt: skip
        refreshed: list[str] = []
        for r in rows:  # RETURNING needs one statement per row
            result = await self.session.execute(statement, _row_params(r))
            refreshed.extend(result.scalars().all())
        return refreshed
