"""``talentscout pool import`` of CSV files: countries by name, and a sparse file imported over
a richer one says what it removes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from talentscout.db.engine import Database
from talentscout.db.models import Profile
from talentscout.pool.service import NO_IDENTITY
from tests.factories import make_profile, make_tenant
from tests.helpers import run_cli


def _import(database_url: str, file: Path, company_id: str) -> dict[str, Any]:
    result = run_cli(database_url, "pool", "import", str(file), "--company", company_id, "--json")
    assert result.returncode == 0, result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


async def test_country_names_are_read_as_codes_and_unknown_ones_warned_about(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    tenant = await make_tenant(database)
    file = tmp_path / "people.csv"
    file.write_text(
        "name,email,city,country,skills\n"
        "Ann Lee,ann@example.com,Lyon,France,Python\n"
        "Bo Chan,bo@example.com,Springfield,Narnia,Java\n"
        "Cy Diaz,,Berlin,Germany,Go\n"
    )
    answer = _import(database_url, file, tenant.company_id)
    assert answer["created"] == 3
    assert answer["warnings"] == [
        {"index": 1, "field": "basics.location.country", "message": "'Narnia' is not a country "
         "name or code TalentScout knows; it is kept as written and places this profile in no "
         "country"},
        {"index": 2, "field": "", "message": NO_IDENTITY},
    ]  # fmt: skip
    async with database.unit_of_work() as session:
        rows = (
            await session.execute(
                select(Profile.data, Profile.facts).where(Profile.company_id == tenant.company_id)
            )
        ).all()
    by_name = {data["basics"]["name"]: (data["basics"]["location"], facts) for data, facts in rows}
    assert by_name["Ann Lee"][0] == {"city": "Lyon", "countryCode": "FR"}
    assert by_name["Ann Lee"][1]["country"] == "fr"  # a job in France finds her there
    assert by_name["Bo Chan"][0] == {"city": "Springfield", "country": "Narnia"}


async def test_a_sparse_csv_over_a_json_import_says_what_it_removes(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    tenant = await make_tenant(database)
    person = make_profile()
    person["basics"]["phone"] = "+49 30 1234567"
    rich = tmp_path / "people.json"
    rich.write_text(json.dumps([person]))
    assert _import(database_url, rich, tenant.company_id)["created"] == 1
    sparse = tmp_path / "people.csv"
    basics = person["basics"]
    sparse.write_text(f"name,email,skills\n{basics['name']},{basics['email']},Python; Kafka\n")
    answer = _import(database_url, sparse, tenant.company_id)
    assert (answer["created"], answer["updated"]) == (0, 1)
    fields = [w["field"] for w in answer["warnings"]]
    assert {"work", "basics.phone", "basics.location", "externalIds"} <= set(fields)
    assert all("an update replaces the whole profile" in w["message"] for w in answer["warnings"])
