"""``talentscout eval`` on small task directories written in the eval README's formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli

SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"

RESUMES = {
    "r1": "Java Developer. 5 years building Spring Boot microservices, Hibernate, REST APIs, Java.",
    "r2": "Senior Java developer: J2EE, Spring, Maven, Oracle. Built banking backends in Java.",
    "r3": "Registered nurse: ICU experience, patient care, triage and medication administration.",
    "r4": "Staff nurse. Patient assessment, wound care, electronic health records (Epic).",
    "r5": "Civil engineer: structural design, AutoCAD, STAAD Pro, site supervision of bridges.",
    "r6": "Sales manager leading a B2B team, pipeline management, Salesforce CRM, negotiation.",
}
QUERIES = [
    {"id": "q-java", "title": "Java Developer", "jobDescription": "Java Developer\n\nWrite Java "
     "code for backend services using Spring.", "location": None},
    {"id": "q-nurse", "title": "Registered Nurse", "jobDescription": "Registered Nurse\n\nAssess "
     "patients and administer medication.", "location": None},
]  # fmt: skip
QRELS = {("q-java", "r1"): 2, ("q-java", "r2"): 2, ("q-nurse", "r3"): 2, ("q-nurse", "r4"): 2}


def _ranking_task(folder: Path) -> Path:
    folder.mkdir()
    (folder / "pool.jsonl").write_text(
        "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in RESUMES.items())
    )
    (folder / "queries.jsonl").write_text("".join(json.dumps(q) + "\n" for q in QUERIES))
    rows = ["query_id\tprofile_id\tgrade"] + [
        f"{q['id']}\t{r}\t{QRELS.get((q['id'], r), 0)}" for q in QUERIES for r in RESUMES
    ]
    (folder / "qrels.tsv").write_text("\n".join(rows) + "\n")
    return folder


def _label_task(folder: Path) -> Path:
    folder.mkdir()
    (folder / "candidate.json").write_text(json.dumps({"id": "c", "text": RESUMES["r2"]}))
    jobs = [
        {**QUERIES[0], "id": "j1", "label": True},
        {**QUERIES[1], "id": "j2", "label": False},
        {"id": "j3", "title": "Backend Engineer (Java)", "jobDescription": "Spring Boot, Java, "
         "microservices, 5+ years.", "location": None, "label": True},
        {"id": "j4", "title": "Pastry Chef", "jobDescription": "Bake bread and cakes.",
         "location": None, "label": False},
    ]  # fmt: skip
    (folder / "jobs.jsonl").write_text("".join(json.dumps(j) + "\n" for j in jobs))
    return folder


def test_ranking_task_reports_engine_and_both_baselines(database_url: str, tmp_path: Path) -> None:
    task = _ranking_task(tmp_path / "mini-ranking")
    result = run_cli(database_url, "eval", str(task), "--json", timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"task", "metrics", "baselines"}
    assert report["task"] == "mini-ranking"
    assert set(report["metrics"]) == {"ndcg@10", "map", "p@10"}
    assert set(report["baselines"]) == {"lexical", "embedding"}
    assert set(report["baselines"]["lexical"]) == {"ndcg@10", "map", "p@10"}
    assert report["metrics"]["ndcg@10"] > 0.9  # two obvious queries: the engine must get them


def test_the_table_gives_a_bootstrap_interval_and_details_keep_it(
    database_url: str, tmp_path: Path
) -> None:
    task = _label_task(tmp_path / "mini-labels")
    details = tmp_path / "details.json"
    result = run_cli(database_url, "eval", str(task), "--details", str(details), timeout=300)
    assert result.returncode == 0, result.stderr
    assert "roc_auc 95% bootstrap interval over the jobs" in result.stdout
    assert "lead over lexical" in result.stdout
    assert "judged relevant per match-score band" in result.stdout
    report = json.loads(details.read_text())
    bands = report["calibration"]
    assert [b["band"] for b in bands] == ["80-100", "60-79", "40-59", "0-39"]
    assert sum(b["pairs"] for b in bands) == 4  # every job falls in one band
    assert bands[-1]["relevantShare"] in (None, 0.0)  # no fit scores under 40 here
    interval = report["interval"]
    assert interval["metric"] == "roc_auc"
    assert interval["engine"] == [1.0, 1.0]  # a perfect ranking stays perfect in any resample
    assert set(interval["leadOver"]) == {"lexical", "embedding"}
    for low, high in interval["leadOver"].values():
        assert 0.0 <= low <= high <= 1.0
    per_job = {row["job"]: row for row in report["perJob"]}  # the labels beside the scores
    assert [(row["job"], row["label"]) for row in report["perJob"]] == [
        ("j1", True), ("j2", False), ("j3", True), ("j4", False)
    ]  # fmt: skip
    assert set(per_job["j1"]) == {"job", "label", "engine", "lexical", "embedding"}
    assert per_job["j1"]["engine"] > per_job["j2"]["engine"]  # the Java job beats the nurse's


def test_label_task_reports_auc_and_average_precision(database_url: str, tmp_path: Path) -> None:
    task = _label_task(tmp_path / "mini-labels")
    result = run_cli(database_url, "eval", str(task), "--json", timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report["metrics"]) == {"roc_auc", "average_precision"}
    assert set(report["baselines"]["embedding"]) == {"roc_auc", "average_precision"}
    assert report["metrics"]["roc_auc"] == 1.0


def test_not_a_task_directory_is_a_clean_error(database_url: str, tmp_path: Path) -> None:
    result = run_cli(database_url, "eval", str(tmp_path))
    assert result.returncode == 2
    assert "not an evaluation task" in result.stderr


@pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="../shared/eval is not present")
def test_public_jd_fit_set_runs(database_url: str) -> None:
    result = run_cli(database_url, "eval", str(SHARED_EVAL / "jd-fit"), "--json", timeout=600)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert 0.5 < report["metrics"]["roc_auc"] <= 1.0


def test_ties_are_ordered_by_the_tasks_own_ids(database_url: str, tmp_path: Path) -> None:
    """Two copies of one resume tie; the one whose task id sorts first ranks first in every
    run (profile ids are new in each run's database and must not decide)."""
    folder = tmp_path / "ties"
    folder.mkdir()
    text = RESUMES["r1"]
    (folder / "pool.jsonl").write_text(
        "".join(json.dumps({"id": k, "text": text}) + "\n" for k in ("a-copy", "b-copy"))
    )
    (folder / "queries.jsonl").write_text(json.dumps(QUERIES[0]) + "\n")
    (folder / "qrels.tsv").write_text(
        "query_id\tprofile_id\tgrade\nq-java\ta-copy\t0\nq-java\tb-copy\t2\n"
    )
    result = run_cli(database_url, "eval", str(folder), "--json", timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["metrics"]["map"] == pytest.approx(0.5)
