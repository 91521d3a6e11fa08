"""File imports for the CLI: batches of profiles, one transaction per batch, with a progress bar."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
from collections import deque
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from talentscout import runtime
from talentscout.auth.repository import CompanyRepository
from talentscout.engine.parse import parse_version
from talentscout.errors import ValidationError
from talentscout.pool.importers import (
    SUPPORTED_SUFFIXES,
    UNSUPPORTED_MESSAGE,
    json_profiles,
    read_profiles,
)
from talentscout.pool.repository import ProfileRepository
from talentscout.pool.service import Prepared, parse_items, reindex_profiles, upsert_profiles
from talentscout.settings import get_settings
from talentscout.timeutil import utcnow


def _progress(verb: str, show: bool) -> Progress:
    """The CLI's progress bar: "<verb> <task name>", done of total, time left."""
    return Progress(
        TextColumn(f"[bold]{verb}[/bold] {{task.description}}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        disable=not show,
    )


def _count_items(path: Path) -> int | None:
    """Items in the file, for the progress bar's total and the choice of parser processes."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _json_items(path)
    if suffix in {".jsonl", ".ndjson", ".csv"}:
        with path.open("rb") as handle:
            lines = sum(1 for line in handle if line.strip())
        return max(0, lines - (1 if suffix == ".csv" else 0))
    return None


def _json_items(path: Path) -> int:
    """Items of a JSON document, counted as ``pool.importers`` reads them. A file that is not
    JSON at all is refused here, before any work starts: it holds no items to report one by
    one."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise ValidationError.single(
            "file", f"{path} is not valid JSON: {exc.msg} at {where}."
        ) from exc
    except UnicodeDecodeError as exc:
        raise ValidationError.single(
            "file", f"{path} is not valid JSON: byte {exc.start + 1} is not UTF-8 text."
        ) from exc
    return len(json_profiles(document))


async def import_file(
    path: Path, company_id: str, batch_size: int = 200, *, show_progress: bool = True
) -> dict[str, Any]:
    """Import a file batch by batch, one transaction per batch. Parsing (the slow part, ~300
    profiles/s per core) runs in ``import_workers`` processes a few batches ahead of the
    writes; results are written in file order, so reruns and duplicates resolve the same way."""
    if (suffix := path.suffix.lower()) not in SUPPORTED_SUFFIXES:  # before any work starts
        raise ValidationError.single("file", UNSUPPORTED_MESSAGE.format(suffix=suffix))
    expected = _count_items(path)
    database = runtime.get_database()
    runtime.install_taxonomy()  # parse with the taxonomy the workers and the API will use
    async with database.unit_of_work() as session:
        if await CompanyRepository.from_session(session).get(company_id) is None:
            raise ValidationError.single("company", f"company {company_id} does not exist.")
    embedder = runtime.embedder()
    totals: dict[str, Any] = {
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "errors": [],  # rejected items
        "warnings": [],  # about accepted items (see pool.schemas.ItemWarning)
    }
    rows = read_profiles(path)
    started = utcnow()  # one date for the whole file: parses are dated as their rows
    with (
        _progress("importing", show_progress) as progress,
        _parser_pool(expected, batch_size) as parsers,
    ):
        task = progress.add_task(path.name, total=expected)
        async for chunk, parsed in _parsed_chunks(rows, batch_size, parsers, started):
            async with database.unit_of_work() as session:
                result = await upsert_profiles(
                    session, company_id, chunk, embedder, already_parsed=parsed, now=started
                )
            totals["created"] += result.created
            totals["updated"] += result.updated
            totals["unchanged"] += result.unchanged
            totals["errors"].extend(e.model_dump() for e in result.errors)
            totals["warnings"].extend(w.model_dump() for w in result.warnings)
            progress.advance(task, len(chunk))
    return totals


