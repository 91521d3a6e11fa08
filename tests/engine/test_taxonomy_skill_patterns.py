"""Pattern skills: a seller's quota results, written with a figure inside the phrase."""

from __future__ import annotations

from datetime import date

import pytest

from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.taxonomy import default_taxonomy


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("115% attainment against £900k quota", "115% attainment against £900k quota"),
        ("Consistently exceeded sales quotas", "exceeded sales quotas"),
        ("Achieved 130% of annual sales target", "130% of annual sales target"),
        ("Met revenue targets every quarter", "Met revenue targets"),
        ("Beat quota in 7 of 8 quarters", "Beat quota"),
        ("115% attainment in FY23", "115% attainment in FY23"),
        ("Exceeded my quota for Q3", "Exceeded my quota"),
    ],
)
def test_a_quota_result_is_quota_attainment(text: str, quoted: str) -> None:
    found = [(m.value, m.text) for m in default_taxonomy().find_skills(text)]
    assert ("Quota Attainment", quoted) in found


@pytest.mark.parametrize(
    "text",
    [
        "Achieved 130% of production target",
        "98% achievement of the maintenance plan",
        "Met all deadlines and exceeded expectations",
        "100% of the time on call",
        "95% attainment of the training plan",
        "Raised test coverage to 85% attainment",
        "Consistently met quotas for production output",
        "Met all team quotas for support tickets",
    ],
)
def test_targets_that_are_no_sellers_are_not(text: str) -> None:
    assert "Quota Attainment" not in {m.value for m in default_taxonomy().find_skills(text)}


def test_a_sellers_figure_meets_a_quota_requirement() -> None:
    job = "Account Executive\n\nRequirements:\n- Proven quota attainment\n- B2B SaaS sales"
    icp = build_icp("Account Executive", job, None)
    assert "Quota Attainment" in icp.must_have
    resume = (
        "Sam Seller\nAccount Executive, Acme, 2019 - 2024\n"
        "- Closed B2B SaaS deals with mid-market retailers\n"
        "- 115% attainment against £900k quota in FY23\n"
    )
    profile = parse_profile({"resumeText": resume}, as_of=date(2025, 1, 1))
    (scored,) = score_profiles(icp, [profile], [0.5], as_of=date(2025, 1, 1))
    assert "Quota Attainment" in scored.matched_must
    assert any("115%" in e.text for e in profile.skill_evidence["Quota Attainment"])
