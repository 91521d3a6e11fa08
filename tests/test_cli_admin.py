"""``talentscout admin`` as an operator reads it: whole ids, the state a key is in, refusals."""

from __future__ import annotations

import json
from typing import Any

from tests.helpers import run_cli


def _ok(result: Any) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _company(database_url: str, name: str, *extra: str) -> str:
    created = _ok(run_cli(database_url, "admin", "company", "create", name, *extra, "--json"))
    return str(created["id"])


def test_tables_print_ids_whole_on_a_narrow_or_piped_output(database_url: str) -> None:
    """Rich fits a table to 80 columns when piped by cutting cells ("cmp_1a2b…"): the ids an
    operator copies into the next command must come out whole and on one line."""
    company = _company(database_url, "A company with a rather long name to squeeze the table")
    key = _ok(run_cli(database_url, "admin", "key", "create", "--company", company, "--json"))
    companies = run_cli(database_url, "admin", "company", "list", COLUMNS="80")
    assert companies.returncode == 0, companies.stderr
    assert any(company in line for line in companies.stdout.splitlines())
    keys = run_cli(database_url, "admin", "key", "list", "--company", company, COLUMNS="80")
    assert keys.returncode == 0, keys.stderr
    row = next(line for line in keys.stdout.splitlines() if key["id"] in line)
    assert company in row
    assert key["key"][:12] in row  # the prefix
    assert "…" not in row


def test_key_list_shows_the_state_a_call_meets_and_json_has_every_setting(
    database_url: str,
) -> None:
    company = _company(database_url, "States Co")
    other = _company(database_url, "Managed Co")
    create = ("admin", "key", "create", "--company", company, "--json")
    expired = _ok(run_cli(database_url, *create, "--expires-at", "2020-01-01T00:00:00"))
    later = _ok(
        run_cli(database_url, *create, "--expires-at", "2999-01-01", "--ip-allow", "10.0.0.0/8")
    )
    ats = _ok(run_cli(database_url, *create, "--kind", "ats", "--manages", other))
    suspended = run_cli(
        database_url, "admin", "key", "suspend", str(later["id"]), "--reason", "unpaid"
    )
    assert suspended.returncode == 0, suspended.stderr

    table = run_cli(database_url, "admin", "key", "list", "--company", company)
    assert table.returncode == 0, table.stderr
    states = {
        key_id: line for line in table.stdout.splitlines()
        for key_id in (expired["id"], later["id"], ats["id"]) if key_id in line
    }  # fmt: skip
    assert "expired" in states[expired["id"]]
    assert "suspended" in states[later["id"]]
    assert "active" in states[ats["id"]]

    listed = {
        row["id"]: row
        for row in _ok(
            run_cli(database_url, "admin", "key", "list", "--company", company, "--json")
        )
    }
    assert listed[expired["id"]]["state"] == "expired"
    assert listed[expired["id"]]["expiresAt"] == "2020-01-01T00:00:00.000Z"  # the option is UTC
    assert listed[later["id"]]["ipAllowlist"] == ["10.0.0.0/8"]
    assert listed[later["id"]]["suspendedReason"] == "unpaid"
    assert listed[later["id"]]["state"] == "suspended"
    assert sorted(listed[ats["id"]]["manages"]) == sorted([company, other])
    assert listed[expired["id"]]["manages"] == []


def test_an_ats_key_must_name_the_companies_it_manages(database_url: str) -> None:
    company = _company(database_url, "Ats Co")
    create = ("admin", "key", "create", "--company", company)
    alone = run_cli(database_url, *create, "--kind", "ats")
    assert alone.returncode == 1
    assert alone.stderr == (
        "error: manages must name at least one other company for an ATS key (--manages ID,…).\n"
    )
    own_only = run_cli(database_url, *create, "--kind", "ats", "--manages", company)
    assert own_only.returncode == 1
    other = _company(database_url, "Other Co")
    standard = run_cli(database_url, *create, "--manages", other)
    assert standard.returncode == 1
    assert standard.stderr == "error: manages is only for an ATS key: add --kind ats.\n"
    keys = _ok(run_cli(database_url, "admin", "key", "list", "--company", company, "--json"))
    assert keys == []  # nothing was created by the refused commands


def test_credits_are_refused_for_a_postpaid_company(database_url: str) -> None:
    company = _company(database_url, "Postpaid Co")
    topped = run_cli(database_url, "admin", "credits", "add", "--company", company, "5")
    assert topped.returncode == 1
    assert f"company {company} is postpaid" in topped.stderr
    created = run_cli(
        database_url, "admin", "company", "create", "Postpaid Credits", "--credits", "5"
    )
    assert created.returncode == 1
    assert created.stderr == (
        "error: credits are only for a prepaid company: add --billing prepaid.\n"
    )
    names = [c["name"] for c in _ok(run_cli(database_url, "admin", "company", "list", "--json"))]
    assert "Postpaid Credits" not in names
