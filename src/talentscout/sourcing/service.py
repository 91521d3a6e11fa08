"""Sourcing runs: accept (POST), refine (PATCH) and report (GET results).

The run row, its credit reservation and its pipeline job commit in one transaction: once the
client has its 202, the run cannot be lost.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.billing import service as billing
from talentscout.errors import (
    EmptyPatch,
    RequestNotFound,
    RunInProgress,
)
from talentscout.metrics import count_sourcing_run
from talentscout.queue import defer_in_session
from talentscout.settings import Settings
from talentscout.sourcing.intake import accepted_body, open_run
from talentscout.sourcing.repository import RunRepository
from talentscout.sourcing.schemas import (
    RunAccepted,
    RunCompleted,
    RunFailed,
    RunProcessing,
    SourcingCreate,
    SourcingPatch,
)
from talentscout.timeutil import iso, utcnow
from talentscout.webhooks import service as webhooks

PIPELINE_TASK = "sourcing.run_pass"
HEAVY_FIELDS = ("detailedExperience", "aiDetailedRationale")


async def create_run(
    session: AsyncSession,
    company_id: str,
    body: SourcingCreate,
    settings: Settings,
    idempotency_key: str | None = None,
) -> RunAccepted:
    run, accepted, replayed = await open_run(
        session, company_id, body, settings, idempotency_key, kind="sourcing", id_prefix="req_"
    )
    if replayed:
        return accepted
    if run.webhook_id is not None:
        # Unknown → 404, another company's → 403, subscribed to neither run event → 422.
        run.webhook_id = await webhooks.check_run_webhook(session, company_id, run.webhook_id)
    await RunRepository.from_session(session).add(run)
    await billing.reserve(session, company_id, run.limit, "sourcing_candidate", run.id)
    await defer_in_session(session, PIPELINE_TASK, run_id=run.id, pass_number=1)
    count_sourcing_run("accepted")
    return accepted


async def patch_run(
    session: AsyncSession, company_id: str, run_id: str, body: SourcingPatch
) -> RunAccepted:
    runs = RunRepository.from_session(session)
    run = await runs.get(company_id, run_id, for_update=True)
    if run is None:  # ownership before the handler's own checks (API.md §1)
        raise RequestNotFound()
    query = (body.query or "").strip()  # a blank refinement refines nothing
    if not query and body.limit is None:
        raise EmptyPatch()
    if run.status == "processing":
        raise RunInProgress()
    additional = body.limit if body.limit is not None else 10
    now = utcnow()
    run.pass_number += 1
    run.pass_limit = additional
    run.status = "processing"
    run.candidates_sourced_count = 0
    run.error_code = run.error_message = None
    run.completed_at = None
    run.updated_at = now
    if query:
        run.queries = [*run.queries, query]
    await session.flush()
    await billing.reserve(session, company_id, additional, "sourcing_candidate", run.id)
    await defer_in_session(session, PIPELINE_TASK, run_id=run.id, pass_number=run.pass_number)
    count_sourcing_run("accepted")
    return accepted_body(run)


async def get_results(
    session: AsyncSession, company_id: str, run_id: str, *, summary: bool = False
) -> RunProcessing | RunCompleted | RunFailed:
    runs = RunRepository.from_session(session)
    run = await runs.get(company_id, run_id)
    if run is None:
        raise RequestNotFound()
    created = iso(run.created_at) or ""
    if run.status == "processing":
        return RunProcessing(
            request_id=run.id,
            created_at=created,
            candidates_sourced_count=run.candidates_sourced_count,
        )
    if run.status == "failed":
        return RunFailed(
            request_id=run.id,
            created_at=created,
            completed_at=iso(run.completed_at),
            error_code=run.error_code,
            error_message=run.error_message,
        )
    rows = sorted(await runs.candidates(run.id), key=lambda r: (-r.match_score, r.profile_id))
    candidates: list[dict[str, Any]] = []
    for row in rows:
        payload = dict(row.payload)
        if summary:
            for field in HEAVY_FIELDS:
                payload.pop(field, None)
        candidates.append(payload)
    return RunCompleted(
        request_id=run.id,
        created_at=created,
        completed_at=iso(run.completed_at),
        found_count=run.found_count,
        scored_count=run.scored_count,
        candidates=candidates,
    )
