"""All SQL for webhook configs, deliveries and their attempt log.

Tenant-facing reads are scoped by company here; the delivery job's reads are by id only (the job
carries the delivery id, and the row names its company). Locks are always taken config first, then
delivery, so the job and DELETE cannot deadlock each other.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.db.models import WebhookAttempt, WebhookConfig, WebhookDelivery


class WebhookRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> WebhookRepository:
        return cls(session)

    # Configs -----------------------------------------------------------------------------------

    async def add_config(self, config: WebhookConfig) -> WebhookConfig:
        self.session.add(config)
        await self.session.flush()
        return config

    async def get_config(
        self, company_id: str, config_id: str, *, for_update: bool = False
    ) -> WebhookConfig | None:
        statement = select(WebhookConfig).where(
            WebhookConfig.company_id == company_id, WebhookConfig.id == config_id
        )
        if for_update:
            statement = statement.with_for_update()
        return (await self.session.execute(statement)).scalars().first()

    async def get_config_any_company(self, config_id: str) -> WebhookConfig | None:
        """Unscoped: only to tell "unknown" from "another company's" (spec §2: webhookId)."""
        statement = select(WebhookConfig).where(WebhookConfig.id == config_id)
        return (await self.session.execute(statement)).scalars().first()

    async def list_configs(
        self, company_id: str, *, limit: int, offset: int
    ) -> tuple[list[WebhookConfig], int]:
        scoped = WebhookConfig.company_id == company_id
        total = await self.session.scalar(select(func.count()).where(scoped))
        statement = (
            select(WebhookConfig)
            .where(scoped)
            .order_by(WebhookConfig.created_at, WebhookConfig.id)
            .limit(limit)
            .offset(offset)
        )
        rows = list((await self.session.execute(statement)).scalars().all())
        return rows, int(total or 0)

    async def subscribed_configs(
        self, company_id: str, event: str, config_id: str | None
    ) -> list[WebhookConfig]:
        """Active configs of the company subscribed to ``event`` (optionally just one)."""
        statement = select(WebhookConfig).where(
            WebhookConfig.company_id == company_id,
            WebhookConfig.is_active.is_(True),
            WebhookConfig.events.contains([event]),
        )
        if config_id is not None:
            statement = statement.where(WebhookConfig.id == config_id)
        statement = statement.order_by(WebhookConfig.created_at, WebhookConfig.id)
        return list((await self.session.execute(statement)).scalars().all())

    async def delete_config(self, config: WebhookConfig) -> None:
        await self.session.delete(config)
        await self.session.flush()

    async def lock_config(self, config_id: str) -> WebhookConfig | None:
        statement = select(WebhookConfig).where(WebhookConfig.id == config_id).with_for_update()
        return (await self.session.execute(statement)).scalars().first()

    # Deliveries --------------------------------------------------------------------------------

    async def add_delivery(self, delivery: WebhookDelivery) -> WebhookDelivery:
        self.session.add(delivery)
        await self.session.flush()
        return delivery

    async def config_id_of(self, delivery_id: str) -> str | None:
        statement = select(WebhookDelivery.config_id).where(WebhookDelivery.id == delivery_id)
        return (await self.session.execute(statement)).scalars().first()

    async def lock_delivery(self, delivery_id: str) -> WebhookDelivery | None:
        statement = (
            select(WebhookDelivery).where(WebhookDelivery.id == delivery_id).with_for_update()
        )
        return (await self.session.execute(statement)).scalars().first()

    async def get_delivery(
        self, company_id: str, config_id: str, delivery_id: str, *, for_update: bool = False
    ) -> WebhookDelivery | None:
        statement = select(WebhookDelivery).where(
            WebhookDelivery.company_id == company_id,
            WebhookDelivery.config_id == config_id,
            WebhookDelivery.id == delivery_id,
        )
        if for_update:
            statement = statement.with_for_update()
        return (await self.session.execute(statement)).scalars().first()

    async def list_deliveries(
        self, company_id: str, config_id: str, *, limit: int, offset: int
    ) -> tuple[list[WebhookDelivery], int]:
        scoped = (WebhookDelivery.company_id == company_id) & (
            WebhookDelivery.config_id == config_id
        )
        total = await self.session.scalar(select(func.count()).where(scoped))
        statement = (
            select(WebhookDelivery)
            .where(scoped)
            .order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc())
            .limit(limit)
            .offset(offset)
        )
        rows = list((await self.session.execute(statement)).scalars().all())
        return rows, int(total or 0)

    # Attempts ----------------------------------------------------------------------------------

    async def add_attempt(self, attempt: WebhookAttempt) -> None:
        self.session.add(attempt)
        await self.session.flush()

    async def attempts_for(self, delivery_ids: Sequence[str]) -> dict[str, list[WebhookAttempt]]:
        if not delivery_ids:
            return {}
        statement = (
            select(WebhookAttempt)
            .where(WebhookAttempt.delivery_id.in_(list(delivery_ids)))
            .order_by(WebhookAttempt.attempted_at, WebhookAttempt.id)
        )
        grouped: dict[str, list[WebhookAttempt]] = {d: [] for d in delivery_ids}
        for attempt in (await self.session.execute(statement)).scalars().all():
            grouped[attempt.delivery_id].append(attempt)
        return grouped
