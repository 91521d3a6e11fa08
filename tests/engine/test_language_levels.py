"""Language levels: the level a posting asks of a language, the level a profile states, and a
language below the level asked earning less, with a red flag that quotes the profile."""

from __future__ import annotations

import json
from typing import Any

import pytest

from talentscout.engine.explain import explain
from talentscout.engine.icp import build_icp
from talentscout.engine.language_levels import (
    FAR_BELOW_CREDIT,
    ONE_STEP_BELOW_CREDIT,
    levels_in,
)
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.scored import ScoredCandidate
from talentscout.engine.taxonomy import default_taxonomy
from tests.engine.conftest import AS_OF

JOB = (
    "Requirements:\n- Business fluent German (C1) and English are required\n"
    "- 5+ years of B2B sales\n- CRM experience (Salesforce)"
)


def _person(languages: str) -> dict[str, Any]:
    return {
        "resumeText": "Anna Example\nBerlin, Germany\nSales Manager, Acme GmbH, 2015 - present\n"
        f"- B2B sales of SaaS, Salesforce CRM, quota 120%\nLanguages: English (fluent), {languages}"
    }


def _scored(job: str, languages: str) -> tuple[ScoredCandidate, list[str], str]:
    tax = default_taxonomy()
    icp = build_icp("Sales Manager DACH", job, "Berlin, Germany", taxonomy=tax)
    profile = parse_profile(_person(languages), as_of=AS_OF, taxonomy=tax)
    (scored,) = score_profiles(icp, [profile], [0.4], as_of=AS_OF)
    ex = explain(icp, profile, scored)
    return scored, ex.red_flags, ex.rationale


@pytest.mark.parametrize(
    ("wording", "level"),
    [
        ("Business fluent German (C1) is required", "C1"),
        ("C1-level German", "C1"),
        ("German at B2+ level", "B2"),
        ("Native German speaker", "C2"),
        ("German as mother tongue", "C2"),
        ("Fluent German", "C1"),
        ("Professional working proficiency in German", "C1"),
        ("Full professional proficiency in German", "C1"),
        ("Very good German skills", "C1"),
        ("Good German skills", "B2"),
        ("Conversational German", "B1"),
        ("Working knowledge of German", "B1"),
        ("Basic German", "A2"),
        ("Deutsch auf muttersprachlichem Niveau", "C2"),
        ("Deutsch als Muttersprache", "C2"),
        ("Verhandlungssichere Deutschkenntnisse", "C1"),
        ("Fließend Deutsch in Wort und Schrift", "C1"),
        ("Sehr gute Deutschkenntnisse", "C1"),
        ("Gute Deutschkenntnisse", "B2"),
        ("Grundkenntnisse in Deutsch", "A2"),
    ],
)
def test_the_level_a_posting_asks(wording: str, level: str) -> None:
    assert levels_in(f"- {wording}", default_taxonomy()) == {"German": [level]}


def test_the_icp_keeps_the_level_of_each_language_it_requires() -> None:
    icp = build_icp("Sales Manager DACH", JOB)
    assert "German" in icp.must_have
    assert "English" in icp.nice_to_have  # English is never a must-have (requirements.py)
    assert icp.language_levels == {"German": "C1"}
    job = "Requirements: fluent German and basic French are required. B2B sales."
    assert build_icp("Sales Manager", job).language_levels == {"French": "A2", "German": "C1"}


def test_a_level_belongs_to_the_language_it_stands_beside() -> None:
    tax = default_taxonomy()
    assert levels_in("Fluent German and basic French", tax) == {"German": ["C1"], "French": ["A2"]}
    # a level stated before two joined names is both's; one stated after the first is its own
    assert levels_in("Sehr gute Deutsch- und Englischkenntnisse", tax) == {
        "German": ["C1"],
        "English": ["C1"],
    }
    assert levels_in("Business fluent German (C1) and English", tax) == {"German": ["C1"]}
    assert levels_in("German-speaking team with native speakers from 10 countries", tax) == {}


def test_no_level_stated_asks_none() -> None:
    icp = build_icp("Sales Manager", "Requirements:\n- Must speak German\n- B2B sales")
    assert "German" in icp.must_have
    assert icp.language_levels == {}


@pytest.mark.parametrize(
    ("stated", "level"),
    [
        ("German (B1)", "B1"),
        ("German – conversational", "B1"),
        ("German - C2", "C2"),
        ("German C2", "C2"),
        ("Deutsch (Muttersprache)", "C2"),
        ("Deutsch: Grundkenntnisse", "A2"),
        ("German (native)", "C2"),
    ],
)
def test_the_level_a_profile_states(stated: str, level: str) -> None:
    profile = parse_profile(_person(stated), as_of=AS_OF)
    assert profile.language_levels == {"English": "C1", "German": level}


