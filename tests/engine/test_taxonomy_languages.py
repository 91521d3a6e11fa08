"""A language's name before another noun is an adjective ("German labour law"), not proof
that someone speaks the language; in a language context it is the language."""

from __future__ import annotations

import pytest

from talentscout.engine.taxonomy import default_taxonomy


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
