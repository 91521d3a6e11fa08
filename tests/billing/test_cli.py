"""``talentscout admin company create`` and ``admin credits add`` as an operator runs them."""

from __future__ import annotations

import json

import httpx

from talentscout.db.engine import Database
from tests.factories import make_tenant
from tests.helpers import run_cli


async def test_prepaid_company_and_top_up_from_the_cli(
    client: httpx.AsyncClient, database: Database, database_url: str
) -> None:
    created = run_cli(
        database_url,
        "admin",
        "company",
        "create",
        "Acme",
        "--billing",
        "prepaid",
        "--credits",
        "7",
        "--json",
    )
    assert created.returncode == 0, created.stderr
    lines = created.stdout.strip().splitlines()
    assert len(lines) == 1
    company = json.loads(lines[0])
    company_id = company["id"]
    assert company_id.startswith("cmp_")

    topped = run_cli(database_url, "admin", "credits", "add", "--company", company_id, "5")
    assert topped.returncode == 0, topped.stderr
    assert "12" in topped.stdout

    key = run_cli(
        database_url,
        "admin",
        "key",
        "create",
        "--company",
        company_id,
        "--scopes",
        "read:billing,sourcing:write",
        "--json",
    )
    assert key.returncode == 0, key.stderr
    headers = {"Authorization": f"Bearer {json.loads(key.stdout)['key']}"}
    data = (await client.get("/billing/usage", headers=headers)).json()["data"]
    assert data["billingMode"] == "prepaid"
    assert data["balance"] == 12
    assert data["totalCreditsUsed"] == 0


async def test_topping_up_an_unknown_company_is_a_clean_error(
    database: Database, database_url: str
) -> None:
    result = run_cli(database_url, "admin", "credits", "add", "--company", "cmp_nope", "5")
    assert result.returncode == 1
    assert result.stderr == "error: company cmp_nope does not exist.\n"
    assert "Traceback" not in result.stderr
    tenant = await make_tenant(database)
    zero = run_cli(database_url, "admin", "credits", "add", "--company", tenant.company_id, "0")
    assert zero.returncode == 1
    assert zero.stderr == "error: amount must be a positive number of credits.\n"
