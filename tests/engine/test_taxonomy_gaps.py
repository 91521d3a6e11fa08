"""Phrases from real profiles and postings that the taxonomy once missed (a user audit): each is
read through the parser or the ICP builder, as a search would read it, and must meet the
requirement a recruiter would say it meets."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from talentscout.engine.dates import MonthDate
from talentscout.engine.features import compute
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.profile import ParsedProfile
from talentscout.engine.taxonomy import Taxonomy, default_taxonomy

AS_OF = date(2024, 11, 15)


def _profile(
    highlight: str, position: str = "Specialist", label: str | None = None, **extra: Any
) -> ParsedProfile:
    basics = {"label": label} if label else {}
    work = {"name": "Acme", "position": position, "startDate": "2019-01", "highlights": [highlight]}
    return parse_profile({"basics": basics, "work": [work], **extra}, as_of=AS_OF)


def _meets(skill: str, profile: ParsedProfile, title: str = "Specialist") -> bool:
    """Whether a posting that requires ``skill`` counts it as met by ``profile``."""
    icp = build_icp(title, f"Requirements:\n- {skill}")
    assert skill in icp.must_have, icp.must_have  # the posting asks for exactly this skill
    return skill in compute(icp, profile, None, MonthDate.of(AS_OF)).matched_must


@pytest.mark.parametrize(
    ("skill", "phrase"),
    [
        ("SaaS Sales", "7 years in B2B SaaS sales"),
        ("Quota Attainment", "achieved 131% of quota"),
        ("Quota Attainment", "3x President's Club"),
        ("Quota Attainment", "3x President\u2019s Club winner"),
        ("Quota Attainment", "Zielerreichung 108 %"),
        ("Quota Attainment", "Consistent attainment against quota"),
        ("Usability Testing", "Ran moderated usability tests"),
        ("Usability Testing", "Unmoderated usability tests with Maze"),
        ("User Research", "Ran user interviews with 40 customers"),
        ("User Research", "Qualitative research programs: interviews, diary studies"),
        ("Accounting", "Geprüfter Bilanzbuchhalter (IHK)"),
        ("Warehouse Management Systems", "Rolled out Manhattan WMS across three sites"),
        ("Warehouse Management Systems", "Migrated two DCs to SAP EWM"),
        ("Collective Bargaining", "Negotiated the Tarifvertrag with the union"),
        ("Collective Bargaining", "Tarifverträge (IG Metall)"),
        ("Collective Bargaining", "Administered collective bargaining agreements"),
        ("Works Council", "Negotiated Betriebsvereinbarungen on hybrid work"),
        ("Works Council", "Partnered with works councils in three countries"),
        ("Health and Safety", "NEBOSH General Certificate"),
        ("NEBOSH", "NEBOSH National General Certificate"),
        ("IOSH", "IOSH Managing Safely"),
        ("Driving Licence", "Full UK driving licence"),
        ("Driving Licence", "Valid Driver's License"),
        ("Forklift Operation", "Counterbalance and reach truck: forklift licence"),
        ("Forklift Operation", "FLT licence (counterbalance)"),
        ("GD&T", "Zeichnungserstellung mit Form- und Lagetoleranzen"),
    ],
)
def test_a_profile_phrase_meets_the_skill_it_shows(skill: str, phrase: str) -> None:
    assert _meets(skill, _profile(phrase))


def test_b2b_saas_in_a_sales_headline_reads_as_saas_sales_and_elsewhere_as_saas() -> None:
    seller = _profile(
        "Closed new business with Salesforce and MEDDIC",
        position="Senior Account Executive",
        label="Senior Account Executive | B2B SaaS",
    )
    assert _meets("SaaS Sales", seller, "Account Executive")
    engineer = _profile(
        "Built a B2B SaaS platform in Python and PostgreSQL", position="Backend Engineer"
    )
    assert "SaaS" in engineer.skill_set
    assert "SaaS Sales" not in engineer.skill_set


def test_a_group_accountant_shows_accounting() -> None:
    accountant = _profile("Prepared the group consolidation", position="Group Accountant")
    assert _meets("Accounting", accountant, "Accountant")


def test_a_mechanical_design_engineer_shows_mechanical_design_and_engineering() -> None:
    tax = default_taxonomy()
    for title in ("Konstrukteur", "Mechanical Design Engineer"):
        family = tax.family_for_title(title)
        family_id = family.id if family else None
        assert family_id == "mechanical-design-engineer", title
        assert "Mechanical Design" in tax.title_skills(family_id)
    designer = _profile("Concept-to-production design of motion stages", position="Konstrukteur")
    assert _meets("Mechanical Design", designer, "Konstrukteur")
    assert _meets("Mechanical Engineering", designer, "Mechanical Engineer")


def test_a_narrower_skill_shows_its_umbrella_but_not_the_reverse() -> None:
    tax = default_taxonomy()
    assert "Mechanical Engineering" in tax.with_broader(["Mechanical Design"])
    assert "User Research" in tax.with_broader(["User Interviews"])
    assert "Accounting" in tax.with_broader(["Bilanzbuchhalter"])
    assert {"Warehouse Management Systems"} <= set(tax.with_broader(["Manhattan Associates"]))
    assert "Health and Safety" in tax.with_broader(["IOSH"])
    assert "Bilanzbuchhalter" not in tax.with_broader(["Accounting"])


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a counterweight in a machine is no forklift licence
        ("Designed the counterbalance mechanism of the lift arm", "Forklift Operation"),
        # a company description is not a sales skill
        ("We are a B2B SaaS company building developer tools", "SaaS Sales"),
        # a flight number is no forklift truck
        ("Booked FLT 204 for the site visit", "Forklift Operation"),
        ("Members of the iosh committee", "IOSH"),  # the acronym in capitals only
    ],
)
def test_new_aliases_do_not_fire_on_unrelated_text(text: str, absent: str) -> None:
    assert absent not in {m.value for m in default_taxonomy().find_skills(text)}


@pytest.mark.parametrize(
    ("title", "family_id"),
    [
        ("Konstrukteur", "mechanical-design-engineer"),
        ("Konstrukteurin Sondermaschinenbau", "mechanical-design-engineer"),
        ("Personalleiter", "hr-manager"),
        ("Head of HR", "hr-manager"),
        ("HR Director", "hr-manager"),
        ("Director of Human Resources", "hr-manager"),
        ("Head of Sales", "sales-manager"),
        ("Sales Director DACH", "sales-manager"),
        ("Operations Manager – Warehousing & Distribution", "warehouse-manager"),
        ("Operations Manager", "operations-manager"),
    ],
)
def test_title_family(title: str, family_id: str) -> None:
    family = default_taxonomy().family_for_title(title)
    assert (family.id if family else None) == family_id


def test_leadership_titles_keep_their_seniority() -> None:
    tax = default_taxonomy()
    for title in ("Head of HR", "HR Director", "Head of Sales"):
        level = tax.seniority_in_title(title)
        assert (level.level if level else None) == "director", title


def test_an_operations_manager_is_related_to_a_warehouse_manager() -> None:
    tax = default_taxonomy()
    assert "warehouse-manager" in tax.related_families("operations-manager")
    assert "operations-manager" in tax.related_families("warehouse-manager")
    profile = _profile("Ran a 40-person distribution centre", position="Operations Manager")
    icp = build_icp("Warehouse Manager", "Lead our warehouse team.")
    title_fit = compute(icp, profile, None, MonthDate.of(AS_OF)).title
    unrelated = _profile("Ran a 40-person team", position="Marketing Manager")
    assert title_fit is not None
    assert title_fit > (compute(icp, unrelated, None, MonthDate.of(AS_OF)).title or 0.0)


def test_edited_files_carry_the_new_version() -> None:
    version = tuple(int(part) for part in Taxonomy.load().version.split("."))
    assert version >= (2026, 12, 14)
