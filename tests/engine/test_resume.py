"""Free-text resume heuristics: roles around date lines, "company - X" blocks, degrees."""

from __future__ import annotations

import pytest

from talentscout.engine.parse import parse_profile
from talentscout.engine.resume import EMAIL_RE, degree_level, parse_resume_text
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


class TestTitleAndCompany:
    """A team or department after the title is not the employer."""

    def _role(self, taxonomy: Taxonomy, text: str) -> tuple[str | None, str | None]:
        (role,) = parse_resume_text("Experience\n" + text, AS_OF, taxonomy).roles
        return role.title, role.company

    def test_team_after_comma_then_dash_company(self, taxonomy: Taxonomy) -> None:
        text = "Engineering Manager, Backend Platform — Acme Corp (2019–2023)\n• Led 12 engineers"
        assert self._role(taxonomy, text) == ("Engineering Manager, Backend Platform", "Acme Corp")

    def test_title_at_company_above_dates(self, taxonomy: Taxonomy) -> None:
        text = "Engineering Manager at Acme Corp\n2019 - 2023\n• Led 12 engineers"
        assert self._role(taxonomy, text) == ("Engineering Manager", "Acme Corp")

    def test_team_at_company(self, taxonomy: Taxonomy) -> None:
        text = "Engineering Manager, Backend Platform at Acme Corp, Berlin, Germany 2019 - 2023"
        assert self._role(taxonomy, text) == ("Engineering Manager, Backend Platform", "Acme Corp")

    def test_bars(self, taxonomy: Taxonomy) -> None:
        text = "Senior Software Engineer, Payments | Stripe | Jan 2019 - Present"
        assert self._role(taxonomy, text) == ("Senior Software Engineer, Payments", "Stripe")

    def test_comma_company_is_kept(self, taxonomy: Taxonomy) -> None:
        assert self._role(taxonomy, "Data Engineer, Hooli, 2018 - 2020") == (
            "Data Engineer",
            "Hooli",
        )
        assert self._role(taxonomy, "Software Engineer, Oracle 2019 - 2021") == (
            "Software Engineer",
            "Oracle",
        )

    def test_team_only_gives_no_company(self, taxonomy: Taxonomy) -> None:
        assert self._role(taxonomy, "Senior Data Engineer, Data Platform 2019 - 2021") == (
            "Senior Data Engineer, Data Platform",
            None,
        )

    def test_with_a_skill_is_no_employer(self, taxonomy: Taxonomy) -> None:
        assert self._role(taxonomy, "Java Developer with Spring Boot 2019 - 2021") == (
            "Java Developer",
            None,
        )


HEADER = """Jordan Lee | jordan.lee@example.org | +1 512 555 0100
Austin, TX
Summary
Builds payment systems that stay up under load. Also mentors juniors.
Experience
Senior Backend Engineer at Initech, Mar 2021 - Present
"""


class TestHeader:
    def test_name_location_and_summary(self, taxonomy: Taxonomy) -> None:
        facts = parse_resume_text(HEADER, AS_OF, taxonomy)
        assert facts.name == "Jordan Lee"
        assert facts.location == "Austin, TX"
        assert facts.summary == "Builds payment systems that stay up under load."
        assert facts.headline is None  # the only title line is a dated role entry

    @pytest.mark.parametrize(
        "first",
        [
            "[NAME REDACTED]",
            "NAME REDACTED",
            "XXXXX XXXXX",
            "Resume",
            "Curriculum Vitae",
            "Professional Summary",
            "Senior Data Engineer",
            "Python Java SQL",
            "Jordan",
            "jordan lee",
            "Jordan Lee 2024",
            "jordan@example.org",
            "John Doe",
            "Acme Technologies Pvt Ltd",
            "New York",
            "Human Resources",
            "Quality Assurance",
            "Mumbai India",
        ],
    )
    def test_no_name_is_invented(self, taxonomy: Taxonomy, first: str) -> None:
        assert parse_resume_text(f"{first}\nSkills\nPython", AS_OF, taxonomy).name is None

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("Name: Priya Sharma\nSkills", "Priya Sharma"),
            ("Curriculum Vitae\nMaria José de la Cruz\n", "Maria José de la Cruz"),
            ("Mr. Sean O'Neil - Sales\n", "Sean O'Neil"),
            ("JANE Q. PUBLIC\n", "JANE Q. PUBLIC"),
        ],
    )
    def test_name_forms(self, taxonomy: Taxonomy, text: str, name: str) -> None:
        assert parse_resume_text(text, AS_OF, taxonomy).name == name

    @pytest.mark.parametrize(
        ("line", "location"),
        [
            ("Berlin, Germany", "Berlin, Germany"),
            ("jordan@example.org | San Francisco, CA 94105 | 555 0100", "San Francisco, CA"),
            ("Location: Pune, Maharashtra, India", "Pune, Maharashtra, India"),
            ("London, UK", "London, UK"),
            ("Acme Corp, Germany", None),
            ("Data Engineer, Hooli", None),
            ("Sales, Marketing, HR", None),  # departments, not Croatia
        ],
    )
    def test_header_location(self, taxonomy: Taxonomy, line: str, location: str | None) -> None:
        facts = parse_resume_text(f"Jordan Lee\n{line}\nSkills\nPython", AS_OF, taxonomy)
        assert facts.location == location

    def test_location_below_the_header_is_not_taken(self, taxonomy: Taxonomy) -> None:
        text = "Jordan Lee\nExperience\nData Engineer 2019 - 2021\nInitech, Austin, TX\n"
        assert parse_resume_text(text, AS_OF, taxonomy).location is None

    def test_headline_drops_the_name(self, taxonomy: Taxonomy) -> None:
        facts = parse_resume_text("Jordan Lee — Senior Data Engineer\n", AS_OF, taxonomy)
        assert (facts.name, facts.headline) == ("Jordan Lee", "Senior Data Engineer")

    def test_long_summary_is_cut_at_a_word(self, taxonomy: Taxonomy) -> None:
        text = "Summary\n" + "Operations leader who scales warehouses " * 6 + "and teams."
        summary = parse_resume_text(text, AS_OF, taxonomy).summary
        assert summary is not None
        assert summary.endswith("…")
        assert len(summary) <= 100
        assert summary.removesuffix("…") in text


def test_an_email_after_a_huge_unbroken_blob_is_still_found() -> None:
    """A 200 KB run of letters (once 80 s of regex backtracking, now linear) hides nothing."""
    text = "abcD" * 50_000
    assert EMAIL_RE.search(text) is None
    profile = parse_profile({"resumeText": text + " contact: ann.lee@example.com"})
    assert profile.emails == ("ann.lee@example.com",)
