"""Preview latency on a large pool: the spec wants a preview "normally within one second on a pool
of 100k profiles" (spec §3).

    python benchmarks/bench_preview.py [--profiles 100000] [--unique 10000]
        [--repeat 5] [--keep-db | --reuse DATA_DIR:DB]

Builds a temporary database on the embedded PostgreSQL in ``<tmp>/talentscout-bench`` (or on the
server of ``TALENTSCOUT_BENCH_ADMIN_URL``), imports ``--unique`` demo profiles through the real
import path (parse + embed + upsert), then copies them with new ids and jittered embeddings up to
``--profiles`` rows (indexes rebuilt once, like a bulk load). It then measures, per job query and
limit: the preview job body alone (``execute_preview``: ICP, embedding, lexical + vector retrieval,
fusion, nine-field rows, billing), its two retrieval queries separately (plus, for comparison, the
lexical query over every ICP term as the full pipeline runs it), and the end-to-end API
path (POST → first 200 from the results endpoint, with the inline executor). Prints a table and
writes benchmarks/results/preview.json. Reports numbers, never asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import platform
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

from talentscout.auth import service as auth
from talentscout.auth.keys import ALL_SCOPES
from talentscout.db.embedded import (
    drop_database,
    embedded_admin_uri,
    ensure_database,
    with_database,
)
from talentscout.db.engine import Database
from talentscout.db.migrate import upgrade
from talentscout.pool.demo import generate_demo_pool
from talentscout.pool.service import upsert_profiles
from talentscout.search.embedder import get_embedder
from talentscout.search.repository import SearchRepository
from talentscout.settings import Settings
from talentscout.sourcing import preview
from talentscout.sourcing.pipeline import current_icp
from talentscout.sourcing.schemas import SourcingCreate

JOBS = [
    ("Senior Backend Engineer", "Python, Django and PostgreSQL; Kafka a plus. 5+ years."),
    ("Data Scientist", "Machine learning, Python, SQL, statistics, experimentation."),
    ("Registered Nurse", "Acute care nurse; patient assessment, triage, BLS certification."),
    ("Account Executive", "B2B SaaS sales, Salesforce, negotiation, quota attainment."),
    ("DevOps Engineer", "Kubernetes, Terraform, AWS, CI/CD pipelines, observability."),
    ("Product Designer", "Figma, user research, prototyping, design systems."),
    ("Financial Analyst", "Financial modelling, Excel, forecasting, FP&A."),
    ("Mechanical Engineer", "CAD, SolidWorks, FEA, manufacturing processes."),
]
RESULTS = Path(__file__).parent / "results" / "preview.json"


async def build_pool(database: Database, company_id: str, unique: int, total: int) -> None:
    embedder = get_embedder("wordllama")
    pool = generate_demo_pool(unique)
    started = time.perf_counter()
    for start in range(0, unique, 1000):
        batch = list(enumerate(pool[start : start + 1000]))
        async with database.unit_of_work() as session:
            await upsert_profiles(session, company_id, batch, embedder)  # type: ignore[arg-type]
        print(f"  imported {min(start + 1000, unique):>7} unique profiles", flush=True)
    print(f"  import: {time.perf_counter() - started:.1f} s")
    copies = max(0, -(-total // unique) - 1)
    if copies == 0:
        return
    started = time.perf_counter()
    async with database.unit_of_work() as session:
        await session.execute(text("SET LOCAL maintenance_work_mem = '1GB'"))
        await session.execute(text("DROP INDEX IF EXISTS ix_profiles_embedding"))
        await session.execute(text("DROP INDEX IF EXISTS ix_profiles_tsv"))
        await session.execute(
            text(
                """
                INSERT INTO profiles (id, company_id, data, facts, source, content_hash,
                                      search_text, tsv, embedding, created_at, updated_at)
                SELECT p.id || '_c' || k, p.company_id, p.data, p.facts, p.source,
                       p.content_hash, p.search_text, p.tsv,
                       (SELECT array_agg(e.x + (random() - 0.5) * 0.02 ORDER BY e.i)
                          FROM unnest(p.embedding::real[]) WITH ORDINALITY AS e(x, i))::vector,
                       now(), now()
                FROM profiles p, generate_series(1, :copies) AS k
                WHERE p.company_id = :company
                LIMIT :extra
                """
            ),
            {"copies": copies, "company": company_id, "extra": total - unique},
        )
        print(f"  copied to {total} rows: {time.perf_counter() - started:.1f} s", flush=True)
        started = time.perf_counter()
        await session.execute(
            text(
                "CREATE INDEX ix_profiles_embedding ON profiles USING hnsw "
                "(embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)"
            )
        )
        await session.execute(text("CREATE INDEX ix_profiles_tsv ON profiles USING gin (tsv)"))
    async with database.engine.connect() as connection:
        await connection.execution_options(isolation_level="AUTOCOMMIT")
        await connection.execute(text("VACUUM ANALYZE profiles"))
    print(f"  indexes + analyze: {time.perf_counter() - started:.1f} s")


async def timed(action: Callable[[], Awaitable[float | None]], repeat: int) -> list[float]:
    """Milliseconds per call; an action may return its own measurement (seconds) instead."""
    await action()  # warm-up: caches, embedder, plans
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        own = await action()
        samples.append((own if own is not None else time.perf_counter() - started) * 1000)
    return samples


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "max_ms": round(ordered[-1], 1),
        "mean_ms": round(statistics.fmean(ordered), 1),
    }


class Case:
    """One job and limit, measured four ways."""

    def __init__(
        self,
        database: Database,
        settings: Settings,
        client: httpx.AsyncClient,
        key: str,
        company_id: str,
        body: SourcingCreate,
    ) -> None:
        self.database, self.settings, self.client = database, settings, client
        self.headers = {"Authorization": f"Bearer {key}"}
        self.company_id, self.body = company_id, body
        self.embedder = get_embedder("wordllama")

    async def job_body(self) -> float:
        """``execute_preview`` alone (the run row is created outside the clock)."""
        self.settings.preview_inline = False
        async with self.database.unit_of_work() as session:
            accepted = await preview.create_preview(
                session, self.company_id, self.body, self.settings
            )
        started = time.perf_counter()
        await preview.execute_preview(
            self.database, self.embedder, self.settings, accepted.request_id
        )
        return time.perf_counter() - started

    async def lexical(self, every_term: bool = False) -> None:
        """The preview's lexical query (or, for comparison, the full ICP's)."""
        icp = current_icp(_fake_run(self.body))
        terms = icp.lexical_terms() if every_term else preview.shallow_terms(icp.lexical_terms())
        async with self.database.unit_of_work() as session:
            search = SearchRepository.from_session(session)
            await search.lexical(self.company_id, terms, 2 * self.body.limit)

    async def lexical_all_terms(self) -> None:
        await self.lexical(every_term=True)

    async def vector(self) -> None:
        icp = current_icp(_fake_run(self.body))
        vector = [float(x) for x in self.embedder.embed([icp.embedding_text()])[0]]
        async with self.database.unit_of_work() as session:
            search = SearchRepository.from_session(session)
            await search.vector(self.company_id, vector, 2 * self.body.limit)

    async def end_to_end(self) -> None:
        """POST, then poll every 5 ms until the first 200 (inline executor on)."""
        self.settings.preview_inline = True
        payload = self.body.model_dump(mode="json", by_alias=True)
        posted = await self.client.post("/sourcing/preview", json=payload, headers=self.headers)
        run_id = posted.json()["requestId"]
        while True:
            polled = await self.client.get(
                f"/sourcing/preview/{run_id}/results", headers=self.headers
            )
            if polled.status_code == 200:
                assert polled.json()["status"] == "completed"
                return
            await asyncio.sleep(0.005)


async def measure(
    database: Database, settings: Settings, company_id: str, key: str, repeat: int
) -> list[dict[str, Any]]:
    from talentscout.app import create_app

    app = create_app(settings, database)
    rows: list[dict[str, Any]] = []
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for title, description in JOBS:
                for limit in (20, 100):
                    body = SourcingCreate(title=title, job_description=description, limit=limit)
                    case = Case(database, settings, client, key, company_id, body)
                    row: dict[str, Any] = {
                        "job": title,
                        "limit": limit,
                        "job_body": summary(await timed(case.job_body, repeat)),
                        "lexical_query": summary(await timed(case.lexical, repeat)),
                        "lexical_all_icp_terms": summary(
                            await timed(case.lexical_all_terms, repeat)
                        ),
                        "vector_query": summary(await timed(case.vector, repeat)),
                        "post_to_200": summary(await timed(case.end_to_end, repeat)),
                    }
                    rows.append(row)
                    print(
                        f"  {title:<22} limit {limit:>3}: job {row['job_body']['p50_ms']:>7.1f} ms"
                        f" (lexical {row['lexical_query']['p50_ms']:>6.1f}, vector "
                        f"{row['vector_query']['p50_ms']:>5.1f}; all-terms lexical "
                        f"{row['lexical_all_icp_terms']['p50_ms']:>6.1f})   POST→200 "
                        f"{row['post_to_200']['p50_ms']:>7.1f} ms (max "
                        f"{row['post_to_200']['max_ms']:.1f})",
                        flush=True,
                    )
            await preview.wait_inline()
    return rows


def _fake_run(body: SourcingCreate) -> Any:
    from talentscout.db.models import SourcingRun

    return SourcingRun(
        title=body.title,
        job_description=body.job_description,
        location=body.location,
        queries=[body.query] if body.query else [],
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--unique", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep-db", action="store_true", help="print and keep the database")
    parser.add_argument("--reuse", metavar="DATA_DIR:DB", help="measure a kept database again")
    args = parser.parse_args()
    unique = min(args.unique, args.profiles)
    for noisy in ("httpx", "procrastinate"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    if args.reuse:
        reuse_dir, name = args.reuse.rsplit(":", 1)
        data_dir = Path(reuse_dir)
    else:
        # One reused folder: each run creates and drops its own database in it.
        data_dir = Path(tempfile.gettempdir()) / "talentscout-bench"
        name = f"ts_bench_{uuid.uuid4().hex[:8]}"
    os.environ.setdefault("TALENTSCOUT_DATA_DIR", str(data_dir))
    admin = os.environ.get("TALENTSCOUT_BENCH_ADMIN_URL") or embedded_admin_uri(data_dir)
    ensure_database(admin, name)
    url = with_database(admin, name)
    upgrade(url)
    settings = Settings(
        data_dir=data_dir,
        database_url=url,
        secret_key="bench-" + name,
        rate_limit_per_minute=10**6,
        rate_limit_per_hour=10**7,
        rate_limit_results_per_minute=10**6,
    )
    database = Database(url, pool_size=4)
    try:
        if args.reuse:
            async with database.unit_of_work() as session:
                found = await session.execute(text("SELECT company_id FROM profiles LIMIT 1"))
                company_id = str(found.scalar_one())
                key = await auth.create_key(session, company_id, list(ALL_SCOPES))
        else:
            async with database.unit_of_work() as session:
                company_id = (await auth.create_company(session, "Bench Co")).id
                key = await auth.create_key(session, company_id, list(ALL_SCOPES))
            print(f"building a pool of {args.profiles} profiles ({unique} unique)…", flush=True)
            await build_pool(database, company_id, unique, args.profiles)
        print(f"measuring (median of {args.repeat}, after one warm-up)…", flush=True)
        async with database.unit_of_work() as session:
            count = await session.execute(
                text("SELECT count(*) FROM profiles WHERE company_id = :c"), {"c": company_id}
            )
            pool_size = int(count.scalar_one())
        rows = await measure(database, settings, company_id, key.secret, args.repeat)
    finally:
        await database.dispose()
        if args.keep_db or args.reuse:
            print(f"kept database: --reuse {data_dir}:{name}")
        else:
            drop_database(admin, name)
    every = [r["post_to_200"]["p50_ms"] for r in rows]
    jobs = [r["job_body"]["p50_ms"] for r in rows]
    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "pool": {"profiles": pool_size, "unique": unique if not args.reuse else None},
        "repeat": args.repeat,
        "summary": {
            "job_body_p50_of_medians_ms": round(statistics.median(jobs), 1),
            "job_body_worst_median_ms": max(jobs),
            "post_to_200_p50_of_medians_ms": round(statistics.median(every), 1),
            "post_to_200_worst_median_ms": max(every),
        },
        "rows": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report["summary"], indent=2))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    asyncio.run(main())
