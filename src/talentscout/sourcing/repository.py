"""All SQL for sourcing runs, their delivered candidates and idempotency records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.db.models import IdempotencyRecord, RunCandidate, SourcingRun


class RunRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> RunRepository:
        return cls(session)

    async def add(self, run: SourcingRun) -> SourcingRun:
        self.session.add(run)
        await self.session.flush()
        return run

    async def get(
        self, company_id: str, run_id: str, *, kind: str = "sourcing", for_update: bool = False
    ) -> SourcingRun | None:
        statement = select(SourcingRun).where(
            SourcingRun.company_id == company_id,
            SourcingRun.id == run_id,
            SourcingRun.kind == kind,
        )
        if for_update:
            statement = statement.with_for_update()
        return (await self.session.execute(statement)).scalars().first()

    async def get_for_job(self, run_id: str) -> SourcingRun | None:
        """Jobs carry only the run id; the row itself names its company."""
        statement = select(SourcingRun).where(SourcingRun.id == run_id).with_for_update()
        return (await self.session.execute(statement)).scalars().first()

    async def set_progress(self, run_id: str, pass_number: int, count: int, now: datetime) -> None:
        """Raise the pass's running count (spec: candidates found so far, never fewer: scoring
        reports its chunks after retrieval reported all it found)."""
        await self.session.execute(
            update(SourcingRun)
            .where(
                SourcingRun.id == run_id,
                SourcingRun.pass_number == pass_number,
                SourcingRun.status == "processing",
            )
            .values(
                candidates_sourced_count=func.greatest(SourcingRun.candidates_sourced_count, count),
                updated_at=now,
            )
        )

    async def candidates(self, run_id: str) -> list[RunCandidate]:
        statement = select(RunCandidate).where(RunCandidate.run_id == run_id)
        return list((await self.session.execute(statement)).scalars().all())

    async def delivered_profile_ids(self, run_id: str) -> list[str]:
        statement = select(RunCandidate.profile_id).where(RunCandidate.run_id == run_id)
        return list((await self.session.execute(statement)).scalars().all())

    async def replace_candidates(
        self, run_id: str, company_id: str, rows: Sequence[dict[str, Any]]
    ) -> None:
        """Write the run's candidate set; idempotent when a job body runs twice."""
        await self.session.execute(delete(RunCandidate).where(RunCandidate.run_id == run_id))
        if rows:
            await self.session.execute(
                insert(RunCandidate).values(
                    [{"run_id": run_id, "company_id": company_id, **row} for row in rows]
                )
            )


class IdempotencyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> IdempotencyRepository:
        return cls(session)

    async def claim(
        self,
        *,
        company_id: str,
        scope: str,
        key: str,
        request_hash: str,
        run_id: str,
        response: dict[str, Any],
        now: datetime,
        expired_before: datetime,
    ) -> IdempotencyRecord | None:
        """Insert the key, or return the existing live record (row-locked) if there is one."""
        await self.session.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.company_id == company_id,
                IdempotencyRecord.scope == scope,
                IdempotencyRecord.key == key,
                IdempotencyRecord.created_at < expired_before,
            )
        )
        statement = (
            insert(IdempotencyRecord)
            .values(
                company_id=company_id,
                scope=scope,
                key=key,
                request_hash=request_hash,
                run_id=run_id,
                response=response,
                created_at=now,
            )
            .on_conflict_do_nothing()
            .returning(IdempotencyRecord.key)
        )
        inserted = (await self.session.execute(statement)).first()
        if inserted is not None:
            return None
        existing = select(IdempotencyRecord).where(
            IdempotencyRecord.company_id == company_id,
            IdempotencyRecord.scope == scope,
            IdempotencyRecord.key == key,
        )
        return (await self.session.execute(existing)).scalars().first()
