"""Enrichment jobs. Contract: name ``enrichment.run``, queue ``enrichment``, retried with backoff
up to ``TALENTSCOUT_JOB_MAX_ATTEMPTS``; the last failed attempt reports every profile as
PROVIDER_ERROR, bills nothing and announces ``enrich.failed``.

The body is idempotent: providers only read, and the final write happens once, under the run's
row lock, only while the run is still ``processing``.
"""

from __future__ import annotations

import structlog
from procrastinate import JobContext, RetryStrategy

from talentscout import runtime
from talentscout.enrichment.service import execute_enrichment, fail_enrichment
from talentscout.queue import queue_app, retry_or_give_up
from talentscout.settings import get_settings

log = structlog.get_logger(__name__)
MAX_ATTEMPTS = get_settings().job_max_attempts


@queue_app.task(
    name="enrichment.run",
    queue="enrichment",
    pass_context=True,
    retry=RetryStrategy(max_attempts=MAX_ATTEMPTS, exponential_wait=2),
)
async def run_enrichment(context: JobContext, run_id: str) -> None:
    database = runtime.get_database()
    try:
        await execute_enrichment(database, get_settings(), run_id)
    except Exception:
        await retry_or_give_up(
            context,
            MAX_ATTEMPTS,
            lambda: fail_enrichment(database, run_id, "The enrichment run failed unexpectedly."),
            "enrichment.failed",
            run_id=run_id,
        )
