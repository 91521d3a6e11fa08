"""All SQL for companies and API keys."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.db.models import ApiKey, Company


class CompanyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> CompanyRepository:
        return cls(session)

    async def add(self, company: Company) -> Company:
        self.session.add(company)
        await self.session.flush()
        return company

    async def get(self, company_id: str) -> Company | None:
        return await self.session.get(Company, company_id)

    async def list(self) -> Sequence[Company]:
        result = await self.session.execute(select(Company).order_by(Company.created_at))
        return result.scalars().all()

    async def find_demo(self) -> Company | None:
        result = await self.session.execute(select(Company).where(Company.is_demo.is_(True)))
        return result.scalars().first()


class ApiKeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> ApiKeyRepository:
        return cls(session)

    async def add(self, key: ApiKey) -> ApiKey:
        self.session.add(key)
        await self.session.flush()
        return key

    async def by_hash(self, key_hash: str) -> ApiKey | None:
        result = await self.session.execute(select(ApiKey).where(ApiKey.key_hash == key_hash))
        return result.scalars().first()

    async def get(self, key_id: uuid.UUID) -> ApiKey | None:
        return await self.session.get(ApiKey, key_id)

    async def list(self, company_id: str | None = None) -> Sequence[ApiKey]:
        statement = select(ApiKey).order_by(ApiKey.created_at)
        if company_id:
            statement = statement.where(ApiKey.company_id == company_id)
        result = await self.session.execute(statement)
        return result.scalars().all()

    async def touch(self, key_id: uuid.UUID, when: datetime) -> None:
        await self.session.execute(
            update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=when)
        )
