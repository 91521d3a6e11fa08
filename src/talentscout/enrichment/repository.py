"""All SQL of enrichment runs and HTML cards. Every tenant-owned read is scoped by company here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.db.models import EnrichmentRun, Profile, RunCandidate, SourcingRun, WebhookConfig


class EnrichmentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> EnrichmentRepository:
        return cls(session)

    async def add(self, run: EnrichmentRun) -> EnrichmentRun:
        self.session.add(run)
        await self.session.flush()
        return run

    async def get(self, company_id: str, run_id: str) -> EnrichmentRun | None:
        statement = select(EnrichmentRun).where(
            EnrichmentRun.company_id == company_id, EnrichmentRun.id == run_id
        )
        return (await self.session.execute(statement)).scalars().first()

    async def get_for_job(self, run_id: str) -> EnrichmentRun | None:
        """Jobs carry only the run id; the row names its company. Row-locked so two executions
        of the same job (at-least-once delivery) cannot both finish the run."""
        statement = select(EnrichmentRun).where(EnrichmentRun.id == run_id).with_for_update()
        return (await self.session.execute(statement)).scalars().first()

    async def runs_mentioning(self, company_id: str, profile_id: str) -> list[EnrichmentRun]:
        """Runs whose stored results may hold a copy of this profile (row-locked for rewrite)."""
        statement = (
            select(EnrichmentRun)
            .where(
                EnrichmentRun.company_id == company_id,
                EnrichmentRun.profile_ids.contains([profile_id]),
            )
            .with_for_update()
        )
        return list((await self.session.execute(statement)).scalars().all())

    async def profiles(self, company_id: str, profile_ids: Sequence[str]) -> list[Profile]:
        if not profile_ids:
            return []
        statement = select(Profile).where(
            Profile.company_id == company_id, Profile.id.in_(list(profile_ids))
        )
        return list((await self.session.execute(statement)).scalars().all())

    async def latest_delivered(
        self, company_id: str, profile_ids: Sequence[str]
    ) -> dict[str, dict[str, Any]]:
        """The Candidate payload each profile got in its most recent *sourcing* delivery.

        Preview rows are excluded: they carry no match score, only the nine shallow fields.
        """
        if not profile_ids:
            return {}
        recency = (
            func.row_number()
            .over(
                partition_by=RunCandidate.profile_id,
                order_by=(SourcingRun.completed_at.desc().nulls_last(), RunCandidate.id.desc()),
            )
            .label("recency")
        )
        ranked = (
            select(RunCandidate.profile_id, RunCandidate.payload, recency)
            .join(SourcingRun, SourcingRun.id == RunCandidate.run_id)
            .where(
                RunCandidate.company_id == company_id,
                SourcingRun.company_id == company_id,
                SourcingRun.kind == "sourcing",
                RunCandidate.profile_id.in_(list(profile_ids)),
            )
            .subquery()
        )
        statement = select(ranked.c.profile_id, ranked.c.payload).where(ranked.c.recency == 1)
        rows = (await self.session.execute(statement)).all()
        return {profile_id: dict(payload) for profile_id, payload in rows}

    async def webhook_owner_and_events(self, webhook_id: str) -> tuple[str, list[str]] | None:
        """Unscoped on purpose: another company's id must answer 403, an unknown one 404."""
        statement = select(WebhookConfig.company_id, WebhookConfig.events).where(
            WebhookConfig.id == webhook_id
        )
        row = (await self.session.execute(statement)).first()
        return (row[0], list(row[1] or [])) if row is not None else None
