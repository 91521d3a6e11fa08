"""Nothing lost: a run accepted with 202 completes even when its worker is SIGKILLed mid-run."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import httpx
from sqlalchemy import text

from talentscout.db.engine import Database
from tests.factories import import_profiles, make_profile, make_tenant
from tests.helpers import start_cli

FAST_RECOVERY = {
    "TALENTSCOUT_WORKER_HEARTBEAT_INTERVAL": "0.5",
    "TALENTSCOUT_WORKER_STALLED_TIMEOUT": "2",
    "TALENTSCOUT_STALLED_CHECK_INTERVAL": "0.5",
    "TALENTSCOUT_WORKER_POLLING_INTERVAL": "0.2",
    "TALENTSCOUT_SCORING_CHUNK": "1",
}


async def _job_status(database: Database, run_id: str) -> str | None:
    async with database.unit_of_work() as session:
        value = await session.scalar(
            text(
                "SELECT status::text FROM procrastinate_jobs "
                "WHERE args->>'run_id' = :run ORDER BY id DESC LIMIT 1"
            ),
            {"run": run_id},
        )
    return value


async def test_run_survives_sigkill_of_its_worker(
    client: httpx.AsyncClient, database: Database, database_url: str, tmp_path: Path
) -> None:
    tenant = await make_tenant(database)
    titles = ["Backend Engineer", "Data Engineer", "Nurse", "Accountant", "Designer"]
    for batch in range(2):
        await import_profiles(
            client,
            tenant,
            [make_profile(title=titles[(i + batch) % 5], years=1 + i % 12) for i in range(100)],
        )
    response = await client.post(
        "/sourcing",
        json={"title": "Backend Engineer", "jobDescription": "Python and Kafka", "limit": 5},
        headers=tenant.headers,
    )
    assert response.status_code == 202
    run_id = response.json()["requestId"]

    first = start_cli(database_url, "worker", log=tmp_path / "worker1.log", **FAST_RECOVERY)
    deadline = time.monotonic() + 60
    while await _job_status(database, run_id) != "doing":
        assert time.monotonic() < deadline, (tmp_path / "worker1.log").read_text()
        assert first.poll() is None, (tmp_path / "worker1.log").read_text()
        await asyncio.sleep(0.02)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    polled = await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)
    assert polled.status_code == 202  # killed mid-run: still processing, not lost

    second = start_cli(database_url, "worker", log=tmp_path / "worker2.log", **FAST_RECOVERY)
    try:
        deadline = time.monotonic() + 90
        while True:
            polled = await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)
            if polled.status_code == 200:
                break
            assert time.monotonic() < deadline, (tmp_path / "worker2.log").read_text()
            await asyncio.sleep(0.2)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    body = polled.json()
    assert "worker.requeue_stalled_job" in (tmp_path / "worker2.log").read_text()
    assert body["status"] == "completed"
    assert 0 < len(body["candidates"]) <= 5
