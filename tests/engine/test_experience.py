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
        "Experience: about 1.5 years in related roles (almost 12 years in all), job asks 5+ years"
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


def test_only_roles_of_another_field_make_the_related_years_count() -> None:
    icp = build_icp("Python Developer", JOB, taxonomy=default_taxonomy())
    # A sibling family of the same field counts (a Java Developer's years, for Python).
    java = _person(
        {**DEVELOPER, "startDate": "2022-11"},
        {"position": "Java Developer", "startDate": "2011-01", "endDate": "2022-10"},
    )
    assert job_years(icp, java) == (java.total_years, False)
    # A role whose title names no family is not evidence of other work.
    unknown = _person(
        {**DEVELOPER, "startDate": "2022-11"},
        {"position": "Member of Technical Staff", "startDate": "2013-01", "endDate": "2022-10",
         "summary": "Java microservices on AWS"},
    )  # fmt: skip
    assert job_years(icp, unknown) == (unknown.total_years, False)
    # A nurse's soft skills do not make nursing years a developer's.
    nurse = _person(
        {**DEVELOPER, "startDate": "2023-06"},
        {"position": "Registered Nurse", "startDate": "2013-01", "endDate": "2023-05",
         "summary": "Communication, teamwork and Excel rosters"},
    )  # fmt: skip
    assert job_years(icp, nurse) == (1.5, True)
    # A related role without dates: its years are unknown, so the total stands.
    undated = _person(
        {"position": "Senior Software Engineer"},
        {"position": "Cashier", "startDate": "2010-01", "endDate": "2010-12"},
        summary="10 years of experience.",
    )
    assert job_years(icp, undated) == (undated.total_years, False)
