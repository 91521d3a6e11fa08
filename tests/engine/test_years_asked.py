"""years_asked: a years figure that is its whole sentence is the experience the job asks."""

from __future__ import annotations

import re

import pytest

from talentscout.engine.years_asked import years_alone

_FIGURE = re.compile(r"\d+\+? years")


@pytest.mark.parametrize(
    ("segment", "alone"),
    [
        ("5+ years.", True),
        ("Experience: min. 5 years", True),
        ("Minimum of 5 years required", True),
        ("at least 3 years experience", True),
        ("5+ years of Python", False),
        ("Python 5 years", False),
        ("5+ years 5+ years", False),  # another figure is more than the sentence's one figure
    ],
)
def test_a_figure_alone_in_its_sentence(segment: str, alone: bool) -> None:
    figure = _FIGURE.search(segment)
    assert figure is not None
    assert years_alone(segment, figure) is alone
