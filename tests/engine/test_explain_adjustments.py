"""A score's caps and negative hits are shown: the breakdown rebuilds matchScore, a red flag says
why the score stops where it does."""

from __future__ import annotations

import json
from typing import Any

import pytest

from talentscout.engine.explain import Explanation, explain
from talentscout.engine.icp import build_icp, refine_icp
from talentscout.engine.icp_model import ICP
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import CRITERIA, score_profiles
from talentscout.engine.scored import ScoredCandidate
from talentscout.engine.taxonomy import default_taxonomy
from tests.engine.conftest import AS_OF

JOB = "Requirements: Python, PostgreSQL and Kafka. 3+ years of experience."


def _backend(city: str = "Berlin", country: str = "DE", **extra: Any) -> dict[str, Any]:
    """A backend engineer who shows Python and PostgreSQL in the work, and no Kafka."""
    return {
        "basics": {
            "label": "Backend Engineer",
            "location": {"city": city, "countryCode": country},
            "summary": "Backend engineer building Python services on PostgreSQL.",
            **extra,
        },
        "work": [
            {
                "name": "Nordwind",
                "position": "Backend Engineer",
                "startDate": "2018-01",
                "summary": "Built Python APIs on PostgreSQL and Redis.",
                "highlights": ["Cut p95 latency of the Python order service by 40%"],
            }
        ],
        "skills": [{"name": "Backend", "keywords": ["Python", "PostgreSQL", "Redis"]}],
    }


def _explained(
    data: dict[str, Any], icp: ICP | None = None, semantic: float = 0.7
) -> tuple[ScoredCandidate, Explanation]:
    tax = default_taxonomy()
    icp = icp or build_icp("Backend Engineer", JOB, "Berlin, Germany (on site)", taxonomy=tax)
    profile = parse_profile(data, as_of=AS_OF, taxonomy=tax)
    (scored,) = score_profiles(icp, [profile], [semantic], as_of=AS_OF)
    return scored, explain(icp, profile, scored)


def _weighted_mean(breakdown: dict[str, dict[str, Any]]) -> float:
    return sum(
        item["score"] * item["weight"] for name, item in breakdown.items() if name in CRITERIA
    )


def test_a_missing_must_have_cap_is_shown_and_the_score_rebuilds() -> None:
    scored, ex = _explained(_backend())
    assert scored.missing_must == ("Kafka",)
    criteria = {k: v for k, v in ex.breakdown.items() if k in CRITERIA}
    assert sum(v["weight"] for v in criteria.values()) == pytest.approx(1.0, abs=1e-3)
    cap = ex.breakdown["cap"]
    assert cap["score"] == 79
    assert cap["weight"] == 0.0
    assert abs(_weighted_mean(ex.breakdown) - cap["before"]) <= 1  # sub-scores are rounded
    assert cap["before"] > 79 >= cap["after"] == scored.match_score
    assert cap["reason"] == "Must-have Kafka not found: at most 79, a plausible fit"
    flag = (
        "Score capped (at most 79, a plausible fit): must-have Kafka not found — "
        f"{cap['before']} on the criteria, {scored.match_score} under the cap"
    )
    assert flag in ex.red_flags


def test_living_abroad_for_an_on_site_job_shows_the_location_cap() -> None:
    scored, ex = _explained(_backend() | {"basics": _backend("Madrid", "ES")["basics"]})
    # Kafka is missing too (at most 79), but the tighter cap decides: 69
    assert scored.caps == ("elsewhere", "must_shortfall")
    cap = ex.breakdown["cap"]
    assert cap["score"] == 69
    assert cap["evidence"] == [{"text": "Madrid, ES", "source": "location"}]
    assert cap["reason"] == (
        '"Madrid, ES" is outside Germany and the profile says nothing of relocating: '
        "at most 69, a plausible fit"
    )
    assert cap["after"] == scored.match_score <= 69 < cap["before"]
    assert any(
        f.startswith('Score capped (at most 69, a plausible fit): "Madrid, ES" is outside')
        for f in ex.red_flags
    )


