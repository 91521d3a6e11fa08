"""Free-text resume heuristics: roles around date lines, "company - X" blocks, degrees."""

from __future__ import annotations

import pytest

from talentscout.engine.parse import parse_profile
from talentscout.engine.resume import parse_resume_text
from talentscout.engine.resume_degrees import degree_level
from talentscout.engine.resume_lines import EMAIL_RE
from talentscout.engine.taxonomy import Taxonomy, default_taxonomy
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


def test_a_title_named_with_its_company_titles_the_company_block(taxonomy: Taxonomy) -> None:
    """Site exports put "Title - Company" above a "company - X" block that names no title."""
    text = "Java Developer - Infosys Ltd\n" + KAGGLE_STYLE
    facts = parse_resume_text(text, AS_OF, taxonomy)
    assert [(r.title, r.company) for r in facts.roles] == [
        ("Java Developer", "Infosys Ltd"),
        (None, "Wipro"),  # no line names a title at Wipro; "company - Wipro" is none
    ]


def test_a_heading_glued_to_the_line_before_still_opens_its_section(taxonomy: Taxonomy) -> None:
    """Resume-site exports lose the line break before a heading ("36 monthsCompany Details"):
    the company blocks below it keep their descriptions."""
    glued = KAGGLE_STYLE.replace("36 months\nCompany Details", "36 monthsCompany Details")
    assert "monthsCompany Details" in glued
    facts = parse_resume_text(glued, AS_OF, taxonomy)
    assert [r.company for r in facts.roles] == ["Infosys Ltd", "Wipro"]
    assert "Spring Boot" in facts.roles[0].description
    assert facts.roles[1].description == "Java developer for banking clients."
    assert facts.skill_months == 36
    # A duty that happens to end in such words is no heading.
    duty = KAGGLE_STYLE.replace(
        "Worked on Java", "Maintained HR records and employee Personal Details\nWorked on Java"
    )
    first = parse_resume_text(duty, AS_OF, taxonomy).roles[0]
    assert "employee Personal Details" in first.description
    assert "Spring Boot" in first.description


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
    assert facts.degrees[0].level == "master"


class TestDegrees:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Education\nVirginia Commonwealth University Richmond, VA\n"
                "Master’s degree in Computer Science Aug. 2023 – May. 2025",
                ("master", "Master’s degree in Computer Science", "Computer Science",
                 "Virginia Commonwealth University", "2023-08"),
            ),
            (
                "Education Details\nBE in Mechanical Engineering at University of Mumbai, "
                "2012 - 2016",
                ("bachelor", "BE in Mechanical Engineering at University of Mumbai",
                 "Mechanical Engineering", "University of Mumbai", "2012"),
            ),
            (
                "B.E. Pune University\nSkills",
                ("bachelor", "B.E. Pune University", None, "Pune University", None),
            ),
            (
                "Education\nHong Kong Baptist University China\n"
                "Bachelor’s degree in Financial Mathematics Aug. 2014 – May 2018",
                ("bachelor", "Bachelor’s degree in Financial Mathematics",
                 "Financial Mathematics", "Hong Kong Baptist University", "2014-08"),
            ),
            (
                "Education\nNational University of Singapore\nBachelor of Computing 2014 - 2018",
                ("bachelor", "Bachelor of Computing", None,
                 "National University of Singapore", "2014"),
            ),
            (
                "MBA, Finance - Harvard Business School 2010-2012",
                ("master", "MBA, Finance - Harvard Business School", None,
                 "Harvard Business School", "2010"),
            ),
        ],
    )  # fmt: skip
    def test_degree_area_institution_and_dates(
        self, taxonomy: Taxonomy, text: str, expected: tuple[str | None, ...]
    ) -> None:
        (degree,) = parse_resume_text(text, AS_OF, taxonomy).degrees
        start = degree.dates.start.iso() if degree.dates else None
        assert (degree.level, degree.degree, degree.area, degree.institution, start) == expected
        assert degree.degree in text  # quoted as written, dates cut out

    @pytest.mark.parametrize(
        "line",
        [
            "Results-driven engineer with 7 years of experience, currently pursuing a Master’s in",
            "Engineer with an MBA from Wharton and 10 years in finance",
        ],
    )
    def test_a_sentence_naming_a_degree_is_not_a_degree_line(
        self, taxonomy: Taxonomy, line: str
    ) -> None:
        assert parse_resume_text(f"Summary\n{line}\n", AS_OF, taxonomy).degrees == []


def test_degree_level() -> None:
    assert degree_level("B.Tech in Mechanical Engineering") == "bachelor"
    assert degree_level("Ph.D. Physics") == "phd"
    assert degree_level("MBA, Finance") == "master"
    assert degree_level("Team lead") is None


