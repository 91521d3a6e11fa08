"""Signing and retry policy units: Standard Webhooks signatures, Retry-After parsing, schedule."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest
from standardwebhooks import Webhook

from talentscout.settings import Settings
from talentscout.webhooks.delivery import retry_delay, retry_schedule
from talentscout.webhooks.events import normalize_events
from talentscout.webhooks.sender import Outcome, Target, parse_retry_after, request_headers
from talentscout.webhooks.signing import generate_secret, minified, sign

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _outcome(status: int | None, retry_after: float | None = None) -> Outcome:
    return Outcome(NOW, status, 10, None, None, retry_after)


def test_secret_and_signature_follow_standard_webhooks() -> None:
    secret = generate_secret()
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    body = minified({"event": "ping", "data": {"x": "é"}})
    assert json.loads(body) == {"event": "ping", "data": {"x": "é"}}
    target = Target("dlv_1", "https://example.com", secret, [], 1000, body)
    timestamp = int(datetime.now(UTC).timestamp())
    headers = dict(request_headers(target, timestamp))
    Webhook(secret).verify(body, headers)
    assert headers["webhook-signature"] == sign(secret, "dlv_1", timestamp, body)
    assert headers["webhook-signature"].startswith("v1,")


def test_events_accept_labels_and_upper_case_names() -> None:
    assert normalize_events(["ENRICH_FAILED", "ping", "PING"]) == ["enrich.failed", "ping"]
    with pytest.raises(
        ValueError, match="must be one of sourcing.completed, .*; got 'sourcing.started'"
    ):
        normalize_events(["sourcing.started"])


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    assert parse_retry_after("120", NOW) == 120
    assert parse_retry_after("Thu, 01 Jan 2026 00:01:00 GMT", NOW) == 60
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after(None, NOW) is None


class TestRetryDelay:
    def test_schedule_with_jitter_then_gives_up(self) -> None:
        settings = Settings(webhook_retry_schedule="10,100")
        for _ in range(50):
            first = retry_delay(1, 8, _outcome(500), settings)
            later = retry_delay(5, 8, _outcome(None), settings)
            assert first is not None
            assert 8 <= first <= 12
            assert later is not None
            assert 80 <= later <= 120
        assert retry_delay(3, 2, _outcome(500), settings) is None
        assert retry_delay(1, 0, _outcome(500), settings) is None
        assert retry_delay(1, 8, _outcome(410), settings) is None

    def test_retry_after_is_a_floor_on_429_and_503(self) -> None:
        settings = Settings(webhook_retry_schedule="1")
        delay = retry_delay(1, 8, _outcome(429, retry_after=600), settings)
        assert delay == 600
        assert retry_delay(1, 8, _outcome(503, retry_after=0.0), settings) is not None
        too_long = _outcome(503, retry_after=settings.webhook_max_retry_after_seconds + 1)
        assert retry_delay(1, 8, too_long, settings) is None

    def test_default_and_bad_schedules(self) -> None:
        assert retry_schedule(Settings()) == (5, 300, 1800, 7200, 18000, 36000, 36000)
        assert retry_schedule(Settings(webhook_retry_schedule="0,0,0")) == (0, 0, 0)
        assert retry_schedule(Settings(webhook_retry_schedule="a,b"))[0] == 5
