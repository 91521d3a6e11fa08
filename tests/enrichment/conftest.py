"""Enrichment fixtures: a fake GitHub API on 127.0.0.1 wired in through settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from talentscout.settings import Settings, get_settings
from tests.enrichment.github_fake import FakeGitHub, serve_fake_github


@pytest.fixture
def fake_github(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGitHub]:
    assert get_settings() is settings  # jobs read get_settings(): patch that very object
    with serve_fake_github() as fake:
        monkeypatch.setattr(settings, "github_api_url", fake.url)
        monkeypatch.setattr(settings, "enrichment_providers", "pool,github")
        yield fake
