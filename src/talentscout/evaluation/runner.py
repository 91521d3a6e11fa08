"""Run the engine over an evaluation task on a temporary database, beside two baselines computed
in the same run on the same files: lexical-only (BM25 — TF-IDF cosine for label tasks — over
PostgreSQL's full-text lexemes of the job title and description) and embedding-only (cosine
similarity of the job's and the profile's embeddings).

The engine path is the production path: profiles imported through the pool service, retrieval by
``sourcing.pipeline.retrieve`` (lexical + vector, RRF) and deep scoring by
``score_stored_profiles``; nothing is tuned here.
"""

from __future__ import annotations

import functools
import math
import shutil
import statistics
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from talentscout.auth.service import create_company
from talentscout.db.embedded import embedded_admin_uri, ensure_database, with_database
from talentscout.db.engine import Database
from talentscout.db.migrate import upgrade
from talentscout.engine import metrics
from talentscout.engine.icp import build_icp
from talentscout.evaluation.datasets import Job, LabelTask, RankingTask, load_task
from talentscout.evaluation.lexical import bm25_scores, tfidf_cosine
from talentscout.pool.service import upsert_profiles
from talentscout.search.embedder import Embedder
from talentscout.search.repository import SearchRepository
from talentscout.sourcing.pipeline import retrieve, score_stored_profiles

AS_OF = date(2026, 11, 1)  # a fixed reference date keeps evaluation runs reproducible
Progress = Callable[[str], None]
BOOTSTRAP_ROUNDS = 2000  # resamples behind each reported interval
RELEVANT_GRADE = 2  # ranking tasks: the grade that counts as relevant for MAP and P@10


def _job_text(job: Job) -> str:
    return f"{job.title}\n{job.description}"


class TemporaryDatabase:
    """A throw-away embedded PostgreSQL in a temporary folder, migrated to head."""

    async def __aenter__(self) -> Database:
        self.folder = Path(tempfile.mkdtemp(prefix="talentscout-eval-"))
        admin = embedded_admin_uri(self.folder)
        ensure_database(admin, "evaluation")
        url = with_database(admin, "evaluation")
        upgrade(url)
        self.database = Database(url, pool_size=2)
        return self.database

    async def __aexit__(self, *_: object) -> None:
        await self.database.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)


async def _load_pool(
    database: Database, embedder: Embedder, items: Sequence[tuple[str, str]]
) -> tuple[str, dict[str, str]]:
    """Import ``(id, text)`` items as resume-text profiles; returns company id and id mapping."""
    async with database.unit_of_work() as session:
        company_id = (await create_company(session, "evaluation")).id
    mapping: dict[str, str] = {}
    for start in range(0, len(items), 200):
        batch = items[start : start + 200]
        rows: list[tuple[int, dict[str, Any] | str]] = [
            (i, {"resumeText": text, "externalIds": {"eval": ident}})
            for i, (ident, text) in enumerate(batch)
        ]
        async with database.unit_of_work() as session:
            result = await upsert_profiles(session, company_id, rows, embedder)
        for (ident, _), profile_id in zip(batch, result.profile_ids, strict=True):
            if profile_id:
                mapping[profile_id] = ident
    return company_id, mapping


async def _engine_ranking(
    database: Database, embedder: Embedder, company_id: str, job: Job, depth: int
) -> list[tuple[str, float]]:
    icp = build_icp(job.title, job.description, job.location)
    vector, semantic_vector = embedder.embed([icp.embedding_text(), icp.semantic_text()])
    async with database.unit_of_work() as session:
        ids = await retrieve(session, company_id, icp, vector, depth=depth, rrf_k=60)
        profiles = await SearchRepository.from_session(session).load(company_id, ids)
    scored = score_stored_profiles(icp, profiles, semantic_vector, AS_OF)
    return [(row[0].id, float(row[2].match_score)) for row in scored]


async def _lexemes(database: Database, text: str) -> dict[str, int]:
    async with database.unit_of_work() as session:
        return await SearchRepository.from_session(session).text_lexemes(text)


async def _pool_lexemes(database: Database, company_id: str) -> dict[str, dict[str, int]]:
    async with database.unit_of_work() as session:
        return await SearchRepository.from_session(session).lexeme_counts(company_id)


