"""Whether a posting's segment asks for a language it names, and how firmly: "fluent Spanish"
or "Deutschkenntnisse (C1)" ask for it, "German engineering" or "Italian cuisine" do not.

Why apart from language_levels.py: that module reads the level beside a name; this one
decides, per segment, whether the name is a language asked at all. Whether a segment names
languages as such is one question per segment, answered once: a segment listing thousands of
languages asks it once, not once per name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from talentscout.engine.language_levels import asks_of_candidate, read_level
from talentscout.engine.language_wordings import LEVEL
from talentscout.engine.phrasing import about_company, cue

# Words that show a segment of a posting asks for a language ("fluent Spanish", "German
# speaker", "Sprachkenntnisse", "du sprichst Deutsch"); "German engineering" or "Italian
# cuisine" asks for none.
_LANGUAGE_CONTEXT = re.compile(
    r"\b(?:fluen\w*|native|bilingual|multilingual|speak\w*|spoken|proficien\w*|language\w*|"
    r"translat\w*|interpret\w*|flie(?:ß|ss)end\w*|verhandlungssicher\w*|muttersprach\w*|"
    r"wort\s+und\s+schrift)\b|kenntniss|spr(?:ach|ech|ich)",
    re.I,
)
# A name with a level or a word that asks or prefers in its own clause is a language asked
# ("German and English (C1)", "German is a plus", "Deutsch von Vorteil"). The clause ends at
# punctuation, and is read no further than this many characters either side of the name, so
# a long list costs its length. Set by hand: a clause of a few words.
_CLAUSE_WINDOW = 60
_CLAUSE_END = re.compile(r"[.;,:!?\n]")
_COMMUNICATION_AFTER = re.compile(r"[ \t]+communication\b", re.I)  # "German communication skills"
# Segments whose answer is kept: a posting's segments, read once per language named in them.
# Set by hand: more than the segments of one posting, small beside the memory of one.
_CONTEXT_CACHE_SIZE = 512


@lru_cache(maxsize=_CONTEXT_CACHE_SIZE)
def _names_languages(segment: str) -> bool:
    """Whether a segment's words are about languages as such (see ``_LANGUAGE_CONTEXT``)."""
    return bool(_LANGUAGE_CONTEXT.search(segment))


def language_mode(segment: str, start: int, end: int, mode: str, section: str = "") -> str | None:
    """What a posting's segment makes of the language named at ``segment[start:end]``, given
    the ``mode`` its phrasing gives it and the ``section`` it stands under: None when the name
    asks for no language ("German engineering"), "must" when the segment states a level
    beside it ("C1-level German", "Deutschkenntnisse (B2)") and says nothing else of it; a
    level asked is a requirement, as "fluent" is. What the company says of itself asks for
    nothing ("Our team of native German speakers") unless a word asks outright ("… so fluent
    German (C1) is essential") or it is an item of a must/nice section ("- Our working
    language is German (C1 level)"), which it then asks as the section does."""
    stated = read_level(segment, start, end).level is not None
    if not (
        stated
        or _names_languages(segment)
        or _COMMUNICATION_AFTER.match(segment, end)
        or _asked_in_clause(segment, start, end)
    ):
        return None
    if stated and mode == "neutral":
        if not about_company(segment) or asks_of_candidate(segment, item=False):
            return "must"
        if section in ("must", "nice") and asks_of_candidate(segment):
            return section
    return mode


def _asked_in_clause(segment: str, start: int, end: int) -> bool:
    """Whether the clause around ``segment[start:end]`` states a level or asks or prefers
    outright (a word of degree such as "strong" does not: "strong German engineering")."""
    lo, hi = max(0, start - _CLAUSE_WINDOW), min(len(segment), end + _CLAUSE_WINDOW)
    for boundary in _CLAUSE_END.finditer(segment, lo, start):
        lo = boundary.end()
    if boundary_after := _CLAUSE_END.search(segment, end, hi):
        hi = boundary_after.start()
    clause = segment[lo:hi]
    return bool(LEVEL.search(clause) or cue(clause, "nice"))
