"""job_years: the years that count for a job are the relevant ones when the profile shows others."""

from __future__ import annotations

from typing import Any

from talentscout.engine.experience import job_years
from talentscout.engine.explain import explain
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.taxonomy import default_taxonomy
from tests.engine.conftest import AS_OF

JOB = "Requirements: 5+ years of experience. Python required."
DEVELOPER = {"position": "Software Developer", "summary": "Built Django apps in Python"}


def _person(*roles: dict[str, Any], summary: str = "") -> Any:
    data = {"basics": {"summary": summary}, "work": list(roles)}
    return parse_profile(data, as_of=AS_OF, taxonomy=default_taxonomy())


def test_a_career_changer_counts_only_the_related_years() -> None:
    icp = build_icp("Software Engineer", JOB, taxonomy=default_taxonomy())
    nurse = _person(
        {**DEVELOPER, "startDate": "2023-06"},
        {"position": "Registered Nurse", "startDate": "2013-01", "endDate": "2023-05"},
    )
    assert nurse.total_years > 11
    assert job_years(icp, nurse) == (1.5, True)
    developer = _person({**DEVELOPER, "startDate": "2013-01"})
    (changer, career) = score_profiles(icp, [nurse, developer], None, as_of=AS_OF)
    assert changer.match_score < career.match_score
    assert changer.scores["experience"] < 50 <= career.scores["experience"]
    flags = explain(icp, nurse, changer).red_flags
    assert (
        "Experience: about 1.5 years in related roles (almost 12 years in all), job asks 5+"
        in flags
    )


def test_the_total_stands_when_every_role_is_related_or_unknown() -> None:
    icp = build_icp("Software Engineer", JOB, taxonomy=default_taxonomy())
    # Stated years count: no role contradicts them.
    stated = _person({**DEVELOPER, "startDate": "2022-11"}, summary="8 years of experience.")
    assert job_years(icp, stated) == (stated.total_years, False)
    assert stated.total_years == 8.0
    # A role saying nothing about its work (no title family, no skill) is not evidence.
    vague = _person({**DEVELOPER, "startDate": "2023-01"}, {"startDate": "2015-01"})
    assert job_years(icp, vague) == (vague.total_years, False)
    # A job naming no family and no skill has nothing to call relevant.
    plain = build_icp("Team Member", "A friendly team.", taxonomy=default_taxonomy())
    nurse = _person({"position": "Registered Nurse", "startDate": "2013-01"})
    assert job_years(plain, nurse) == (nurse.total_years, False)