def _bm25_ranking(
    query: dict[str, int], docs: dict[str, dict[str, int]]
) -> list[tuple[str, float]]:
    scores = bm25_scores(query, docs)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


async def _embedding_ranking(
    database: Database, embedder: Embedder, company_id: str, job: Job, depth: int
) -> list[tuple[str, float]]:
    vector = embedder.embed([_job_text(job)])[0]
    async with database.unit_of_work() as session:
        return await SearchRepository.from_session(session).vector(
            company_id, [float(x) for x in vector], depth
        )


def _ranking_metrics(ranked: list[str], grades: dict[str, int]) -> dict[str, float]:
    relevant = {pid for pid, grade in grades.items() if grade >= RELEVANT_GRADE}
    return {
        "ndcg@10": metrics.ndcg_at_k(ranked, grades, 10),
        "map": metrics.average_precision(ranked, relevant),
        "p@10": metrics.precision_at_k(ranked, relevant, 10),
    }


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    keys = rows[0].keys() if rows else []
    return {key: round(statistics.fmean(r[key] for r in rows), 4) for key in keys}


def _spread(rows: list[dict[str, float]]) -> dict[str, float]:
    keys = rows[0].keys() if len(rows) > 1 else []
    return {key: round(statistics.stdev(r[key] for r in rows), 4) for key in keys}


async def evaluate_ranking(
    task: RankingTask, database: Database, embedder: Embedder, progress: Progress
) -> dict[str, Any]:
    progress(f"importing {len(task.pool)} profiles")
    company_id, mapping = await _load_pool(database, embedder, task.pool)
    depth = len(task.pool)
    docs = await _pool_lexemes(database, company_id)
    systems: dict[str, list[dict[str, float]]] = {"engine": [], "lexical": [], "embedding": []}
    per_query: list[dict[str, Any]] = []
    judged_scores: list[float] = []  # the engine's score of every judged pair, and its grade
    judged_grades: list[int] = []
    for job in task.queries:
        progress(f"query {job.id}")
        grades = task.qrels.get(job.id, {})
        rankings = {
            "engine": await _engine_ranking(database, embedder, company_id, job, depth),
            "lexical": _bm25_ranking(await _lexemes(database, _job_text(job)), docs),
            "embedding": await _embedding_ranking(database, embedder, company_id, job, depth),
        }
        for pid, score in rankings["engine"]:
            if mapping[pid] in grades:
                judged_scores.append(score)
                judged_grades.append(grades[mapping[pid]])
        row: dict[str, Any] = {"query": job.id}
        for system, ranking in rankings.items():
            # Ties by the task's own ids: profile ids are new in every run's database, and
            # ordering ties by them made two runs of one task differ in the third decimal.
            ranked = sorted(ranking, key=lambda row: (-row[1], mapping[row[0]]))
            values = _ranking_metrics([mapping[pid] for pid, _ in ranked], grades)
            systems[system].append(values)
            row[system] = values
        per_query.append(row)
    return {
        "task": task.name,
        "kind": "ranking",
        "metrics": _mean(systems["engine"]),
        "baselines": {
            "lexical": _mean(systems["lexical"]),
            "embedding": _mean(systems["embedding"]),
        },
        "spread": {name: _spread(rows) for name, rows in systems.items()},
        "interval": _interval(
            {name: [row["ndcg@10"] for row in rows] for name, rows in systems.items()},
            "ndcg@10",
            lambda values, sample: statistics.fmean(values[i] for i in sample),
        ),
        "calibration": _calibration(judged_scores, judged_grades, RELEVANT_GRADE),
        "queries": len(task.queries),
        "perQuery": per_query,
    }


