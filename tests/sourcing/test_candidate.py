"""build_candidate for a text-only profile: the card shows what the resume text says."""

from __future__ import annotations

from talentscout.engine.explain import explain
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.sourcing.candidate import build_candidate
from tests.engine.conftest import AS_OF

TEXT = """Jordan Lee
Austin, TX | jordan.lee@example.org
Summary
Builds data pipelines that finance teams trust. Python and Spark.
Experience
Engineering Manager, Data Platform — Initech (Mar 2021 – Present)
• Led eight engineers building Spark pipelines
Data Engineer at Hooli, 06/2018 - 02/2021
"""


def _card(text: str) -> dict[str, object]:
    data = {"resumeText": text}
    icp = build_icp("Data Engineer", "Python and Spark required. 5+ years.", "Austin, TX")
    parsed = parse_profile(data, as_of=AS_OF)
    (scored,) = score_profiles(icp, [parsed], [0.5], as_of=AS_OF)
    return build_candidate("p1", data, parsed, scored.match_score, explain(icp, parsed, scored))


def test_text_only_profile_has_name_headline_location() -> None:
    card = _card(TEXT)
    assert card["name"] == "Jordan Lee"
    assert card["headline"] == "Builds data pipelines that finance teams trust."
    assert card["location"] == "Austin, TX"
    assert card["currentRole"] == "Engineering Manager, Data Platform"
    assert card["currentCompany"] == "Initech"
    assert card["emails"] == ["jordan.lee@example.org"]
    assert "Jordan" not in str(card["rationale"])


def test_redacted_name_is_not_invented() -> None:
    card = _card(TEXT.replace("Jordan Lee", "[NAME REDACTED]", 1))
    assert card["name"] == "Unnamed candidate"
