"""A language's name before another noun is an adjective ("German labour law"), not proof
that someone speaks the language; in a language context it is the language."""

from __future__ import annotations

import pytest

from talentscout.engine.taxonomy import LANGUAGE_CATEGORY, default_taxonomy


def _skills(text: str, *, structured: bool = False) -> list[str]:
    return [m.value for m in default_taxonomy().find_skills(text, structured=structured)]


@pytest.mark.parametrize(
    "text",
    [
        "Handled terminations under German labour law",
        "Wirtschaftsprüferin (German CPA)",
        "Expanded into the German market",
        "Audited a German-based manufacturer",
    ],
)
def test_a_language_name_before_a_noun_is_no_language(text: str) -> None:
    assert "German" not in _skills(text)


@pytest.mark.parametrize(
    "text",
    [
        "Languages: German (C1), English",
        "Fluent German and English",
        "Speaks German fluently",
        "German C1",
        "Business fluent German required",
        "Native German speaker",
        "German-speaking clients",
        "Sprachen: Deutsch, Englisch",
        "Knowledge of German",
        "German is a plus",
    ],
)
def test_a_language_in_a_language_context_is_the_language(text: str) -> None:
    assert "German" in _skills(text)


def test_a_skills_field_lists_the_language_whatever_follows() -> None:
    assert "German" in _skills("German Business", structured=True)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Deutschkenntnisse", "German"),
        ("Verhandlungssichere Englischkenntnisse", "English"),
        ("Französischkenntnisse von Vorteil", "French"),
        ("mit guten Spanisch-Kenntnissen", "Spanish"),
        ("Sprachen: Englisch, Polnisch", "English"),
        ("Excellent German communication skills", "German"),
        ("Strong written and spoken English", "English"),
    ],
)
def test_german_names_compounds_and_communication_skills_name_the_language(
    text: str, language: str
) -> None:
    assert language in _skills(text)


def test_both_halves_of_a_joined_german_compound_are_languages() -> None:
    assert _skills("Sehr gute Deutsch- und Englischkenntnisse") == ["German", "English"]


def test_no_language_is_related_to_another() -> None:
    """Speaking Dutch is no evidence of German: the data claims no such relation (a search
    or a score reading related skills would otherwise widen from one language to another)."""
    taxonomy = default_taxonomy()
    languages = [s.name for s in taxonomy.skills if s.category == LANGUAGE_CATEGORY]
    assert {"German", "Dutch", "French"} <= set(languages)
    for language in languages:
        related = taxonomy.related_skills(language)
        assert not [r for r in related if taxonomy.category(r) == LANGUAGE_CATEGORY], language
    assert "Interpreting" in taxonomy.related_skills("Sign Language")  # other relations stay
