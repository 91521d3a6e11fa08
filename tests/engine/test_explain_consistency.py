"""The rationale, fit points and red flags of one candidate say the same thing the same way: a
peer is named every time, the title adjective follows the title fit point, a requirement keeps
its full name, and a choice names the option the person shows."""

from __future__ import annotations

from typing import Any

from talentscout.engine.explain import Explanation, explain
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.scored import ScoredCandidate
from talentscout.engine.taxonomy import default_taxonomy
from tests.engine.conftest import AS_OF

CHOICE = "Requirements: Python, PostgreSQL, Kafka, and Django or FastAPI. 3+ years."


def _explained(
    title: str, jd: str, data: dict[str, Any], location: str | None = None
) -> tuple[ScoredCandidate, Explanation]:
    tax = default_taxonomy()
    icp = build_icp(title, jd, location, taxonomy=tax)
    profile = parse_profile(data, as_of=AS_OF, taxonomy=tax)
    (scored,) = score_profiles(icp, [profile], [0.6], as_of=AS_OF)
    return scored, explain(icp, profile, scored)


def _person(label: str, work: list[dict[str, Any]], skills: list[str]) -> dict[str, Any]:
    return {
        "basics": {"label": label, "location": {"city": "Berlin", "countryCode": "DE"}},
        "work": work,
        "skills": [{"name": "Skills", "keywords": skills}],
    }


def test_a_must_have_met_by_a_peer_is_named_beside_a_missing_one() -> None:
    work = [
        {"name": "Falconridge", "position": "Senior Backend Engineer", "startDate": "2016-01",
         "summary": "Delivered features built on Node.js and PostgreSQL.",
         "highlights": ["Shipped 17 features in Ruby and RabbitMQ"]},
    ]  # fmt: skip
    data = _person("Senior Backend Engineer", work, ["Node.js", "PostgreSQL", "RabbitMQ"])
    scored, ex = _explained("Backend Engineer", "Requirements: Python, PostgreSQL and Kafka.", data)
    assert scored.partial_must == {"Kafka": "RabbitMQ"}
    assert "missing Python; Kafka met by its peer RabbitMQ." in ex.rationale, ex.rationale


def test_the_rationale_title_words_follow_the_title_fit_point() -> None:
    work = [
        {"name": "Lumen", "position": "Software Engineer", "startDate": "2017-01",
         "summary": "Built Python REST APIs and microservices on PostgreSQL and Redis, with "
                    "Kafka consumers, SQL, Git and Docker."},
    ]  # fmt: skip
    skills = ["Python", "PostgreSQL", "Kafka", "Docker", "Redis", "SQL", "Git", "Microservices"]
    data = _person("Software Engineer", work, skills)
    scored, ex = _explained("Backend Engineer", "Requirements: Python, PostgreSQL, Kafka.", data)
    assert scored.scores["title"] >= 80  # a related family that shows the job's skills
    assert (
        'Title: "Software Engineer" (work at Lumen) is a role related to Backend Engineer'
        in ex.fit_points
    )
    assert "title related to Backend Engineer" in ex.rationale
    assert "strong Backend Engineer title match" not in ex.rationale


def test_a_requirement_keeps_its_full_name_everywhere() -> None:
    work = [
        {"name": "Nordwind", "position": "Backend Engineer", "startDate": "2018-01",
         "summary": "Built Python services on PostgreSQL with Kafka consumers."},
    ]  # fmt: skip
    data = _person("Backend Engineer", work, ["Python", "PostgreSQL", "Kafka"])
    scored, ex = _explained("Backend Engineer", CHOICE, data)
    assert "Django" in scored.partial_must  # only the related Python
    texts = [ex.rationale, *ex.fit_points, *ex.red_flags, ex.breakdown["cap"]["reason"]]
    assert not [t for t in texts if "Django" in t and "Django or FastAPI" not in t], texts
    assert any(f.startswith("Must-have Django or FastAPI: only the related Python") for f in texts)
    assert "no evidence of Django or FastAPI (only the related Python)" in ex.rationale


