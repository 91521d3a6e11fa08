"""File imports for the CLI: batches of profiles, one transaction per batch, with a progress bar."""

from __future__ import annotations

from collections.abc import AsyncIterator
from itertools import islice
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from talentscout import runtime
from talentscout.auth.repository import CompanyRepository
from talentscout.engine.taxonomy import default_taxonomy
from talentscout.errors import ValidationError
from talentscout.pool.importers import read_profiles
from talentscout.pool.repository import ProfileRepository
from talentscout.pool.service import reindex_profiles, upsert_profiles


def _count_items(path: Path) -> int | None:
    if path.suffix.lower() in {".jsonl", ".ndjson", ".csv"}:
        with path.open("rb") as handle:
            lines = sum(1 for line in handle if line.strip())
        return max(0, lines - (1 if path.suffix.lower() == ".csv" else 0))
    return None


async def import_file(
    path: Path, company_id: str, batch_size: int = 200, *, show_progress: bool = True
) -> dict[str, Any]:
    database = runtime.get_database()
    async with database.unit_of_work() as session:
        if await CompanyRepository.from_session(session).get(company_id) is None:
            raise ValidationError.single("company", f"no company {company_id}")
    embedder = runtime.embedder()
    totals: dict[str, Any] = {"created": 0, "updated": 0, "unchanged": 0, "errors": []}
    rows = read_profiles(path)
    with Progress(
        TextColumn("[bold]importing[/bold] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        disable=not show_progress,
    ) as progress:
        task = progress.add_task(path.name, total=_count_items(path))
        while chunk := list(islice(rows, batch_size)):
            async with database.unit_of_work() as session:
                result = await upsert_profiles(session, company_id, chunk, embedder)
            totals["created"] += result.created
            totals["updated"] += result.updated
            totals["unchanged"] += result.unchanged
            totals["errors"].extend(e.model_dump() for e in result.errors)
            progress.advance(task, len(chunk))
    return totals


async def reindex_batches(
    company_id: str, batch_size: int, *, stale_only: bool = True
) -> AsyncIterator[tuple[int, int]]:
    """Re-parse, re-embed and re-index a company's pool, one transaction per batch, yielding
    (checked, reindexed) per batch; by default only profiles parsed with another taxonomy
    version than this process's. A stopped run loses at most the batch in flight, and a rerun
    skips what is already fresh."""
    database = runtime.get_database()
    embedder = runtime.embedder()
    version = default_taxonomy().version
    after = None
    while True:
        async with database.unit_of_work() as session:
            page = await ProfileRepository.from_session(session).page(company_id, batch_size, after)
            if not page:
                return
            after = (page[-1].created_at, page[-1].id)
            stale = [
                p for p in page if not stale_only or p.facts.get("taxonomy_version") != version
            ]
            await reindex_profiles(session, company_id, stale, embedder)
        yield len(page), len(stale)


async def reindex_company(
    company_id: str, batch_size: int = 200, *, stale_only: bool = True, show_progress: bool = True
) -> dict[str, int]:
    """``talentscout pool reindex``: ``reindex_batches`` with a progress bar and totals."""
    database = runtime.get_database()
    runtime.install_taxonomy()
    async with database.unit_of_work() as session:
        if await CompanyRepository.from_session(session).get(company_id) is None:
            raise ValidationError.single("company", f"no company {company_id}")
        total = await ProfileRepository.from_session(session).count(company_id)
    counts = {"checked": 0, "reindexed": 0}
    with Progress(
        TextColumn("[bold]reindexing[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        disable=not show_progress,
    ) as progress:
        task = progress.add_task("pool", total=total)
        async for checked, reindexed in reindex_batches(
            company_id, batch_size, stale_only=stale_only
        ):
            counts["checked"] += checked
            counts["reindexed"] += reindexed
            progress.advance(task, checked)
    return counts
