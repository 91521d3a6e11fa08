"""Retrieval SQL over one company's pool: PostgreSQL full-text and pgvector HNSW."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Float, cast, func, literal, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.db.models import Profile
from talentscout.pool.repository import TS_CONFIG


def _phrase(term: str) -> Any:
    return func.phraseto_tsquery(TS_CONFIG, term)


class SearchRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> SearchRepository:
        return cls(session)

    async def lexical(
        self,
        company_id: str,
        terms: Sequence[tuple[str, float]],
        limit: int,
        exclude: Sequence[str] = (),
    ) -> list[tuple[str, float]]:
        """Profiles matching any weighted term, best first (sum of weight × ts_rank per term)."""
        terms = [(t, w) for t, w in terms if t.strip()][:40]
        if not terms:
            return []
        combined = _phrase(terms[0][0])
        for term, _ in terms[1:]:
            combined = combined.op("||")(_phrase(term))
        rank: Any = literal(0.0, Float)
        for term, weight in terms:
            rank = rank + cast(weight, Float) * func.ts_rank(Profile.tsv, _phrase(term))
        statement = (
            select(Profile.id, rank.label("rank"))
            .where(Profile.company_id == company_id, Profile.tsv.op("@@")(combined))
            .order_by(rank.desc(), Profile.id)
            .limit(limit)
        )
        if exclude:
            statement = statement.where(Profile.id.not_in(list(exclude)))
        rows = (await self.session.execute(statement)).all()
        return [(pid, float(score)) for pid, score in rows]

    async def lexical_any_word(
        self, company_id: str, words: Sequence[str], limit: int
    ) -> list[tuple[str, float]]:
        """Plain full-text baseline: OR of every word, ranked by ``ts_rank_cd``."""
        query = " | ".join(dict.fromkeys(w for w in words if w.isalnum()))
        if not query:
            return []
        tsquery = func.to_tsquery(TS_CONFIG, query)
        rank = func.ts_rank_cd(Profile.tsv, tsquery)
        statement = (
            select(Profile.id, rank)
            .where(Profile.company_id == company_id, Profile.tsv.op("@@")(tsquery))
            .order_by(rank.desc(), Profile.id)
            .limit(limit)
        )
        rows = (await self.session.execute(statement)).all()
        return [(pid, float(score)) for pid, score in rows]

    async def lexeme_counts(self, company_id: str) -> dict[str, dict[str, int]]:
        """Every profile's full-text lexemes with their counts (evaluation baselines)."""
        lexemes = func.unnest(Profile.tsv).table_valued("lexeme", "positions", "weights")
        statement = (
            select(Profile.id, lexemes.c.lexeme, func.cardinality(lexemes.c.positions))
            .select_from(Profile)
            .join(lexemes, literal(True))
            .where(Profile.company_id == company_id)
        )
        counts: dict[str, dict[str, int]] = {}
        for pid, lexeme, count in (await self.session.execute(statement)).all():
            counts.setdefault(pid, {})[lexeme] = int(count or 1)
        return counts

    async def text_lexemes(self, text_value: str) -> dict[str, int]:
        """The lexemes PostgreSQL derives from a text, with counts."""
        lexemes = func.unnest(func.to_tsvector(TS_CONFIG, text_value)).table_valued(
            "lexeme", "positions", "weights"
        )
        statement = select(lexemes.c.lexeme, func.cardinality(lexemes.c.positions))
        return {lex: int(n or 1) for lex, n in (await self.session.execute(statement)).all()}

    async def vector(
        self,
        company_id: str,
        vector: Sequence[float],
        limit: int,
        exclude: Sequence[str] = (),
    ) -> list[tuple[str, float]]:
        """Nearest profiles by cosine distance; returns (id, similarity)."""
        await self.session.execute(text("SET LOCAL hnsw.iterative_scan = strict_order"))
        await self.session.execute(text(f"SET LOCAL hnsw.ef_search = {max(40, min(limit, 1000))}"))
        distance = Profile.embedding.cosine_distance(list(vector))
        statement = (
            select(Profile.id, distance)
            .where(Profile.company_id == company_id, Profile.embedding.is_not(None))
            .order_by(distance, Profile.id)
            .limit(limit)
        )
        if exclude:
            statement = statement.where(Profile.id.not_in(list(exclude)))
        rows = (await self.session.execute(statement)).all()
        return [(pid, 1.0 - float(dist)) for pid, dist in rows]

    async def load(self, company_id: str, profile_ids: Sequence[str]) -> list[Profile]:
        if not profile_ids:
            return []
        statement = select(Profile).where(
            Profile.company_id == company_id, Profile.id.in_(list(profile_ids))
        )
        return list((await self.session.execute(statement)).scalars().all())
