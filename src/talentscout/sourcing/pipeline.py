"""One pass of the sourcing pipeline: ICP → retrieve (lexical + vector, RRF) → score → explain →
deliver. Each stage commits on its own so polling sees progress; the delivery is one transaction.

The body is idempotent: it acts only while the run is ``processing`` in the pass it was deferred
for, and delivery replaces the run's candidate rows, so a retried job gives the same rows.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.billing import service as billing
from talentscout.db.engine import Database
from talentscout.db.models import Profile, SourcingRun
from talentscout.engine.explain import explain
from talentscout.engine.icp import ICP, build_icp, refine_icp
from talentscout.engine.parse import ParsedProfile, parse_version
from talentscout.engine.score import score_profiles
from talentscout.engine.scored import ENGINE_VERSION, ScoredCandidate
from talentscout.metrics import count_sourcing_run
from talentscout.pool.repository import ProfileRepository
from talentscout.pool.service import reparse
from talentscout.search.embedder import Embedder
from talentscout.search.fusion import reciprocal_rank_fusion
from talentscout.search.repository import SearchRepository
from talentscout.settings import Settings
from talentscout.sourcing.candidate import build_candidate
from talentscout.sourcing.repository import RunRepository
from talentscout.sourcing.service import get_results
from talentscout.timeutil import utcnow
from talentscout.webhooks.service import enqueue_event

log = structlog.get_logger(__name__)


class RunFailure(Exception):
    """Ends a run as ``failed`` with a documented error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class PassContext:
    run_id: str
    company_id: str
    pass_number: int
    pass_limit: int
    icp: ICP
    as_of: date
    delivered: list[str]


def current_icp(run: SourcingRun) -> ICP:
    """The run's criteria: built from the job once, then refined by each PATCH query in order."""
    icp = build_icp(
        run.title, run.job_description, run.location, run.queries[0] if run.queries else None
    )
    for query in run.queries[1:]:
        icp = refine_icp(icp, query)
    return icp


async def run_pass(
    database: Database, embedder: Embedder, settings: Settings, run_id: str, pass_number: int
) -> None:
    async with database.unit_of_work() as session:
        runs = RunRepository.from_session(session)
        run = await runs.get_for_job(run_id)
        if run is None or run.status != "processing" or run.pass_number != pass_number:
            return
        age = (utcnow() - run.created_at).total_seconds() if pass_number == 1 else 0.0
        if age > settings.run_timeout_seconds:
            raise RunFailure("RUN_TIMEOUT", "The run exceeded its maximum duration.")
        if await ProfileRepository.from_session(session).count(run.company_id) == 0:
            raise RunFailure(
                "NO_TALENT_POOL", "The company has no profiles and no external source."
            )
        icp = await asyncio.to_thread(current_icp, run)
        run.icp = icp.to_dict()
        run.engine_version = ENGINE_VERSION
        context = PassContext(
            run_id=run.id,
            company_id=run.company_id,
            pass_number=pass_number,
            pass_limit=run.pass_limit,
            icp=icp,
            as_of=run.created_at.date(),
            delivered=await runs.delivered_profile_ids(run.id),
        )
    log.info(
        "sourcing.icp",
        run_id=run_id,
        pass_number=pass_number,
        title_family=icp.title_family,
        seniority=icp.seniority,
        min_years=icp.min_years,
        must_have=len(icp.must_have),
        nice_to_have=len(icp.nice_to_have),
    )  # the whole ICP (dozens of fields) only when debugging
    logged = {k: v for k, v in icp.to_dict().items() if k != "posting_text"}
    log.debug("sourcing.icp.detail", run_id=run_id, pass_number=pass_number, icp=logged)
    # One vector finds candidates (title and skills), the other scores them (the job's asks).
    job_vector, semantic_vector = await asyncio.to_thread(
        embedder.embed, [context.icp.embedding_text(), context.icp.semantic_text()]
    )
    fused = await _retrieve(database, settings, context, job_vector)
    scored = await _score(database, settings, context, fused, semantic_vector)
    await _deliver(database, context, len(fused), scored)


async def retrieve(
    session: AsyncSession,
    company_id: str,
    icp: ICP,
    job_vector: Any,
    *,
    depth: int,
    rrf_k: int,
    exclude: list[str] | None = None,
) -> list[str]:
    """Lexical (weighted ICP terms) and vector (job embedding) retrieval fused by RRF."""
    search = SearchRepository.from_session(session)
    lexical = await search.lexical(company_id, icp.lexical_terms(), depth, exclude or [])
    vector = await search.vector(company_id, [float(x) for x in job_vector], depth, exclude or [])
    fused = reciprocal_rank_fusion(
        [[pid for pid, _ in lexical], [pid for pid, _ in vector]], k=rrf_k
    )
    return [pid for pid, _ in fused][:depth]


async def _retrieve(
    database: Database, settings: Settings, context: PassContext, job_vector: Any
) -> list[str]:
    async with database.unit_of_work() as session:
        ids = await retrieve(
            session,
            context.company_id,
            context.icp,
            job_vector,
            depth=settings.retrieval_depth,
            rrf_k=settings.rrf_k,
            exclude=context.delivered,
        )
        await RunRepository.from_session(session).set_progress(
            context.run_id, context.pass_number, len(ids), utcnow()
        )
        run = await RunRepository.from_session(session).get_for_job(context.run_id)
        if run is not None:
            run.found_count = len(ids) + len(context.delivered)
    return ids


ScoredRow = tuple[Profile, ParsedProfile, ScoredCandidate]


