"""All SQL of the append-only credit ledger."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.db.models import CreditEntry


@dataclass(frozen=True)
class CostKeyTotals:
    cost_key: str
    events: int
    credits_used: int


class LedgerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> LedgerRepository:
        return cls(session)

    async def lock_company(self, company_id: str) -> None:
        """Serialise balance checks of one company until the transaction ends."""
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:c))"), {"c": "ledger:" + company_id}
        )

    async def balance(self, company_id: str) -> int:
        statement = select(func.coalesce(func.sum(CreditEntry.amount), 0)).where(
            CreditEntry.company_id == company_id
        )
        return int((await self.session.execute(statement)).scalar_one())

    async def append(self, company_id: str, amount: int, cost_key: str, reference: str) -> None:
        self.session.add(
            CreditEntry(
                company_id=company_id, amount=amount, cost_key=cost_key, reference=reference
            )
        )
        await self.session.flush()

    async def usage_by_cost_key(
        self, company_id: str, start: datetime, end: datetime, exclude: Collection[str]
    ) -> list[CostKeyTotals]:
        """Charges of one company in ``[start, end)`` per cost key (credits used are positive)."""
        statement = (
            select(
                CreditEntry.cost_key,
                func.count(),
                func.coalesce(-func.sum(CreditEntry.amount), 0),
            )
            .where(
                CreditEntry.company_id == company_id,
                CreditEntry.created_at >= start,
                CreditEntry.created_at < end,
                CreditEntry.cost_key.not_in(list(exclude)),
            )
            .group_by(CreditEntry.cost_key)
            .order_by(CreditEntry.cost_key)
        )
        rows = (await self.session.execute(statement)).all()
        return [CostKeyTotals(str(key), int(events), int(used)) for key, events, used in rows]
