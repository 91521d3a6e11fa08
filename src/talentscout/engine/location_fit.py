"""How well a person's place suits a job's: a comparison of the term sets of ``location``.

The job's narrowest named place decides a full match (its city, else its state or region,
else its country or area); a remote job's city is where the company sits, not a limit.
"""

from __future__ import annotations

from talentscout.engine.location import (
    AREAS,
    CITY,
    KNOWN_PLACES,
    STATE,
    STATE_NAMES,
    US_STATE_NAMES,
    Place,
)
from talentscout.engine.places import COUNTRY_NAMES


def _marked(terms: frozenset[str], marker: str) -> frozenset[str]:
    """The places a marker sets apart ("city:berlin" → "berlin" for CITY)."""
    return frozenset(t[len(marker) :] for t in terms if t.startswith(marker))


def location_fit(job: Place | None, person: Place | None, remote_only: bool = False) -> float:
    """0–1: how well a person's place suits the job's. 1 inside the narrowest place the job names
    (its city, else its state, else its country) or remote-compatible, 0.7 same region or
    country, 0.3 unknown, 0 elsewhere (or not remote when remote only)."""
    if job is None or not (job.terms or job.countries or job.policy):
        return 1.0  # no place, or one that names none ("TBD", "Multiple locations")
    if person is None:
        return 0.5 if job.policy == "remote" else 0.3
    if job.policy == "remote" and not (job.terms or job.countries):
        return 1.0
    if remote_only and person.policy not in ("remote", None):
        return 0.2
    # The job's narrowest named place decides a full match: its city if it names one, else its
    # state or region ("Texas"), else its country or area ("Germany", "EU"): anyone there fits.
    # A remote job's city (and the state written with it) is where the company sits, not a
    # limit; a state named alone ("Remote (Texas)") is one.
    named = {t for t in job.terms if t not in AREAS and len(t) > 2 and ":" not in t}
    named -= {COUNTRY_NAMES.get(c, "") for c in job.countries}
    marked_cities = _marked(job.terms, CITY)
    cities = marked_cities or named - STATE_NAMES  # unmarked: a parse from before markers
    regions = (named & STATE_NAMES) - marked_cities  # "new york": the city, in NYC
    if job.policy == "remote":
        if cities:  # "Remote - Austin, TX": where the company sits; "Remote (Texas)" limits
            regions = set(_marked(job.terms, STATE))
        if not (regions or job.countries):
            return 1.0  # "Remote", "Remote (Berlin HQ)": anywhere
        cities = frozenset()
    person_cities = _marked(person.terms, CITY) or person.terms
    us_states = regions & US_STATE_NAMES
    person_states = person.terms & US_STATE_NAMES
    one_us_city = len(cities) == 1 and job.countries == {"us"} == person.countries
    inside = (
        # the same city, and for one US city in the same state ("Portland, OR" is not
        # Portland, Maine); elsewhere region codes are too often misread to overrule a city
        bool(cities & person_cities)
        and not (one_us_city and us_states and person_states and not us_states & person_states)
        and not (job.countries and person.countries and not job.countries & person.countries)
        if cities
        else bool(regions & person.terms)
        if regions
        else bool(person.countries & job.countries)
    )
    if inside:
        return 1.0
    if not (person.countries or person.terms & KNOWN_PLACES):  # "Smallville": nowhere known
        return 0.5 if job.policy == "remote" else 0.3
    if job.countries and person.countries & job.countries:
        return 0.7
    if not job.countries and job.terms & person.terms:
        return 0.7
    return 0.0
