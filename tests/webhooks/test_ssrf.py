"""The SSRF guard itself: address classes, URL checks, and the connection-time check that defeats
DNS rebinding while keeping the Host header and TLS SNI on the URL's name."""

from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from talentscout.webhooks import ssrf
from tests.webhooks.receiver import Receiver


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("93.184.215.14", "public"),
        ("2606:4700::6810:84e5", "public"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.0.1", "private"),
        ("100.64.0.1", "private"),
        ("fd00::1", "private"),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "link-local"),
        ("64:ff9b::a9fe:a9fe", "link-local"),
        ("2002:0a00:0001::1", "private"),
    ],
)
def test_addresses_are_classified(address: str, kind: str) -> None:
    assert ssrf.classify(ipaddress.ip_address(address)) == kind


def test_development_allows_only_loopback_and_private() -> None:
    def allowed(address: str, *, http: bool = False) -> bool:
        ip = ipaddress.ip_address(address)
        return ssrf.address_problem(ip, allow_private=True, http=http) is None

    assert allowed("127.0.0.1")
    assert allowed("10.1.2.3")
    assert allowed("127.0.0.1", http=True)
    assert not allowed("169.254.169.254")
    assert not allowed("224.0.0.1")
    assert not allowed("0.0.0.0")
    assert not allowed("93.184.215.14", http=True)  # plain http never reaches the internet
    assert allowed("10.1.2.3")  # a receiver on the operator's network, over https
    assert not allowed("10.1.2.3", http=True)  # API.md §5: http is for loopback only


async def test_plain_http_needs_development_mode() -> None:
    url = "http://127.0.0.1:9/hook"
    dev = await ssrf.url_problem(url, allow_private=True, dns_timeout=1, allow_http=True)
    assert dev is None
    production = await ssrf.url_problem(url, allow_private=True, dns_timeout=1)
    assert production == "url must use https."
    private = "http://10.0.0.1/hook"
    refused = await ssrf.url_problem(private, allow_private=True, dns_timeout=1, allow_http=True)
    assert refused is not None
    assert "loopback" in refused


class TestUrlProblem:
    async def test_name_resolving_to_loopback_is_refused(self) -> None:
        problem = await ssrf.url_problem(
            "https://localhost:8443/x", allow_private=False, dns_timeout=2
        )
        assert problem is not None
        assert "127.0.0.1" in problem

    async def test_unresolvable_https_name_passes_creation(self) -> None:
        # DNS may be down at creation; the connection-time check still guards each delivery.
        problem = await ssrf.url_problem(
            "https://no-such-host.invalid/x", allow_private=False, dns_timeout=2
        )
        assert problem is None


def _fake_dns(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Each lookup returns the next answer: the last repeats (a rebinding resolver)."""
    asked: list[str] = []

    async def resolve(host: str, port: int, timeout: float) -> list[ssrf.IPAddress]:
        asked.append(host)
        return [ipaddress.ip_address(answers[min(len(asked), len(answers)) - 1])]

    monkeypatch.setattr(ssrf, "resolve", resolve)
    return asked


class TestConnectionTimeCheck:
    async def test_rebinding_to_a_private_address_is_refused_at_connect(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        url = "https://rebind.example/hook"
        asked = _fake_dns(monkeypatch, "93.184.215.14", "10.0.0.1")
        assert await ssrf.url_problem(url, allow_private=False, dns_timeout=1) is None
        client = ssrf.guarded_client(url, allow_private=False, dns_timeout=1, timeout=2)
        async with client:
            with pytest.raises(httpx.ConnectError, match="refused.*10.0.0.1"):
                await client.post(url, content=b"{}")
        assert asked == ["rebind.example", "rebind.example"]

    async def test_connects_to_the_checked_address_keeping_the_host_header(
        self, monkeypatch: pytest.MonkeyPatch, receiver: Receiver
    ) -> None:
        _fake_dns(monkeypatch, "127.0.0.1")
        path = receiver.new_path()
        url = f"http://rebind.example:{receiver.port}{path}"  # resolvable only by the guard
        client = ssrf.guarded_client(
            url, allow_private=True, dns_timeout=1, timeout=5, allow_http=True
        )
        async with client:
            response = await client.post(url, content=b"{}")
        assert response.status_code == 200
        [request] = receiver.received(path)
        assert request.headers["host"] == f"rebind.example:{receiver.port}"

    async def test_plain_http_saved_in_development_is_refused_in_production(
        self, receiver: Receiver
    ) -> None:
        path = receiver.new_path()
        url = receiver.url(path)
        assert url.startswith("http://127.0.0.1")
        client = ssrf.guarded_client(url, allow_private=True, dns_timeout=1, timeout=5)
        async with client:
            with pytest.raises(httpx.ConnectError, match="development mode"):
                await client.post(url, content=b"{}")
        assert receiver.received(path) == []


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[int, list[str | None]]]:
    """A TLS listener that records the SNI name of each handshake (self-signed certificate)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=rebind.example", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    names: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, name, _ctx: names.append(name)
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            try:
                context.wrap_socket(conn, server_side=True).close()
            except (OSError, ssl.SSLError):
                conn.close()

    threading.Thread(target=serve, daemon=True).start()
    yield listener.getsockname()[1], names
    listener.close()


async def test_tls_uses_the_url_host_for_sni(
    monkeypatch: pytest.MonkeyPatch, tls_server: tuple[int, list[str | None]]
) -> None:
    port, names = tls_server
    _fake_dns(monkeypatch, "127.0.0.1")
    url = f"https://rebind.example:{port}/hook"
    client = ssrf.guarded_client(url, allow_private=True, dns_timeout=1, timeout=5)
    async with client:
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            await client.post(url, content=b"{}")  # self-signed: refused, as it should be
    assert names == ["rebind.example"]
