"""Scoring speed: 1,000 synthesised, pre-parsed profiles against one ICP on one core.

    python benchmarks/bench_score.py [--profiles 1000] [--repeat 5]

Prints profiles/second for (a) score_profiles on ParsedProfile objects and (b) the service's
path, ParsedProfile.from_dict (JSONB rehydration) + score_profiles; plus explain() per profile
and parse_profile for reference. Writes benchmarks/results/score.json. Reports, never asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

from talentscout.engine.explain import explain
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import ParsedProfile, parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.scored import ENGINE_VERSION
from talentscout.engine.taxonomy import default_taxonomy

AS_OF = date(2026, 11, 1)
TITLES = ["Software Engineer", "Senior Backend Engineer", "Data Engineer", "Data Scientist",
          "DevOps Engineer", "Product Manager", "QA Engineer", "Sales Manager",
          "Mechanical Engineer", "Frontend Developer", "Staff Engineer",
          "Engineering Manager"]  # fmt: skip
COMPANIES = ["Acme", "Globex", "Initech", "Hooli", "Umbrella", "Stark Industries", "Wayne Corp"]
CITIES = [("Berlin", "DE"), ("Austin", "US"), ("London", "GB"), ("Pune", "IN"), ("Toronto", "CA")]
FALLBACK_SKILLS = ["Python", "Java", "Kafka", "Django", "Docker", "Kubernetes", "SQL", "React",
                   "Go", "AWS", "Spark", "Excel", "Salesforce", "Figma", "Terraform"]  # fmt: skip
JD = """Senior Backend Engineer
Requirements:
- 5+ years of Python experience, strong Django and PostgreSQL
- Kafka or another streaming system
Nice to have: Kubernetes, AWS, Terraform. No agencies.
"""


def synthesise(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    names = [s.name for s in default_taxonomy().skills] or FALLBACK_SKILLS
    profiles = []
    for i in range(n):
        skills = rng.sample(names, k=min(len(names), rng.randint(4, 18)))
        work = []
        year = 2026
        for _ in range(rng.randint(1, 4)):
            length = rng.randint(1, 5)
            used = rng.sample(skills, k=min(3, len(skills)))
            work.append({
                "name": rng.choice(COMPANIES),
                "position": rng.choice(TITLES),
                "startDate": f"{year - length}-{rng.randint(1, 12):02d}",
                "endDate": "" if not work else f"{year}-{rng.randint(1, 12):02d}",
                "summary": f"Built services with {', '.join(used)} for {rng.randint(2, 90)} teams.",
                "highlights": [f"Led migration to {rng.choice(skills)}"],
            })  # fmt: skip
            year -= length
        city, cc = rng.choice(CITIES)
        profiles.append({
            "basics": {"name": f"Person {i}", "label": work[0]["position"],
                       "summary": f"{rng.randint(1, 20)} years of experience.",
                       "location": {"city": city, "countryCode": cc}},
            "work": work,
            "skills": [{"name": "Skills", "keywords": skills}],
        })  # fmt: skip
    return profiles


def best_rate(fn: Any, count: int, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return count / min(times), count / statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "results" / "score.json"
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    raw = synthesise(args.profiles)
    t0 = time.perf_counter()
    parsed = [parse_profile(p, as_of=AS_OF) for p in raw]
    parse_rate = len(parsed) / (time.perf_counter() - t0)
    stored = [json.loads(json.dumps(p.to_dict())) for p in parsed]
    icp = build_icp("Senior Backend Engineer", JD, "Berlin, Germany")
    rng = random.Random(3)
    semantic = [rng.uniform(0.2, 0.9) for _ in parsed]

    def fresh() -> list[ParsedProfile]:
        return [ParsedProfile.from_dict(d) for d in stored]

    cold = fresh()
    n = len(parsed)
    score_best, score_median = best_rate(
        lambda: score_profiles(icp, fresh(), semantic, as_of=AS_OF), n, args.repeat
    )
    scored = score_profiles(icp, cold, semantic, as_of=AS_OF)
    warm_best, warm_median = best_rate(
        lambda: score_profiles(icp, cold, semantic, as_of=AS_OF), n, args.repeat
    )
    explain_best, _ = best_rate(
        lambda: [explain(icp, p, s) for p, s in zip(cold, scored, strict=True)], n, args.repeat
    )
    result = {
        "engine_version": ENGINE_VERSION,
        "taxonomy_version": default_taxonomy().version,
        "profiles": n,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cores_used": 1,
        "rehydrate_and_score_profiles_per_s": {
            "best": round(score_best), "median": round(score_median)},
        "score_preparsed_profiles_per_s": {"best": round(warm_best), "median": round(warm_median)},
        "explain_profiles_per_s": round(explain_best),
        "parse_profiles_per_s": round(parse_rate),
        "score_distribution": {
            "min": min(s.match_score for s in scored),
            "median": statistics.median(s.match_score for s in scored),
            "max": max(s.match_score for s in scored),
        },
    }  # fmt: skip
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
