"""ParsedProfile records: JSON round trip and derived token helpers."""

from __future__ import annotations

import json
from dataclasses import replace

from talentscout.engine.profile import Education, Evidence, ParsedProfile, Role, tokens


def _profile() -> ParsedProfile:
    return ParsedProfile(
        name=None,
        headline="Data Engineer",
        location=None,
        current_company="Hooli",
        current_role="Data Engineer",
        emails=(),
        links=(),
        skills=("Spark",),
        skill_evidence={"Spark": (Evidence("Built Spark jobs", "work at Hooli", "Spark"),)},
        roles=(Role("Data Engineer", "Hooli", "2020-01", "2021-01", False, 13, "1 yr 1 mo"),),
        education=(Education("MIT", "CS", "BSc", "bachelor", None, "2019"),),
        total_years=1.08,
        seniority="junior",
        seniority_rank=1,
        title_family="data-engineer",
        search_text="Data Engineers building pipelines",
        family_scores={"data-engineer": 0.75},
    )


def test_round_trip() -> None:
    p = _profile()
    again = ParsedProfile.from_dict(json.loads(json.dumps(p.to_dict())))
    assert again == p


def test_from_dict_tolerates_missing_keys() -> None:
    p = ParsedProfile.from_dict({"search_text": "x"})
    assert p.skills == ()
    assert p.total_years == 0.0
    assert p.language_levels == {}  # a record from before parser 34


def test_language_levels_round_trip() -> None:
    p = replace(_profile(), language_levels={"English": "C1", "German": "B1"})
    again = ParsedProfile.from_dict(json.loads(json.dumps(p.to_dict())))
    assert again == p
    assert again.language_levels == {"English": "C1", "German": "B1"}


def test_tokens_and_derived() -> None:
    assert tokens("Engineers building C++ and C# pipelines") == [
        "engineer",
        "build",
        "c++",
        "and",
        "c#",
        "pipeline",
    ]
    p = _profile()
    assert p.term_counts["engineer"] == 1
    assert "engineer" in p.title_terms
    assert p.skill_set == {"Spark"}


def test_role_source() -> None:
    assert Role("Dev", "Acme", None, None, False, 0, None).source == "work at Acme"
    assert Role("Dev", None, None, None, False, 0, None).source == "work as Dev"
