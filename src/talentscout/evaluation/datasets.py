"""Evaluation task formats (see the eval README): ranking tasks (pool + queries + qrels) and
label tasks (one candidate + labelled jobs)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Job:
    id: str
    title: str
    description: str
    location: str | None
    label: bool | None = None


@dataclass(frozen=True)
class RankingTask:
    name: str
    pool: list[tuple[str, str]]
    queries: list[Job]
    qrels: dict[str, dict[str, int]]


@dataclass(frozen=True)
class LabelTask:
    name: str
    candidate: tuple[str, str]
    jobs: list[Job]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _job(item: dict[str, Any]) -> Job:
    label = item.get("label")
    return Job(
        id=str(item["id"]),
        title=str(item.get("title") or ""),
        description=str(item.get("jobDescription") or ""),
        location=item.get("location"),
        label=bool(label) if label is not None else None,
    )


def load_task(directory: Path) -> RankingTask | LabelTask:
    name = directory.resolve().name
    if (directory / "pool.jsonl").is_file():
        qrels: dict[str, dict[str, int]] = {}
        with (directory / "qrels.tsv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                qrels.setdefault(row["query_id"], {})[row["profile_id"]] = int(row["grade"])
        return RankingTask(
            name=name,
            pool=[(str(i["id"]), str(i["text"])) for i in _jsonl(directory / "pool.jsonl")],
            queries=[_job(i) for i in _jsonl(directory / "queries.jsonl")],
            qrels=qrels,
        )
    if (directory / "candidate.json").is_file():
        candidate = json.loads((directory / "candidate.json").read_text(encoding="utf-8"))
        return LabelTask(
            name=name,
            candidate=(str(candidate["id"]), str(candidate["text"])),
            jobs=[_job(i) for i in _jsonl(directory / "jobs.jsonl")],
        )
    raise ValueError(
        f"{directory} is not an evaluation task: expected pool.jsonl + queries.jsonl + qrels.tsv "
        "or candidate.json + jobs.jsonl"
    )
