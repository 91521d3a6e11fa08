"""``talentscout demo`` run twice on one database, as a first-time user tries it."""

from __future__ import annotations

import io
import json
import socket

import pytest
from rich.console import Console

from talentscout import demo_run
from tests.helpers import run_cli


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _demo_keys(database_url: str) -> dict[str, str]:
    listed = run_cli(database_url, "admin", "key", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return {k["prefix"]: k["state"] for k in json.loads(listed.stdout) if k["name"] == "demo"}


def test_demo_without_serving_keeps_the_pool_says_so_and_leaves_one_live_key(
    database_url: str,
) -> None:
    port = str(_free_port())
    first = run_cli(database_url, "demo", "--no-serve", "--size", "30", "--port", port)
    assert first.returncode == 0, first.stderr
    assert "Demo pool: 30 generated profiles\n" in first.stdout
    assert "http://" not in first.stdout  # no address of a server that has stopped
    assert f"talentscout serve --host 127.0.0.1 --port {port}" in first.stdout
    first_key = next(w for w in first.stdout.split() if w.startswith("KEY=sk_"))[4:]

    second = run_cli(database_url, "demo", "--no-serve", "--size", "10", "--port", port)
    assert second.returncode == 0, second.stderr
    assert "Demo pool: 30 generated profiles (kept: --size 10 only ever grows the pool" in (
        second.stdout
    )
    assert "TALENTSCOUT_DATA_DIR=" in second.stdout  # how to start over
    assert "Revoked 1 earlier demo key(s)" in second.stdout
    second_key = next(w for w in second.stdout.split() if w.startswith("KEY=sk_"))[4:]
    assert _demo_keys(database_url) == {first_key[:12]: "revoked", second_key[:12]: "active"}


def test_the_curl_lines_stay_whole_on_a_narrow_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Copying a command broken over two lines runs half of it."""
    output = io.StringIO()
    monkeypatch.setattr(demo_run, "console", Console(file=output, width=40))
    key = "sk_live_" + "A" * 32
    demo_run._print_next_steps("http://127.0.0.1:8000", key, "req_1234")
    lines = output.getvalue().splitlines()
    assert f"  export KEY={key}" in lines
    assert (
        '  curl -s http://127.0.0.1:8000/sourcing/req_1234/results -H "Authorization: Bearer $KEY"'
    ) in lines
    posting = next(line for line in lines if "-X POST" in line)
    assert posting.endswith('"jobDescription": "Python, SQL, ML"}\'')
