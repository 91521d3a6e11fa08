"""Per-key rate limits (spec §6): counting in ``limiter``, key resolution and headers in
``middleware``. ``limiter_from_settings`` builds the one limiter an app instance uses."""

from __future__ import annotations

from talentscout.ratelimit.limiter import Decision, RateLimiter, Window, WindowState
from talentscout.ratelimit.middleware import RateLimitMiddleware
from talentscout.settings import Settings

__all__ = [
    "Decision",
    "RateLimitMiddleware",
    "RateLimiter",
    "Window",
    "WindowState",
    "limiter_from_settings",
]


def limiter_from_settings(settings: Settings) -> RateLimiter:
    """In-memory counters, or Redis shared by every process when ``redis_url`` is set."""
    return RateLimiter.from_url(
        settings.redis_url,
        key_prefix=settings.rate_limit_key_prefix,
        timeout_seconds=settings.rate_limit_store_timeout_seconds,
        store_retry_seconds=settings.rate_limit_store_retry_seconds,
    )
