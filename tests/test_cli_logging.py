"""What the CLI prints besides its own output: nothing a user cannot act on."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_cli


def _label_task(folder: Path) -> Path:
    folder.mkdir()
    text = "Java developer: Spring Boot microservices, REST APIs."
    (folder / "candidate.json").write_text(json.dumps({"id": "c", "text": text}))
    jobs = [
        {"id": "j1", "title": "Java Developer", "jobDescription": "Java, Spring.",
         "location": None, "label": True},
        {"id": "j2", "title": "Pastry Chef", "jobDescription": "Bake bread and cakes.",
         "location": None, "label": False},
    ]  # fmt: skip
    (folder / "jobs.jsonl").write_text("".join(json.dumps(job) + "\n" for job in jobs))
    return folder


def test_eval_prints_no_library_logs_nor_runtime_dir_warnings(
    database_url: str, tmp_path: Path
) -> None:
    """eval starts a throw-away embedded server (pgserver warns about a missing runtime dir, which
    it does not need) and migrates it (alembic logs at INFO once wordllama configured logging)."""
    task = _label_task(tmp_path / "mini")
    result = run_cli(
        database_url, "eval", str(task), "--json", timeout=300,
        XDG_RUNTIME_DIR="",  # read as unset: pgserver warns on import
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "alembic" not in result.stderr
    assert "INFO" not in result.stderr
    assert "XDG_RUNTIME_DIR" not in result.stderr
    assert json.loads(result.stdout)["task"] == "mini"
