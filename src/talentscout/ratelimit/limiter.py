"""Per-key request counting over clock-aligned fixed windows (spec §6).

Counters live in a ``limits`` async storage: in process memory by default, Redis when
``TALENTSCOUT_REDIS_URL`` is set so that every API process shares one count. Windows are aligned to
the clock (minute ``n`` is ``[60n, 60n+60)``) rather than to a key's first request, so every process
computes the same ``X-RateLimit-Reset-*`` without asking the store, and a request costs one store
round trip per window (``INCR`` with expiry), not three.

Windows are checked from the shortest to the longest and counting stops at the first one exceeded:
a client that keeps hammering while its minute is spent does not burn its hourly budget.

A store outage fails open: requests go through unlimited, the outage is logged once, and the store
is not asked again for ``store_retry_seconds`` so a dead Redis costs no latency per request.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import structlog
from limits.aio.storage import Storage
from limits.errors import StorageError
from limits.storage import storage_from_string
from redis.asyncio import ConnectionPool

log = structlog.get_logger(__name__)

MINUTE = 60
HOUR = 3600
#: Store failures that fail open. Anything else is a bug and propagates.
STORE_ERRORS: tuple[type[BaseException], ...] = (StorageError, OSError, TimeoutError)


@dataclass(frozen=True)
class Window:
    """One counter a request must fit into: ``limit`` requests per ``seconds``."""

    name: str  # "minute" or "hour": the suffix of the response headers
    bucket: str  # counters of different buckets never mix ("general", "results")
    limit: int
    seconds: int


@dataclass(frozen=True)
class WindowState:
    name: str
    limit: int
    remaining: int
    reset: int  # unix seconds when the window's counter starts again

    @property
    def exhausted(self) -> bool:
        return self.remaining <= 0


@dataclass(frozen=True)
class Decision:
    """The outcome for one request: the state of each window and whether it may proceed."""

    windows: tuple[WindowState, ...]
    allowed: bool
    now: float
    degraded: bool = False  # the store was unreachable: counts are unknown, the request passes

    @property
    def blocking(self) -> WindowState | None:
        """The exhausted window that frees up last (the one a client must wait for)."""
        if self.allowed:
            return None
        exhausted = [w for w in self.windows if w.exhausted]
        return max(exhausted, key=lambda w: w.reset) if exhausted else None

    @property
    def retry_after(self) -> int:
        blocking = self.blocking
        if blocking is None:
            return 0
        return max(1, math.ceil(blocking.reset - self.now))

    def headers(self) -> list[tuple[str, str]]:
        """The six ``X-RateLimit-*`` headers (``Limit``, ``Remaining``, ``Reset`` per window)."""
        out: list[tuple[str, str]] = []
        for field in ("Limit", "Remaining", "Reset"):
            for window in self.windows:
                value = {"Limit": window.limit, "Remaining": window.remaining}.get(
                    field, window.reset
                )
                out.append((f"X-RateLimit-{field}-{window.name.capitalize()}", str(value)))
        return out


class RateLimiter:
    """Counts requests per key in a shared store; one instance per app (per process)."""

    def __init__(
        self,
        storage: Storage,
        *,
        pool: ConnectionPool | None = None,
        store_retry_seconds: float = 5.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.storage = storage
        self._pool = pool
        self._retry_seconds = store_retry_seconds
        self._clock = clock
        self._down_until = 0.0

    @classmethod
    def from_url(
        cls,
        redis_url: str | None,
        *,
        key_prefix: str = "talentscout:ratelimit",
        timeout_seconds: float = 0.25,
        store_retry_seconds: float = 5.0,
    ) -> RateLimiter:
        """Memory storage without a URL; otherwise Redis with short timeouts (fail fast, open)."""
        if not redis_url:
            storage = storage_from_string("async+memory://")
            assert isinstance(storage, Storage)
            return cls(storage, store_retry_seconds=store_retry_seconds)
        pool = ConnectionPool.from_url(
            redis_url, socket_timeout=timeout_seconds, socket_connect_timeout=timeout_seconds
        )
        uri = redis_url if redis_url.startswith("async+") else "async+" + redis_url
        storage = storage_from_string(
            uri,
            implementation="redispy",
            key_prefix=key_prefix,
            wrap_exceptions=True,
            connection_pool=pool,  # type: ignore[arg-type]  # passed through to redis-py
        )
        assert isinstance(storage, Storage)
        return cls(storage, pool=pool, store_retry_seconds=store_retry_seconds)

    async def aclose(self) -> None:
        """Release the Redis connections (memory storage holds nothing to release)."""
        if self._pool is not None:
            await self._pool.aclose()

    async def hit(self, identity: str, windows: tuple[Window, ...]) -> Decision:
        """Count one request of ``identity`` against every window, shortest window first."""
        return await self._decide(identity, windows, consume=True)

    async def peek(self, identity: str, windows: tuple[Window, ...]) -> Decision:
        """The state of ``identity``'s windows without counting a request (always allowed):
        for answers that carry the headers but are not limited themselves."""
        return await self._decide(identity, windows, consume=False)

    async def _decide(
        self, identity: str, windows: tuple[Window, ...], *, consume: bool
    ) -> Decision:
        now = self._clock()
        ordered = sorted(windows, key=lambda w: w.seconds)
        if now < self._down_until:
            return self._open(ordered, now)
        try:
            states, allowed = await self._count(identity, ordered, now, consume=consume)
        except STORE_ERRORS as exc:
            self._down_until = now + self._retry_seconds
            log.warning(
                "ratelimit.store_unavailable",
                error=f"{type(exc).__name__}: {exc}",
                failing_open_for_seconds=self._retry_seconds,
            )
            return self._open(ordered, now)
        if self._down_until:
            self._down_until = 0.0
            log.info("ratelimit.store_recovered")
        return Decision(tuple(states), allowed, now)

    async def _count(
        self, identity: str, windows: list[Window], now: float, *, consume: bool
    ) -> tuple[list[WindowState], bool]:
        states: list[WindowState] = []
        allowed = True
        for window in windows:
            index = int(now // window.seconds)
            reset = (index + 1) * window.seconds
            key = f"{identity}/{window.bucket}/{window.name}/{index}"
            if consume and allowed:
                # Expire with the window (plus a second of clock skew between processes).
                count = await self.storage.incr(key, math.ceil(reset - now) + 1)
                allowed = count <= window.limit
            else:
                # A peek, or an earlier window already refused the request: report, do not
                # consume.
                count = await self.storage.get(key)
            remaining = max(0, window.limit - count)
            states.append(WindowState(window.name, window.limit, remaining, reset))
        return states, allowed

    @staticmethod
    def _open(windows: list[Window], now: float) -> Decision:
        states = tuple(
            WindowState(w.name, w.limit, w.limit, (int(now // w.seconds) + 1) * w.seconds)
            for w in windows
        )
        return Decision(states, True, now, degraded=True)
