"""Enrichment runs (spec §4): accept, execute (the job body) and report; plus HTML cards.

Why per-profile and per-provider isolation: one slow or failing source must never cost the other
profiles their results, nor this profile what the other sources found. Each profile runs every
provider under its own deadline (``enrichment_timeout_seconds``); a provider that fails or times
out is listed in the candidate's ``providerFailures`` while the others' findings (the pool record,
which needs no network) still make a success. The profile ends as ``ENRICHMENT_TIMEOUT`` /
``PROVIDER_ERROR`` only when no provider answered, or as ``PROFILE_NOT_FOUND``. Only successes
are billed, and the run is ``failed`` only when no profile could be enriched at all.

Why three phases in the job: provider calls are network I/O that can take the full deadline, so
they run outside any transaction; the run row is locked only for the final write, which also
settles credits and defers the ``enrich.*`` webhook event — one commit, so the event, the charge
and the visible result can never disagree.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.billing import service as billing
from talentscout.db.engine import Database
from talentscout.db.models import EnrichmentRun, Profile
from talentscout.enrichment.candidate import enriched_candidate, subject_from_delivery
from talentscout.enrichment.cards import render_card
from talentscout.enrichment.events import ENRICH_EVENTS, announce, validate_webhook
from talentscout.enrichment.providers import (
    EnrichmentProvider,
    Findings,
    GitHubProvider,
    PoolProvider,
    ProviderError,
    ProviderFailure,
    ProviderTimeout,
    Subject,
    github_client,
)
from talentscout.enrichment.repository import EnrichmentRepository
from talentscout.enrichment.schemas import (
    EnrichAccepted,
    EnrichProcessing,
    EnrichRequest,
    EnrichResults,
    RenderRequest,
    RenderResponse,
    plausible_id,
)
from talentscout.errors import RequestNotFound
from talentscout.queue import defer_in_session
from talentscout.settings import Settings
from talentscout.timeutil import iso, iso_now, utcnow

log = structlog.get_logger(__name__)
COST_KEY = "enrich_profile"
ERASED_MESSAGE = "The profile was erased."
# REQUEST_NOT_FOUND (API.md §2) worded for what was looked up: an enr_… id is no sourcing run.
NOT_FOUND = "No enrichment request with this id."
ENRICH_TASK = "enrichment.run"
PROVIDERS_SETTING = "TALENTSCOUT_ENRICHMENT_PROVIDERS"


async def create_enrichment(
    session: AsyncSession, company_id: str, body: EnrichRequest
) -> EnrichAccepted:
    """Run row, credit reservation (one per profile) and job commit together."""
    webhook_id = None
    if body.webhook_id is not None:
        webhook_id = await validate_webhook(
            session, company_id, str(body.webhook_id), ENRICH_EVENTS
        )
    now = utcnow()
    run = EnrichmentRun(
        id=f"enr_{uuid.uuid4()}",
        company_id=company_id,
        status="processing",
        profile_ids=list(body.profile_ids),
        webhook_id=webhook_id,
        results=[],
        enriched_count=0,
        failure_count=0,
        credits_consumed=0,
        created_at=now,
        updated_at=now,
    )
    await EnrichmentRepository.from_session(session).add(run)
    await billing.reserve(session, company_id, len(run.profile_ids), COST_KEY, run.id)
    await defer_in_session(session, ENRICH_TASK, run_id=run.id)
    return EnrichAccepted(request_id=run.id, created_at=iso(now) or "", webhook_id=webhook_id)


def results_body(run: EnrichmentRun) -> EnrichResults:
    return EnrichResults(
        request_id=run.id,
        status="completed" if run.status == "completed" else "failed",
        created_at=iso(run.created_at) or "",
        completed_at=iso(run.completed_at),
        enriched_count=run.enriched_count,
        failure_count=run.failure_count,
        credits_consumed=run.credits_consumed,
        data=list(run.results),
    )


async def get_enrichment_results(
    session: AsyncSession, company_id: str, run_id: str
) -> EnrichProcessing | EnrichResults:
    if not plausible_id(run_id):
        raise RequestNotFound(NOT_FOUND)
    run = await EnrichmentRepository.from_session(session).get(company_id, run_id)
    if run is None:
        raise RequestNotFound(NOT_FOUND)
    if run.status == "processing":
        return EnrichProcessing(request_id=run.id, created_at=iso(run.created_at) or "")
    return results_body(run)


@asynccontextmanager
async def open_providers(settings: Settings) -> AsyncIterator[list[EnrichmentProvider]]:
    """The providers named in settings, in order, with their HTTP clients open for one run."""
    async with AsyncExitStack() as stack:
        providers: list[EnrichmentProvider] = []
        for name in (n.strip().lower() for n in settings.enrichment_providers.split(",")):
            if name == "pool":
                providers.append(PoolProvider())
            elif name == "github":
                client = github_client(
                    settings.github_api_url,
                    settings.github_token,
                    settings.enrichment_timeout_seconds,
                )
                providers.append(GitHubProvider(await stack.enter_async_context(client)))
            elif name:
                log.warning("enrichment.unknown_provider", provider=name)
        yield providers


def _failure(profile_id: str, code: str, message: str) -> dict[str, Any]:
    return {"profileId": profile_id, "success": False, "errorCode": code, "errorMessage": message}


def _skip_hint(provider: str) -> str:
    if provider == "pool":
        return ""
    return (
        f" To enrich without {provider}, remove it from {PROVIDERS_SETTING} "
        f"({PROVIDERS_SETTING}=pool uses the talent pool record only)."
    )


async def _run_provider(
    provider: EnrichmentProvider, subject: Subject, timeout: float
) -> Findings | ProviderFailure:
    """One provider under the profile's deadline; its failure is a value, never an exception,
    so a down external source cannot cost the profile what the other providers found."""
    name = provider.name
    try:
        return await asyncio.wait_for(provider.enrich(subject), timeout)
    except (TimeoutError, ProviderTimeout):
        code, message = (
            "ENRICHMENT_TIMEOUT",
            f"Provider {name} did not answer within {timeout:g} s.",
        )
    except ProviderError as exc:
        code, message = "PROVIDER_ERROR", f"Provider {name} failed: {exc.message}."
    except Exception:
        log.exception("enrichment.provider_crashed", provider=name, profile_id=subject.profile_id)
        code, message = "PROVIDER_ERROR", f"Provider {name} failed unexpectedly."
    log.warning(
        "enrichment.provider_failed",
        provider=name,
        profile_id=subject.profile_id,
        error_code=code,
        error=message,
    )
    return ProviderFailure(name, code, message + _skip_hint(name))


async def enrich_one(
    subject: Subject,
    delivered: dict[str, Any] | None,
    providers: Sequence[EnrichmentProvider],
    timeout: float,
) -> dict[str, Any]:
    """One profile's result item; never raises, so it can never fail its neighbours.

    The profile succeeds when at least one provider answered (the pool record always can), and
    its candidate lists the providers that failed (``providerFailures``). It fails only when
    every provider failed: ``ENRICHMENT_TIMEOUT`` if any of them ran out of time (the more
    specific report), else ``PROVIDER_ERROR``.
    """
    pid = subject.profile_id
    outcomes = await asyncio.gather(*(_run_provider(p, subject, timeout) for p in providers))
    findings = [outcome for outcome in outcomes if isinstance(outcome, Findings)]
    failures = [outcome for outcome in outcomes if isinstance(outcome, ProviderFailure)]
    if failures and not findings:
        timed_out = any(failure.code == "ENRICHMENT_TIMEOUT" for failure in failures)
        code = "ENRICHMENT_TIMEOUT" if timed_out else "PROVIDER_ERROR"
        return _failure(pid, code, " ".join(failure.message for failure in failures))
    candidate = enriched_candidate(subject, delivered, findings, iso_now(), failures)
    return {"profileId": pid, "success": True, "candidate": candidate}


def _subject(
    pid: str, profiles: dict[str, Profile], delivered: dict[str, dict[str, Any]]
) -> Subject | None:
    """This company's profile: from the pool, else as previously delivered by a run."""
    if pid in profiles:
        return Subject(pid, profiles[pid].data or {}, profiles[pid].facts or {})
    if pid in delivered:
        return subject_from_delivery(pid, delivered[pid])
    return None


