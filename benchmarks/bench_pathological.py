"""Text readers on hostile or degenerate input: how long parse_profile and build_icp take on what a
user may paste or import (runs of blanks, one endless line, a phrase repeated thousands of times, a
JSON Resume with a thousand jobs), each at growing sizes so that a reader turning super-linear
(a backtracking pattern, a quadratic scan) shows up as a number.

    python benchmarks/bench_pathological.py [--sizes 1000 10000 100000] [--entries 100 1000]
        [--repeat 3] [--budget-seconds 60]

Each case is timed with time.perf_counter, best of ``--repeat`` calls (the first, cold call is
kept too: a memoised helper can make the later calls cheaper). Every size runs in a forked child
process that is killed once a single call passes ``--budget-seconds``; a case whose size passed
the budget records "exceeded" for the larger sizes instead of running them, so the benchmark
always finishes. Prints a table (seconds per size, the ratio between consecutive sizes) and writes
benchmarks/results/pathological.json. Reports, never asserts: cases that grow clearly faster than
their input, or are slow at the largest size, are listed as "flagged".
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from time import perf_counter
from typing import Any

from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.scored import ENGINE_VERSION
from talentscout.engine.taxonomy import default_taxonomy

AS_OF = date(2026, 11, 1)
# A size step whose time grows by more than this per 10x input is reported as super-linear: linear
# work gives ~10x, and up to ~15x is left for timer noise and cache effects (set by hand).
SUPERLINEAR_RATIO_PER_10X = 15.0
# Below this a call is within timer and scheduler noise, so its growth ratio is not judged
# (set by hand).
MIN_JUDGED_SECONDS = 0.01
# A case slower than this at the largest text size is reported even if its growth looks linear:
# a pasted 100k-character document should not hold a worker for longer (set by hand).
SLOW_AT_LARGEST_SECONDS = 3.0

TITLE = "Software Engineer"
LOCATION = "Berlin, Germany"
JD = """Senior Backend Engineer
Requirements:
- 5+ years of Python experience, strong Django and PostgreSQL
- Kafka or another streaming system
Nice to have: Kubernetes, AWS, Terraform. No agencies.
"""
COMPANIES = ["Acme", "Globex", "Initech", "Hooli", "Umbrella", "Stark Industries", "Wayne Corp"]
POSITIONS = ["Software Engineer", "Python Developer", "Data Engineer", "DevOps Engineer",
             "Engineering Manager", "QA Engineer", "Frontend Developer"]  # fmt: skip
SKILLS = ["Python", "Django", "Kafka", "Docker", "Kubernetes", "SQL", "React", "AWS", "Go"]


def _cycled(unit: str, n: int) -> str:
    """``unit`` repeated to exactly ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


def _unicode_letters(n: int, seed: int = 11) -> str:
    """``n`` letters drawn (seeded) from Latin, Greek, Cyrillic, Arabic, Indic, CJK and more."""
    pool = [
        ch
        for code in range(0x00C0, 0x3100)
        if unicodedata.category(ch := chr(code)) in ("Lu", "Ll", "Lo")
    ]
    pool += [chr(code) for code in range(0x4E00, 0x4F00)]
    rng = random.Random(seed)
    return "".join(rng.choice(pool) for _ in range(n))


