"""The eval report's lines under the table, from a result as the runner returns it."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from talentscout.evaluation.report import metrics_table, summary_lines


def _result(kind: str) -> dict[str, Any]:
    return {
        "task": "mini",
        "kind": kind,
        "metrics": {"ndcg@10": 0.91},
        "baselines": {"lexical": {"ndcg@10": 0.44}, "embedding": {"ndcg@10": 0.7}},
        "interval": {
            "metric": "ndcg@10",
            "rounds": 2000,
            "scored": 2000,
            "engine": [0.894, 0.95],
            "leadOver": {"lexical": [0.331, 0.64], "embedding": [-0.012, 0.2]},
        },
        "calibration": [
            {"band": "80-100", "pairs": 52, "relevantShare": 0.981},
            {"band": "60-79", "pairs": 0, "relevantShare": None},
            {"band": "40-59", "pairs": 87, "relevantShare": 0.069},
            {"band": "0-39", "pairs": 2296, "relevantShare": 0.0},
        ],
    }


def test_summary_names_the_interval_the_leads_and_the_bands() -> None:
    interval, bands = summary_lines(_result("ranking"))
    assert interval == (
        "ndcg@10 95% bootstrap interval over the queries: 0.894 to 0.950; "
        "lead over lexical +0.331 to +0.640; lead over embedding -0.012 to +0.200"
    )
    # an empty band is left out rather than shown as a share of nothing
    assert bands == (
        "judged relevant per match-score band: 80-100: 98% of 52, 40-59: 7% of 87, 0-39: 0% of 2296"
    )
    assert "over the jobs" in summary_lines(_result("labels"))[0]
    labels = _result("labels")
    labels["interval"]["scored"] = 1990
    assert summary_lines(labels)[0].endswith("(10 resamples with one class only left out)")


def test_the_table_has_the_engine_and_both_baselines() -> None:
    console = Console(record=True, width=120)
    console.print(metrics_table(_result("ranking")))
    text = console.export_text()
    for row in ("TalentScout engine", "lexical baseline", "embedding baseline"):
        assert row in text
    assert "0.910" in text
    assert "0.440" in text
