"""A remote job's reach: "Remote within EU possible", "remote from anywhere in the US".

Why: a posting often names an office ("Amsterdam, Netherlands") and then allows remote work
within a wider region, in the location field or in a line of its text. Read as the office
alone, everyone outside the office's country scored as elsewhere; the region the posting
allows is where a person fits. The reach is a region, country or state ("EU", "DACH",
"within Germany", "anywhere in the US", "Remote within Texas"); a city ("remote in Berlin")
is where the company sits and widens nothing.
"""

from __future__ import annotations

import re

from talentscout.engine.location import AREAS, CITY, STATE, Place, parse_place
from talentscout.engine.places import COUNTRY_NAMES

# "remote" (or "work from anywhere"), a few words that make it an option, then a preposition
# and a capitalised place of up to three words: "Remote within EU possible", "remote work
# is possible from anywhere in the US", "Remote (within Germany)".
_SCOPE = re.compile(
    r"(?i:\b(?:remote|work\s+from\s+anywhere)\b"
    r"(?:\s+(?:work|working|option|options|possible|is|also|allowed|ok|friendly|first|only)){0,3}"
    r"\s*(?:[(,:–—-]\s*)?(?:from\s+)?(?:anywhere\s+)?(?:within|in|across|from|throughout)\s+"
    r"(?:the\s+)?)(?P<area>[A-Z][\w.&]*(?:[ -][A-Z][\w.&]*){0,2})"
)
_AREA_WORDS = {"eu": "the EU", "europe": "Europe", "emea": "EMEA", "apac": "APAC",
               "latam": "Latin America", "north america": "North America",
               "americas": "the Americas", "dach": "DACH", "benelux": "Benelux",
               "nordics": "the Nordics"}  # fmt: skip
_WITH_THE = frozenset({"netherlands", "philippines"})
# "No remote within Germany", "Remote work within Germany is not possible": no reach.
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|without)\s+$", re.I)
_NEGATED_AFTER = re.compile(r"\s*(?:(?:is|are)\s+)?(?:not|never)\b|\s*(?:isn't|aren't)\b", re.I)


def remote_reach(text: str | None) -> Place | None:
    """The regions, countries and states that remote work is allowed within, as a Place with
    no city ("Remote within EU possible" → the EU's countries), or None when the text allows
    no remote work within a named region."""
    terms: set[str] = set()
    countries: set[str] = set()
    text = text or ""
    for m in _SCOPE.finditer(text):
        if _NEGATED_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) or (
            _NEGATED_AFTER.match(text, m.end())
        ):
            continue
        place = parse_place(m.group("area"), infer_country=False)
        if place is None or not place.countries or any(t.startswith(CITY) for t in place.terms):
            continue
        terms |= place.terms
        countries |= place.countries
    if not countries:
        return None
    return Place("", frozenset(terms), frozenset(countries), "remote")


def with_remote_reach(place: Place | None, *texts: str | None) -> Place | None:
    """The job's place widened by the remote reach its location or posting text allows: the
    office ("Amsterdam, Netherlands") plus the region ("remote within EU possible"), and the
    job is then remote. Unchanged when no text allows remote work within a region."""
    reach = [r for t in texts if (r := remote_reach(t)) is not None]
    if not reach:
        return place
    terms = set(place.terms) if place else set()
    countries = set(place.countries) if place else set()
    for r in reach:
        terms |= r.terms
        countries |= r.countries
    return Place(place.text if place else "", frozenset(terms), frozenset(countries), "remote")


def reach_words(terms: tuple[str, ...] | frozenset[str], countries: tuple[str, ...]) -> list[str]:
    """The places a job's people may be in, in a recruiter's words: its regions ("the EU",
    "DACH"), then its states and the countries no region covers ("Netherlands", "Texas")."""
    areas = sorted(a for a in terms if a in AREAS)
    covered = set().union(*(AREAS[a] for a in areas)) if areas else set()
    states = sorted(t[len(STATE) :].title() for t in terms if t.startswith(STATE))
    rest = [country_words(c) for c in countries if c not in covered]
    if states and set(countries) <= {"us"}:
        rest = []  # "Remote (Texas)": the state says it
    return [_AREA_WORDS.get(a, a.upper()) for a in areas] + states + rest


def country_words(code: str) -> str:
    """A country by its ISO code in a sentence: "Germany", "the Netherlands", "the UK"."""
    name = COUNTRY_NAMES.get(code.lower(), code.upper())
    words = " ".join(w if w in ("and", "of", "the") else w.capitalize() for w in name.split())
    return f"the {words}" if name in _WITH_THE or name.startswith("united ") else words