def test_other_languages_and_json_resume_fluency() -> None:
    text = parse_profile({"resumeText": "Languages: French - basic, Spanish (native)"})
    assert text.language_levels == {"French": "A2", "Spanish": "C2"}
    data = {
        "languages": [
            {"language": "German", "fluency": "Conversational"},
            {"language": "English", "fluency": "Full Professional"},
            {"language": "Spanish"},
        ]
    }
    profile = parse_profile(data, as_of=AS_OF)
    assert profile.language_levels == {"English": "C1", "German": "B1"}


def test_a_language_below_the_level_asked_scores_lower_and_is_flagged() -> None:
    met, met_flags, _ = _scored(JOB, "German (C1)")
    low, low_flags, rationale = _scored(JOB, "German (B1)")
    assert met.short_language_levels == {}
    assert not [f for f in met_flags if f.startswith("Must-have German")]
    assert low.short_language_levels == {"German": ("B1", "C1")}
    assert low.match_score < met.match_score
    assert (
        'Must-have German: German at B1 in "Languages: English (fluent), German (B1)" (resume); '
        "the job asks C1 (business fluent)"
    ) in low_flags
    assert "German at B1, below the C1 (business fluent) asked" in rationale


def test_one_step_below_costs_less_than_two() -> None:
    assert FAR_BELOW_CREDIT < ONE_STEP_BELOW_CREDIT < 1.0
    one, _, _ = _scored(JOB, "German (B2)")
    two, _, _ = _scored(JOB, "German (B1)")
    met, _, _ = _scored(JOB, "German (native)")
    assert two.match_score < one.match_score < met.match_score


def test_an_unknown_level_or_none_asked_is_full_credit() -> None:
    met, _, _ = _scored(JOB, "German (C1)")
    unknown, _, _ = _scored(JOB, "German")
    assert unknown.short_language_levels == {}
    assert unknown.scores["skills"] == met.scores["skills"]
    no_level = JOB.replace("Business fluent German (C1)", "German-speaking")
    asked_none, flags, _ = _scored(no_level, "German (B1)")
    asked_none_c1, _, _ = _scored(no_level, "German (C1)")
    assert "German" in asked_none.matched_must
    assert asked_none.short_language_levels == {}
    assert asked_none.scores["skills"] == asked_none_c1.scores["skills"]
    assert not [f for f in flags if f.startswith("Must-have German")]


def test_deterministic_and_stored_in_full() -> None:
    first, flags, rationale = _scored(JOB, "Deutsch: Grundkenntnisse")
    again, flags_again, rationale_again = _scored(JOB, "Deutsch: Grundkenntnisse")
    assert json.dumps(first.to_dict()) == json.dumps(again.to_dict())
    assert (flags, rationale) == (flags_again, rationale_again)
    assert first.short_language_levels == {"German": ("A2", "C1")}
    assert ScoredCandidate.from_dict(json.loads(json.dumps(first.to_dict()))) == first


@pytest.mark.parametrize(
    ("wording", "level"),
    [
        ("C1-level German", "C1"),
        ("German at C1 level", "C1"),
        ("Deutschkenntnisse (C1)", "C1"),
        ("Sehr gute Deutschkenntnisse", "C1"),
        ("Excellent German communication skills", "C1"),
        ("Strong written and spoken German", "B2"),
    ],
)
def test_a_level_alone_asks_the_language(wording: str, level: str) -> None:
    """No "required", "must" or "fluent": the level stated is what asks for the language."""
    icp = build_icp("Sales Manager", f"- {wording}\n- 5+ years of B2B sales required")
    assert "German" in icp.must_have
    assert icp.language_levels == {"German": level}


@pytest.mark.parametrize(
    "wording", ["C1-level French is a plus", "Französischkenntnisse (C1) sind von Vorteil"]
)
def test_a_level_said_to_be_a_plus_asks_a_nice_to_have(wording: str) -> None:
    icp = build_icp("Sales Manager", f"Requirements:\n- B2B sales\n- {wording}")
    assert "French" in icp.nice_to_have
    assert "French" not in icp.must_have
    assert icp.language_levels == {"French": "C1"}


def test_a_level_the_company_states_of_itself_asks_nothing() -> None:
    icp = build_icp("Sales Manager", "Our team of native German speakers sells B2B software.")
    assert "German" not in icp.must_have


@pytest.mark.parametrize(
    ("line", "levels"),
    [
        ("Deutschkenntnisse: B1", {"German": "B1"}),
        ("Sprachen: Deutsch (Muttersprache), Englisch (C1)", {"German": "C2", "English": "C1"}),
        ("Sehr gute Deutsch- und Englischkenntnisse", {"German": "C1", "English": "C1"}),
    ],
)
def test_a_profile_in_german_states_its_languages_and_levels(
    line: str, levels: dict[str, str]
) -> None:
    profile = parse_profile({"resumeText": f"Anna Example\nBerlin\n{line}"}, as_of=AS_OF)
    assert set(levels) <= set(profile.skills)
    assert profile.language_levels == levels