def test_a_score_under_its_cap_shows_no_cap() -> None:
    icp = build_icp("Backend Engineer", JOB, taxonomy=default_taxonomy())
    weak, ex = _explained({"basics": {"label": "Sales Manager"}}, icp, semantic=0.1)
    assert weak.caps  # under half of the must-haves: capped at 59 …
    assert weak.raw_score == weak.match_score  # … but far under it: nothing moved
    assert "cap" not in ex.breakdown
    assert not any(f.startswith("Score capped") for f in ex.red_flags)


def test_a_negative_hit_is_the_last_step_to_the_score() -> None:
    tax = default_taxonomy()
    data = _backend()
    data["work"][0]["name"] = "Brightpath Staffing Agency"
    icp = build_icp("Backend Engineer", JOB, "Berlin, Germany", taxonomy=tax)
    scored, ex = _explained(data, refine_icp(icp, "no agencies", taxonomy=tax))
    negatives = ex.breakdown["negatives"]
    assert negatives["before"] == ex.breakdown["cap"]["after"]
    assert negatives["after"] == scored.match_score == round(negatives["before"] * 0.5)
    assert (
        negatives["reason"] == 'Current position hits the job\'s exclusion of "agency": score × 0.5'
    )


def test_a_level_gap_cap_quotes_the_current_role() -> None:
    tax = default_taxonomy()
    data = _backend()
    data["work"][0]["position"] = "Principal Backend Engineer"
    data["basics"]["label"] = "Principal Backend Engineer"
    icp = build_icp("Junior Backend Engineer", "Requirements: Python and PostgreSQL.", taxonomy=tax)
    scored, ex = _explained(data, icp, semantic=0.9)
    assert scored.caps[0] == "level_gap"
    cap = ex.breakdown["cap"]
    assert cap["score"] == 59
    assert cap["evidence"] == [{"text": "Principal Backend Engineer", "source": "current role"}]
    assert cap["reason"].startswith("The profile reads as principal, two or more levels from")


def test_the_way_to_the_score_survives_storage_and_old_records_show_no_cap() -> None:
    scored, ex = _explained(_backend())
    stored = ScoredCandidate.from_dict(json.loads(json.dumps(scored.to_dict())))
    assert stored == scored
    assert (stored.raw_score, stored.capped_score, stored.cap_limit) == (
        ex.breakdown["cap"]["before"],
        scored.match_score,
        79,
    )
    old = scored.to_dict()
    for key in ("raw_score", "capped_score", "caps", "cap_limit"):
        old.pop(key)
    tax = default_taxonomy()
    icp = build_icp("Backend Engineer", JOB, "Berlin, Germany (on site)", taxonomy=tax)
    again = explain(icp, parse_profile(_backend(), as_of=AS_OF, taxonomy=tax),
                    ScoredCandidate.from_dict(old))  # fmt: skip
    assert "cap" not in again.breakdown  # a record from before e48 says nothing it cannot know


def test_a_title_only_related_to_the_job_caps_at_plausible() -> None:
    # An engineering manager who shows every must-have in the work is no strong backend hire.
    manager = _backend()
    manager["basics"]["label"] = "Engineering Manager"
    manager["basics"]["summary"] = "Engineering manager of a payments team."
    manager["work"][0]["position"] = "Engineering Manager"
    manager["work"][0]["summary"] = "Led a team building Python APIs on PostgreSQL and Kafka."
    icp = build_icp("Backend Engineer", "Requirements: Python and PostgreSQL.", taxonomy=None)
    scored, ex = _explained(manager, icp, semantic=0.9)
    assert scored.missing_must == ()
    assert "title" in scored.caps
    assert scored.match_score <= 79
    assert scored.match_score < ex.breakdown["cap"]["before"]
    assert ex.breakdown["cap"]["reason"].startswith(
        '"Engineering Manager" is no strong title match for Backend Engineer'
    )
    engineer, _ = _explained(_backend(), icp)
    assert "title" not in engineer.caps
    assert engineer.match_score >= 80


def test_holding_the_jobs_title_is_never_title_capped() -> None:
    # The nurse title is the earlier of two roles: title credit under 80, but the title is held.
    nurse = {
        "work": [
            {"name": "Vivantes", "position": "Ward Coordinator", "startDate": "2023-01",
             "summary": "Coordinated patient care and medication administration."},
            {"name": "Charité", "position": "Staff Nurse", "startDate": "2015-01",
             "endDate": "2022-12", "summary": "Patient care on a surgical ward."},
        ],
    }  # fmt: skip
    icp = build_icp("Registered Nurse", "Requirements: patient care.", taxonomy=None)
    scored, _ = _explained(nurse, icp)
    assert scored.scores["title"] < 80
    assert "title" not in scored.caps


