"""The ``talentscout`` command as a user drives it: admin, keys and pool imports."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from tests.factories import make_profile
from tests.helpers import run_cli


def _json(result: object) -> dict[str, object]:
    stdout = getattr(result, "stdout", "")
    assert getattr(result, "returncode", 1) == 0, getattr(result, "stderr", "")
    parsed: dict[str, object] = json.loads(stdout)
    return parsed


async def test_admin_and_pool_import_end_to_end(
    client: httpx.AsyncClient, database_url: str, tmp_path: Path
) -> None:
    company = _json(run_cli(database_url, "admin", "company", "create", "CLI Co", "--json"))
    company_id = str(company["id"])
    key = _json(
        run_cli(
            database_url,
            "admin",
            "key",
            "create",
            "--company",
            company_id,
            "--scopes",
            "pool:read,pool:write",
            "--name",
            "ci",
            "--json",
        )
    )
    assert str(key["key"]).startswith("sk_live_")

    jsonl = tmp_path / "people.jsonl"
    good = [make_profile(title="Data Engineer"), make_profile(title="QA Engineer")]
    jsonl.write_text(
        json.dumps(good[0]) + "\n{broken json\n" + json.dumps(good[1]) + "\n" + "[1, 2]\n"
    )
    result = run_cli(database_url, "pool", "import", str(jsonl), "--company", company_id)
    assert result.returncode == 0, result.stderr
    assert "created 2" in result.stdout
    assert "rejected 2" in result.stdout
    assert "row 1" in result.stdout

    csv_file = tmp_path / "people.csv"
    csv_file.write_text(
        "name,email,headline,skills,location\n"
        "Ana Lima,ana@example.com,Product Designer,Figma;UX Research,Lisbon\n"
        ",,,,\n"
    )
    as_json = _json(
        run_cli(database_url, "pool", "import", str(csv_file), "--company", company_id, "--json")
    )
    assert as_json["created"] == 1
    assert len(as_json["errors"]) == 1  # type: ignore[arg-type]

    again = _json(
        run_cli(database_url, "pool", "import", str(jsonl), "--company", company_id, "--json")
    )
    assert again["created"] == 0
    assert again["unchanged"] == 2

    headers = {"Authorization": f"Bearer {key['key']}"}
    listing = (await client.get("/pool/profiles", headers=headers)).json()["data"]["items"]
    assert len(listing) == 3


def test_pool_import_prints_the_warnings_of_imported_rows(
    database_url: str, tmp_path: Path
) -> None:
    company = _json(run_cli(database_url, "admin", "company", "create", "Dates Co", "--json"))
    odd = make_profile(title="Data Engineer")
    odd["work"][0]["endDate"] = "soon"
    jsonl = tmp_path / "dates.jsonl"
    jsonl.write_text(json.dumps(odd) + "\n{broken json\n" + json.dumps(make_profile()) + "\n")
    args = ("pool", "import", str(jsonl), "--company", str(company["id"]))
    result = run_cli(database_url, *args)
    assert result.returncode == 0, result.stderr
    assert "created 2, updated 0, unchanged 0, rejected 1, warnings 1" in result.stdout
    assert (
        "  row 0: warning: work[0].endDate: 'soon' is not a date (use YYYY, YYYY-MM or "
        "YYYY-MM-DD); this role counts toward no years of experience\n"
    ) in result.stdout
    assert "row 1: -:" in result.stdout  # the rejected line, as before
    again = _json(run_cli(database_url, *args, "--json"))
    assert (again["unchanged"], len(again["errors"])) == (2, 1)  # type: ignore[arg-type]
    assert again["warnings"] == [
        {"index": 0, "field": "work[0].endDate", "message": "'soon' is not a date (use YYYY, "
         "YYYY-MM or YYYY-MM-DD); this role counts toward no years of experience"}
    ]  # fmt: skip


def test_key_revocation_from_the_cli(database_url: str) -> None:
    company = _json(run_cli(database_url, "admin", "company", "create", "Rev Co", "--json"))
    key = _json(
        run_cli(database_url, "admin", "key", "create", "--company", str(company["id"]), "--json")
    )
    revoked = run_cli(database_url, "admin", "key", "revoke", str(key["id"]))
    assert revoked.returncode == 0, revoked.stderr
    keys = json.loads(
        run_cli(
            database_url, "admin", "key", "list", "--company", str(company["id"]), "--json"
        ).stdout
    )
    assert keys[0]["revoked"] is True


def test_unknown_company_is_a_clean_error(database_url: str) -> None:
    result = run_cli(database_url, "admin", "key", "create", "--company", "cmp_nope", "--json")
    assert result.returncode == 1
    assert "no company" in result.stderr
    assert "Traceback" not in result.stderr


def test_pool_import_of_an_unsupported_file_type_is_a_clear_error(
    database_url: str, tmp_path: Path
) -> None:
    company = _json(run_cli(database_url, "admin", "company", "create", "Txt Co", "--json"))
    resume = tmp_path / "resume.txt"
    resume.write_text("Jane Roe, Data Engineer")
    result = run_cli(database_url, "pool", "import", str(resume), "--company", str(company["id"]))
    assert result.returncode == 1
    assert "unsupported file type '.txt'" in result.stderr
    assert "Traceback" not in result.stderr
