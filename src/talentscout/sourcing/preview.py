"""Preview runs (spec §3): a fast, shallow search that returns nine plain fields per candidate.

Why shallow: a preview answers "is there anyone like this in my pool?" in well under a second on
100k profiles, so it skips deep scoring entirely. The order is the reciprocal-rank fusion of the
same lexical (ICP terms) and vector (ICP embedding) retrieval the full pipeline starts from, and the
fields come from the ``facts`` parsed at import time, so no profile is re-parsed.

Why a job that may run at once: the 202-then-poll contract stays, and the run row, its credit
reservation and its job commit together (a 202'd preview is never lost). Right after that commit
the API process also runs the same idempotent body itself (``preview_inline``), so the result does
not wait for a free worker slot behind long sourcing runs. Whichever executor locks the run first
does the work in one short transaction; the other finds it finished and does nothing.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Mapping, Sequence
from typing import Any

import structlog
from pydantic import Field
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout import runtime
from talentscout.billing import service as billing
from talentscout.db.engine import Database
from talentscout.db.models import Profile, SourcingRun
from talentscout.enrichment.events import announce, validate_webhook
from talentscout.enrichment.providers.base import public_url
from talentscout.enrichment.schemas import plausible_id
from talentscout.errors import RequestNotFound
from talentscout.pool.repository import ProfileRepository
from talentscout.queue import defer_in_session
from talentscout.schemas import CamelModel
from talentscout.search.embedder import Embedder
from talentscout.search.fusion import reciprocal_rank_fusion
from talentscout.search.repository import SearchRepository
from talentscout.settings import Settings
from talentscout.sourcing.intake import open_run
from talentscout.sourcing.pipeline import current_icp
from talentscout.sourcing.repository import RunRepository
from talentscout.sourcing.schemas import RunAccepted, RunFailed, RunProcessing, SourcingCreate
from talentscout.timeutil import iso, utcnow
from talentscout.webhooks.events import RUN_EVENTS, SOURCING_COMPLETED, SOURCING_FAILED

log = structlog.get_logger(__name__)
KIND = "preview"
PAGE_SIZE = 20
MAX_PAGES = 5
SHALLOW_TERMS = 3
COST_KEY = "preview_page"
PREVIEW_TASK = "sourcing.run_preview"
# REQUEST_NOT_FOUND (API.md §2) worded for what was looked up: a req_prev_… id.
NOT_FOUND = "No preview with this id."
PREVIEW_FIELDS = (
    "profileId",
    "fullName",
    "profileUrl",
    "title",
    "headline",
    "location",
    "country",
    "companyName",
    "companyUrl",
)


class PreviewCompleted(CamelModel):
    success: bool = True
    request_id: str
    status: str = "completed"
    created_at: str
    completed_at: str | None
    found_count: int
    scored_count: int = 0
    pages_served: int = Field(description="(extension) pages of 20 served and billed")
    candidates: list[dict[str, Any]]


def pages_for(count: int) -> int:
    """Internal pages of 20: one credit each, pre-flight ``ceil(limit / 20)``."""
    return min(MAX_PAGES, math.ceil(count / PAGE_SIZE))


async def create_preview(
    session: AsyncSession,
    company_id: str,
    body: SourcingCreate,
    settings: Settings,
    idempotency_key: str | None = None,
) -> RunAccepted:
    """Commit-together: run row, credit reservation and job (the caller's unit of work)."""
    run, accepted, replayed = await open_run(
        session, company_id, body, settings, idempotency_key, kind=KIND, id_prefix="req_prev_"
    )
    if replayed:
        return accepted
    if run.webhook_id is not None:  # "the same body as POST /sourcing", the same events
        run.webhook_id = await validate_webhook(session, company_id, run.webhook_id, RUN_EVENTS)
    await RunRepository.from_session(session).add(run)
    await billing.reserve(session, company_id, pages_for(run.limit), COST_KEY, run.id)
    await defer_in_session(session, PREVIEW_TASK, run_id=run.id)
    if settings.preview_inline:
        run_after_commit(session, run.id, settings)
    return accepted


_inline: set[asyncio.Task[bool]] = set()


def run_after_commit(session: AsyncSession, run_id: str, settings: Settings) -> None:
    """Execute the preview in this process as soon as the caller's transaction commits.

    Hooked on the commit itself (not on the response) so the executor always sees the row, and
    never runs for a rolled-back request. Failures are only logged: the queued job is the retry.
    At most ``preview_inline_max`` run at once, so a burst cannot drain the API's connection
    pool; the rest simply wait for a worker.
    """

    def start(_: Any) -> None:
        if len(_inline) >= settings.preview_inline_max:
            return
        task = asyncio.get_running_loop().create_task(_execute_inline(run_id, settings))
        _inline.add(task)
        task.add_done_callback(_inline.discard)

    event.listen(session.sync_session, "after_commit", start, once=True)


async def _execute_inline(run_id: str, settings: Settings) -> bool:
    try:
        return await execute_preview(runtime.get_database(), runtime.embedder(), settings, run_id)
    except Exception:
        log.exception("preview.inline_failed", run_id=run_id)
        return False


async def wait_inline() -> None:
    """Let in-process previews finish (tests, graceful shutdown)."""
    while _inline:
        await asyncio.gather(*list(_inline), return_exceptions=True)


async def get_preview_results(
    session: AsyncSession, company_id: str, run_id: str
) -> RunProcessing | PreviewCompleted | RunFailed:
    if not plausible_id(run_id):
        raise RequestNotFound(NOT_FOUND)
    runs = RunRepository.from_session(session)
    run = await runs.get(company_id, run_id, kind=KIND)
    if run is None:
        raise RequestNotFound(NOT_FOUND)
    created = iso(run.created_at) or ""
    if run.status == "processing":
        return RunProcessing(request_id=run.id, created_at=created, candidates_sourced_count=0)
    if run.status == "failed":
        return RunFailed(
            request_id=run.id,
            created_at=created,
            completed_at=iso(run.completed_at),
            error_code=run.error_code,
            error_message=run.error_message,
        )
    rows = sorted(await runs.candidates(run.id), key=lambda row: row.id)
    return PreviewCompleted(
        request_id=run.id,
        created_at=created,
        completed_at=iso(run.completed_at),
        found_count=run.found_count,
        pages_served=run.pages_billed,
        candidates=[{f: row.payload.get(f) for f in PREVIEW_FIELDS} for row in rows],
    )


async def execute_preview(
    database: Database, embedder: Embedder, settings: Settings, run_id: str
) -> bool:
    """The job body: retrieve, fuse, store up to ``limit`` nine-field rows, bill pages served.

    One transaction holding the run's row lock; returns False when there was nothing to do
    (unknown run, or another executor already finished it).
    """
    async with database.unit_of_work() as session:
        runs = RunRepository.from_session(session)
        run = await runs.get_for_job(run_id)
        if run is None or run.kind != KIND or run.status != "processing":
            return False
        icp = await asyncio.to_thread(current_icp, run)
        run.icp = icp.to_dict()
        vector = (await asyncio.to_thread(embedder.embed, [icp.embedding_text()]))[0]
        limit = min(run.limit, PAGE_SIZE * MAX_PAGES)
        depth = min(max(settings.retrieval_depth, limit), max(2 * limit, 40))
        search = SearchRepository.from_session(session)
        lexical = await search.lexical(run.company_id, shallow_terms(icp.lexical_terms()), depth)
        dense = await search.vector(run.company_id, [float(x) for x in vector], depth)
        fused = reciprocal_rank_fusion(
            [[pid for pid, _ in lexical], [pid for pid, _ in dense]], k=settings.rrf_k
        )
        chosen = [pid for pid, _ in fused[:limit]]
        now = utcnow()
        if not chosen and await ProfileRepository.from_session(session).count(run.company_id) == 0:
            _finish_failed(
                run, "NO_TALENT_POOL", "The company has no profiles and no external source."
            )
        else:
            by_id = {p.id: p for p in await search.load(run.company_id, chosen)}
            rows = [
                {
                    "profile_id": pid,
                    "match_score": 0,  # previews are not scored; order = fused retrieval order
                    "delivered_in_pass": 1,
                    "payload": preview_candidate(by_id[pid]),
                }
                for pid in chosen
                if pid in by_id
            ]
            await runs.replace_candidates(run.id, run.company_id, rows)
            run.status = "completed"
            run.found_count = len(fused)
            run.scored_count = 0
            run.candidates_sourced_count = len(rows)
            run.pages_billed = pages_for(len(rows))
            run.completed_at = run.updated_at = now
        await billing.settle(
            session,
            run.company_id,
            reserved=pages_for(run.limit),
            used=run.pages_billed,
            cost_key=COST_KEY,
            reference=run.id,
        )
        await _announce(session, run)
    return True


def shallow_terms(terms: Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
    """The few strongest lexical terms (in practice the job title and its closest synonyms).

    Why: lexical ranking cost grows with terms × matching rows (each term's ``ts_rank`` reads the
    whole stored tsvector), and a broad skill such as "Python" matches a third of a pool. Measured
    on 100k profiles (benchmarks/bench_preview.py): all ICP terms 0.1–1.1 s, the top three
    15–250 ms. Skills still reach the order through the vector side of the fusion.
    """
    ranked = sorted(terms, key=lambda term: -term[1])  # stable: ties keep the ICP's order
    return ranked[:SHALLOW_TERMS]


def _finish_failed(run: SourcingRun, code: str, message: str) -> None:
    run.status = "failed"
    run.error_code = code
    run.error_message = message
    run.pages_billed = 0
    run.completed_at = run.updated_at = utcnow()


async def fail_preview(database: Database, run_id: str, code: str, message: str) -> None:
    """Mark a preview failed and release its whole reservation (nothing was served)."""
    async with database.unit_of_work() as session:
        run = await RunRepository.from_session(session).get_for_job(run_id)
        if run is None or run.kind != KIND or run.status != "processing":
            return
        _finish_failed(run, code, message)
        await billing.settle(
            session,
            run.company_id,
            reserved=pages_for(run.limit),
            used=0,
            cost_key=COST_KEY,
            reference=run.id,
        )
        await _announce(session, run)


async def _announce(session: AsyncSession, run: SourcingRun) -> None:
    """A preview that names a webhook announces its end there, as a run does: the event's
    ``data`` is the 200 body of its results endpoint. One that names none announces nothing
    (a run's events go to every subscribed config; previews are too frequent for that)."""
    if run.webhook_id is None:
        return
    await session.flush()
    results = await get_preview_results(session, run.company_id, run.id)
    event = SOURCING_COMPLETED if run.status == "completed" else SOURCING_FAILED
    data = results.model_dump(mode="json", by_alias=True)
    await announce(session, run.company_id, event, data, webhook_id=run.webhook_id)


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _profile_url(data: Mapping[str, Any], facts: Mapping[str, Any]) -> str | None:
    """Prefer a LinkedIn URL (the InstaView field's meaning), else any public profile URL."""
    basics = data.get("basics") or {}
    urls = [public_url(p.get("url")) for p in basics.get("profiles") or [] if isinstance(p, dict)]
    urls += [public_url(basics.get("url")), *(public_url(u) for u in facts.get("links") or [])]
    public = [u for u in urls if u]
    linkedin = [u for u in public if "linkedin.com/" in u.lower()]
    chosen = linkedin or public
    return chosen[0] if chosen else None


def _current_work(data: Mapping[str, Any], company: str | None) -> Mapping[str, Any]:
    work = [w for w in data.get("work") or [] if isinstance(w, Mapping)]
    named = [w for w in work if company and _text(w.get("name")) == company]
    return (named or [{}])[0]


def preview_candidate(profile: Profile) -> dict[str, Any]:
    """The nine preview fields, from the import-time facts with the raw record as fallback."""
    data, facts = profile.data or {}, profile.facts or {}
    basics = data.get("basics") or {}
    raw_location = basics.get("location")
    location: Mapping[str, Any] = raw_location if isinstance(raw_location, Mapping) else {}
    roles = [r for r in facts.get("roles") or [] if isinstance(r, Mapping)]
    first = roles[0] if roles else {}
    company = _text(facts.get("current_company")) or _text(first.get("company"))
    country = _text(location.get("countryCode")) or _text(facts.get("country"))
    return {
        "profileId": profile.id,
        "fullName": _text(facts.get("name")) or _text(basics.get("name")),
        "profileUrl": _profile_url(data, facts),
        "title": _text(facts.get("current_role")) or _text(first.get("title")),
        "headline": _text(facts.get("headline")) or _text(basics.get("label")),
        "location": _text(facts.get("location")),
        "country": country.upper() if country else None,
        "companyName": company,
        "companyUrl": public_url(_current_work(data, company).get("url")),
    }
