"""Sourcing jobs. Contract: name ``sourcing.run_pass``, queue ``sourcing``, retried with backoff up
to ``TALENTSCOUT_JOB_MAX_ATTEMPTS``; the last failed attempt marks the run ``failed``/AGENT_ERROR.
The body is idempotent (see ``pipeline``)."""

from __future__ import annotations

import structlog
from procrastinate import JobContext, RetryStrategy

from talentscout import runtime
from talentscout.queue import queue_app, retry_or_give_up
from talentscout.settings import get_settings
from talentscout.sourcing.pipeline import RunFailure, fail_run, run_pass

log = structlog.get_logger(__name__)
MAX_ATTEMPTS = get_settings().job_max_attempts


@queue_app.task(
    name="sourcing.run_pass",
    queue="sourcing",
    pass_context=True,
    retry=RetryStrategy(max_attempts=MAX_ATTEMPTS, exponential_wait=2),
)
async def run_sourcing_pass(context: JobContext, run_id: str, pass_number: int) -> None:
    database = runtime.get_database()
    try:
        await run_pass(database, runtime.embedder(), get_settings(), run_id, pass_number)
    except RunFailure as failure:
        await fail_run(database, run_id, pass_number, failure.code, failure.message)
    except Exception:
        await retry_or_give_up(
            context,
            MAX_ATTEMPTS,
            lambda: fail_run(
                database,
                run_id,
                pass_number,
                "AGENT_ERROR",
                "The sourcing run failed unexpectedly.",
            ),
            "sourcing.pass_failed",
            run_id=run_id,
        )
