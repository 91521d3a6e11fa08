"""A local stand-in for the GitHub REST API on 127.0.0.1, replaying recorded-shape responses.

Why a real server (not respx): the provider's timeouts, headers and redirects go through a real
socket and a real HTTP stack, so a slow "GitHub" is a real slow server, not a mocked exception.
Responses are the JSON files in ``fixtures/`` (``users_<login>.json``, ``repos_<login>.json``);
tests may make a login slow (``delays``) or failing (``errors``).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
ROUTE = re.compile(r"^/users/(?P<login>[A-Za-z0-9-]+)(?P<repos>/repos)?$")


@dataclass
class FakeGitHub:
    url: str = ""
    delays: dict[str, float] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)

    def answer(self, path: str) -> tuple[int, Any]:
        route = ROUTE.match(path.split("?", 1)[0])
        if route is None:
            return 404, _load("not_found.json")
        login = route["login"]
        time.sleep(self.delays.get(login, 0.0))
        if login in self.errors:
            return self.errors[login], _load("server_error.json")
        name = f"{'repos' if route['repos'] else 'users'}_{login}.json"
        if not (FIXTURES / name).exists():
            return 404, _load("not_found.json")
        return 200, _load(name)


def _load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text())


def _handler(fake: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # http.server's naming
            fake.requests.append({"path": self.path, "headers": dict(self.headers.items())})
            status, body = fake.answer(self.path)
            payload = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("X-RateLimit-Limit", "60")
                self.send_header("X-RateLimit-Remaining", "59")
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test): nothing to answer

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


@contextmanager
def serve_fake_github() -> Iterator[FakeGitHub]:
    fake = FakeGitHub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
