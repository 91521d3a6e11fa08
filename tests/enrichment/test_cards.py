"""POST /sourcing/render-html: escaping, link safety, themes, score badges (spec §4)."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from talentscout.db.engine import Database
from talentscout.enrichment.cards import PALETTES, render_card
from talentscout.enrichment.providers.base import Subject
from tests.conftest import QueueDrainer
from tests.factories import Tenant, import_profiles, make_profile, make_tenant

JOB = {
    "title": "Senior Backend Engineer",
    "jobDescription": "Senior backend engineer. Must have Python and Kafka. PostgreSQL a plus.",
    "limit": 5,
}
FORBIDDEN = ("<script", "<style", "<link", "<img", "<iframe", "@import", "url(", "@font-face")


def hostile_profile() -> dict[str, Any]:
    profile = make_profile(
        name='<script>alert("name")</script>Eve',
        title="<img src=x onerror=alert(1)>Chief Hacker",
        skills=["<b>Python</b>", "Kafka"],
    )
    profile["basics"]["url"] = "javascript:alert(1)"
    profile["basics"]["profiles"] = [
        {"network": "LinkedIn", "url": "  JaVaScRiPt:alert(2)"},
        {"network": "Other", "url": "java\tscript:alert(3)"},
        {"network": "Data", "url": "data:text/html,<script>alert(4)</script>"},
    ]
    return profile


def linked_profile() -> dict[str, Any]:
    profile = make_profile(name="Grace Hopper", title="Staff Engineer", company="Navy Labs")
    profile["basics"]["profiles"] = [
        {"network": "LinkedIn", "url": "https://www.linkedin.com/in/grace-example"}
    ]
    return profile


async def render(
    client: httpx.AsyncClient, tenant: Tenant, ids: list[str], theme: str | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"profileIds": ids}
    if theme is not None:
        body["theme"] = theme
    response = await client.post("/sourcing/render-html", json=body, headers=tenant.headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def assert_self_contained(html: str) -> None:
    lowered = html.lower()
    for token in FORBIDDEN:
        assert token not in lowered, token
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.startswith(("http://", "https://")), href


class TestRenderHtml:
    async def test_hostile_values_are_escaped_and_unsafe_links_dropped(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        (pid,) = (await import_profiles(client, tenant, [hostile_profile()]))["profileIds"]
        body = await render(client, tenant, [pid])
        card = body["data"][0]
        assert card["success"] is True
        assert card["name"] == '<script>alert("name")</script>Eve'  # JSON value, not HTML
        html = card["htmlContent"]
        assert_self_contained(html)
        assert "javascript" not in html.lower()
        assert "data:text" not in html
        assert "href=" not in html  # no safe link in this profile at all
        assert "&lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt;Eve" in html
        assert "&lt;img src=x onerror=alert(1)&gt;Chief Hacker" in html

    def test_every_rendered_value_is_escaped(self) -> None:
        """Skills and rationale come from the engine and past runs: escaped all the same."""
        evil = '"><script>alert(1)</script>'
        facts = {
            "name": evil,
            "current_role": evil,
            "current_company": evil,
            "headline": "<i>headline</i>",
            "location": evil,
            "skills": [evil, "<b>Python</b>"],
            "links": ["javascript:alert(1)", 'https://ok.example.com/"onmouseover="x'],
        }
        delivered = {"matchScore": 91, "rationale": evil, "linkedinUrl": "vbscript:msgbox(1)"}
        for theme in ("dark", "light"):
            name, html = render_card(Subject("prof_x", {"basics": {}}, facts), delivered, theme)
            assert name == evil
            assert_self_contained(html)
            assert "<i>" not in html
            assert "<b>" not in html
            assert html.count("&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;") >= 5
            assert "href=" not in html
            assert ">91 &middot; Strong match<" in html

    async def test_safe_link_both_themes_and_unknown_ids(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant, stranger = await make_tenant(database), await make_tenant(database)
        (pid,) = (await import_profiles(client, tenant, [linked_profile()]))["profileIds"]
        (theirs,) = (await import_profiles(client, stranger, [make_profile()]))["profileIds"]
        dark = await render(client, tenant, [pid, "prof_nope", theirs])
        assert dark["success"] is True
        assert dark["renderedCount"] == 1
        assert dark["data"][1:] == [
            {"profileId": "prof_nope", "success": False, "errorCode": "PROFILE_NOT_FOUND"},
            {"profileId": theirs, "success": False, "errorCode": "PROFILE_NOT_FOUND"},
        ]
        html = dark["data"][0]["htmlContent"]
        assert_self_contained(html)
        assert 'href="https://www.linkedin.com/in/grace-example"' in html
        assert 'rel="noopener noreferrer"' in html
        assert "Grace Hopper" in html
        assert "Staff Engineer at Navy Labs" in html
        assert f"background-color:{PALETTES['dark'].bg}" in html
        light = (await render(client, tenant, [pid], "light"))["data"][0]["htmlContent"]
        assert f"background-color:{PALETTES['light'].bg}" in light
        assert f"background-color:{PALETTES['dark'].bg}" not in light
        assert_self_contained(light)

    async def test_invalid_theme_and_sizes_are_400(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        bodies: list[dict[str, Any]] = [
            {"profileIds": ["a"], "theme": "neon"},
            {"profileIds": []},
            {"profileIds": [str(i) for i in range(11)]},
        ]
        for body in bodies:
            response = await client.post("/sourcing/render-html", json=body, headers=tenant.headers)
            assert response.status_code == 400, body
            assert response.json()["error"]["code"] == "VALIDATION_ERROR"

    async def test_badge_shows_the_latest_sourcing_score_not_previews(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        settings: Any,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(settings, "preview_inline", False)
        tenant = await make_tenant(database)
        ids = (
            await import_profiles(
                client,
                tenant,
                [
                    make_profile(skills=["Python", "Kafka", "PostgreSQL"]),
                    make_profile(title="Registered Nurse", skills=["Triage"], city="Paris"),
                ],
            )
        )["profileIds"]
        before = await render(client, tenant, ids)
        assert all("Match score" not in c["htmlContent"] for c in before["data"])
        preview = await client.post("/sourcing/preview", json=JOB, headers=tenant.headers)
        assert preview.status_code == 202
        await drain_queue()
        after_preview = await render(client, tenant, ids)
        assert all("Match score" not in c["htmlContent"] for c in after_preview["data"])

        run = await client.post("/sourcing", json=JOB, headers=tenant.headers)
        await drain_queue()
        run_id = run.json()["requestId"]
        scored = (await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)).json()
        scores = {c["profileId"]: c["matchScore"] for c in scored["candidates"]}
        rendered = (await render(client, tenant, ids))["data"]
        cards = {c["profileId"]: c["htmlContent"] for c in rendered}
        for pid, score in scores.items():
            assert f">{score} &middot; " in cards[pid]
