"""Locations and remote policy: "San Francisco, CA", "Remote (EU)", "Hybrid – Berlin".

A location becomes a set of lower-case *terms* (city, region code and name, country code and name,
wider areas such as "eu" or "us"), so matching a job to a profile (``location_fit``) is a set
intersection and needs no geocoding (the engine does no I/O). Where a set of terms cannot tell where
a city is, the gazetteer of ``places`` (GeoNames cities, CC BY 4.0, loaded once) does: a known city
that nothing else places implies its country when one namesake dominates ("Cork" is in Ireland,
"Cambridge" stays open), a code after a city reads as that city's country's region ("St. John's, NL"
is Newfoundland), a hyphenated city stays whole ("Winston-Salem") and a metro names its principal
cities ("Greater Boston" holds Cambridge, MA). A city matches a city of the same name only where
both sides' countries agree when both are known ("Paris, TX" is not Paris, France), as names are
compared, not coordinates: a remote job within a radius of a city is limited to the city's state,
the nearest area the terms can say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from talentscout.engine import places
from talentscout.engine.places import (
    COUNTRIES,
    COUNTRY_NAMES,
    REGION_CODES,
    REGIONS,
    US_STATES,
    place_key,
)

# Region names written with hyphens ("North Rhine-Westphalia") survive the split on "-" that
# separates "Hybrid - Berlin".
_HYPHENATED_REGION = re.compile(
    "|".join(re.escape(name).replace(r"\ ", "[ -]") for name in REGIONS if " " in name),
    re.IGNORECASE,
)
_COUNTRY_ALIASES = {"usa": "us", "u.s.": "us", "u.s.a.": "us", "america": "us", "uk": "gb",
                    "england": "gb", "britain": "gb", "great britain": "gb", "scotland": "gb",
                    "holland": "nl", "uae": "ae", "deutschland": "de", "korea": "kr",
                    "czech republic": "cz", "turkiye": "tr", "türkiye": "tr", "viet nam": "vn",
                    "cote d ivoire": "ci", "côte divoire": "ci", "cote divoire": "ci",
                    "burma": "mm", "russian federation": "ru", "macedonia": "mk"}  # fmt: skip
EU = frozenset(
    "at be bg hr cy cz dk ee fi fr de gr hu ie it lv lt lu mt nl pl pt ro sk si es se".split()
)
AREAS: dict[str, frozenset[str]] = {
    "eu": EU,
    "europe": EU | {"gb", "ch", "no", "ua"},
    "emea": EU | {"gb", "ch", "no", "ae", "za", "il", "ng", "ke", "eg", "tr"},
    "apac": frozenset(
        {"in", "cn", "jp", "kr", "sg", "au", "nz", "ph", "vn", "id", "my", "hk", "tw"}
    ),
    "latam": frozenset({"br", "mx", "ar", "co", "cl", "pe"}),
    "north america": frozenset({"us", "ca", "mx"}),
    "americas": frozenset({"us", "ca", "mx", "br", "ar", "co", "cl", "pe"}),
    "dach": frozenset({"de", "at", "ch"}), "benelux": frozenset({"be", "nl", "lu"}),
    "nordics": frozenset({"se", "no", "dk", "fi", "is"}),
}  # fmt: skip
_AREA_ALIASES = {"european union": "eu", "asia": "apac", "asia pacific": "apac",
                 "latin america": "latam", "na": "north america",
                 "nordic countries": "nordics", "scandinavia": "nordics"}  # fmt: skip
_CITY_ALIASES = {"sf": "san francisco", "nyc": "new york", "new york city": "new york",
                 "la": "los angeles", "bengaluru": "bangalore", "bombay": "mumbai"}  # fmt: skip
STATE_NAMES = frozenset(US_STATES.values()) | frozenset(REGIONS)
CITY = "city:"  # a term marking the city a place names ("city:berlin"), beside its bare name
STATE = "state:"  # a state named on its own ("Remote (Texas)"), not as a city's ("Austin, TX")
_FILLER = frozenset({"only", "first", "friendly", "ok", "or", "and"})
_STATE_CODES = {name: code for code, name in US_STATES.items()}
_COUNTRY_CODES = {name: code for code, name in COUNTRY_NAMES.items()}
US_STATE_NAMES = frozenset(_STATE_CODES)
_COUNTRY_NAMES = frozenset(_COUNTRY_CODES)
KNOWN_PLACES = _COUNTRY_NAMES | STATE_NAMES | frozenset(AREAS)  # a term that places someone
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}", re.I)
# Words of a location field that name no place: "relocation offered", "visa sponsorship".
_NOT_PLACES = frozenset(
    "relocation relocate visa sponsorship sponsor offered provided available assistance "
    "required preferred negotiable flexible possible option options travel days week weeks "
    "office offices package benefits per month hq headquarters based commuting distance "
    "radius time zone any major full part contract permanent temporary fulltime "
    "parttime tbd tba tbc multiple various several".split()
)
_NOT_APPLICABLE = re.compile(r"\bn/a\b", re.I)
_ONLY = re.compile(r"\s+only$", re.I)  # "US only"
# Prose before a place, up to its last preposition: "within commuting distance of Austin",
# "Offices near Los Angeles", "Anywhere in the UK" → the place.
_LEAD = re.compile(
    r"^(?P<prose>.*?)\b(?:of|in|near|around|within|across|from|outside)\s+(?:the\s+)?"
    r"(?=\S)(?!.*\b(?:of|in|near|around|within|across|from|outside)\s)",
    re.I,
)
# A hyphen between words splits only when no city is named across it ("Winston-Salem" stays,
# "Austin-TX" and "US-CA-San Francisco" split: places.split_hyphens).
_CHUNK_SPLIT = re.compile(r"\s*([,/;|()–—]+|\s+-+\s*|\s*-+\s+|^-+|-+$|\sor\s)\s*")
# A remote job within a radius of a city ("within 50 miles of Austin") is limited to its area.
_RADIUS = re.compile(r"\b\d+\s*(?:mi|miles?|km|kms|kilometers?|kilometres?)\b|\bcommut", re.I)
_REMOTE = re.compile(r"\b(remote|anywhere|work from home|wfh|distributed)\b", re.I)
_HYBRID = re.compile(r"\bhybrid\b", re.I)
_ONSITE = re.compile(r"\b(on[- ]?site|in[- ]office|in person)\b", re.I)  # "on site" too


@dataclass(frozen=True)
class Place:
    """A parsed location: display text, terms to match, countries it covers, remote policy."""

    text: str
    terms: frozenset[str]
    countries: frozenset[str]
    policy: str | None  # "remote", "hybrid", "onsite" or None when unsaid


def _norm(part: str) -> str:
    part = part.lower().replace("'", "").replace("’", "")  # "St. John's"
    return " ".join(re.sub(r"[^\w\s.]", " ", part).replace(".", " ").split())


def parse_place(
    text: str | None,
    parts: Iterable[str | None] = (),
    country_code: str | None = None,
    *,
    infer_country: bool = True,
) -> Place | None:
    """Parse free text ("Austin, TX", "Remote (EU)") plus optional structured parts and an ISO
    country code (JSON Resume ``countryCode``). ``infer_country``: a known city that nothing
    places says its country ("Cork" is in Ireland); off where a word must name a place by
    itself (in a resume line "Jackson" is a surname before it is a city)."""
    # a part said twice is said once: a city that is its own region reads "Berlin, DE"
    # whitespace runs said once: the chunk pattern below would try every split of a long run
    given = [
        " ".join(t.split()) for t in [text or "", *(p or "" for p in parts)] if t and t.strip()
    ]
    raw = ", ".join(_once(given))
    code = (country_code or "").strip().lower()
    if not raw and not code:
        return None
    policy = "remote" if _REMOTE.search(raw) else None
    policy = "hybrid" if _HYBRID.search(raw) else policy
    policy = "onsite" if _ONSITE.search(raw) and policy is None else policy
    radius = policy == "remote" and bool(_RADIUS.search(raw))
    terms: set[str] = set()
    countries: set[str] = set()
    cleaned = _ONSITE.sub(" ", _HYBRID.sub(" ", _REMOTE.sub(" ", raw)))
    cleaned = _HYPHENATED_REGION.sub(lambda m: m.group().replace("-", " "), cleaned)
    cleaned = _DOTTED.sub(lambda m: m.group().replace(".", ""), _NOT_APPLICABLE.sub(" ", cleaned))
    ambiguous: list[tuple[str, str]] = []  # "DE", "IN", "CA": a US state or a country
    # Chunks with the separator before each: "LA" after "New Orleans," is Louisiana, after
    # "Austin /" Los Angeles.
    pieces = _CHUNK_SPLIT.split(cleaned)
    chunks, seps = places.split_hyphens(
        [_ONLY.sub("", _past_prose(c.strip())).strip() for c in pieces[0::2]],
        ["", *pieces[1::2]],
    )
    chunks, seps = places.join_qualifiers(chunks, seps)  # "Frankfurt/Main", "Halle (Saale)"
    if cleaned == cleaned.lower():  # "san francisco, ca": its codes are codes
        chunks = [c.upper() if len(_norm(c)) == 2 else c for c in chunks]
    kept = [
        (c, sep)
        for c, sep in zip(chunks, seps, strict=True)
        if (n := _norm(c)) and (n not in _FILLER or _is_us_state_code(c))  # "Portland, OR"
    ]
    chunks, seps = [c for c, _ in kept], [sep for _, sep in kept]
    previous = ""  # what the chunk before named: a city's state is no limit of its own
    city = ""  # the key of the city the chunk before named
    unplaced: list[str] = []  # cities no state or country follows: the gazetteer places them
    for i, chunk in enumerate(chunks):
        word = _norm(chunk)
        if set(word.split()) & _NOT_PLACES:
            previous = city = ""  # prose ("relocation offered", "full-time", "US-based")
            continue
        alias = True
        kind = None
        if city and chunk.isupper() and len(word) <= 3 and "/" not in seps[i]:
            kind, word = _after_city(word, city, terms, countries)
        if kind is None and (area := places.metro(place_key(word))) is not None:
            kind, word = _add_metro(area, terms, countries, limit=radius), area.cities[0]
        if kind is None and chunk.isupper() and word in US_STATES and word in COUNTRIES:
            ambiguous.append((word, previous))
            if previous == "city" and unplaced:
                unplaced.pop()  # a state or a country: either places the city
            previous, city = "state", ""
            continue
        if kind is None:
            word = places.without_metro_affix(word)
            # "LA" after "New Orleans," is Louisiana; alone or in a list of cities, Los Angeles
            alias = not (word in US_STATES and previous == "city" and "," in seps[i])
            after = chunks[i + 1] if i + 1 < len(chunks) else ""
            if word in _COUNTRY_CODES and _is_us_state_code(after):
                terms.add(place_key(word))  # "Lebanon, PA", "Mexico, NY": the US town
                kind = "city"
            else:
                kind = _add_term(word, chunk, terms, countries, city_alias=alias)
            if kind == "state" and word in US_STATE_NAMES and _is_us_state_code(after):
                kind = "city"  # "New York, NY", "Washington, DC": the city of that name
        if kind in ("state", "country") and previous == "city" and unplaced:
            unplaced.pop()
        # "Remote (Texas)" limits, "Austin, TX" is where a city is, unless the job is remote
        # within a radius of it
        if kind == "state" and (previous != "city" or radius):
            name = US_STATES.get(word) or REGION_CODES.get(word, (None, ""))[0] or word
            terms.add(STATE + name)
        city = ""
        if kind == "metro":
            kind, city = "city", word
        elif kind == "city":
            key = places.qualified(place_key(_CITY_ALIASES.get(word, word) if alias else word))
            if (2 < len(word) or alias) and len(word.split()) <= 4:
                names = (key, *places.bare_names(key))  # "Frankfurt am Main" is "Frankfurt"
                terms.update({*names, *(CITY + n for n in names)})
                city = key
                unplaced.append(key)
            else:
                terms.discard(key)
        previous = kind
    for word, before in ambiguous:
        # A country when the place names another country ("Pune, Maharashtra, IN") or puts the
        # code in brackets ("Munich (DE)"); otherwise the US way of writing "City, ST".
        abroad = bool(countries - {"us"}) or f"({word.upper()})" in raw
        _add_term(word, word.upper(), terms, countries, as_country=abroad)
        if not abroad and before != "city":  # "Remote (CA only) - San Francisco"
            terms.add(STATE + US_STATES[word])
    # The city of a remote job is where the company sits, not where its people must be
    if infer_country and not code and (policy != "remote" or radius):
        for key in unplaced:
            if found := places.country_of(key):
                terms.update({found, COUNTRY_NAMES.get(found, found)})
                countries.add(found)
            if (state := places.us_state_of(key)) in US_STATES:  # "Austin" is in Texas
                terms.update({state, US_STATES[state]})
                if radius:  # "Remote within 50 miles of Austin" limits to Texas
                    terms.add(STATE + US_STATES[state])
    if code:
        code = _COUNTRY_ALIASES.get(code, code)
        if code not in COUNTRY_NAMES and (named := iso_country(code)):
            code = named.lower()  # a name where the code belongs ("France"), as ATS exports do
        terms.update({code, COUNTRY_NAMES.get(code, code)})
        countries.add(code)
        raw = ", ".join(filter(None, [raw, code.upper()]))
    return Place(raw, frozenset(terms), frozenset(countries), policy)


def iso_country(value: str) -> str | None:
    """The ISO 3166-1 alpha-2 code (upper case) of a country written as a code or a name ("fr",
    "France", "the Netherlands", "UK", "Deutschland"), or None. Read with the location parser's
    own tables, and only when the value names one country and nothing narrower or wider: "Texas"
    (a state), "EU" (an area) and "Paris" (a city) are no country."""
    text = value.strip()
    if len(text) == 2 and text.isalpha() and text.lower() in COUNTRY_NAMES:
        return text.upper()  # in a country field a two-letter code is ISO, never a US state
    place = parse_place(text, infer_country=False)
    if place is None or len(place.countries) != 1:
        return None
    (code,) = place.countries
    if code not in COUNTRY_NAMES or not place.terms <= {code, COUNTRY_NAMES[code]}:
        return None
    return code.upper()


def _once(parts: list[str]) -> list[str]:
    """Each part the first time it is said, whatever its case."""
    kept: dict[str, str] = {}
    for part in parts:
        kept.setdefault(part.casefold(), part)
    return list(kept.values())


def _after_city(
    code: str, city: str, terms: set[str], countries: set[str]
) -> tuple[str | None, str]:
    """Read a code after a city as the region or country the city is in: "Wilmington, DE" is
    Delaware, "Berlin, DE" Germany, "Saskatoon, SK" Saskatchewan and "St. John's, NL"
    Newfoundland (not Slovakia or the Netherlands). (None, code) when the city's namesakes
    leave the code to the usual reading."""
    country = places.region_after(city, code)
    if country == "us":
        _add_term(code, code.upper(), terms, countries, city_alias=False)
        return "state", code
    if country is not None and code not in REGION_CODES:
        region = places.REGION_CODES_ABROAD[country][code]
        terms.update({country, COUNTRIES.get(country, country), *([region] if region else [])})
        countries.add(country)
        return "state", region or code
    if country is None and any(c.country == code for c in places.cities(city)):
        terms.update({code, COUNTRIES.get(code, code)})
        countries.add(code)
        return "country", code
    return None, code


def _add_metro(area: places.Metro, terms: set[str], countries: set[str], *, limit: bool) -> str:
    """Add a metro area's cities, its region and its country ("Greater Boston": Boston,
    Cambridge, ..., Massachusetts, US); ``limit``: its region limits a remote job."""
    terms.update({*area.cities, *(CITY + c for c in area.cities)})
    terms.update({area.country, COUNTRIES[area.country]})
    countries.add(area.country)
    if area.region:
        names: Mapping[str, str | None] = (
            US_STATES if area.country == "us" else places.REGION_CODES_ABROAD[area.country]
        )
        name = names[area.region] or area.region
        terms.update({area.region, name, *([STATE + name] if limit else [])})
    return "metro"


def _past_prose(chunk: str) -> str:
    """The place after prose and its last preposition ("within commuting distance of Austin"
    → "Austin", "near Boston" → "Boston"); a name with "of" in it ("District of Columbia",
    "Isle of Man") is kept whole."""
    m = _LEAD.match(chunk)
    if m is None:
        return chunk
    prose = m.group("prose").split()
    if (
        prose
        and all(w[:1].isupper() for w in prose)
        and not set(map(str.lower, prose)) & (_NOT_PLACES)
    ):
        return chunk
    return chunk[m.end() :]


def _is_us_state_code(chunk: str) -> bool:
    """ "NY", "DC": a US state's code that is no country's ("IN", "DE", "CA" may be either)."""
    code = _norm(chunk)
    return chunk.isupper() and code in US_STATES and code not in COUNTRIES


def _add_term(
    word: str,
    original: str,
    terms: set[str],
    countries: set[str],
    *,
    as_country: bool = False,
    city_alias: bool = True,
) -> str:
    """Add the terms of one chunk and say what it named: "area", "state" (a US state, a
    province or a region, by name or code), "country" or "city" (anything else).
    ``as_country``: read an uppercase code that is both a US state and a country as the
    country; ``city_alias``: read "LA", "SF", "NYC" as those cities. Two-letter codes count
    only in capitals ("de" in "Île-de-France" is a word)."""
    word = _AREA_ALIASES.get(word, word)
    if word.startswith("the ") and (word[4:] in _COUNTRY_NAMES or word[4:] in _COUNTRY_ALIASES):
        word = word[4:]  # "The Netherlands", "the UK"
    if city_alias and word in _CITY_ALIASES:  # "NYC" is the city, never the state
        terms.add(_CITY_ALIASES[word])
        return "city"
    code = _COUNTRY_ALIASES.get(word, word)
    if word in AREAS:
        terms.add(word)
        countries.update(AREAS[word])
        return "area"
    if len(code) == 2 and original.isupper() and code in US_STATES and not as_country:
        terms.update({code, US_STATES[code], "us", "united states"})
        countries.add("us")
        return "state"
    if 2 <= len(code) <= 3 and original.isupper() and code in REGION_CODES:
        region, country = REGION_CODES[code]
        terms.update({code, country, COUNTRIES[country], *([region] if region else [])})
        countries.add(country)
        return "state"
    if (code in COUNTRIES and original.isupper()) or (
        word in _COUNTRY_ALIASES and code in COUNTRY_NAMES
    ):
        terms.update({code, COUNTRY_NAMES[code]})
        countries.add(code)
        return "country"
    if word in REGIONS:
        country = REGIONS[word]
        terms.update({word, country, COUNTRIES[country]})
        countries.add(country)
        return "state"
    if abbr := _STATE_CODES.get(word):
        terms.update({abbr, word, "us", "united states"})
        countries.add("us")
        return "state"
    if abbr := _COUNTRY_CODES.get(word):
        terms.update({abbr, word})
        countries.add(abbr)
        return "country"
    terms.add(place_key(word))
    return "city"
