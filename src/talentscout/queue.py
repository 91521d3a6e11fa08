"""The procrastinate job queue (PostgreSQL): jobs are deferred in the transaction of their row.

``queue_app`` declares the tasks; ``open_queue`` binds it to a database URL for a worker. Deferring
never needs an open pool: it runs on the caller's own connection (see ``defer_in_session``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import procrastinate
import structlog
from sqlalchemy.ext.asyncio import AsyncSession

TASK_MODULES = [
    "talentscout.sourcing.tasks",
    "talentscout.sourcing.preview_tasks",
    "talentscout.enrichment.tasks",
    "talentscout.webhooks.tasks",
    "talentscout.pool.tasks",
]

queue_app = procrastinate.App(connector=procrastinate.PsycopgConnector(), import_paths=TASK_MODULES)


def bind_queue(database_url: str, pool_size: int = 4) -> procrastinate.App:
    """A copy of the queue app with a real connector to ``database_url``."""
    connector = procrastinate.PsycopgConnector(
        conninfo=database_url, min_size=1, max_size=pool_size
    )
    return queue_app.with_connector(connector)


async def psycopg_connection(session: AsyncSession) -> Any:
    """The psycopg ``AsyncConnection`` under a SQLAlchemy session (same transaction)."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    return raw.driver_connection


async def defer_in_session(session: AsyncSession, task_name: str, **kwargs: Any) -> int:
    """Insert the job row inside the session's transaction: committed together or not at all."""
    connection = await psycopg_connection(session)
    deferrer = queue_app.configure_task(task_name, connection=connection)
    job_id: int = await deferrer.defer_async(**kwargs)
    return job_id


async def retry_or_give_up(
    context: procrastinate.JobContext,
    max_attempts: int,
    give_up: Callable[[], Awaitable[None]],
    event: str,
    **fields: Any,
) -> None:
    """Call from a job's ``except`` block: logs the failure, then re-raises it so procrastinate
    retries, or on the last attempt awaits ``give_up`` (which marks the run failed) instead."""
    attempts = (context.job.attempts if context.job else 0) + 1
    structlog.get_logger(__name__).exception(event, attempt=attempts, **fields)
    if attempts < max_attempts:
        raise
    await give_up()
