"""Header reading: the name, headline, location and summary are taken only when plain."""

from __future__ import annotations

import pytest

from talentscout.engine.resume_header import read_header
from talentscout.engine.taxonomy import Taxonomy
from tests.engine.conftest import AS_OF

HEADER = """Jordan Lee | jordan.lee@example.org | +1 512 555 0100
Austin, TX
Summary
Builds payment systems that stay up under load. Also mentors juniors.
Experience
Senior Backend Engineer at Initech, Mar 2021 - Present
"""


class TestHeader:
    def test_name_location_and_summary(self, taxonomy: Taxonomy) -> None:
        header = read_header(HEADER, AS_OF, taxonomy)
        assert header.name == "Jordan Lee"
        assert header.location == "Austin, TX"
        assert header.summary == "Builds payment systems that stay up under load."
        assert header.headline is None  # the only title line is a dated role entry

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
            "Andhra Pradesh",
        ],
    )
    def test_no_name_is_invented(self, taxonomy: Taxonomy, first: str) -> None:
        assert read_header(f"{first}\nSkills\nPython", AS_OF, taxonomy).name is None

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("Name: Priya Sharma\nSkills", "Priya Sharma"),
            ("Curriculum Vitae\nMaria José de la Cruz\n", "Maria José de la Cruz"),
            ("Mr. Sean O'Neil - Sales\n", "Sean O'Neil"),
            ("JANE Q. PUBLIC\n", "Jane Q. Public"),  # capitals on the page, not on a shortlist
            ("ANNA-LENA O'NEIL\n", "Anna-Lena O'Neil"),
            ("Jordan McKay\n", "Jordan McKay"),
            ("MARY MCDONALD\n", "Mary McDonald"),
        ],
    )
    def test_name_forms(self, taxonomy: Taxonomy, text: str, name: str) -> None:
        assert read_header(text, AS_OF, taxonomy).name == name

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
            ("Pune, Maharashtra", "Pune, Maharashtra"),
            ("Toronto, ON", "Toronto, ON"),
        ],
    )
    def test_header_location(self, taxonomy: Taxonomy, line: str, location: str | None) -> None:
        header = read_header(f"Jordan Lee\n{line}\nSkills\nPython", AS_OF, taxonomy)
        assert header.location == location

    def test_location_below_the_header_is_not_taken(self, taxonomy: Taxonomy) -> None:
        text = "Jordan Lee\nExperience\nData Engineer 2019 - 2021\nInitech, Austin, TX\n"
        assert read_header(text, AS_OF, taxonomy).location is None

    def test_headline_drops_the_name(self, taxonomy: Taxonomy) -> None:
        header = read_header("Jordan Lee — Senior Data Engineer\n", AS_OF, taxonomy)
        assert (header.name, header.headline) == ("Jordan Lee", "Senior Data Engineer")
        header = read_header("JORDAN LEE — Senior Data Engineer\n", AS_OF, taxonomy)
        assert (header.name, header.headline) == ("Jordan Lee", "Senior Data Engineer")

    def test_summary_under_an_underlined_heading(self, taxonomy: Taxonomy) -> None:
        for rule in ("-------", "———————", "───────", "- - - -"):
            text = f"Jordan Lee\n\nProfile\n{rule}\nDesigns control systems for wind farms.\n"
            summary = read_header(text, AS_OF, taxonomy).summary
            assert summary == "Designs control systems for wind farms.", rule

    def test_long_summary_is_cut_at_a_word(self, taxonomy: Taxonomy) -> None:
        text = "Summary\n" + "Operations leader who scales warehouses " * 6 + "and teams."
        summary = read_header(text, AS_OF, taxonomy).summary
        assert summary is not None
        assert summary.endswith("…")
        assert len(summary) <= 100
        assert summary.removesuffix("…") in text


def test_headline_from_standalone_title_line(taxonomy: Taxonomy) -> None:
    text = "Skills: Java, SQL\nEducation Details\nB.E. Pune University\n" + "filler line\n" * 5
    text += "Senior Java Developer\nSkill Details\nJava - 24 months"
    assert read_header(text, AS_OF, taxonomy).headline == "Senior Java Developer"


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Education Details\nMBA HR and Finance Bengaluru, Karnataka\nSkills", None),
        ("Education Details\nBA Mumbai University\nHR\n\nSkill Details", "HR"),
        # a title line as typed, acronym and all: "Hr" alone is the title, "hr" in prose is not
        ("Education Details\nB.A Economics Chennai\nHr\n\nSkill Details", "Hr"),
        ("Education Details\nB.A Economics Chennai\nSkills in hr and payroll", None),
        ("Education Details\nLLB. Dibrugarh University\nAdvocate\n\nSkill Details", "Advocate"),
        ("Sam Park\nMBA | Senior Product Manager\nBoston, MA", "MBA | Senior Product Manager"),
        ("Jane Doe\nCertified Scrum Master\nSkills", "Certified Scrum Master"),
        ("Jane Doe\nSenior MS SQL Server DBA\nSkills", "Senior MS SQL Server DBA"),
    ],
)
def test_a_department_word_is_a_headline_only_alone(text: str, headline: str | None) -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    assert read_header(text, AS_OF, default_taxonomy()).headline == headline


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Düsseldorf, Germany", "Düsseldorf, Germany"),
        ("São Paulo, Brazil", "São Paulo, Brazil"),
        ("Kraków, Poland", "Kraków, Poland"),
        ("düsseldorf, Germany", None),  # not written as a name
    ],
)
def test_a_city_in_any_script_is_read(taxonomy: Taxonomy, line: str, place: str | None) -> None:
    assert read_header(f"Lena Vogel\n{line}\n", AS_OF, taxonomy).location == place


def test_the_title_part_of_a_contact_line_is_the_headline(taxonomy: Taxonomy) -> None:
    text = "Lukas Brandt\nPython Developer | Düsseldorf, Germany | lukas.brandt@example.com\n"
    header = read_header(text, AS_OF, taxonomy)
    assert header.headline == "Python Developer"
    assert header.location == "Düsseldorf, Germany"