async def execute_enrichment(database: Database, settings: Settings, run_id: str) -> bool:
    """The job body. Returns False when there was nothing to do (unknown or finished run)."""
    async with database.unit_of_work() as session:
        repo = EnrichmentRepository.from_session(session)
        run = await repo.get_for_job(run_id)
        if run is None or run.status != "processing":
            return False
        company_id, profile_ids = run.company_id, list(run.profile_ids)
        profiles = {p.id: p for p in await repo.profiles(company_id, profile_ids)}
        delivered = await repo.latest_delivered(company_id, profile_ids)

    async with open_providers(settings) as providers:

        async def item(pid: str) -> dict[str, Any]:
            subject = _subject(pid, profiles, delivered)
            if subject is None:
                return _failure(pid, "PROFILE_NOT_FOUND", "No profile with this id.")
            timeout = settings.enrichment_timeout_seconds
            return await enrich_one(subject, delivered.get(pid), providers, timeout)

        items = list(await asyncio.gather(*(item(pid) for pid in profile_ids)))
    return await _finish(database, run_id, items)


async def _finish(
    database: Database, run_id: str, items: list[dict[str, Any]], *, error: str | None = None
) -> bool:
    async with database.unit_of_work() as session:
        run = await EnrichmentRepository.from_session(session).get_for_job(run_id)
        if run is None or run.status != "processing":
            return False
        # A profile erased while its providers ran must not come back: the erasure and this
        # run row lock each other out, so whichever commits second redacts (spec §8).
        repo = EnrichmentRepository.from_session(session)
        alive = {p.id for p in await repo.profiles(run.company_id, list(run.profile_ids))}
        items = [
            _failure(item["profileId"], "PROFILE_NOT_FOUND", ERASED_MESSAGE)
            if item["success"] and item["profileId"] not in alive
            else item
            for item in items
        ]
        enriched = sum(1 for item in items if item["success"])
        now = utcnow()
        run.results = items
        run.enriched_count = enriched
        run.failure_count = len(items) - enriched
        run.credits_consumed = enriched
        run.status = "completed" if enriched else "failed"
        run.completed_at = run.updated_at = now
        await billing.settle(
            session,
            run.company_id,
            reserved=len(run.profile_ids),
            used=enriched,
            cost_key=COST_KEY,
            reference=run.id,
        )
        if error is not None:
            log.error("enrichment.run_failed", run_id=run_id, error=error)
        body = results_body(run).model_dump(mode="json", by_alias=True)
        await announce(
            session, run.company_id, f"enrich.{run.status}", body, webhook_id=run.webhook_id
        )
    return True


