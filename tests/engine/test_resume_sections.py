"""Skills, Languages, Certifications and Interests lines after the last role are the resume's
own sections: what they list is not work done in that role."""

from __future__ import annotations

from datetime import date

from talentscout.engine.explain import explain
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.taxonomy import default_taxonomy

AS_OF = date(2026, 1, 1)
RESUME = """Lukas Brandt
Python Developer | Düsseldorf, Germany | lukas.brandt@example.com

Summary
Backend developer with eight years of building booking and search services.

Experience
Python Developer, Trivago (2021–present)
- Built the hotel search API in Django and FastAPI on PostgreSQL
- Cut p95 latency by 40% with Redis caching
Backend Developer, Check24 (2017–2021)
- Maintained Flask services for insurance comparison
- Wrote ETL jobs in Python and SQL

Skills: Python, Django, FastAPI, Flask, PostgreSQL, Redis, Kafka, Docker
Languages: German (native), English (C1)
Certifications: AWS Certified Developer – Associate
Interests: open-source, cycling
"""


def _parse(text: str = RESUME):  # type: ignore[no-untyped-def]
    return parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=default_taxonomy())


def test_the_last_roles_text_ends_where_the_skills_line_begins() -> None:
    p = _parse()
    last = p.roles[-1]
    assert (last.title, last.company) == ("Backend Developer", "Check24")
    assert last.description.endswith("Wrote ETL jobs in Python and SQL")
    assert not {"Kafka", "Docker", "German", "AWS"} & set(last.skills)
    assert not {"Kafka", "Docker", "German"} & set(p.skills_in_use)
    assert {"Kafka", "Docker", "German"} <= set(p.skills)  # still the person's skills


def test_the_evidence_and_the_role_explanation_credit_no_job_with_the_list() -> None:
    tax = default_taxonomy()
    p = _parse()
    icp = build_icp(
        "Backend Engineer",
        "Requirements: Python and Kafka, fluent German. 5+ years of backend work.",
        "Düsseldorf, Germany",
        taxonomy=tax,
    )
    scored = score_profiles(icp, [p], [0.5], as_of=AS_OF)[0]
    result = explain(icp, p, scored)
    kafka = next(point for point in result.fit_points if point.startswith("Kafka"))
    assert "(resume)" in kafka
    assert "work at" not in kafka
    german = next(point for point in result.fit_points if point.startswith("German"))
    assert "work at" not in german
    check24 = next(d for d in result.detailed_rationale if d["company"] == "Check24")
    assert "Kafka" not in check24["relevanceExplanation"]
    assert "German" not in check24["relevanceExplanation"]


def test_a_skills_line_between_two_roles_stays_with_its_role() -> None:
    """LinkedIn exports list each position's skills under it: that is the role's own."""
    text = (
        "Python Developer, Trivago (2021–present)\n"
        "Hotel search API.\n"
        "Skills: Kafka · Django\n"
        "Backend Developer, Check24 (2017–2021)\n"
        "Flask services.\n"
    )
    first = _parse(text).roles[0]
    assert "Kafka" in first.skills


def test_a_stack_line_is_still_the_last_roles_work() -> None:
    text = (
        "Java Developer, Infosys (2015–2019)\n"
        "Payment services for a retail bank.\n"
        "Environment: Java, Spring Boot, Oracle\n"
    )
    assert "Spring Boot" in _parse(text).roles[0].skills
