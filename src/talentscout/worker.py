"""Run procrastinate workers, plus a loop that re-queues jobs of workers that died (SIGKILL).

A worker that stops heart-beating for ``worker_stalled_timeout`` seconds is presumed dead and its
running jobs go back to the queue; the job bodies are idempotent, so a rerun is safe.
"""

from __future__ import annotations

import asyncio
import contextlib

import procrastinate
import structlog

from talentscout import runtime
from talentscout.pool.tasks import schedule_stale_reindex_safely
from talentscout.queue import bind_queue
from talentscout.settings import Settings

log = structlog.get_logger(__name__)


async def requeue_stalled_jobs(app: procrastinate.App, settings: Settings) -> None:
    while True:
        try:
            stalled = await app.job_manager.get_stalled_jobs(
                seconds_since_heartbeat=settings.worker_stalled_timeout
            )
            for job in stalled:
                log.warning("worker.requeue_stalled_job", job_id=job.id, task=job.task_name)
                await app.job_manager.retry_job(job)
        except Exception:
            log.exception("worker.stalled_check_failed")
        await asyncio.sleep(settings.stalled_check_interval)


async def run_worker(
    database_url: str, settings: Settings, *, install_signal_handlers: bool = True
) -> None:
    await asyncio.to_thread(runtime.install_taxonomy, settings)
    app = bind_queue(database_url, pool_size=max(2, settings.worker_concurrency + 1))
    async with app.open_async():
        background = [asyncio.create_task(requeue_stalled_jobs(app, settings))]
        if settings.reindex_on_start:
            background.append(asyncio.create_task(schedule_stale_reindex_safely(app)))
        try:
            await app.run_worker_async(
                concurrency=settings.worker_concurrency,
                fetch_job_polling_interval=settings.worker_polling_interval,
                update_heartbeat_interval=settings.worker_heartbeat_interval,
                stalled_worker_timeout=settings.worker_stalled_timeout,
                install_signal_handlers=install_signal_handlers,
                delete_jobs="successful",
            )
        finally:
            for task in background:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
