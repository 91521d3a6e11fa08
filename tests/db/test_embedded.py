"""Several processes pointed at one fresh data directory share one embedded database safely."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import cli_env


def test_concurrent_processes_share_one_embedded_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    env = cli_env("", TALENTSCOUT_DATA_DIR=str(data_dir))
    env.pop("TALENTSCOUT_DATABASE_URL")
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "talentscout",
                "admin",
                "company",
                "create",
                f"Co {i}",
                "--json",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(3)
    ]
    created = []
    for process in processes:
        out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
        created.append(json.loads(out)["id"])
    listing = subprocess.run(
        [sys.executable, "-m", "talentscout", "admin", "company", "list", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    assert sorted(c["id"] for c in json.loads(listing.stdout)) == sorted(created)
    assert (data_dir / "pg").is_dir()
