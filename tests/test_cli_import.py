"""``talentscout pool import`` as a user sees it: a file that is not JSON at all is one clear
error, the usage line reads naturally, and a JSON document's progress shows its item count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.factories import make_profile
from tests.helpers import run_cli


@pytest.fixture
def company_id(database_url: str) -> str:
    created = run_cli(database_url, "admin", "company", "create", "Import Co", "--json")
    assert created.returncode == 0, created.stderr
    return str(json.loads(created.stdout)["id"])


def test_a_file_that_is_not_json_is_one_error_naming_where(
    database_url: str, company_id: str, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('[\n  {"name": "Ana"},\n  {oops}\n]\n')
    for extra in ((), ("--json",)):
        result = run_cli(
            database_url, "pool", "import", str(broken), "--company", company_id, *extra
        )
        assert result.returncode == 1
        assert result.stderr == (
            f"error: {broken} is not valid JSON: Expecting property name enclosed in double "
            "quotes at line 3, column 4.\n"
        )
        assert result.stdout == ""  # nothing was read as an item, nothing was "rejected"


def test_a_json_file_that_is_not_utf8_says_so(
    database_url: str, company_id: str, tmp_path: Path
) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'[{"name": "Jos\xe9"}]')
    result = run_cli(database_url, "pool", "import", str(latin), "--company", company_id)
    assert result.returncode == 1
    assert result.stderr == f"error: {latin} is not valid JSON: byte 15 is not UTF-8 text.\n"


def test_usage_names_the_file_argument_plainly(database_url: str) -> None:
    result = run_cli(database_url, "pool", "import", "--help", COLUMNS="100")
    assert result.returncode == 0, result.stderr
    usage = next(line for line in result.stdout.splitlines() if "Usage:" in line)
    assert usage.strip().endswith("pool import [OPTIONS] FILE")


@pytest.mark.parametrize(
    ("document", "count"),
    [
        ([make_profile() for _ in range(4)], 4),
        ({"profiles": [make_profile() for _ in range(3)]}, 3),
        (make_profile(), 1),
    ],
)
def test_a_json_documents_progress_shows_its_item_count(
    database_url: str, company_id: str, tmp_path: Path, document: object, count: int
) -> None:
    people = tmp_path / "people.json"
    people.write_text(json.dumps(document))
    result = run_cli(
        database_url, "pool", "import", str(people), "--company", company_id, COLUMNS="100"
    )
    assert result.returncode == 0, result.stderr
    progress = next(line for line in result.stdout.splitlines() if "importing" in line)
    assert f" {count}/{count} " in progress
    assert f"created {count}," in result.stdout
