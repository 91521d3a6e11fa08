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
    """The job's own ask ("5+", "2.5+", "6+ months"), at most one decimal."""
    if min_years < 1:
        return f"{max(1, round(min_years * 12))}+ months"
    return f"{round(min_years, 1):g}+"