def test_a_profile_showing_nothing_the_job_asks_is_weak() -> None:
    # An interior designer for a backend opening: no must-have, no title near it.
    designer = {
        "basics": {"label": "Interior Designer", "summary": "Residential interiors."},
        "work": [{"name": "Studio Nord", "position": "Interior Designer", "startDate": "2016-01",
                  "summary": "Space planning, furniture selection and client presentations."}],
    }  # fmt: skip
    icp = build_icp("Backend Engineer", JOB, taxonomy=None)
    scored, ex = _explained(designer, icp, semantic=0.6)
    assert scored.caps[0] == "nothing_shown"
    assert scored.match_score < 40
    assert ex.breakdown["cap"]["reason"] == (
        "None of the 3 must-haves is shown, nor a title close to Backend Engineer: "
        "at most 39, a weak fit"
    )


def test_one_must_have_of_six_with_a_distant_title_is_weak() -> None:
    # A senior accountant who once automated reports in Python: place, level and years fit.
    scored, ex = _accountant_for_platform(
        "automated the VAT reports with Python.",
        "Python, Kafka, Kubernetes, Terraform, gRPC and Prometheus",
    )
    assert scored.matched_must == ("Python",)
    assert scored.caps[0] == "nothing_shown"
    assert scored.raw_score is not None
    assert scored.raw_score >= 40  # place, level and years fit
    assert scored.match_score < 40
    assert ex.breakdown["cap"]["reason"] == (
        "Only 1 of the 6 must-haves is shown, and no title close to Platform Engineer: "
        "at most 39, a weak fit"
    )


def test_a_language_below_the_level_asked_is_no_strong_match() -> None:
    job = "Requirements:\n- Business fluent German (C1)\n- B2B sales\n- Salesforce CRM"
    icp = build_icp("Sales Manager", job, "Berlin, Germany", taxonomy=None)

    def seller(german: str) -> dict[str, Any]:
        return {
            "basics": {"label": "Sales Manager",
                       "location": {"city": "Berlin", "countryCode": "DE"}},
            "work": [{"name": "Acme", "position": "Sales Manager", "startDate": "2015-01",
                      "summary": "B2B sales of SaaS in Salesforce CRM."}],
            "languages": [{"language": "German", "fluency": german}],
        }  # fmt: skip

    fluent, _ = _explained(seller("Native speaker"), icp)
    low, ex = _explained(seller("B1"), icp)
    assert fluent.match_score >= 80
    assert "must_shortfall" in low.caps
    assert low.match_score < 80
    assert ex.breakdown["cap"]["reason"] == (
        "Must-have German at B1, C1 asked: at most 79, a plausible fit"
    )


def test_two_must_haves_of_nine_read_as_plural() -> None:
    scored, ex = _accountant_for_platform(
        "VAT reports automated with Python and Kafka.",
        "Python, Kafka, Kubernetes, Terraform, gRPC, Prometheus, Grafana, Ansible and Istio",
    )
    assert set(scored.matched_must) == {"Python", "Kafka"}
    assert scored.caps[0] == "nothing_shown"
    assert ex.breakdown["cap"]["reason"].startswith(
        "Only 2 of the 9 must-haves are shown, and no title close to Platform Engineer: "
    )


def _accountant_for_platform(work: str, skills: str) -> tuple[ScoredCandidate, Explanation]:
    """A senior accountant in Berlin whose work names ``work``, for a senior platform engineer
    opening in Berlin asking ``skills``: place, level and years fit, next to nothing else."""
    accountant = {
        "basics": {"label": "Senior Accountant", "summary": "Month-end close and reporting.",
                   "location": {"city": "Berlin", "countryCode": "DE"}},
        "work": [{"name": "Acme", "position": "Senior Accountant", "startDate": "2014-01",
                  "summary": f"Month-end close; {work}"}],
    }  # fmt: skip
    job = f"Requirements: {skills}. 5+ years of experience."
    icp = build_icp("Senior Platform Engineer", job, "Berlin, Germany", taxonomy=None)
    return _explained(accountant, icp, semantic=0.9)
