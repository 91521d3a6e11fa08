"""How explanations say things: lists ("A, B and C", "A, B or C"), years as a person would
say them, and a job's own years ask."""

from __future__ import annotations

import math


def join_and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def join_or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


# Initialisms read letter by letter: these letters start with a vowel sound ("an SRE", "an HR
# Manager"); words starting so sound a consonant ("a User Researcher", "a European…").
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_CONSONANT_SOUND = ("uni", "use", "usa", "eu", "one", "once")


def a_or_an(phrase: str) -> str:
    """The phrase with its indefinite article ("an Accountant", "a UX Designer", "an ML…")."""
    word = phrase.split(maxsplit=1)[0] if phrase.strip() else ""
    if len(word) > 1 and word.isupper():
        vowel = word[0] in _VOWEL_LETTERS
    else:
        lowered = word.lower()
        vowel = lowered[:1] in tuple("aeiou") and not lowered.startswith(_CONSONANT_SOUND)
    return f"{'an' if vowel else 'a'} {phrase}"


def years_text(years: float) -> str:
    """Years of experience as a person would say them: "about 8 months", "about 1.5 years",
    "about 6 years", "over 6 years" (6.33), "almost 7 years" (6.8). No decimals above two
    years; months below one year."""
    months = math.floor(years * 12 + 0.5)  # half up, unlike round()
    if months < 12:
        months = max(1, months)
        return f"about {months} month{'s' if months != 1 else ''}"
    if years <= 2:
        halves = math.floor(years * 2 + 0.5) / 2
        return f"about {halves:g} year{'s' if halves != 1 else ''}"
    whole = int(years)
    rest = years - whole
    if rest < 0.25:
        return f"about {whole} years"
    if rest < 0.75:
        return f"over {whole} years"
    return f"almost {whole + 1} years"


def asked_years(min_years: float) -> str:
    """The job's own ask with its unit ("5+ years", "2.5+ years", "6+ months"), at most one
    decimal."""
    if min_years < 1:
        return f"{max(1, round(min_years * 12))}+ months"
    return f"{round(min_years, 1):g}+ years"
