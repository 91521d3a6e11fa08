"""Webhook test fixtures: the local receiver, and settings shrunk so retries happen at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from talentscout.settings import Settings
from tests.webhooks.receiver import Receiver


@pytest.fixture(scope="session")
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def webhook_settings(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Loopback receivers allowed, retries immediate, a small circuit-breaker threshold."""
    monkeypatch.setattr(settings, "allow_private_webhooks", True)
    monkeypatch.setattr(settings, "webhook_retry_schedule", "0,0,0")
    monkeypatch.setattr(settings, "webhook_dns_timeout_seconds", 2.0)
    return settings
