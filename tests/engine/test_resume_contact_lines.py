"""Resumes that open "Name, email — Title (dates) …" and role lines whose description follows
the dates after a colon: the name is the person's, the employer ends where the words begin."""

from __future__ import annotations

from datetime import date

import pytest

from talentscout.engine.parse import parse_profile
from talentscout.engine.resume_header import read_header
from talentscout.engine.taxonomy import default_taxonomy

AS_OF = date(2026, 1, 1)


def _parse(text: str):  # type: ignore[no-untyped-def]
    return parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=default_taxonomy())


def test_name_and_email_before_a_dated_title_on_one_line() -> None:
    p = _parse(
        "Jane Roe, jane@example.com — Data Engineer (2019–present): batch and streaming "
        "pipelines for the payments team in Spark and Airflow"
    )
    assert p.name == "Jane Roe"
    assert (p.current_role, p.current_company) == ("Data Engineer", None)
    (role,) = p.roles
    assert (role.start, role.current) == ("2019", True)
    assert "Spark" in role.skills
    assert "Airflow" in role.skills
    assert p.emails == ("jane@example.com",)


def test_an_ellipsis_after_the_dates_ends_the_title_too() -> None:
    p = _parse("Jane Roe, jane@example.com — Data Engineer (2019–present) … Spark, Airflow")
    assert (p.name, p.current_role, p.current_company) == ("Jane Roe", "Data Engineer", None)


def test_the_employer_ends_at_the_colon_after_the_dates() -> None:
    p = _parse(
        "Claudia Meier, claudia.meier2@example.org\n"
        "Staff Nurse, Charité Universitätsmedizin Berlin (2020–present): pediatric ward "
        "nursing, medication rounds and family education\n"
    )
    assert p.name == "Claudia Meier"
    assert (p.current_role, p.current_company) == (
        "Staff Nurse",
        "Charité Universitätsmedizin Berlin",
    )
    (role,) = p.roles
    assert role.start == "2020"
    assert role.current
    assert role.description.startswith("pediatric ward nursing")


def test_the_readme_csv_example_names_acme_not_its_description() -> None:
    p = _parse("Data Engineer at Acme (2019–present): Spark and Airflow pipelines …")
    assert (p.current_role, p.current_company) == ("Data Engineer", "Acme")


@pytest.mark.parametrize(
    "text",
    [
        "JANE ROE | Data Engineer, Acme (2019–present)",
        "Jane Roe\nData Engineer, Acme\n2019 – present\nBuilt Spark pipelines.",
    ],
)
def test_the_persons_name_is_never_their_employer(text: str) -> None:
    p = _parse(text)
    assert p.name == "Jane Roe"
    assert p.current_company == "Acme"


def test_a_name_line_alone_is_no_employer() -> None:
    p = _parse("Jane Roe\nData Engineer\n2019 – present\nBuilt Spark pipelines.")
    assert (p.name, p.current_role, p.current_company) == ("Jane Roe", "Data Engineer", None)


@pytest.mark.parametrize(
    "first",
    [
        "Jane Roe, jane@example.com",
        "Jane Roe, https://linkedin.com/in/janeroe",
        "Jane Roe, +49 30 1234 5678",
    ],
)
def test_a_name_before_a_comma_and_a_contact(first: str) -> None:
    header = read_header(f"{first}\nData Engineer\n", AS_OF, default_taxonomy())
    assert header.name == "Jane Roe"


@pytest.mark.parametrize("first", ["Roe, Jane", "Berlin, Germany", "Data Engineer, Acme"])
def test_a_comma_without_a_contact_after_it_names_no_one(first: str) -> None:
    assert read_header(f"{first}\nData Engineer\n", AS_OF, default_taxonomy()).name is None


def test_a_date_then_a_colon_still_reads_the_title_after_it() -> None:
    """Only a header before the dates ends at the colon: "2019 – present: Data Engineer at
    Acme" has nothing before them, so its title follows."""
    p = _parse("Experience\n2019 – present: Data Engineer at Acme\nSpark pipelines.")
    assert (p.current_role, p.current_company) == ("Data Engineer", "Acme")