# The degenerate texts, each about n characters, read as a resume and as a job description.
TEXTS: dict[str, Callable[[int], str]] = {
    "remote_then_spaces": lambda n: "Remote" + " " * n,
    "newlines": lambda n: "\n" * n,
    "location_header_spaces": lambda n: (
        "Jane Doe\nLocation:" + " " * n + "Berlin, Germany\nSoftware Engineer at Acme\n"
    ),
    "digits": lambda n: _cycled("0123456789", n),
    "five_plus_years_repeated": lambda n: _cycled("5+ years ", n),
    "one_line_of_a": lambda n: "a" * n,
    "bullets": lambda n: _cycled("• ", n),
    "skills_single_letters": lambda n: "Skills: " + _cycled("a, b, c, d, e, f, g, h, i, j, ", n),
    "dash_run": lambda n: _cycled("- ", n),
    "developer_lines_n_over_50": lambda n: "Python Developer 2019 - 2020\n" * (n // 50),
    "unicode_letters": _unicode_letters,
    # one endless sentence of short lists of skills, each list read for a choice
    "fluent_german_and_english_repeated": lambda n: _cycled("fluent German and English, ", n),
    "python_java_or_go_repeated": lambda n: _cycled("Python, Java or Go, ", n),
    # …and of clauses, welcoming brackets and years figures, each placed among its skills
    "clauses_brackets_years_repeated": lambda n: _cycled(
        "Python required; Kafka (a plus); 5+ years of Django; ", n
    ),
    # one list of languages closed by "and" at its very end, and languages named over and over
    "language_list_then_and": lambda n: (
        "Fluent in " + _cycled("German, English, French, ", max(0, n - 24)) + " and Spanish"
    ),
    "languages_repeated": lambda n: _cycled("German, English, French, ", n),
}


def _json_resume(entries: int, seed: int = 5) -> dict[str, Any]:
    """A JSON Resume with ``entries`` work entries, overlapping dates (seeded)."""
    rng = random.Random(seed)
    work = []
    for i in range(entries):
        start = rng.randint(1990, 2024)
        work.append({
            "name": rng.choice(COMPANIES), "position": rng.choice(POSITIONS),
            "startDate": f"{start}-{rng.randint(1, 12):02d}",
            "endDate": f"{rng.randint(start, 2026)}-{rng.randint(1, 12):02d}",
            "summary": f"Built services with {', '.join(rng.sample(SKILLS, 3))} (job {i}).",
            "highlights": [f"Led migration to {rng.choice(SKILLS)}"],
        })  # fmt: skip
    return {"basics": {"name": "Jane Doe", "label": "Software Engineer"}, "work": work}


@dataclass(frozen=True)
class Case:
    name: str
    reader: str  # which engine function is timed
    size_unit: str  # what the sizes count
    call: Callable[[int], Callable[[], object]]  # size -> the prepared call to time


def cases() -> list[Case]:
    def parse_text(make: Callable[[int], str]) -> Callable[[int], Callable[[], object]]:
        def prepare(n: int) -> Callable[[], object]:
            profile = {"resumeText": make(n)}
            return lambda: parse_profile(profile, as_of=AS_OF)

        return prepare

    def icp_description(make: Callable[[int], str]) -> Callable[[int], Callable[[], object]]:
        def prepare(n: int) -> Callable[[], object]:
            description = make(n)
            return lambda: build_icp(TITLE, description, LOCATION)

        return prepare

    def icp_title(n: int) -> Callable[[], object]:
        title = _cycled("Senior Backend Engineer ", n)
        return lambda: build_icp(title, JD, LOCATION)

    def icp_location(n: int) -> Callable[[], object]:
        location = " " * n
        return lambda: build_icp(TITLE, JD, location)

    def parse_work(n: int) -> Callable[[], object]:
        profile = _json_resume(n)
        return lambda: parse_profile(profile, as_of=AS_OF)

    found = [Case(f"resume:{k}", "parse_profile", "chars", parse_text(m)) for k, m in TEXTS.items()]
    found += [Case(f"jd:{k}", "build_icp", "chars", icp_description(m)) for k, m in TEXTS.items()]
    found += [
        Case("jd:title_of_n_chars", "build_icp", "chars", icp_title),
        Case("jd:location_of_n_spaces", "build_icp", "chars", icp_location),
        Case("resume:json_work_entries", "parse_profile", "work entries", parse_work),
    ]
    return found


def _child(call: Callable[[], object], repeat: int, conn: Connection) -> None:
    """Runs in the forked process: sends each call's seconds, or the error it raised."""
    try:
        for _ in range(repeat):
            t0 = perf_counter()
            call()
            conn.send(("ok", perf_counter() - t0))
    except Exception as exc:  # reported, not raised: one broken case must not end the run
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    conn.close()


def time_call(call: Callable[[], object], repeat: int, budget: float) -> dict[str, Any]:
    """Best and first of ``repeat`` calls, in a child killed once one call passes ``budget``."""
    ctx = multiprocessing.get_context("fork")  # the child inherits the loaded taxonomy
    parent, child_end = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(call, repeat, child_end))
    proc.start()
    child_end.close()
    times: list[float] = []
    outcome: dict[str, Any] = {}
    try:
        for _ in range(repeat):
            if not parent.poll(budget):
                outcome = {"result": "exceeded", "seconds_at_least": budget}
                break
            status, value = parent.recv()
            if status == "error":
                outcome = {"result": "error", "error": value}
                break
            times.append(value)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()
    if times and not outcome:
        outcome = {
            "result": "ok",
            "best_seconds": round(min(times), 6),
            "first_seconds": round(times[0], 6),
        }
    return outcome


