"""All SQL of rate limiting: a key's own limits and its company's plan limits, in one query."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.db.models import ApiKey, Company


@dataclass(frozen=True)
class KeyLimitsRow:
    key_id: uuid.UUID
    usable: bool  # not revoked, expired or suspended: only such keys are counted
    key_per_minute: int | None
    key_per_hour: int | None
    company_per_minute: int | None
    company_per_hour: int | None


class RateLimitRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> RateLimitRepository:
        return cls(session)

    async def by_key_hash(self, key_hash: str, now: datetime) -> KeyLimitsRow | None:
        statement = (
            select(
                ApiKey.id,
                ApiKey.revoked_at,
                ApiKey.expires_at,
                ApiKey.suspended_at,
                ApiKey.rate_limit_per_minute,
                ApiKey.rate_limit_per_hour,
                Company.rate_limit_per_minute,
                Company.rate_limit_per_hour,
            )
            .join(Company, Company.id == ApiKey.company_id)
            .where(ApiKey.key_hash == key_hash)
        )
        row = (await self.session.execute(statement)).first()
        if row is None:
            return None
        key_id, revoked, expires, suspended, key_min, key_hour, company_min, company_hour = row
        usable = revoked is None and suspended is None and (expires is None or expires > now)
        return KeyLimitsRow(key_id, usable, key_min, key_hour, company_min, company_hour)
