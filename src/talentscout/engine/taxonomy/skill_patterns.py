"""Skills that a phrase list cannot name: results written with a figure in the middle.

Why: a seller's strongest evidence is a number, and it sits inside the phrase: "115%
attainment against £900k quota", "exceeded my sales quota four years running", "hit 130% of
target". The alias matcher finds fixed phrases only ("Attainment Against Quota"), so these
read as no quota attainment at all. Each pattern names one canonical skill. Its only unbounded
parts are runs of whitespace between fixed words, which no neighbouring part can also match, so
a long pasted text cannot make it backtrack (benchmarks/bench_pathological.py).
"""

from __future__ import annotations

import re

from talentscout.engine.taxonomy.matcher import PhraseMatch

_PCT = r"\d{2,3}(?:[.,]\d)?\s?%"
_AMOUNT = r"(?:[$€£]?\s?\d[\d.,]{0,8}\s?[kKmM]?\s+)?"  # "£900k ", "$1.2M ", "1,000,000 "
# A quota, or a target that is a seller's ("130% of production target" is no sales result).
_QUOTA = (
    r"(?:(?:annual|yearly|quarterly|sales|revenue|individual|team|bookings) )?quotas?"
    r"|(?:(?:annual|yearly|quarterly) )?(?:sales|revenue|bookings|ARR|new business) targets?"
)
_AGAINST = rf"(?:of|to|against|vs\.?|versus)\s+{_AMOUNT}(?:{_QUOTA})"
# A quota of something no seller is measured on ("quotas for production output", "team
# quotas for support tickets"): an operations figure.
_NOT_SALES = (
    r"(?!\s+(?:for|of|on)\s+(?:the\s+)?(?:production|output|support|tickets?|calls?|units?|"
    r"parts?|claims?|cases?|items?|pick(?:s|ing)?|shipments?)\b)"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "Quota Attainment",
        re.compile(
            # "115% attainment against £900k quota", "120% quota attainment", "130% of sales
            # target", "115% attainment in FY23" (a bare "N% attainment" only so dated: "85%
            # attainment of the training plan" is none)
            rf"\b{_PCT}\s+(?:{_AGAINST}|quota\s+(?:attainment|achievement)\b"
            rf"|attainment\s+(?:{_AGAINST}|(?:in|for)\s+(?:FY\s?\d{{0,4}}\b|Q[1-4]\b|20\d\d\b)))"
            # "exceeded my sales quota", "beat quota in 7 of 8 quarters", "met revenue targets"
            rf"|\b(?:exceed(?:ed|ing|s)?|beat|beating|surpass(?:ed|ing)?|overachiev(?:ed|ing)|"
            rf"over-achiev(?:ed|ing)|achiev(?:ed|ing)|hit|met|meeting)\s+(?:(?:my|our|the|all|"
            rf"every|each)\s+)?(?:{_QUOTA})\b{_NOT_SALES}",
            re.I,
        ),
    ),
)


def pattern_matches(text: str) -> list[PhraseMatch]:
    """Every pattern skill mention in ``text``, with its exact span."""
    return [
        PhraseMatch(skill, m.start(), m.end(), m.group(0))
        for skill, pattern in _PATTERNS
        for m in pattern.finditer(text)
    ]
