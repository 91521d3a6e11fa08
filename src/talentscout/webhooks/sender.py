"""One HTTP attempt of one delivery: sign, POST through the SSRF-guarded client, classify.

Nothing here touches the database, so the attempt runs outside any transaction (a slow receiver
must not hold row locks). The whole attempt is bounded by the config's timeout — httpx's own
timeouts are per read, which a receiver dripping one byte a second would never trip.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from talentscout.settings import Settings
from talentscout.webhooks.signing import SIGNATURE_HEADERS, signature_headers
from talentscout.webhooks.ssrf import guarded_client

USER_AGENT = "TalentScout-Webhooks/1.0"
# Custom headers may not replace these (compared case-insensitively).
PROTECTED_HEADERS = frozenset(
    {*SIGNATURE_HEADERS, "content-type", "content-length", "host", "transfer-encoding"}
)


@dataclass(frozen=True)
class Target:
    """What the attempt needs, copied out of the rows so no session is held during HTTP."""

    delivery_id: str
    url: str
    secret: str
    headers: list[dict[str, str]]
    timeout_ms: int
    body: str


@dataclass(frozen=True)
class Outcome:
    attempted_at: datetime
    http_status: int | None
    duration_ms: int
    excerpt: str | None
    error: str | None
    retry_after: float | None

    @property
    def ok(self) -> bool:
        return self.http_status is not None and 200 <= self.http_status < 300

    def summary(self) -> str:
        if self.ok:
            return f"Delivered: the endpoint answered HTTP {self.http_status}."
        if self.http_status is not None:
            return f"Failed: the endpoint answered HTTP {self.http_status}."
        return f"Failed: {self.error}."


def request_headers(target: Target, timestamp: int) -> httpx.Headers:
    """Custom headers first, then ours on top; a custom signature header is dropped, never sent."""
    headers = httpx.Headers({"user-agent": USER_AGENT})
    for header in target.headers:
        if header["name"].lower() not in PROTECTED_HEADERS:
            headers[header["name"]] = header["value"]
    headers["content-type"] = "application/json"
    headers.update(signature_headers(target.secret, target.delivery_id, timestamp, target.body))
    return headers


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


async def _excerpt(response: httpx.Response, limit: int) -> str:
    """At most ``limit`` characters of the body, reading no more than needed."""
    budget = max(0, limit) * 4
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= budget:
            break
    return b"".join(chunks).decode(response.encoding or "utf-8", errors="replace")[:limit]


async def send(target: Target, settings: Settings) -> Outcome:
    attempted_at = datetime.now(UTC)
    timeout = target.timeout_ms / 1000
    started = time.perf_counter()
    status: int | None = None
    excerpt: str | None = None
    error: str | None = None
    retry_after: float | None = None
    location: str | None = None
    try:
        async with guarded_client(
            target.url,
            allow_private=settings.allow_private_webhooks,
            dns_timeout=settings.webhook_dns_timeout_seconds,
            allow_http=settings.is_development,
            timeout=timeout,
        ) as client:
            headers = request_headers(target, int(time.time()))
            request = client.build_request(
                "POST", target.url, content=target.body.encode(), headers=headers
            )
            async with asyncio.timeout(timeout):
                response = await client.send(request, stream=True)
            try:
                status = response.status_code
                location = response.headers.get("location")
                retry_after = parse_retry_after(response.headers.get("retry-after"), attempted_at)
                remaining = max(0.5, timeout - (time.perf_counter() - started))
                async with asyncio.timeout(remaining):
                    excerpt = await _excerpt(response, settings.webhook_max_response_excerpt)
            except (TimeoutError, httpx.HTTPError):
                pass  # the status decides the outcome; a body cut short is still an answer
            finally:
                await response.aclose()
    except (TimeoutError, httpx.TimeoutException):
        error = f"timed out after {target.timeout_ms} ms"
    except httpx.ConnectError as exc:
        error = f"connection failed: {exc}"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"
    except (httpx.InvalidURL, ValueError) as exc:  # includes UnicodeError
        error = f"invalid request: {exc}"
    duration_ms = int((time.perf_counter() - started) * 1000)
    if status is not None and 300 <= status < 400:
        error = f"redirect to {location!r} not followed" if location else "redirect not followed"
    return Outcome(attempted_at, status, duration_ms, excerpt, error, retry_after)