def test_communication_skills_in_a_language_ask_it_without_a_level() -> None:
    icp = build_icp("Sales Manager", "Requirements:\n- German communication skills\n- B2B sales")
    assert "German" in icp.must_have
    assert icp.language_levels == {}
    food = build_icp("Sales Manager", "Requirements:\n- Italian cuisine\n- B2B sales")
    assert "Italian" not in (*food.must_have, *food.nice_to_have)


@pytest.mark.parametrize(
    "job",
    [
        "German language skills required. You will work in a team of native German and English "
        "speakers. 5+ years of B2B sales.",
        "Requirements:\n- German: you will answer German-speaking customers by phone\n"
        "- 5+ years of B2B sales\nOur office is bilingual (German/English).",
        "Requirements:\n- German language skills required\n- 5+ years of B2B sales\n"
        "Benefits:\n- Free coaching towards fluent German",
    ],
)
def test_a_level_is_read_only_where_the_language_is_asked(job: str) -> None:
    """The company's blurb, its team and its benefits ask no level of the candidate."""
    icp = build_icp("Sales Manager", job)
    assert "German" in icp.must_have
    assert icp.language_levels == {}


def test_native_speakers_someone_serves_are_no_level_of_the_person() -> None:
    tax = default_taxonomy()
    assert levels_in("Built support for native German speakers", tax) == {}
    assert levels_in("Coached by a native German speaker", tax) == {}
    assert levels_in("Native German speaker", tax) == {"German": ["C2"]}


def test_a_languages_line_wins_over_a_stray_mention() -> None:
    """ "German (B1)" where the resume lists its languages is the person's level, whatever
    its bullets say of the people served."""
    low, low_flags, _ = _scored(
        JOB, "German (B1)\n- Launched support for native German speakers in Austria"
    )
    assert low.short_language_levels == {"German": ("B1", "C1")}
    assert [f for f in low_flags if f.startswith("Must-have German")]
    headed = {"resumeText": "Anna Example\nI speak fluent German.\nLanguages\nGerman - B1"}
    assert parse_profile(headed, as_of=AS_OF).language_levels == {"German": "B1"}
    data = {
        "basics": {"summary": "Fluent German speaker"},
        "languages": [{"language": "German", "fluency": "Elementary"}],
    }
    assert parse_profile(data, as_of=AS_OF).language_levels == {"German": "A2"}


def test_one_level_word_before_a_list_is_each_languages() -> None:
    tax = default_taxonomy()
    assert levels_in("Fluent in English, German and French", tax) == {
        "English": ["C1"],
        "German": ["C1"],
        "French": ["C1"],
    }
    assert levels_in("Native German, English", tax) == {"German": ["C2"]}  # no one list
    assert levels_in("Native English, no German", tax) == {"English": ["C2"]}


@pytest.mark.parametrize(
    ("stated", "level"),
    [
        ("German (currently learning, ~A1)", "A1"),
        ("German (learning)", "A1"),
        ("German (some)", "A2"),
        ("German (basic knowledge)", "A2"),
        ("German (not fluent)", "B2"),
        ("German (fluent, DELF B2)", "B2"),
    ],
)
def test_a_level_inside_the_bracket_after_the_name(stated: str, level: str) -> None:
    profile = parse_profile(_person(stated), as_of=AS_OF)
    assert profile.language_levels == {"English": "C1", "German": level}


@pytest.mark.parametrize(
    ("fluency", "level"),
    [("Proficient", "B2"), ("Working proficiency", "B2"), ("Not fluent", "B2")],
)
def test_json_resume_fluency_wordings(fluency: str, level: str) -> None:
    data = {"languages": [{"language": "German", "fluency": fluency}]}
    assert parse_profile(data, as_of=AS_OF).language_levels == {"German": level}


@pytest.mark.parametrize(
    ("stated", "levels"),
    [
        ("Japanese (JLPT N2)", {"Japanese": ["B2"]}),
        ("Japanese (N1)", {"Japanese": ["C1"]}),
        ("Chinese (HSK 5)", {"Mandarin Chinese": ["B2"]}),
        ("Chinese: HSK 2", {"Mandarin Chinese": ["A1"]}),
        ("French (DELF B2)", {"French": ["B2"]}),
        ("DALF C1 French", {"French": ["C1"]}),
    ],
)
def test_language_exams_onto_the_scale(stated: str, levels: dict[str, list[str]]) -> None:
    assert levels_in(stated, default_taxonomy()) == levels


def test_a_level_on_the_line_after_its_language_is_read() -> None:
    # PDF exports put a languages table's columns on lines of their own.
    resume = (
        "Anna Example\nExperience\nSales Manager, Acme, 2015 - 2024\n- B2B sales\n"
        "Languages\nGerman\nNative\nEnglish\nFluent (C1)\nFrench\nB1\n"
    )
    levels = parse_profile({"resumeText": resume}, as_of=AS_OF).language_levels
    assert levels == {"English": "C1", "French": "B1", "German": "C2"}
