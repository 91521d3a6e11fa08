"""The ``talentscout`` command as a user drives it: admin, keys and pool imports."""

from __future__ import annotations

import importlib.util
import json
import socket
from pathlib import Path
from typing import Any

import httpx
import pytest

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
    assert "  line 2: invalid JSON on this line" in result.stdout  # the file's own line numbers
    assert "  line 4: profile must be a JSON object" in result.stdout

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
        "  line 1: warning: work[0].endDate: 'soon' is not a date (use YYYY, YYYY-MM or "
        "YYYY-MM-DD); this role counts toward no years of experience\n"
    ) in result.stdout
    assert "  line 2: invalid JSON on this line" in result.stdout  # the rejected line
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
    assert result.stderr == "error: company cmp_nope does not exist.\n"
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


def test_pool_import_names_csv_lines_counting_the_header(database_url: str, tmp_path: Path) -> None:
    """A user looks rows up in their file: line numbers count the header, blank lines and the
    lines of a quoted multi-line cell; JSON documents number their items from 1."""
    company = _json(run_cli(database_url, "admin", "company", "create", "Csv Co", "--json"))
    csv_file = tmp_path / "people.csv"
    csv_file.write_text(
        "name,email,headline\n"
        "\n"
        ",,\n"  # line 3: empty
        '"Ana\nLima",ana.lima@example.com,Designer\n'  # lines 4-5
        "Bo,bo@example.com,Dev,extra\n"  # line 6: a cell too many
    )
    result = run_cli(database_url, "pool", "import", str(csv_file), "--company", str(company["id"]))
    assert result.returncode == 0, result.stderr
    assert "  line 3: row is empty\n" in result.stdout
    assert "  line 6: row has more cells than the header\n" in result.stdout
    assert "counted from the header, line 1" in result.stdout
    assert " -: " not in result.stdout

    document = tmp_path / "people.json"
    document.write_text(json.dumps([make_profile(), "not a profile"]))
    as_items = run_cli(
        database_url, "pool", "import", str(document), "--company", str(company["id"])
    )
    assert as_items.returncode == 0, as_items.stderr
    assert "  item 2: profile must be a JSON object\n" in as_items.stdout


def test_pool_import_of_a_file_with_no_valid_item_fails(database_url: str, tmp_path: Path) -> None:
    company = _json(run_cli(database_url, "admin", "company", "create", "Bad Co", "--json"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n[1]\n")
    args = ("pool", "import", str(bad), "--company", str(company["id"]))
    result = run_cli(database_url, *args)
    assert result.returncode == 1
    assert "rejected 2" in result.stdout
    assert "error: nothing was imported: all 2 items" in result.stderr
    as_json = run_cli(database_url, *args, "--json")
    assert as_json.returncode == 1
    assert [e["index"] for e in json.loads(as_json.stdout)["errors"]] == [0, 1]  # API indices


@pytest.mark.parametrize(
    ("setting", "value", "named"),
    [
        ("TALENTSCOUT_DB_POOL_SIZE", "abc", "TALENTSCOUT_DB_POOL_SIZE='abc'"),
        (
            "TALENTSCOUT_DB_CONNECT_TIMEOUT_SECONDS",
            "1",
            "TALENTSCOUT_DB_CONNECT_TIMEOUT_SECONDS='1': Input should be greater than or equal"
            " to 2",
        ),
        (
            "TALENTSCOUT_DATABASE_URL",
            "postgresql://nobody:hunter2@127.0.0.1:1/x",
            "TALENTSCOUT_DATABASE_URL (postgresql://nobody:***@127.0.0.1:1/x)",
        ),
        ("TALENTSCOUT_DATABASE_URL", "mysql://db/x", "TALENTSCOUT_DATABASE_URL must be"),
    ],
)
def test_a_setting_the_cli_cannot_run_with_is_one_clear_line(
    database_url: str, setting: str, value: str, named: str
) -> None:
    overrides: dict[str, Any] = {setting: value}
    result = run_cli(database_url, "admin", "company", "list", **overrides)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert named in result.stderr
    assert "Traceback" not in result.stderr
    assert "hunter2" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is not None,
    reason="sentence-transformers is installed here",
)
def test_a_sentence_transformers_embedder_without_the_package_says_what_to_install(
    database_url: str, tmp_path: Path
) -> None:
    company = _json(run_cli(database_url, "admin", "company", "create", "Emb Co", "--json"))
    people = tmp_path / "people.jsonl"
    people.write_text(json.dumps(make_profile()) + "\n")
    result = run_cli(
        database_url,
        *("pool", "import", str(people), "--company", str(company["id"])),
        TALENTSCOUT_EMBEDDER="sentence-transformers/all-MiniLM-L6-v2",
    )
    assert result.returncode == 2
    assert "TALENTSCOUT_EMBEDDER='sentence-transformers/all-MiniLM-L6-v2'" in result.stderr
    assert "pip install sentence-transformers" in result.stderr
    assert "Traceback" not in result.stderr


def test_errors_print_their_details_readably(database_url: str) -> None:
    company = _json(run_cli(database_url, "admin", "company", "create", "Err Co", "--json"))
    result = run_cli(
        database_url, "admin", "key", "create", "--company", str(company["id"]), "--scopes", "x:y"
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: scopes must each be one of sourcing:write, ")
    assert result.stderr.endswith("; got 'x:y'.\n")  # not a Python dict of the details


def test_a_database_that_never_answers_is_one_clear_line_in_bounded_time() -> None:
    """A host that accepts the connection and then says nothing (a wedged server, a blackholed
    address behind a proxy) must not hang the command."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)  # never accepted: connections queue in the kernel, nobody answers
        url = f"postgresql://nobody:hunter2@127.0.0.1:{silent.getsockname()[1]}/x"
        result = run_cli(
            url, "admin", "company", "list", timeout=30, TALENTSCOUT_DB_CONNECT_TIMEOUT_SECONDS="2"
        )
    assert result.returncode == 2
    assert result.stderr.startswith("error: cannot use the database of TALENTSCOUT_DATABASE_URL")
    assert "did not answer within 2 s (TALENTSCOUT_DB_CONNECT_TIMEOUT_SECONDS)" in result.stderr
    assert "hunter2" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
