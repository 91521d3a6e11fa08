"""Preview jobs. Contract: name ``sourcing.run_preview``, queue ``preview`` (kept apart from long
sourcing runs), retried with backoff up to ``TALENTSCOUT_JOB_MAX_ATTEMPTS``; the last failed
attempt marks the preview ``failed``/AGENT_ERROR and releases its credit reservation.

The body is idempotent and usually a no-op: the API process normally runs the same body right
after the preview commits (see ``preview.run_after_commit``); this job is what guarantees it runs
when that process dies first.
"""

from __future__ import annotations

import structlog
from procrastinate import JobContext, RetryStrategy

from talentscout import runtime
from talentscout.queue import queue_app, retry_or_give_up
from talentscout.settings import get_settings
from talentscout.sourcing.preview import execute_preview, fail_preview

log = structlog.get_logger(__name__)
MAX_ATTEMPTS = get_settings().job_max_attempts


@queue_app.task(
    name="sourcing.run_preview",
    queue="preview",
    pass_context=True,
    retry=RetryStrategy(max_attempts=MAX_ATTEMPTS, exponential_wait=2),
)
async def run_preview(context: JobContext, run_id: str) -> None:
    database = runtime.get_database()
    try:
        await execute_preview(database, runtime.embedder(), get_settings(), run_id)
    except Exception:
        await retry_or_give_up(
            context,
            MAX_ATTEMPTS,
            lambda: fail_preview(
                database, run_id, "AGENT_ERROR", "The preview failed unexpectedly."
            ),
            "preview.failed",
            run_id=run_id,
        )