def test_contacts(taxonomy: Taxonomy) -> None:
    facts = parse_resume_text("a@b.io | www.example.com/me | linkedin.com/in/x", AS_OF, taxonomy)
    assert facts.emails == ["a@b.io"]
    assert facts.links == ["www.example.com/me", "linkedin.com/in/x"]


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

    @pytest.mark.parametrize(
        ("text", "company"),
        [
            ("Software Engineer Feb 2021 - Jul 2023\nInitech, Austin, TX\n• Built it", "Initech"),
            ("Acme GmbH, Germany\nSoftware Engineer\n2019 - 2021\n• Built it", "Acme GmbH"),
            ("Data Engineer 2019 - 2021\nGoldman Sachs, New York\n• Built it", "Goldman Sachs"),
            ("Data Engineer 2019 - 2021\nInfosys, Pune, Maharashtra, India\n• Ran it", "Infosys"),
            ("Data Engineer 2019 - 2021\nAcme, Inc.\n• Built it", "Acme, Inc."),
            ("Data Engineer 2019 - 2021\nInitech (Austin, TX)\n• Built it", "Initech"),
            ("Data Engineer 2019 - 2021\nInitech - Austin, TX\n• Built it", "Initech"),
            (
                "Data Engineer 2019 - 2021\nSmith - Jones Consulting\n• Built it",
                "Smith - Jones Consulting",
            ),
            (
                "Data Engineer 2019 - 2021\nSmith - Jones Co - Austin, TX\n• Ran it",
                "Smith - Jones Co",
            ),
            ("Data Engineer 2019 - 2021\nTarget - Minneapolis, MN (Remote)\n• Ran it", "Target"),
            # a city glued to the name, known in the country or state that follows it
            (
                "Software Engineer 2018 - 2021\nTVCBOOK.com Guangzhou, China\n• Ran it",
                "TVCBOOK.com",
            ),
            (
                "Engineer 2018 - 2021\nBoston Scientific Marlborough, MA\n• Ran it",
                "Boston Scientific",
            ),
            ("Engineer 2018 - 2021\nParis Baguette, France\n• Ran it", "Paris Baguette"),
        ],
    )
    def test_the_place_after_an_employer_is_no_part_of_it(
        self, taxonomy: Taxonomy, text: str, company: str
    ) -> None:
        assert self._role(taxonomy, text)[1] == company

    def test_the_employer_line_is_no_work_done_in_the_role(self, taxonomy: Taxonomy) -> None:
        text = "Product Manager Feb 2021 - Jul 2023\nOracle, Redwood Shores, CA\n• Led billing"
        (role,) = parse_resume_text("Experience\n" + text, AS_OF, taxonomy).roles
        assert role.company == "Oracle"
        assert role.lines == ["• Led billing"]  # "Oracle" is the employer, not Oracle Database

    def test_a_company_block_drops_its_place(self, taxonomy: Taxonomy) -> None:
        text = "company - Initech, Pune, India\ndescription - Built payment services."
        assert self._role(taxonomy, text) == (None, "Initech")

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


def test_an_email_after_a_huge_unbroken_blob_is_still_found() -> None:
    """A 200 KB run of letters (once 80 s of regex backtracking, now linear) hides nothing."""
    text = "abcD" * 50_000
    assert EMAIL_RE.search(text) is None
    profile = parse_profile({"resumeText": text + " contact: ann.lee@example.com"})
    assert profile.emails == ("ann.lee@example.com",)


@pytest.mark.parametrize(
    ("text", "degree", "area", "institution"),
    [
        ("MBA in Marketing 2019", "MBA in Marketing", "Marketing", None),  # not a month
        ("B.S. IN COMPUTER SCIENCE", "B.S. IN COMPUTER SCIENCE", "COMPUTER SCIENCE", None),
        ("B.Tech Delhi University 8.5 CGPA", "B.Tech Delhi University 8.5 CGPA", None,
         "Delhi University"),
        ("B.S. Indiana University, Bloomington, IN", "B.S. Indiana University, Bloomington, IN",
         None, "Indiana University"),  # ", IN" is Indiana, not a field
    ],
)  # fmt: skip
def test_degree_lines_in_other_styles(
    taxonomy: Taxonomy, text: str, degree: str, area: str | None, institution: str | None
) -> None:
    (found,) = parse_resume_text("Education\n" + text, AS_OF, taxonomy).degrees
    assert (found.degree, found.area, found.institution) == (degree, area, institution)


def test_a_numbered_institution_keeps_its_number(taxonomy: Taxonomy) -> None:
    text = "Education\nUniversity of Paris 8\nMaster in Mathematics"
    (found,) = parse_resume_text(text, AS_OF, taxonomy).degrees
    assert found.institution == "University of Paris 8"


@pytest.mark.parametrize(
    ("description", "title"),
    [
        ("Working as a RPA Business Analyst", "Business Analyst"),
        ("I am a Java Developer in the payments team", "Java Developer"),
        ("Role: QA Engineer for the mobile apps", "QA Engineer"),
        ("Supplies medicines as per the doctor's reference and the patient's policy", None),
        ("The Project Manager approved the release notes I wrote", None),
        ("Senior Business Analyst responsible for reporting", "Business Analyst"),
        ("Sr. Software Engineer on the payments team", "Software Engineer"),
        ("I'm a Java Developer in payments", "Java Developer"),
        ("Jan 2019 to Aug 2019\nLead Data Engineer on the platform team", "Data Engineer"),
        ("Coordinated releases with developers as well as the Project Manager", None),
        ("Wrote reports for stakeholders such as the Project Manager", None),
        ("Ran the release train\nwith QA\nProject Manager signed off each release", None),
    ],
)
def test_an_untitled_block_takes_only_a_title_its_text_introduces(
    description: str, title: str | None
) -> None:
    """A "company - X" block has no title line; its description names one only when it says
    who the person was ("as a …", "I am a …", "Role: …"), not any title it mentions."""
    text = f"Company Details\ncompany - Acme\ndescription - {description}"
    (role,) = parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=default_taxonomy()).roles
    assert role.title == title
