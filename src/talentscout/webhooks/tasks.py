"""Webhook jobs. Contract: name ``webhooks.deliver``, queue ``webhooks``, args
``(delivery_id, attempt, manual)``; one HTTP attempt per job. Receiver failures are *not* job
failures: the body records them and defers the next attempt on the webhook retry schedule. The
procrastinate retry below only covers the job's own infrastructure (e.g. a lost database
connection), which is safe because the body is idempotent (see ``delivery``)."""

from __future__ import annotations

from procrastinate import RetryStrategy

from talentscout import runtime
from talentscout.queue import queue_app
from talentscout.settings import get_settings
from talentscout.webhooks.delivery import DELIVER_TASK, run_delivery


@queue_app.task(
    name=DELIVER_TASK,
    queue="webhooks",
    retry=RetryStrategy(max_attempts=5, exponential_wait=2),
)
async def deliver_webhook(delivery_id: str, attempt: int, manual: bool = False) -> None:
    await run_delivery(runtime.get_database(), get_settings(), delivery_id, attempt, manual=manual)
