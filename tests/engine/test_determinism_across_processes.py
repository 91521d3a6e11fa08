"""Byte-identical output across processes: Python salts string hashes per process, so any set
iteration that reaches an ICP, a parse or a score would differ between API workers."""

from __future__ import annotations

import os
import subprocess
import sys

_SCRIPT = """
import json
from datetime import date
from talentscout.engine.explain import explain
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
job = (
    "Backend Engineer\\n\\nRequirements:\\n- 5+ years of Python (Django, Flask, FastAPI etc.)\\n"
    "- Relational databases such as PostgreSQL, MySQL, Microsoft SQL Server or MongoDB\\n"
    "- Kafka, RabbitMQ or SQS; Docker (Kubernetes a plus)\\n- Fluent English, German a plus"
)
icp = build_icp("Backend Engineer", job, "Berlin, Germany")
resume = (
    "Jo Example\\nBerlin, Germany\\nBackend Developer, Acme, 2017 - present\\n"
    "- Django and Flask services on PostgreSQL and Redis\\n- Kafka consumers in Docker\\n"
    "Languages: English (fluent), German (B1)"
)
profile = parse_profile({"resumeText": resume}, as_of=date(2025, 1, 1))
(scored,) = score_profiles(icp, [profile], [0.5], as_of=date(2025, 1, 1))
ex = explain(icp, profile, scored)
print(json.dumps([icp.to_dict(), profile.to_dict(), scored.to_dict(), ex.breakdown,
                  ex.fit_points, ex.red_flags, ex.rationale], sort_keys=True, default=str))
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_the_same_inputs_read_and_score_the_same_in_every_process() -> None:
    outputs = {_run(seed) for seed in ("0", "7", "123", "4242")}
    assert len(outputs) == 1
