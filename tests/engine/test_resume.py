"""Free-text resume heuristics: roles around date lines, "company - X" blocks, degrees."""

from __future__ import annotations

from talentscout.engine.resume import degree_level, parse_resume_text
from talentscout.engine.taxonomy import Taxonomy
from tests.engine.conftest import AS_OF

KAGGLE_STYLE = """Skill Details
JAVA- Exprience - 36 months
Company Details
company - Infosys Ltd
description - Jan 2017 to till date
Worked on Java and Spring Boot services.
company - Wipro
description - Java developer for banking clients.
"""


def test_company_blocks(taxonomy: Taxonomy) -> None:
    facts = parse_resume_text(KAGGLE_STYLE, AS_OF, taxonomy)
    assert [r.company for r in facts.roles] == ["Infosys Ltd", "Wipro"]
    first = facts.roles[0]
    assert first.dates is not None
    assert first.dates.start.iso() == "2017-01"
    assert first.dates.current
    assert "Spring Boot" in first.description
    assert facts.skill_months == 36


def test_title_above_dates(taxonomy: Taxonomy) -> None:
    text = "Experience\nAcme Corp\nSoftware Engineer\n2019 - 2021\n• Did things"
    facts = parse_resume_text(text, AS_OF, taxonomy)
    (role,) = facts.roles
    assert (role.title, role.company) == ("Software Engineer", "Acme Corp")
    assert role.highlights == ["Did things"]
    assert role.duration == "2 yrs"


def test_title_at_company_same_line(taxonomy: Taxonomy) -> None:
    facts = parse_resume_text("Data Engineer at Hooli, 03/2018 - 05/2020", AS_OF, taxonomy)
    (role,) = facts.roles
    assert (role.title, role.company) == ("Data Engineer", "Hooli")


def test_education_and_project_dates_are_not_roles(taxonomy: Taxonomy) -> None:
    text = (
        "Education\nMaster of Science, Computer Science 2016 - 2018\n"
        "Projects\nChat app | React 2019 - 2020\n"
    )
    facts = parse_resume_text(text, AS_OF, taxonomy)
    assert facts.roles == []
    assert facts.degrees[0][0] == "master"


def test_degree_level() -> None:
    assert degree_level("B.Tech in Mechanical Engineering") == "bachelor"
    assert degree_level("Ph.D. Physics") == "phd"
    assert degree_level("MBA, Finance") == "master"
    assert degree_level("Team lead") is None


def test_contacts(taxonomy: Taxonomy) -> None:
    facts = parse_resume_text("a@b.io | www.example.com/me | linkedin.com/in/x", AS_OF, taxonomy)
    assert facts.emails == ["a@b.io"]
    assert facts.links == ["www.example.com/me", "linkedin.com/in/x"]


def test_headline_from_standalone_title_line(taxonomy: Taxonomy) -> None:
    text = "Skills: Java, SQL\nEducation Details\nB.E. Pune University\n" + "filler line\n" * 5
    text += "Senior Java Developer\nSkill Details\nJava - 24 months"
    facts = parse_resume_text(text, AS_OF, taxonomy)
    assert facts.headline == "Senior Java Developer"
