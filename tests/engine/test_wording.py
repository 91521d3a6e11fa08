"""wording: the small phrases explanations are built from."""

from __future__ import annotations

import pytest

from talentscout.engine.wording import a_or_an, asked_years


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Accountant", "an Accountant"),
        ("Operations Manager", "an Operations Manager"),
        ("Software Engineer", "a Software Engineer"),
        ("User Researcher", "a User Researcher"),
        ("European Sales Lead", "a European Sales Lead"),
        ("HR Generalist", "an HR Generalist"),
        ("ML Engineer", "an ML Engineer"),
        ("UX Designer", "a UX Designer"),
    ],
)
def test_the_article_follows_the_sound_of_the_first_word(phrase: str, expected: str) -> None:
    assert a_or_an(phrase) == expected


def test_an_ask_carries_its_unit() -> None:
    """The unit is part of the ask: a flag never reads "job asks 5+" or "6+ months years"."""
    assert asked_years(5) == "5+ years"
    assert asked_years(2.5) == "2.5+ years"
    assert asked_years(0.5) == "6+ months"
