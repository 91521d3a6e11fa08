"""SSRF guard: webhook URLs may not reach private, loopback, link-local, multicast, reserved or
unspecified addresses — checked when a URL is saved and again at every connection.

The connection-time check is what matters: a name that resolved to a public address at creation can
resolve to 10.0.0.1 later (DNS rebinding). ``GuardedBackend`` therefore resolves the name itself,
refuses if *any* resolved address is forbidden, and connects to the address it checked — never
letting the socket layer resolve again. TLS still uses the URL's host name for SNI and certificate
checks, and the Host header is untouched, because only the TCP connect is redirected.
``TALENTSCOUT_ALLOW_PRIVATE_WEBHOOKS`` permits loopback and private ranges (a receiver on the
operator's own network); link-local (cloud metadata), multicast, reserved and unspecified stay
forbidden regardless. Plain http is for a loopback receiver only, and only when the server runs in
development mode with that flag (API.md §5); every other receiver takes https.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

from talentscout.settings import env_name

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
HTTP_ONLY_LOOPBACK = "http is allowed only for a loopback receiver in development mode"
ALLOW_PRIVATE = env_name("allow_private_webhooks")
# Development-mode hints: the one setting that lets a receiver on this machine (or network) in.
HTTP_HINT = f"for a receiver on this machine while developing, set {ALLOW_PRIVATE}=true"
PRIVATE_HINT = f"to allow receivers on this machine or your network, set {ALLOW_PRIVATE}=true"


class UnsafeDestination(httpcore.ConnectError):
    """The host resolved to an address webhooks may not reach."""


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """IPv4 addresses smuggled inside IPv6 forms (mapped, 6to4, Teredo, NAT64)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def classify(ip: IPAddress) -> str:
    """``public``, ``loopback`` or ``private`` (allowed in development), or a forbidden kind."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return classify(inner)
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_multicast:
        return "multicast"
    if ip.is_link_local:
        return "link-local"
    if ip.is_loopback:
        return "loopback"
    if ip.is_global:
        return "public"
    if ip.is_reserved:
        return "reserved"
    return "private"


def address_problem(ip: IPAddress, *, allow_private: bool, http: bool) -> str | None:
    """Why ``ip`` may not be contacted, or None. Plain http is for loopback receivers only."""
    kind = classify(ip)
    if http and kind != "loopback":
        return HTTP_ONLY_LOOPBACK
    if kind == "public":
        return None
    if kind in ("loopback", "private") and allow_private:
        return None
    return f"{ip} is a {kind} address"


async def resolve(host: str, port: int, timeout: float) -> list[IPAddress]:
    """Every address of ``host`` (an IP literal resolves to itself), de-duplicated, in order."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    infos = await asyncio.wait_for(
        loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), timeout=timeout
    )
    addresses: list[IPAddress] = []
    for *_, sockaddr in infos:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if ip not in addresses:
            addresses.append(ip)
    return addresses


def _http_allowed(*, allow_http: bool, allow_private: bool) -> bool:
    """Plain http at all: development mode (``allow_http``) with loopback receivers allowed."""
    return allow_http and allow_private


async def url_problem(
    url: str, *, allow_private: bool, dns_timeout: float, allow_http: bool = False
) -> str | None:
    """Why ``url`` cannot be a webhook URL (a sentence naming the field), or None. A name that
    does not resolve *now* passes (DNS may be briefly down); the connection-time check still
    guards every delivery. ``allow_http``: development mode, where a loopback receiver may take
    plain http — and where a refusal that ``TALENTSCOUT_ALLOW_PRIVATE_WEBHOOKS`` would lift says
    so, since that is what someone testing a local receiver needs to know."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        return "url is not a valid URL."
    if parsed.scheme not in ("http", "https") or not parsed.raw_host:
        return "url must be an absolute https URL."
    http = parsed.scheme == "http"
    if http and not _http_allowed(allow_http=allow_http, allow_private=allow_private):
        return f"url must use https ({HTTP_HINT})." if allow_http else "url must use https."
    host = parsed.raw_host.decode("ascii")
    port = parsed.port or (80 if http else 443)
    try:
        addresses = await resolve(host, port, dns_timeout)
    except (OSError, TimeoutError, UnicodeError):
        return f"url must use https: {HTTP_ONLY_LOOPBACK}." if http else None
    for ip in addresses:
        problem = address_problem(ip, allow_private=allow_private, http=http)
        if problem is not None:
            hint = ""
            if allow_http and not allow_private and classify(ip) in ("loopback", "private"):
                hint = f" ({PRIVATE_HINT})"
            return f"url host {parsed.host} is not allowed: {problem}{hint}."
    return None


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves, checks every address, then connects to a checked address (no re-resolution)."""

    def __init__(
        self, *, allow_private: bool, http: bool, dns_timeout: float, allow_http: bool = False
    ) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._allow_private = allow_private
        self._http = http
        self._allow_http = allow_http
        self._dns_timeout = dns_timeout

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await resolve(host, port, self._dns_timeout)
        except (OSError, TimeoutError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc or 'timeout'}") from exc
        if not addresses:
            raise httpcore.ConnectError(f"cannot resolve {host}")
        for ip in addresses:
            problem = address_problem(ip, allow_private=self._allow_private, http=self._http)
            if problem is not None:
                raise UnsafeDestination(f"refused to connect to {host}: {problem}")
        allowed = _http_allowed(allow_http=self._allow_http, allow_private=self._allow_private)
        if self._http and not allowed:  # an http URL saved in development, sent in production
            raise UnsafeDestination(f"refused to connect to {host}: {HTTP_ONLY_LOOPBACK}")
        error: Exception | None = None
        for ip in addresses:
            try:
                return await self._inner.connect_tcp(
                    str(ip),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise UnsafeDestination("unix sockets are not allowed for webhooks")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with the connection pool rebuilt on ``GuardedBackend``; no proxies (a
    proxy would resolve the name itself and bypass the check)."""

    def __init__(self, backend: GuardedBackend) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=4,
            network_backend=backend,
        )


def guarded_client(
    url: str, *, allow_private: bool, dns_timeout: float, timeout: float, allow_http: bool = False
) -> httpx.AsyncClient:
    """A one-shot client for ``url``: guarded connections, no redirects, no environment proxies."""
    backend = GuardedBackend(
        allow_private=allow_private,
        http=httpx.URL(url).scheme == "http",
        dns_timeout=dns_timeout,
        allow_http=allow_http,
    )
    return httpx.AsyncClient(
        transport=GuardedTransport(backend),
        follow_redirects=False,
        trust_env=False,
        timeout=httpx.Timeout(timeout),
    )