def run_case(case: Case, sizes: list[int], repeat: int, budget: float) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    over_budget = False
    previous: float | None = None
    for size in sizes:
        row: dict[str, Any] = {"size": size}
        if over_budget:
            rows.append({**row, "result": "exceeded", "run": False})
            continue
        call = case.call(size)
        row.update(time_call(call, repeat, budget))
        best = row.get("best_seconds")
        if best is not None and previous is not None and previous > 0:
            row["ratio_to_previous"] = best / previous
        previous = best
        over_budget = row["result"] != "ok" or best is None or best > budget
        rows.append(row)
    return rows


def flags(case: Case, rows: list[dict[str, Any]], largest_text: int) -> list[str]:
    """Why a case's numbers look like super-linear growth or a slow reader (empty when fine)."""
    found = []
    for before, row in zip(rows, rows[1:], strict=False):
        ratio, best = row.get("ratio_to_previous"), row.get("best_seconds")
        if ratio is None or best is None or best < MIN_JUDGED_SECONDS:
            continue
        allowed = SUPERLINEAR_RATIO_PER_10X * (row["size"] / before["size"]) / 10
        if ratio > allowed:
            found.append(f"x{ratio:.0f} from {before['size']} to {row['size']} {case.size_unit}")
    for row in rows:
        if row["result"] in ("exceeded", "error"):
            found.append(f"{row['result']} at {row['size']} {case.size_unit}, larger not run")
            break
        elif case.size_unit == "chars" and row["size"] == largest_text:
            if row["best_seconds"] > SLOW_AT_LARGEST_SECONDS:
                found.append(f"{row['best_seconds']:.1f} s at {row['size']} chars")
    return found


def _cell(row: dict[str, Any]) -> str:
    if row["result"] == "ok":
        return f"{row['best_seconds']:.4f}"
    return str(row["result"])


def print_table(results: list[dict[str, Any]]) -> None:
    header = ["case", "reader", "sizes", "best seconds per size", "growth per step", "flag"]
    lines = [header]
    for res in results:
        rows = res["timings"]
        lines.append([
            res["case"], res["reader"], "/".join(str(r["size"]) for r in rows),
            " / ".join(_cell(r) for r in rows),
            " ".join(f"x{r['ratio_to_previous']:.1f}" for r in rows if "ratio_to_previous" in r),
            "; ".join(res["flags"]) or "-",
        ])  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--entries", type=int, nargs="+", default=[100, 1_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget-seconds", type=float, default=60.0)
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "results" / "pathological.json"
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    parse_profile({"resumeText": JD}, as_of=AS_OF)  # load the taxonomy before forking
    build_icp(TITLE, JD, LOCATION)
    sizes, largest = sorted(args.sizes), max(args.sizes)
    results = []
    for case in cases():
        if args.only and args.only not in case.name:
            continue
        case_sizes = sorted(args.entries) if case.size_unit == "work entries" else sizes
        rows = run_case(case, case_sizes, args.repeat, args.budget_seconds)
        res = {"case": case.name, "reader": case.reader, "size_unit": case.size_unit,
               "timings": rows, "flags": flags(case, rows, largest)}  # fmt: skip
        print(f"{case.name}: {' / '.join(_cell(r) for r in rows)}", flush=True)
        results.append(res)
    print()
    print_table(results)
    result = {
        "engine_version": ENGINE_VERSION,
        "taxonomy_version": default_taxonomy().version,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cores_used": 1,
        "repeat": args.repeat,
        "budget_seconds": args.budget_seconds,
        "flagged": [{"case": r["case"], "why": r["flags"]} for r in results if r["flags"]],
        "cases": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
