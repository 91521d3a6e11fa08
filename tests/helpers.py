"""Run the real ``talentscout`` command in a subprocess against the test database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

STUB_PLUGIN = os.environ.get("TALENTSCOUT_TEST_SUBPROCESS_PYTHONPATH")


def cli_env(database_url: str, **overrides: str) -> dict[str, str]:
    env = {**os.environ, "TALENTSCOUT_DATABASE_URL": database_url, **overrides}
    if STUB_PLUGIN:
        env["PYTHONPATH"] = STUB_PLUGIN
    return env


def run_cli(
    database_url: str, *args: str, timeout: float = 120, **overrides: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "talentscout", *args],
        env=cli_env(database_url, **overrides),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_cli(
    database_url: str, *args: str, log: Path, **overrides: str
) -> subprocess.Popen[bytes]:
    with log.open("wb") as handle:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "talentscout", *args],
            env=cli_env(database_url, **overrides),
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