Item = tuple[int, dict[str, Any] | str]
Items = list[Item]
MAX_AUTO_IMPORT_WORKERS = 8  # each parser process holds the taxonomy (~110 MB)


@contextmanager
def _parser_pool(
    expected: int | None, batch_size: int
) -> Iterator[tuple[ProcessPoolExecutor, int] | None]:
    """Worker processes for parsing, or None (parse in a thread) when there is one worker or
    the file is a single batch. "spawn": the importing process has threads (database
    driver), and forking a process with threads can deadlock the child."""
    workers = get_settings().import_workers or min(_usable_cpus(), MAX_AUTO_IMPORT_WORKERS)
    if workers <= 1 or (expected is not None and expected <= batch_size):
        yield None
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_parser) as pool:
        yield pool, workers


def _usable_cpus() -> int:
    """CPUs this process may run on (a container's cpuset, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _init_parser() -> None:
    runtime.install_taxonomy()  # the same taxonomy (with any imported extension) as the parent


async def _parsed_chunks(
    rows: Iterator[Item],
    batch_size: int,
    parsers: tuple[ProcessPoolExecutor, int] | None,
    as_of: datetime,
) -> AsyncIterator[tuple[Items, Prepared | None]]:
    """Chunks of the file in order, each with its parse (None: upsert_profiles parses it).
    With a pool, up to two chunks per worker are parsed ahead of the one being written."""
    chunks: Iterator[Items] = iter(lambda: list(islice(rows, batch_size)), [])
    if parsers is None:
        for chunk in chunks:
            yield chunk, None
        return
    pool, workers = parsers
    loop = asyncio.get_running_loop()
    ahead: deque[tuple[Items, asyncio.Future[Prepared]]] = deque()

    def submit() -> None:
        chunk = next(chunks, None)
        if chunk is not None:
            ahead.append((chunk, loop.run_in_executor(pool, parse_items, chunk, as_of)))

    for _ in range(2 * workers):
        submit()
    while ahead:
        chunk, future = ahead.popleft()
        parsed = await future
        submit()
        yield chunk, parsed


async def reindex_batches(
    company_id: str, batch_size: int, *, stale_only: bool = True
) -> AsyncIterator[int]:
    """Re-parse, re-embed and re-index a company's pool, one transaction per batch, yielding
    how many each batch refreshed; by default only profiles parsed under another taxonomy or
    parser version than this process's (read through the indexed ``parse_version``). A
    stopped run loses at most the batch in flight, and a rerun skips what is already fresh."""
    database = runtime.get_database()
    embedder = runtime.embedder()
    stale_for = parse_version() if stale_only else None
    after = None
    while True:
        async with database.unit_of_work() as session:
            page = await ProfileRepository.from_session(session).page(
                company_id, batch_size, after, stale_for=stale_for
            )
            if not page:
                return
            after = (page[-1].created_at, page[-1].id)
            refreshed = await reindex_profiles(session, company_id, page, embedder)
        yield refreshed


async def reindex_company(
    company_id: str, batch_size: int = 200, *, stale_only: bool = True, show_progress: bool = True
) -> dict[str, int]:
    """``talentscout pool reindex``: ``reindex_batches`` with a progress bar and totals."""
    database = runtime.get_database()
    runtime.install_taxonomy()
    async with database.unit_of_work() as session:
        if await CompanyRepository.from_session(session).get(company_id) is None:
            raise ValidationError.single("company", f"company {company_id} does not exist.")
        repo = ProfileRepository.from_session(session)
        total = await repo.count(company_id)
        due = await repo.count(company_id, stale_for=parse_version()) if stale_only else total
    counts = {"checked": total, "reindexed": 0}
    with _progress("reindexing", show_progress) as progress:
        task = progress.add_task("", total=due)
        async for reindexed in reindex_batches(company_id, batch_size, stale_only=stale_only):
            counts["reindexed"] += reindexed
            progress.advance(task, reindexed)
    return counts