async def fail_enrichment(database: Database, run_id: str, message: str) -> None:
    """Last attempt failed unexpectedly: every profile is reported failed, nothing is billed."""
    async with database.unit_of_work() as session:
        run = await EnrichmentRepository.from_session(session).get_for_job(run_id)
        ids = list(run.profile_ids) if run is not None else []
    items = [_failure(pid, "PROVIDER_ERROR", message) for pid in ids]
    await _finish(database, run_id, items, error=message)


async def erase_profile_copies(session: AsyncSession, company_id: str, profile_id: str) -> int:
    """Erasure (spec §8): replace this profile's item in every stored enrichment result with a
    redacted one — contacts and public data included. Returns the number of runs rewritten."""
    runs = await EnrichmentRepository.from_session(session).runs_mentioning(company_id, profile_id)
    redacted = _failure(profile_id, "PROFILE_NOT_FOUND", ERASED_MESSAGE)
    for run in runs:
        run.results = [
            redacted if item.get("profileId") == profile_id else item for item in run.results
        ]
    await session.flush()
    return len(runs)


async def render_cards(
    session: AsyncSession, company_id: str, body: RenderRequest
) -> RenderResponse:
    """Synchronous and free: one self-contained HTML card per known profile."""
    repo = EnrichmentRepository.from_session(session)
    profiles = {p.id: p for p in await repo.profiles(company_id, body.profile_ids)}
    delivered = await repo.latest_delivered(company_id, body.profile_ids)
    data: list[dict[str, Any]] = []
    for pid in body.profile_ids:
        subject = _subject(pid, profiles, delivered)
        if subject is None:
            data.append({"profileId": pid, "success": False, "errorCode": "PROFILE_NOT_FOUND"})
            continue
        name, html = render_card(subject, delivered.get(pid), body.theme)
        data.append({"profileId": pid, "success": True, "name": name, "htmlContent": html})
    rendered = sum(1 for item in data if item["success"])
    return RenderResponse(rendered_count=rendered, data=data)