def test_a_choice_names_the_option_the_person_uses_now() -> None:
    work = [
        {"name": "Nordwind", "position": "Backend Engineer", "startDate": "2022-01",
         "summary": "Build FastAPI services on PostgreSQL with Kafka consumers in Python."},
        {"name": "Kiez", "position": "Python Developer", "startDate": "2018-01",
         "endDate": "2021-12", "summary": "Django web apps and REST APIs."},
    ]  # fmt: skip
    skills = ["Python", "Django", "FastAPI", "PostgreSQL", "Kafka"]
    _, ex = _explained("Backend Engineer", CHOICE, _person("Backend Engineer", work, skills))
    assert "(Python, PostgreSQL, Kafka and FastAPI)" in ex.rationale, ex.rationale
    assert any("FastAPI (must-have, one of Django or FastAPI)" in p for p in ex.fit_points)
    assert not any("Django (must-have" in p for p in ex.fit_points), ex.fit_points


def test_the_title_quoted_is_the_current_one() -> None:
    work = [
        {"name": "Charité", "position": "Nurse Practitioner", "startDate": "2019-05",
         "summary": "Assess and treat patients in a primary care clinic."},
        {"name": "Vivantes", "position": "Staff Nurse", "startDate": "2016-01",
         "endDate": "2019-04", "summary": "Medication administration and wound care."},
    ]  # fmt: skip
    data = _person("Nurse Practitioner", work, ["Basic Life Support", "Patient Assessment"])
    _, ex = _explained("Registered Nurse", "Requirements: patient care, 2+ years.", data)
    title = [p for p in ex.fit_points if p.startswith("Title:")]
    assert title == [
        'Title: "Nurse Practitioner" (work at Charité) is a role related to Registered Nurse; '
        'earlier "Staff Nurse" (work at Vivantes) fits it'
    ], ex.fit_points
    assert "title related to Registered Nurse" in ex.rationale


def test_a_kind_of_the_job_fits_it() -> None:
    """Every ICU nurse is a registered nurse: the fit point and the rationale say it fits, the
    score is a strong title match, and the title cap does not hold."""
    work = [
        {"name": "Charité", "position": "Intensive Care Nurse", "startDate": "2019-05",
         "summary": "Care for ventilated patients in a 20-bed ICU."},
    ]  # fmt: skip
    data = _person("Intensive Care Nurse", work, ["Basic Life Support", "Critical Care"])
    scored, ex = _explained("Registered Nurse", "Requirements: patient care, 2+ years.", data)
    assert scored.scores["title"] >= 80
    assert 'Title: "Intensive Care Nurse" (work at Charité) fits Registered Nurse' in ex.fit_points
    assert "strong Registered Nurse title match" in ex.rationale, ex.rationale
    assert "title" not in scored.caps, scored.caps
    relevance = ex.detailed_rationale[0]["relevanceExplanation"]
    assert relevance.startswith("A kind of Registered Nurse (current)"), relevance


def test_the_broader_title_is_only_related_to_a_kind_of_it() -> None:
    work = [
        {"name": "Vivantes", "position": "Registered Nurse", "startDate": "2016-01",
         "summary": "Medication administration and wound care."},
    ]  # fmt: skip
    data = _person("Registered Nurse", work, ["Basic Life Support"])
    scored, ex = _explained("ICU Nurse", "Requirements: patient care, 2+ years.", data)
    assert scored.scores["title"] < 80
    title = [p for p in ex.fit_points if p.startswith("Title:")]
    assert title == ['Title: "Registered Nurse" (work at Vivantes) is a role related to ICU Nurse']


def test_a_title_that_fits_is_never_called_partial() -> None:
    work = [
        {"name": "Café", "position": "Barista", "startDate": "2021-01",
         "summary": "Coffee and customer service."},
        {"name": "Vivantes", "position": "Staff Nurse", "startDate": "2014-01",
         "endDate": "2020-12", "summary": "Medication administration and wound care."},
    ]  # fmt: skip
    data = _person("Barista", work, [])
    scored, ex = _explained("Registered Nurse", "Requirements: patient care.", data)
    assert 60 <= scored.scores["title"] < 80  # the title held years ago
    assert 'Title: "Staff Nurse" (work at Vivantes) fits Registered Nurse' in ex.fit_points
    assert "good Registered Nurse title match" in ex.rationale, ex.rationale
