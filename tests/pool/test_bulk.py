"""``talentscout pool import`` with parsing in worker processes: the same profiles, facts and
errors as parsing in the importing process, written in file order."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from talentscout.db.engine import Database
from talentscout.db.models import Profile
from tests.factories import make_profile, make_tenant
from tests.helpers import run_cli


async def _stored(database: Database, company_id: str) -> dict[str, dict[str, object]]:
    async with database.unit_of_work() as session:
        rows = (
            await session.execute(
                select(Profile.content_hash, Profile.facts).where(Profile.company_id == company_id)
            )
        ).all()
    return {content_hash: facts for content_hash, facts in rows}


async def test_parsing_in_worker_processes_matches_parsing_in_process(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    titles = ["Data Engineer", "QA Engineer", "Nurse", "Sales Manager", "Product Designer"]
    people = [make_profile(title=titles[i % len(titles)]) for i in range(11)]
    lines = [json.dumps(p) for p in people]
    lines.insert(4, "{broken json")
    lines.append(json.dumps({**people[0]}))  # the same person again, last: unchanged
    file = tmp_path / "people.jsonl"
    file.write_text("\n".join(lines) + "\n")
    results = {}
    for workers in ("1", "2"):
        tenant = await make_tenant(database)
        result = run_cli(
            database_url, "pool", "import", str(file), "--company", tenant.company_id,
            "--batch", "3", "--json", TALENTSCOUT_IMPORT_WORKERS=workers,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        results[workers] = (json.loads(result.stdout), await _stored(database, tenant.company_id))
    (in_process, facts_in_process), (in_workers, facts_in_workers) = results["1"], results["2"]
    assert in_workers == in_process
    assert in_workers["created"] == 11
    assert in_workers["unchanged"] == 1
    assert [e["index"] for e in in_workers["errors"]] == [4]
    assert facts_in_workers == facts_in_process
    assert all(facts["skills"] for facts in facts_in_workers.values())
