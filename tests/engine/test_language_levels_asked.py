"""The level a posting asks of a language where its wording once lost it: "native … speakers"
said of the candidate, a sentence that starts "We"/"Our" and still asks a level, long lists of
languages read in linear time, and languages joined, listed or welcomed without a level word."""

from __future__ import annotations

import time

import pytest

from talentscout.engine.icp import build_icp
from talentscout.engine.language_levels import levels_in
from talentscout.engine.parse import parse_profile
from talentscout.engine.taxonomy import default_taxonomy
from tests.engine.conftest import AS_OF


@pytest.mark.parametrize(
    "job",
    [
        "We are looking for native German speakers to join our support team.",
        "Requirements:\n- Native German speakers only\n- B2B sales",
        "Requirements:\n- Native-level German speaking skills\n- B2B sales",
        "Requirements:\n- Native or bilingual German speaking ability\n- B2B sales",
    ],
)
def test_native_speakers_sought_are_the_candidates_level(job: str) -> None:
    icp = build_icp("Sales Manager", job)
    assert "German" in icp.must_have
    assert icp.language_levels == {"German": "C2"}


def test_native_speakers_with_another_language_keep_both_levels() -> None:
    icp = build_icp("Sales Manager", "We need native German speakers with fluent English.")
    assert icp.language_levels == {"English": "C1", "German": "C2"}


def test_native_speaking_people_served_state_no_level() -> None:
    tax = default_taxonomy()
    assert levels_in("We serve native German speaking customers", tax) == {}
    assert levels_in("Support for native German speakers", tax) == {}


@pytest.mark.parametrize(
    "item",
    [
        "Our customers are in Austria, so fluent German (C1) is essential",
        "We work in German every day: German at C1 level",
        "Our working language is German (C1 level)",
    ],
)
def test_a_requirement_that_starts_with_we_or_our_keeps_its_level(item: str) -> None:
    icp = build_icp("Sales Manager", f"Requirements:\n- {item}\n- B2B sales")
    assert "German" in icp.must_have
    assert icp.language_levels == {"German": "C1"}


def test_the_company_and_its_benefits_still_ask_no_level() -> None:
    job = (
        "Requirements:\n- German language skills required\n- 5+ years of B2B sales\n"
        "Our office is bilingual (German/English).\nBenefits:\n- German lessons up to B1"
    )
    icp = build_icp("Sales Manager", job)
    assert "German" in icp.must_have
    assert icp.language_levels == {}


# Long inputs read in linear time: each took 8-17 s here when read once per language named.
# Set by hand: ten times the time they take now, so a slow machine does not fail them.
_LONG_LIST_SECONDS = 5.0
_LONG_LIST_CHARS = 40_000


@pytest.mark.parametrize(
    ("job", "levels"),
    [
        (
            ("Fluent in " + "German, English, French, " * 2000)[:_LONG_LIST_CHARS] + " and Spanish",
            {"English": "C1", "French": "C1", "German": "C1", "Spanish": "C1"},
        ),
        (("German, English, French, " * 2000)[:_LONG_LIST_CHARS], {}),
    ],
)
def test_a_long_list_of_languages_is_read_in_linear_time(job: str, levels: dict[str, str]) -> None:
    tax = default_taxonomy()
    started = time.perf_counter()
    icp = build_icp("Sales Manager", job, taxonomy=tax)
    assert time.perf_counter() - started < _LONG_LIST_SECONDS
    assert icp.language_levels == levels


@pytest.mark.parametrize("pair", ["German and English (C1)", "German/English (C1)"])
def test_a_bracket_after_a_joined_pair_is_both_languages_level(pair: str) -> None:
    icp = build_icp("Sales Manager", f"Requirements:\n- {pair}\n- B2B sales")
    assert "German" in icp.must_have
    assert icp.language_levels == {"English": "C1", "German": "C1"}


@pytest.mark.parametrize(
    ("item", "levels"),
    [
        ("Fließend Deutsch und Englisch", {"English": "C1", "German": "C1"}),
        ("Deutsch in Wort und Schrift (C1)", {"German": "C1"}),
    ],
)
def test_german_wordings_ask_each_language_named(item: str, levels: dict[str, str]) -> None:
    icp = build_icp("Sales Manager", f"Requirements:\n- {item}\n- B2B sales")
    assert set(levels) <= {*icp.must_have, *icp.nice_to_have}
    assert icp.language_levels == levels


@pytest.mark.parametrize(
    ("item", "language"),
    [
        ("German is a plus", "German"),
        ("Dutch is a plus", "Dutch"),
        ("Deutsch von Vorteil", "German"),
        ("Französisch wünschenswert", "French"),
    ],
)
def test_a_language_welcomed_is_a_nice_to_have(item: str, language: str) -> None:
    icp = build_icp("Sales Manager", f"Requirements:\n- B2B sales\n- {item}")
    assert language in icp.nice_to_have
    assert language not in icp.must_have


@pytest.mark.parametrize(
    ("resume", "levels"),
    [
        (
            "Languages\nGerman\nNative or bilingual proficiency\n"
            "English\nFull professional proficiency",
            {"English": "C1", "German": "C2"},
        ),
        ("Languages\nGerman | Native", {"German": "C2"}),
        ("German | native  English | fluent", {"English": "C1", "German": "C2"}),
    ],
)
def test_cv_layouts_state_their_levels(resume: str, levels: dict[str, str]) -> None:
    profile = parse_profile({"resumeText": f"Anna Example\n{resume}"}, as_of=AS_OF)
    assert profile.language_levels == levels
