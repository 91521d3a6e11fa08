"""The counting rules of ``RateLimiter`` on a fake clock (no sleeping, no database)."""

from __future__ import annotations

from structlog.testing import capture_logs

from talentscout.ratelimit.limiter import HOUR, MINUTE, RateLimiter, Window
from talentscout.ratelimit.middleware import RESULTS_PATH


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def windows(per_minute: int, per_hour: int) -> tuple[Window, Window]:
    return (
        Window("hour", "general", per_hour, HOUR),  # deliberately out of order
        Window("minute", "general", per_minute, MINUTE),
    )


def memory_limiter(clock: Clock) -> RateLimiter:
    limiter = RateLimiter.from_url(None)
    limiter._clock = clock
    return limiter


class TestHit:
    async def test_counts_down_both_windows_with_clock_aligned_resets(self) -> None:
        clock = Clock(7200 + 125.5)  # 2:05.5 past an hour
        limiter = memory_limiter(clock)
        first = await limiter.hit("k1", windows(3, 10))
        second = await limiter.hit("k1", windows(3, 10))
        assert first.allowed
        assert second.allowed
        assert [w.name for w in first.windows] == ["minute", "hour"]
        assert [(w.remaining, w.reset) for w in first.windows] == [(2, 7200 + 180), (9, 10800)]
        assert [w.remaining for w in second.windows] == [1, 8]

    async def test_refuses_past_the_limit_and_says_how_long_to_wait(self) -> None:
        clock = Clock(60 * 1000 + 50.2)
        limiter = memory_limiter(clock)
        for _ in range(3):
            assert (await limiter.hit("k2", windows(3, 10))).allowed
        refused = await limiter.hit("k2", windows(3, 10))
        assert not refused.allowed
        assert refused.blocking is not None
        assert refused.blocking.name == "minute"
        assert refused.blocking.reset == 60 * 1001
        assert refused.retry_after == 10  # ceil(9.8)
        assert refused.windows[0].remaining == 0

    async def test_a_request_refused_by_the_minute_does_not_spend_the_hour(self) -> None:
        clock = Clock(3600 * 5)
        limiter = memory_limiter(clock)
        for _ in range(2):
            await limiter.hit("k3", windows(2, 100))
        for _ in range(5):
            refused = await limiter.hit("k3", windows(2, 100))
            assert not refused.allowed
            assert refused.windows[1].remaining == 98

    async def test_a_new_minute_starts_a_new_count(self) -> None:
        clock = Clock(3600 * 7 + 59)
        limiter = memory_limiter(clock)
        await limiter.hit("k4", windows(1, 100))
        assert not (await limiter.hit("k4", windows(1, 100))).allowed
        clock.now += 1.5
        again = await limiter.hit("k4", windows(1, 100))
        assert again.allowed
        assert again.windows[1].remaining == 98

    async def test_the_hour_blocks_until_the_hour_resets(self) -> None:
        clock = Clock(3600 * 9 + 30)
        limiter = memory_limiter(clock)
        await limiter.hit("k5", windows(10, 1))
        refused = await limiter.hit("k5", windows(10, 1))
        assert not refused.allowed
        assert refused.blocking is not None
        assert refused.blocking.name == "hour"
        assert refused.retry_after == 3600 - 30

    async def test_keys_and_buckets_are_counted_apart(self) -> None:
        clock = Clock(3600 * 11)
        limiter = memory_limiter(clock)
        await limiter.hit("k6", windows(1, 100))
        assert (await limiter.hit("k7", windows(1, 100))).allowed
        results = (Window("minute", "results", 1, MINUTE), Window("hour", "general", 100, HOUR))
        assert (await limiter.hit("k6", results)).allowed

    async def test_headers_name_all_six_values(self) -> None:
        limiter = memory_limiter(Clock(3600 * 13 + 1))
        headers = dict((await limiter.hit("k8", windows(5, 50))).headers())
        assert headers == {
            "X-RateLimit-Limit-Minute": "5",
            "X-RateLimit-Limit-Hour": "50",
            "X-RateLimit-Remaining-Minute": "4",
            "X-RateLimit-Remaining-Hour": "49",
            "X-RateLimit-Reset-Minute": str(3600 * 13 + 60),
            "X-RateLimit-Reset-Hour": str(3600 * 14),
        }


class TestStoreOutage:
    async def test_an_unreachable_redis_fails_open_logs_once_and_backs_off(self) -> None:
        clock = Clock(3600 * 20)
        limiter = RateLimiter.from_url("redis://127.0.0.1:1/0", store_retry_seconds=30)
        limiter._clock = clock
        try:
            with capture_logs() as logs:
                decisions = [await limiter.hit("k9", windows(1, 1)) for _ in range(3)]
            assert all(d.allowed and d.degraded for d in decisions)
            assert decisions[0].windows[0].remaining == 1
            outages = [e for e in logs if e["event"] == "ratelimit.store_unavailable"]
            assert len(outages) == 1
            assert outages[0]["log_level"] == "warning"
        finally:
            await limiter.aclose()


class TestResultsPaths:
    def test_every_results_endpoint_with_or_without_v1(self) -> None:
        for path in (
            "/sourcing/req_1/results",
            "/v1/sourcing/req_1/results",
            "/sourcing/preview/req_prev_1/results",
            "/v1/sourcing/preview/req_prev_1/results",
            "/sourcing/enrich/enr_1/results",
            "/v1/sourcing/enrich/enr_1/results",
        ):
            assert RESULTS_PATH.match(path), path
        for path in ("/sourcing", "/sourcing/req_1", "/v1/webhooks/x/results/y", "/billing/usage"):
            assert not RESULTS_PATH.match(path), path
