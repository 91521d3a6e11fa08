"""What a posting's brackets, words of degree and offer lines ask: a bracket after a
requirement holds its alternatives, examples or parts, never new must-haves; "sound
knowledge of X" under "Your profile" asks X; a learning budget, an application instruction
or a line of pay asks for nothing."""

from __future__ import annotations

import pytest

from talentscout.engine.icp import build_icp
from talentscout.engine.icp_model import ICP


def requirement_of(icp: ICP, skill: str) -> set[str]:
    """The skills of the must-have requirement that ``skill`` belongs to."""
    return next(set(g) for g in icp.skill_groups(icp.must_have) if skill in g)


def test_products_in_a_bracket_are_examples_of_the_system_asked() -> None:
    icp = build_icp(
        "Logistics Manager",
        "Your profile:\n"
        "- Proven experience with a Warehouse Management System (Manhattan, SAP EWM, "
        "Blue Yonder or similar)\n",
    )
    wms = requirement_of(icp, "Warehouse Management Systems")
    # one requirement, met by the system or any product named as an example of it
    assert {"Blue Yonder", "SAP EWM"} <= wms
    assert len(icp.skill_groups(icp.must_have)) == 2  # Logistics (the title) and the WMS


def test_an_or_bracket_joins_the_choice_and_an_example_bracket_its_requirement() -> None:
    icp = build_icp(
        "Mechanical Design Engineer",
        "Requirements:\n"
        "- Strong skills in SolidWorks (or Creo / Siemens NX)\n"
        "- Experience with FEA (ANSYS or SolidWorks Simulation)\n",
    )
    assert requirement_of(icp, "SolidWorks") == {"SolidWorks", "PTC Creo", "Siemens NX"}
    fea = requirement_of(icp, "FEA")
    assert "ANSYS" in fea
    assert "PTC Creo" not in fea


@pytest.mark.parametrize(
    ("title", "line", "parent", "part"),
    [
        ("Financial Accountant", "Sound knowledge of IFRS (IFRS 9, 15 and 16)", "IFRS", "IFRS 9"),
        ("Product Designer", "3+ years in product design (UX/UI)", "Product Design", "UX Design"),
    ],
)
def test_a_bracket_that_narrows_a_requirement_adds_no_must_have(
    title: str, line: str, parent: str, part: str
) -> None:
    icp = build_icp(title, f"Requirements:\n- {line}\n")
    assert parent in icp.must_have
    assert part in requirement_of(icp, parent)


def test_narrower_tools_in_a_bracket_are_still_each_asked() -> None:
    icp = build_icp("Java Developer", "Requirements:\n- Java (Spring Boot, Hibernate)\n")
    assert requirement_of(icp, "Spring Boot") == {"Spring Boot"}
    assert requirement_of(icp, "Hibernate") == {"Hibernate"}


def test_a_desirable_bracket_speaks_only_for_itself() -> None:
    icp = build_icp(
        "Operations Manager",
        "Your profile:\n- Lean / Six Sigma knowledge (Green Belt desirable)\n",
    )
    assert {"Lean Manufacturing", "Six Sigma"} <= set(icp.must_have)
    # a bracket of the cue alone still speaks for the skill before it
    plus = build_icp("Operations Manager", "Your profile:\n- Six Sigma (a plus)\n")
    assert "Six Sigma" in plus.nice_to_have


HR_PARTNER = """Your profile:
- At least 5 years of experience as an HR Business Partner or HR Generalist
- Sound knowledge of German labour law
- Very good SAP skills
- Lean / Six Sigma knowledge (Green Belt desirable)

What we offer:
- Learning budget of 1,500 EUR per year, including Python courses if you like

Please apply via our career portal.
"""


def test_requirements_of_other_fields_under_your_profile_stay_must_haves() -> None:
    icp = build_icp("HR Business Partner", HR_PARTNER, "Munich, Germany")
    assert {"Employment Law", "SAP", "Lean Manufacturing"} <= set(icp.must_have)
    # "German labour law" asks for no language
    assert "German" not in (*icp.must_have, *icp.nice_to_have)


def test_a_learning_budget_and_how_to_apply_ask_for_nothing() -> None:
    icp = build_icp("HR Business Partner", HR_PARTNER, "Munich, Germany")
    assert "Python" not in (*icp.must_have, *icp.nice_to_have)
    assert "career portal" not in icp.posting_text
    assert "labour law" in icp.posting_text


def test_a_line_of_pay_and_contract_is_not_a_requirement_sentence() -> None:
    icp = build_icp(
        "Operations Manager",
        "Milton Keynes | Permanent | £55,000 - £62,000 + bonus | Days, Monday to Friday\n\n"
        "Requirements:\n- Experience with SAP\n",
    )
    assert "£55,000" not in icp.posting_text
    assert "SAP" in icp.posting_text


def test_years_of_either_role_are_the_jobs_not_one_skills() -> None:
    icp = build_icp("HR Business Partner", HR_PARTNER, "Munich, Germany")
    assert icp.min_years == 5.0
    # an HR Generalist's five years meet the ask as well as a partner's
    assert "HR Business Partnering" not in icp.skill_years
    named = build_icp("Developer", "Requirements:\n- 5+ years of Python or Java\n")
    assert named.skill_years == {"Python": 5.0, "Java": 5.0}


def test_years_of_a_requirement_are_years_of_its_bracketed_alternatives_too() -> None:
    icp = build_icp("Product Designer", "Requirements:\n- 3+ years in product design (UX/UI)\n")
    assert icp.skill_years == {"Product Design": 3.0, "UX Design": 3.0}