async def evaluate_labels(
    task: LabelTask, database: Database, embedder: Embedder, progress: Progress
) -> dict[str, Any]:
    progress("importing the candidate")
    company_id, mapping = await _load_pool(database, embedder, [task.candidate])
    (profile_id,) = mapping
    async with database.unit_of_work() as session:
        (profile,) = await SearchRepository.from_session(session).load(company_id, [profile_id])
    candidate_vector = np.asarray(profile.embedding, dtype=np.float32)
    labels = [bool(job.label) for job in task.jobs]
    scores: dict[str, list[float]] = {"engine": [], "lexical": [], "embedding": []}
    job_vectors = embedder.embed([_job_text(job) for job in task.jobs])
    candidate_lexemes = (await _pool_lexemes(database, company_id))[profile_id]
    job_lexemes = [await _lexemes(database, _job_text(job)) for job in task.jobs]
    df: Counter[str] = Counter(candidate_lexemes.keys())
    for lexemes in job_lexemes:
        df.update(lexemes.keys())
    for job, job_vector, lexemes in zip(task.jobs, job_vectors, job_lexemes, strict=True):
        icp = build_icp(job.title, job.description, job.location)
        semantic_vector = embedder.embed([icp.semantic_text()])[0]
        ((_, _, scored),) = score_stored_profiles(icp, [profile], semantic_vector, AS_OF)
        scores["engine"].append(float(scored.match_score))
        scores["lexical"].append(tfidf_cosine(candidate_lexemes, lexemes, df, len(task.jobs) + 1))
        scores["embedding"].append(float(np.dot(candidate_vector, job_vector)))
    progress(f"scored {len(task.jobs)} jobs")

    def label_metrics(values: list[float]) -> dict[str, float]:
        return {
            "roc_auc": round(metrics.roc_auc(values, labels), 4),
            "average_precision": round(metrics.average_precision_scores(values, labels), 4),
        }

    return {
        "task": task.name,
        "kind": "labels",
        "metrics": label_metrics(scores["engine"]),
        "baselines": {
            "lexical": label_metrics(scores["lexical"]),
            "embedding": label_metrics(scores["embedding"]),
        },
        "jobs": len(task.jobs),
        "calibration": _calibration(scores["engine"], [int(label) for label in labels]),
        # each job's label beside each system's score, for reading what was misjudged
        "perJob": [
            {
                "job": job.id,
                "label": label,
                **{name: round(values[i], 4) for name, values in scores.items()},
            }
            for i, (job, label) in enumerate(zip(task.jobs, labels, strict=True))
        ],
        "interval": _interval(
            scores,
            "roc_auc",
            lambda values, sample: metrics.roc_auc(
                [values[i] for i in sample], [labels[i] for i in sample]
            ),
        ),
    }


def _interval(
    per_item: dict[str, list[float]],
    metric: str,
    statistic: Callable[[list[float], list[int]], float],
    rounds: int = BOOTSTRAP_ROUNDS,
) -> dict[str, Any]:
    """95% bootstrap intervals of the primary metric over the task's items (jobs or queries):
    the engine's, and its paired lead over each baseline (the same resamples for all)."""
    n = len(per_item["engine"])
    draws = {
        name: metrics.bootstrap(n, functools.partial(statistic, values), rounds=rounds)
        for name, values in per_item.items()
    }

    def bounds(values: list[float]) -> list[float]:
        return [round(x, 4) for x in metrics.percentile_interval(values)]

    return {
        "metric": metric,
        "level": 0.95,
        "rounds": rounds,
        # resamples the metric could score (a label resample with one class only cannot)
        "scored": sum(1 for d in draws["engine"] if not math.isnan(d)),
        "engine": bounds(draws["engine"]),
        "leadOver": {
            name: bounds([e - b for e, b in zip(draws["engine"], draws[name], strict=True)])
            for name in per_item
            if name != "engine"
        },
    }


def _calibration(scores: list[float], grades: list[int], relevant: int = 1) -> list[dict[str, Any]]:
    """What a score band means on this task: per band of the match score (80+ strong, 60-79
    plausible, 40-59 weak-to-plausible, <40 weak), the judged pairs in it and the share judged
    relevant (label true, or grade ``relevant`` and up)."""
    bands = [("80-100", 80, 101), ("60-79", 60, 80), ("40-59", 40, 60), ("0-39", 0, 40)]
    out = []
    for name, low, high in bands:
        inside = [g for score, g in zip(scores, grades, strict=True) if low <= round(score) < high]
        share = round(sum(g >= relevant for g in inside) / len(inside), 3) if inside else None
        out.append({"band": name, "pairs": len(inside), "relevantShare": share})
    return out


async def evaluate(directory: Path, embedder: Embedder, progress: Progress) -> dict[str, Any]:
    task = load_task(directory)
    async with TemporaryDatabase() as database:
        if isinstance(task, RankingTask):
            return await evaluate_ranking(task, database, embedder, progress)
        return await evaluate_labels(task, database, embedder, progress)
