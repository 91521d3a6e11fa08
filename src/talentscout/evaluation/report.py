"""The human-readable report of ``talentscout eval``: the metrics table beside the baselines,
the bootstrap interval of the primary metric and what each score band meant on the task."""

from __future__ import annotations

from typing import Any

from rich.table import Table


def metrics_table(result: dict[str, Any]) -> Table:
    table = Table(title=f"{result['task']} ({result['kind']})")
    table.add_column("system")
    for metric in result["metrics"]:
        table.add_column(metric, justify="right")
    rows = [("TalentScout engine", result["metrics"])]
    rows += [(f"{name} baseline", values) for name, values in result["baselines"].items()]
    for name, values in rows:
        table.add_row(name, *(f"{values[m]:.3f}" for m in result["metrics"]))
    return table


def summary_lines(result: dict[str, Any]) -> list[str]:
    """The interval line and the score-band line under the table."""
    interval = result["interval"]
    items = "jobs" if result["kind"] == "labels" else "queries"
    leads = "; ".join(
        f"lead over {name} {lo:+.3f} to {hi:+.3f}"
        for name, (lo, hi) in interval["leadOver"].items()
    )
    bands = ", ".join(
        f"{row['band']}: {row['relevantShare']:.0%} of {row['pairs']}"
        for row in result["calibration"]
        if row["pairs"]
    )
    dropped = interval["rounds"] - interval["scored"]
    unscored = f" ({dropped} resamples with one class only left out)" if dropped else ""
    return [
        f"{interval['metric']} 95% bootstrap interval over the {items}: "
        f"{interval['engine'][0]:.3f} to {interval['engine'][1]:.3f}; {leads}{unscored}",
        f"judged relevant per match-score band: {bands}",
    ]
