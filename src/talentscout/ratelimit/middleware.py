"""The rate-limit middleware: count each authenticated request once, before any handler runs,
and put the six ``X-RateLimit-*`` headers on every response to it (spec §6).

Why a pure ASGI middleware that resolves the key itself, rather than the auth dependency: the
dependency runs per route (and only on routes that declare it), after routing, and a handler's
4xx can be produced without it; the middleware sees every request exactly once and wraps every
response — handler errors, validation errors, 404s, 413s — so headers are never missing. Resolving
the key costs one indexed query per key per ``rate_limit_key_cache_seconds``, not per request.

A well-formed key that exists and is not revoked, expired or suspended is counted in its own
buckets. A request without one is counted per client address in the default limits, so its 401
carries the headers too ("every response", spec §6) and guessing keys is throttled like any use.
Infrastructure paths (``/health``, ``/metrics``, ``/openapi.json``, ``/docs``, ``/redoc``) get the
headers of the same buckets without being counted or refused.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from dataclasses import dataclass

import structlog
from sqlalchemy.exc import DBAPIError
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from talentscout.auth.keys import hash_key, is_well_formed
from talentscout.auth.secret import server_secret
from talentscout.db.engine import Database
from talentscout.errors import AppError, RateLimitExceeded
from talentscout.ratelimit.limiter import HOUR, MINUTE, Decision, RateLimiter, Window
from talentscout.ratelimit.repository import RateLimitRepository
from talentscout.settings import Settings
from talentscout.timeutil import utcnow

log = structlog.get_logger(__name__)

#: GET on these paths is counted in the results bucket (its own per-minute limit) — with or
#: without /v1: sourcing, preview and enrichment results.
RESULTS_PATH = re.compile(r"^(?:/v1)?/sourcing/(?:preview/|enrich/)?[^/]+/results/?$")
#: Infrastructure paths (and everything under ``/docs/``: Swagger UI's assets) are never counted
#: nor refused, whatever header they carry: a health probe or a Prometheus scrape must not spend
#: or be cut off by anyone's budget. They still carry the headers ("every response", spec §6),
#: showing the caller's buckets as they stand.
_DOCS = ("/openapi.json", "/docs", "/redoc")
UNCOUNTED_PATHS = frozenset({"/health", "/metrics", *_DOCS, *(f"/v1{p}" for p in _DOCS)})
UNCOUNTED_PREFIXES = ("/docs/", "/v1/docs/")


@dataclass(frozen=True)
class KeyLimits:
    key_id: str
    per_minute: int
    per_hour: int


class KeyLimitResolver:
    """Bearer token → the key's effective limits (key overrides company overrides defaults).

    Cached per process for ``ttl`` seconds (LRU-bounded) so the hot path is a dict lookup; a
    changed override or a revoked key is picked up within ``ttl``.
    """

    def __init__(self, settings: Settings, *, max_entries: int = 10_000) -> None:
        self.settings = settings
        self.ttl = settings.rate_limit_key_cache_seconds
        self.max_entries = max_entries
        self._cache: OrderedDict[str, tuple[float, KeyLimits | None]] = OrderedDict()

    async def resolve(self, database: Database, token: str) -> KeyLimits | None:
        key_hash = hash_key(token, server_secret())
        now = time.monotonic()
        cached = self._cache.get(key_hash)
        if cached is not None and cached[0] > now:
            self._cache.move_to_end(key_hash)
            return cached[1]
        async with database.sessionmaker() as session:
            row = await RateLimitRepository.from_session(session).by_key_hash(key_hash, utcnow())
        limits = None
        if row is not None and row.usable:
            limits = KeyLimits(
                key_id=str(row.key_id),
                per_minute=_first(
                    row.key_per_minute, row.company_per_minute, self.settings.rate_limit_per_minute
                ),
                per_hour=_first(
                    row.key_per_hour, row.company_per_hour, self.settings.rate_limit_per_hour
                ),
            )
        self._cache[key_hash] = (now + self.ttl, limits)
        self._cache.move_to_end(key_hash)
        while len(self._cache) > self.max_entries:
            self._cache.popitem(last=False)
        return limits


def _first(*values: int | None) -> int:
    for value in values:
        if value is not None:
            return value
    raise ValueError("no default limit")  # pragma: no cover - the settings value is never None


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, limiter: RateLimiter, settings: Settings) -> None:
        self.app = app
        self.limiter = limiter
        self.settings = settings
        self.resolver = KeyLimitResolver(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        decision = await self._decide(scope, counted=not _uncounted(scope["path"]))
        if decision is None:
            await self.app(scope, receive, send)
            return
        headers = decision.headers()
        if not decision.allowed:
            await self._reject(decision, headers)(scope, receive, send)
            return
        raw_headers = [(name.lower().encode(), value.encode()) for name, value in headers]
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *raw_headers]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # The outermost error middleware would answer this crash without our headers; answer
            # it here (the same INTERNAL_ERROR envelope) and let the error propagate to be logged.
            if not started:
                error = AppError()
                await JSONResponse(error.body(), error.status_code, headers=dict(headers))(
                    scope, receive, send
                )
            raise

    async def _decide(self, scope: Scope, *, counted: bool) -> Decision | None:
        token = _bearer(Headers(scope=scope).get("authorization"))
        app = scope.get("app")
        database: Database | None = getattr(getattr(app, "state", None), "database", None)
        if database is None:
            return None
        limits = None
        if token is not None:
            try:
                limits = await self.resolver.resolve(database, token)
            except (DBAPIError, OSError) as exc:
                # The handler will meet the same database problem and answer for it.
                log.warning("ratelimit.key_lookup_failed", error=f"{type(exc).__name__}: {exc}")
                return None
        if limits is None:
            client = scope.get("client")
            limits = KeyLimits(
                key_id=f"anonymous:{client[0] if client else 'unknown'}",
                per_minute=self.settings.rate_limit_per_minute,
                per_hour=self.settings.rate_limit_per_hour,
            )
        results = scope["method"] == "GET" and RESULTS_PATH.match(scope["path"]) is not None
        minute = (
            Window("minute", "results", self.settings.rate_limit_results_per_minute, MINUTE)
            if results
            else Window("minute", "general", limits.per_minute, MINUTE)
        )
        hour = Window("hour", "general", limits.per_hour, HOUR)
        if not counted:
            return await self.limiter.peek(limits.key_id, (minute, hour))
        return await self.limiter.hit(limits.key_id, (minute, hour))

    @staticmethod
    def _reject(decision: Decision, headers: list[tuple[str, str]]) -> JSONResponse:
        blocking = decision.blocking
        assert blocking is not None
        retry_after = decision.retry_after
        error = RateLimitExceeded(
            f"Rate limit of {blocking.limit} requests per {blocking.name} exceeded; "
            f"retry in {retry_after} s.",
            details={
                "retryAfter": retry_after,
                "limit": blocking.limit,
                "remaining": 0,
                "reset": blocking.reset,
            },
        )
        return JSONResponse(
            error.body(),
            error.status_code,
            headers={**dict(headers), "Retry-After": str(retry_after)},
        )


def _uncounted(path: str) -> bool:
    return path in UNCOUNTED_PATHS or path.startswith(UNCOUNTED_PREFIXES)


def _bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    token = value.strip()
    if scheme.lower() != "bearer" or not is_well_formed(token):
        return None
    return token
