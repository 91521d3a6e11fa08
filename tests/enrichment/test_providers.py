"""Provider units: where the GitHub login comes from, pool provenance, URL safety, languages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from talentscout.enrichment.providers.base import Subject, clean_email, public_url
from talentscout.enrichment.providers.github import github_login, top_languages
from talentscout.enrichment.providers.pool import pool_findings

FIXTURES = Path(__file__).parent / "fixtures"


def subject(data: dict[str, Any], facts: dict[str, Any] | None = None) -> Subject:
    return Subject("prof_1", data, facts or {})


class TestGithubLogin:
    @pytest.mark.parametrize(
        ("data", "login"),
        [
            ({"externalIds": {"github": "octo-dev"}}, "octo-dev"),
            ({"externalIds": {"github": "@octo-dev"}}, "octo-dev"),
            ({"externalIds": {"github": "https://github.com/octo-dev/"}}, "octo-dev"),
            ({"externalIds": {"github": "github.com/octo-dev?tab=repositories"}}, "octo-dev"),
            ({"basics": {"profiles": [{"network": "GitHub", "username": "octo-dev"}]}}, "octo-dev"),
            ({"basics": {"url": "https://www.github.com/octo-dev"}}, "octo-dev"),
            ({"basics": {"url": "https://github.com/orgs/acme"}}, None),
            ({"basics": {"url": "https://gist.github.com/octo-dev"}}, None),
            ({"basics": {"url": "https://gitlab.com/octo-dev"}}, None),
            ({"externalIds": {"github": "../../admin"}}, None),
            ({"externalIds": {"github": "bad--login-"}}, None),
            ({}, None),
        ],
    )
    def test_login_sources(self, data: dict[str, Any], login: str | None) -> None:
        assert github_login(subject(data)) == login

    def test_parsed_links_are_a_fallback(self) -> None:
        facts = {"links": ["https://example.com", "https://github.com/from-resume"]}
        assert github_login(subject({}, facts)) == "from-resume"


class TestPoolFindings:
    def test_every_email_and_link_names_its_field(self) -> None:
        data = {
            "basics": {
                "email": " Ada@Example.com ",
                "summary": "Write to ada.alt@example.org.",
                "url": "https://ada.example.com",
                "profiles": [{"url": "javascript:alert(1)"}, {"url": "https://github.com/ada"}],
            },
            "work": [{"highlights": ["Contact ops@example.net", "See https://blog.example.com."]}],
            "resumeText": "ada@example.com / bot@users.noreply.github.com",
        }
        found = pool_findings(subject(data, {"emails": ["parsed@example.com"]}))
        assert [(e.email, e.evidence) for e in found.emails] == [
            ("ada@example.com", "basics.email"),
            ("ada.alt@example.org", "basics.summary"),
            ("ops@example.net", "work[0].highlights[0]"),
            ("parsed@example.com", "parsed profile"),
        ]
        assert {e.source for e in found.emails} == {"pool"}
        assert [(link.url, link.kind, link.evidence) for link in found.links] == [
            ("https://ada.example.com", "website", "basics.url"),
            ("https://github.com/ada", "github", "basics.profiles[1].url"),
            ("https://blog.example.com", "website", "work[0].highlights[1]"),
        ]


class TestSafety:
    @pytest.mark.parametrize(
        "url",
        [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,hi",
            "//evil.example.com",
            "/relative",
            "https://",
            'https://ok.example.com/"><script>',
            "vbscript:x",
        ],
    )
    def test_unsafe_urls_are_dropped(self, url: str) -> None:
        assert public_url(url) is None

    def test_safe_urls_pass(self) -> None:
        assert public_url(" https://a.example.com/x?y=1 ") == "https://a.example.com/x?y=1"
        assert public_url("HTTP://A.example.com") == "HTTP://A.example.com"

    def test_noreply_addresses_are_not_contacts(self) -> None:
        assert clean_email("1234+ada@users.noreply.github.com") is None
        assert clean_email("Ada@Example.com.") == "ada@example.com"


def test_top_languages_skip_forks_and_unknown() -> None:
    repos = json.loads((FIXTURES / "repos_mira-okafor.json").read_text())
    assert top_languages(repos) == ["Go", "Python", "Shell"]
    assert top_languages({"message": "Not Found"}) == []
