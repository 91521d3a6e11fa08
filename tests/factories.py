"""Small typed builders with a unique value in every call (no shared global data)."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from talentscout.auth import service as auth
from talentscout.auth.keys import ALL_SCOPES
from talentscout.db.engine import Database

_counter = itertools.count(1)


@dataclass
class Tenant:
    company_id: str
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}


async def make_tenant(
    database: Database,
    *,
    scopes: list[str] | None = None,
    billing: str = "postpaid",
    credits: int = 0,
    **key_options: Any,
) -> Tenant:
    async with database.unit_of_work() as session:
        company = await auth.create_company(
            session, f"Company {next(_counter)}", billing_mode=billing, credits=credits
        )
        new = await auth.create_key(
            session, company.id, scopes if scopes is not None else list(ALL_SCOPES), **key_options
        )
    return Tenant(company_id=company.id, key=new.secret)


def make_profile(
    *,
    title: str = "Senior Backend Engineer",
    skills: list[str] | None = None,
    company: str = "Acme Corp",
    years: int = 6,
    city: str = "Berlin",
    name: str | None = None,
    highlights: list[str] | None = None,
) -> dict[str, Any]:
    n = next(_counter)
    skills = skills or ["Python", "PostgreSQL", "Kafka"]
    start_year = 2026 - years
    return {
        "basics": {
            "name": name or f"Person {n}",
            "label": title,
            "email": f"person{n}.{uuid.uuid4().hex[:6]}@example.com",
            "location": {"city": city, "countryCode": "DE"},
            "summary": f"{title} with {years} years of experience in {', '.join(skills)}.",
        },
        "work": [
            {
                "name": company,
                "position": title,
                "startDate": f"{start_year}-01",
                "summary": f"Built systems with {', '.join(skills)}.",
                "highlights": highlights or [f"Built services using {skills[0]} and {skills[-1]}."],
            }
        ],
        "skills": [{"name": s} for s in skills],
        "externalIds": {"test": f"ext-{n}-{uuid.uuid4().hex[:8]}"},
    }


async def import_profiles(
    client: httpx.AsyncClient, tenant: Tenant, profiles: list[dict[str, Any]]
) -> dict[str, Any]:
    response = await client.post(
        "/pool/profiles", json={"profiles": profiles}, headers=tenant.headers
    )
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data
