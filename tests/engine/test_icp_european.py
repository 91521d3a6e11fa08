"""European postings: requirements under "Your profile" / "Dein Profil" and the German
accounting vocabulary (HGB, DATEV) are read as what the job asks for."""

from __future__ import annotations

import pytest

from talentscout.engine.icp import build_icp
from talentscout.engine.requirements import read_requirements
from talentscout.engine.taxonomy import Taxonomy, default_taxonomy

ACCOUNTANT = """About us:
We are a fast-growing fintech in Berlin.

Your tasks:
- Prepare monthly and annual financial statements
- Support the month-end close

Your profile:
- Degree in accounting or finance
- 5+ years of experience in accounting under HGB and IFRS
- Hands-on experience with DATEV
- Fluent German and good English

We offer:
- 30 days of vacation
- A training budget, e.g. for SAP FI
"""


def test_a_your_profile_section_is_read_as_requirements() -> None:
    icp = build_icp("Senior Accountant", ACCOUNTANT, "Berlin, Germany")
    assert {"Accounting", "HGB", "IFRS", "DATEV", "German"} <= set(icp.must_have)
    assert icp.min_years == 5.0
    # the tasks are the work, not asks; the offer asks for nothing
    assert "Month-End Close" not in icp.must_have
    assert "SAP FICO" not in (*icp.must_have, *icp.nice_to_have)


def test_renaming_the_header_to_requirements_reads_the_same() -> None:
    profile = build_icp("Senior Accountant", ACCOUNTANT, "Berlin, Germany")
    renamed = ACCOUNTANT.replace("Your profile:", "Requirements:")
    assert build_icp("Senior Accountant", renamed, "Berlin, Germany").must_have == (
        profile.must_have
    )


@pytest.mark.parametrize(
    "header",
    [
        "Your profile:",
        "YOUR PROFILE",
        "What you bring",
        "Your skills:",
        "Your skills and experience",
        "About you",
        "Who you are:",
        "What we're looking for",
        "What we’re looking for:",
        "Dein Profil:",
        "Ihr Profil",
        "Was du mitbringst:",
    ],
)
def test_headers_about_the_candidate_make_their_lines_must_haves(
    taxonomy: Taxonomy, header: str
) -> None:
    text = f"About the role:\n- Backend services\n{header}\n- Python\n- Django"
    req = read_requirements("Engineer", text, taxonomy)
    assert req.must == ["Python", "Django"]


@pytest.mark.parametrize("header", ["About us:", "About Acme", "Your tasks:", "Deine Aufgaben"])
def test_headers_about_the_company_or_the_work_ask_for_nothing(
    taxonomy: Taxonomy, header: str
) -> None:
    text = f"Your profile:\n- Python\n{header}\n- Kafka and Docker"
    req = read_requirements("Engineer", text, taxonomy)
    assert req.must == ["Python"]
    assert req.mentioned == ["Kafka", "Docker"]


@pytest.mark.parametrize("header", ["We offer:", "What we offer you", "Das bieten wir:"])
def test_an_offer_after_the_profile_asks_for_nothing(taxonomy: Taxonomy, header: str) -> None:
    text = f"Your profile:\n- Python\n{header}\n- Kafka trainings and a Docker workshop"
    req = read_requirements("Engineer", text, taxonomy)
    assert req.must == ["Python"]
    assert req.nice == []
    assert req.mentioned == []


def test_german_gaap_is_hgb_not_us_gaap_nor_the_language() -> None:
    req = read_requirements(
        "Accountant",
        "Requirements: IFRS and German GAAP; DATEV; Umsatzsteuer returns",
        default_taxonomy(),
    )
    assert req.must == ["IFRS", "HGB", "DATEV", "VAT"]


def test_german_language_compounds_are_asked_with_their_levels() -> None:
    job = (
        "Dein Profil:\n- Abgeschlossene Ausbildung im Vertrieb\n"
        "- Sehr gute Deutsch- und Englischkenntnisse\n"
        "- Gute Französischkenntnisse sind ein Plus"
    )
    icp = build_icp("Vertriebsmitarbeiter", job, "Berlin, Germany")
    assert "German" in icp.must_have
    assert {"English", "French"} <= set(icp.nice_to_have)  # English is never a must-have
    assert icp.language_levels == {"English": "C1", "French": "B2", "German": "C1"}
