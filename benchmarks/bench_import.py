"""Bulk import speed: ``talentscout pool import`` of a JSON Lines file, end to end (read, validate,
parse, embed, upsert with identity resolution, full-text and vector indexing), with parsing in the
importing process and in one worker process per CPU core.

    python benchmarks/bench_import.py [--profiles 5000] [--batch 200]

Builds a temporary database on the embedded PostgreSQL in ``<tmp>/talentscout-bench`` (or on the
server of ``TALENTSCOUT_BENCH_ADMIN_URL``), writes ``--profiles`` demo profiles to a file, and
imports it through the CLI once per setting of ``TALENTSCOUT_IMPORT_WORKERS``, each into a new
company. Prints profiles/second and writes benchmarks/results/import.json. Reports, never asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from talentscout.auth import service as auth
from talentscout.db.embedded import (
    drop_database,
    embedded_admin_uri,
    ensure_database,
    with_database,
)
from talentscout.db.engine import Database
from talentscout.db.migrate import upgrade
from talentscout.pool.demo import generate_demo_pool

RESULTS = Path(__file__).parent / "results" / "import.json"


async def new_company(url: str, name: str) -> str:
    database = Database(url, pool_size=1)
    try:
        async with database.unit_of_work() as session:
            return (await auth.create_company(session, name)).id
    finally:
        await database.dispose()


def run_import(url: str, file: Path, company_id: str, batch: int, workers: int) -> float:
    env = {
        **os.environ,
        "TALENTSCOUT_DATABASE_URL": url,
        "TALENTSCOUT_IMPORT_WORKERS": str(workers),
    }
    command = [sys.executable, "-m", "talentscout", "pool", "import", str(file)]
    command += ["--company", company_id, "--batch", str(batch), "--json"]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    counts = json.loads(done.stdout)
    if counts["created"] + counts["unchanged"] + counts["updated"] == 0:
        raise SystemExit(f"nothing imported: {counts}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    data_dir = Path(tempfile.gettempdir()) / "talentscout-bench"
    os.environ.setdefault("TALENTSCOUT_DATA_DIR", str(data_dir))
    name = f"ts_bench_{uuid.uuid4().hex[:8]}"
    admin = os.environ.get("TALENTSCOUT_BENCH_ADMIN_URL") or embedded_admin_uri(data_dir)
    ensure_database(admin, name)
    url = with_database(admin, name)
    upgrade(url)
    cpus = os.cpu_count() or 1
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / "pool.jsonl"
            pool = generate_demo_pool(args.profiles)
            file.write_text("".join(json.dumps(p) + "\n" for p in pool))
            for workers in sorted({1, cpus}):
                company = asyncio.run(new_company(url, f"Bench import {workers}"))
                seconds = run_import(url, file, company, args.batch, workers)
                rows.append(
                    {
                        "import_workers": workers,
                        "seconds": round(seconds, 1),
                        "profiles_per_s": round(args.profiles / seconds, 1),
                    }
                )
                print(f"  {workers} parsing process(es): {rows[-1]['profiles_per_s']} profiles/s")
    finally:
        drop_database(admin, name)
    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": cpus},
        "profiles": args.profiles,
        "batch": args.batch,
        "rows": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