async def _score(
    database: Database,
    settings: Settings,
    context: PassContext,
    fused: list[str],
    semantic_vector: Any,
) -> list[ScoredRow]:
    """Deep-score the fused new candidates plus (on PATCH) the ones already delivered."""
    ids = [*fused, *context.delivered]
    results: list[ScoredRow] = []
    chunk = max(1, settings.scoring_chunk)
    for start in range(0, len(ids), chunk):
        async with database.unit_of_work() as session:
            profiles = await SearchRepository.from_session(session).load(
                context.company_id, ids[start : start + chunk]
            )
            scored = await asyncio.to_thread(_score_chunk, context, profiles, semantic_vector)
            version = parse_version()
            stale = [
                (p.id, p.content_hash, parsed.to_dict())
                for p, parsed, _ in scored
                if p.facts.get("taxonomy_version") != version
            ]
            if stale:  # re-parsed once, saved with this chunk unless the profile changed since
                await ProfileRepository.from_session(session).refresh_facts(
                    context.company_id, stale
                )
            results.extend(scored)
            await RunRepository.from_session(session).set_progress(
                context.run_id, context.pass_number, len(results), utcnow()
            )
    return results


def _score_chunk(
    context: PassContext, profiles: list[Profile], semantic_vector: Any
) -> list[ScoredRow]:
    return score_stored_profiles(context.icp, profiles, semantic_vector, context.as_of)


def current_facts(profile: Profile) -> ParsedProfile:
    """The stored parse, or a fresh one when the taxonomy or the parser changed since (e.g. after
    a taxonomy import or an upgrade)."""
    stored = ParsedProfile.from_dict(profile.facts)
    if stored.taxonomy_version == parse_version():
        return stored
    return reparse(profile)


def score_stored_profiles(
    icp: ICP, profiles: list[Profile], semantic_vector: Any, as_of: date
) -> list[ScoredRow]:
    """Deep-score stored profiles: parsed facts + cosine similarity to the embedding of
    ``icp.semantic_text()``."""
    parsed = [current_facts(p) for p in profiles]
    semantic = [
        float(np.dot(np.asarray(p.embedding, dtype=np.float32), semantic_vector))
        if p.embedding is not None
        else 0.0
        for p in profiles
    ]
    scored = score_profiles(icp, parsed, semantic, as_of=as_of)
    return list(zip(profiles, parsed, scored, strict=True))


async def _deliver(
    database: Database, context: PassContext, found: int, scored: list[ScoredRow]
) -> None:
    delivered = set(context.delivered)
    ranked = sorted(scored, key=lambda row: (-row[2].match_score, row[0].id))
    new_rows = [row for row in ranked if row[0].id not in delivered][: context.pass_limit]
    old_rows = [row for row in ranked if row[0].id in delivered]
    keep = sorted([*old_rows, *new_rows], key=lambda row: (-row[2].match_score, row[0].id))
    payloads: list[dict[str, Any]] = []
    for profile, parsed, result in keep:
        explanation = explain(context.icp, parsed, result)
        payload = build_candidate(profile.id, profile.data, parsed, result.match_score, explanation)
        payloads.append(
            {
                "profile_id": profile.id,
                "match_score": result.match_score,
                "delivered_in_pass": context.pass_number,
                "payload": payload,
            }
        )
    async with database.unit_of_work() as session:
        runs = RunRepository.from_session(session)
        run = await runs.get_for_job(context.run_id)
        if run is None or run.status != "processing" or run.pass_number != context.pass_number:
            return
        previous = {c.profile_id: c.delivered_in_pass for c in await runs.candidates(run.id)}
        for row in payloads:
            row["delivered_in_pass"] = previous.get(row["profile_id"], context.pass_number)
        await runs.replace_candidates(run.id, run.company_id, payloads)
        now = utcnow()
        run.status = "completed"
        run.completed_at = now
        run.updated_at = now
        run.scored_count = len(scored)
        run.candidates_sourced_count = len(payloads)
        await billing.settle(
            session,
            run.company_id,
            reserved=run.pass_limit,
            used=len(new_rows),
            cost_key="sourcing_candidate",
            reference=run.id,
        )
        await _announce(session, run, "sourcing.completed")
    count_sourcing_run("completed")  # after the commit; skipped by the early return above


async def fail_run(
    database: Database, run_id: str, pass_number: int, code: str, message: str
) -> None:
    async with database.unit_of_work() as session:
        run = await RunRepository.from_session(session).get_for_job(run_id)
        if run is None or run.status != "processing" or run.pass_number != pass_number:
            return
        now = utcnow()
        run.status = "failed"
        run.error_code = code
        run.error_message = message
        run.completed_at = now
        run.updated_at = now
        await billing.settle(
            session,
            run.company_id,
            reserved=run.pass_limit,
            used=0,
            cost_key="sourcing_candidate",
            reference=run.id,
        )
        await _announce(session, run, "sourcing.failed")
    count_sourcing_run("failed")  # after the commit; skipped by the early return above


async def _announce(session: AsyncSession, run: SourcingRun, event: str) -> None:
    """Defer the run's webhook event in the transaction that ends the pass; ``data`` is the 200
    body of GET /sourcing/{id}/results as it stands once this state change is flushed."""
    if run.kind != "sourcing":
        return
    await session.flush()
    results = await get_results(session, run.company_id, run.id)
    await enqueue_event(
        session,
        run.company_id,
        event,
        results.model_dump(mode="json", by_alias=True),
        webhook_id=run.webhook_id,
    )
