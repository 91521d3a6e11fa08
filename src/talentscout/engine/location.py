"""Locations and remote policy: "San Francisco, CA", "Remote (EU)", "Hybrid – Berlin".

A location becomes a set of lower-case *terms* (city, region code and name, country code and
name, wider areas such as "eu" or "us"), so matching a job to a profile is a set intersection and
needs no geocoding (the engine does no I/O). The gazetteer is deliberately small: US states,
the states and provinces of a few more countries, common countries and the areas job posts use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

US_STATES = {
    "al": "alabama", "ak": "alaska", "az": "arizona", "ar": "arkansas", "ca": "california",
    "co": "colorado", "ct": "connecticut", "de": "delaware", "fl": "florida", "ga": "georgia",
    "hi": "hawaii", "id": "idaho", "il": "illinois", "in": "indiana", "ia": "iowa",
    "ks": "kansas", "ky": "kentucky", "la": "louisiana", "me": "maine", "md": "maryland",
    "ma": "massachusetts", "mi": "michigan", "mn": "minnesota", "ms": "mississippi",
    "mo": "missouri", "mt": "montana", "ne": "nebraska", "nv": "nevada", "nh": "new hampshire",
    "nj": "new jersey", "nm": "new mexico", "ny": "new york", "nc": "north carolina",
    "nd": "north dakota", "oh": "ohio", "ok": "oklahoma", "or": "oregon", "pa": "pennsylvania",
    "ri": "rhode island", "sc": "south carolina", "sd": "south dakota", "tn": "tennessee",
    "tx": "texas", "ut": "utah", "vt": "vermont", "va": "virginia", "wa": "washington",
    "wv": "west virginia", "wi": "wisconsin", "wy": "wyoming", "dc": "district of columbia",
}  # fmt: skip
COUNTRIES = {
    "us": "united states", "gb": "united kingdom", "ca": "canada", "de": "germany",
    "fr": "france", "nl": "netherlands", "es": "spain", "it": "italy", "pt": "portugal",
    "ie": "ireland", "be": "belgium", "at": "austria", "ch": "switzerland", "se": "sweden",
    "no": "norway", "dk": "denmark", "fi": "finland", "pl": "poland", "cz": "czechia",
    "ro": "romania", "gr": "greece", "hu": "hungary", "bg": "bulgaria", "hr": "croatia",
    "sk": "slovakia", "si": "slovenia", "ee": "estonia", "lv": "latvia", "lt": "lithuania",
    "lu": "luxembourg", "mt": "malta", "cy": "cyprus", "in": "india", "cn": "china",
    "jp": "japan", "kr": "south korea", "sg": "singapore", "au": "australia",
    "nz": "new zealand", "br": "brazil", "mx": "mexico", "ar": "argentina", "il": "israel",
    "ae": "united arab emirates", "za": "south africa", "ng": "nigeria", "ke": "kenya",
    "ua": "ukraine", "tr": "turkey", "eg": "egypt", "ph": "philippines", "vn": "vietnam",
    "id": "indonesia", "my": "malaysia", "pk": "pakistan", "hk": "hong kong", "tw": "taiwan",
    "co": "colombia", "cl": "chile", "pe": "peru",
}  # fmt: skip
# States and provinces outside the US, by name (a place line such as "Pune, Maharashtra" names
# no country): Canada, India, Australia, Germany (English and German names), the UK's nations.
# Names shared by two countries ("Punjab") or used as city names ("Victoria") are left out.
REGIONS = {
    **dict.fromkeys(
        ["ontario", "quebec", "british columbia", "alberta", "manitoba", "saskatchewan",
         "nova scotia", "new brunswick", "newfoundland and labrador", "prince edward island",
         "yukon", "northwest territories", "nunavut"], "ca"),
    **dict.fromkeys(
        ["andhra pradesh", "arunachal pradesh", "assam", "bihar", "chhattisgarh", "goa",
         "gujarat", "haryana", "himachal pradesh", "jharkhand", "karnataka", "kerala",
         "madhya pradesh", "maharashtra", "manipur", "meghalaya", "mizoram", "nagaland",
         "odisha", "orissa", "rajasthan", "sikkim", "tamil nadu", "telangana", "tripura",
         "uttar pradesh", "uttarakhand", "west bengal", "jammu and kashmir", "delhi ncr",
         "ncr"], "in"),
    **dict.fromkeys(
        ["new south wales", "queensland", "south australia", "western australia", "tasmania",
         "northern territory", "australian capital territory"], "au"),
    **dict.fromkeys(
        ["bavaria", "bayern", "baden württemberg", "baden wurttemberg", "hesse", "hessen",
         "north rhine westphalia", "nordrhein westfalen", "lower saxony", "niedersachsen",
         "saxony", "sachsen", "thuringia", "thüringen", "brandenburg", "rhineland palatinate",
         "rheinland pfalz", "schleswig holstein", "saarland", "mecklenburg vorpommern",
         "saxony anhalt", "sachsen anhalt"], "de"),
    **dict.fromkeys(["wales", "northern ireland"], "gb"),
}  # fmt: skip
# Region abbreviations written in capitals ("Toronto, ON", "Sydney, NSW") → (region, country).
# Codes that are also US states or countries ("WA", "PE", "NL", "SK") are left out; "VIC"
# adds no region name ("Victoria" is also a city in Canada).
REGION_CODES: dict[str, tuple[str | None, str]] = {
    "on": ("ontario", "ca"), "qc": ("quebec", "ca"), "bc": ("british columbia", "ca"),
    "ab": ("alberta", "ca"), "mb": ("manitoba", "ca"), "ns": ("nova scotia", "ca"),
    "nb": ("new brunswick", "ca"), "nsw": ("new south wales", "au"),
    "qld": ("queensland", "au"), "vic": (None, "au"), "tas": ("tasmania", "au"),
}  # fmt: skip
# Region names written with hyphens ("North Rhine-Westphalia") survive the split on "-" that
# separates "Hybrid - Berlin".
_HYPHENATED_REGION = re.compile(
    "|".join(re.escape(name).replace(r"\ ", "[ -]") for name in REGIONS if " " in name),
    re.IGNORECASE,
)
# Large cities of the countries whose codes are also US states (AR, CA, CO, DE, ID, IL, IN, MT):
# "Berlin, DE" is Germany, "Pune, IN" India, while "Wilmington, DE" stays Delaware. Used only to
# read such a code; a city alone never places anyone in a country.
_CITY_COUNTRY = {
    **dict.fromkeys(["buenos aires", "cordoba", "córdoba", "rosario", "mendoza"], "ar"),
    **dict.fromkeys(
        ["toronto", "vancouver", "montreal", "montréal", "ottawa", "calgary", "edmonton",
         "winnipeg", "halifax", "waterloo", "mississauga", "quebec city", "victoria"], "ca"),
    **dict.fromkeys(["bogota", "bogotá", "medellin", "medellín", "cali", "barranquilla"], "co"),
    **dict.fromkeys(
        ["berlin", "munich", "münchen", "hamburg", "frankfurt", "frankfurt am main", "cologne",
         "köln", "stuttgart", "düsseldorf", "dusseldorf", "leipzig", "dresden", "nuremberg",
         "nürnberg", "bonn", "karlsruhe", "mannheim", "essen", "dortmund"], "de"),
    **dict.fromkeys(["jakarta", "bandung", "surabaya", "denpasar", "yogyakarta"], "id"),
    **dict.fromkeys(["tel aviv", "jerusalem", "haifa", "herzliya", "beersheba"], "il"),
    **dict.fromkeys(
        ["mumbai", "bangalore", "bengaluru", "pune", "hyderabad", "chennai", "delhi",
         "new delhi", "noida", "gurgaon", "gurugram", "kolkata", "ahmedabad", "kochi",
         "jaipur", "chandigarh", "indore", "coimbatore", "trivandrum", "thiruvananthapuram",
         "nagpur", "lucknow", "bhubaneswar", "mysore", "mysuru", "vadodara", "surat"], "in"),
    **dict.fromkeys(["valletta", "sliema", "st julian's", "birkirkara"], "mt"),
}  # fmt: skip
_COUNTRY_ALIASES = {"usa": "us", "u.s.": "us", "u.s.a.": "us", "america": "us", "uk": "gb",
                    "england": "gb", "britain": "gb", "great britain": "gb", "scotland": "gb",
                    "holland": "nl", "uae": "ae", "deutschland": "de", "korea": "kr"}  # fmt: skip
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
}
_AREA_ALIASES = {"european union": "eu", "asia": "apac", "asia pacific": "apac",
                 "latin america": "latam", "na": "north america"}  # fmt: skip
_CITY_ALIASES = {"sf": "san francisco", "nyc": "new york", "bay area": "san francisco",
                 "la": "los angeles", "bengaluru": "bangalore", "bombay": "mumbai"}  # fmt: skip
_STATE_NAMES = frozenset(US_STATES.values()) | frozenset(REGIONS)
CITY = "city:"  # a term marking the city a place names ("city:berlin"), beside its bare name
STATE = "state:"  # a state named on its own ("Remote (Texas)"), not as a city's ("Austin, TX")
_FILLER = frozenset({"only", "first", "friendly", "ok", "or", "and"})
_US_STATE_NAMES = frozenset(US_STATES.values())
_COUNTRY_NAMES = frozenset(COUNTRIES.values())
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}", re.I)
# Words of a location field that name no place: "relocation offered", "visa sponsorship".
_NOT_PLACES = frozenset(
    "relocation relocate visa sponsorship sponsor offered provided available assistance "
    "required preferred negotiable flexible possible option options travel days week weeks "
    "office offices package benefits per month hq headquarters based commuting distance "
    "radius time zone any major full part contract permanent temporary fulltime "
    "parttime".split()
)
_ONLY = re.compile(r"\s+only$", re.I)  # "US only"
# Prose before a place, up to its last preposition: "within commuting distance of Austin",
# "Offices near Los Angeles", "Anywhere in the UK" → the place.
_LEAD = re.compile(
    r"^(?P<prose>.*?)\b(?:of|in|near|around|within|across|from|outside)\s+(?:the\s+)?"
    r"(?=\S)(?!.*\b(?:of|in|near|around|within|across|from|outside)\s)",
    re.I,
)
_CHUNK_SPLIT = re.compile(r"\s*([,/;|()–—-]+|\sor\s)\s*")
_REMOTE = re.compile(r"\b(remote|anywhere|work from home|wfh|distributed)\b", re.I)
_HYBRID = re.compile(r"\bhybrid\b", re.I)
_ONSITE = re.compile(r"\b(on-?site|in[- ]office|in person)\b", re.I)


@dataclass(frozen=True)
class Place:
    """A parsed location: display text, terms to match, countries it covers, remote policy."""

    text: str
    terms: frozenset[str]
    countries: frozenset[str]
    policy: str | None  # "remote", "hybrid", "onsite" or None when unsaid


def _norm(part: str) -> str:
    return " ".join(re.sub(r"[^\w\s.]", " ", part.lower()).replace(".", " ").split())


def parse_place(
    text: str | None, parts: Iterable[str | None] = (), country_code: str | None = None
) -> Place | None:
    """Parse free text ("Austin, TX", "Remote (EU)") plus optional structured parts and an ISO
    country code (JSON Resume ``countryCode``)."""
    raw = ", ".join(filter(None, [text or "", *(p or "" for p in parts)])).strip()
    code = (country_code or "").strip().lower()
    if not raw and not code:
        return None
    policy = "remote" if _REMOTE.search(raw) else None
    policy = "hybrid" if _HYBRID.search(raw) else policy
    policy = "onsite" if _ONSITE.search(raw) and policy is None else policy
    terms: set[str] = set()
    countries: set[str] = set()
    cleaned = _ONSITE.sub(" ", _HYBRID.sub(" ", _REMOTE.sub(" ", raw)))
    cleaned = _HYPHENATED_REGION.sub(lambda m: m.group().replace("-", " "), cleaned)
    cleaned = _DOTTED.sub(lambda m: m.group().replace(".", ""), cleaned)  # "D.C.", "U.S."
    ambiguous: list[tuple[str, str]] = []  # "DE", "IN", "CA": a US state or a country
    # Chunks with the separator before each: "LA" after "New Orleans," is Louisiana, after
    # "Austin /" Los Angeles.
    pieces = _CHUNK_SPLIT.split(cleaned)
    seps = ["", *pieces[1::2]]
    chunks = [_ONLY.sub("", _past_prose(c.strip())).strip() for c in pieces[0::2]]
    if cleaned == cleaned.lower():  # "san francisco, ca": its codes are codes
        chunks = [c.upper() if len(_norm(c)) == 2 else c for c in chunks]
    kept = [
        (c, sep)
        for c, sep in zip(chunks, seps, strict=True)
        if _norm(c) and (_norm(c) not in _FILLER or _is_us_state_code(c))  # "Portland, OR"
    ]
    chunks, seps = [c for c, _ in kept], [sep for _, sep in kept]
    previous = ""  # what the chunk before named: a city's state is no limit of its own
    for i, chunk in enumerate(chunks):
        word = _norm(chunk)
        if set(word.split()) & _NOT_PLACES:
            previous = ""  # prose ("relocation offered", "full-time", "US-based")
            continue
        if len(word) == 2 and chunk.isupper() and word in US_STATES and word in COUNTRIES:
            ambiguous.append((word, previous))
            previous = "state"
            continue
        # "LA" after "New Orleans," is Louisiana; alone or in a list of cities, Los Angeles
        alias = not (word in US_STATES and previous == "city" and "," in seps[i])
        kind = _add_term(word, chunk, terms, countries, city_alias=alias)
        after = chunks[i + 1] if i + 1 < len(chunks) else ""
        if kind == "state" and word in _US_STATE_NAMES and _is_us_state_code(after):
            kind = "city"  # "New York, NY", "Washington, DC": the city of that name
        if kind == "state" and previous != "city":  # "Remote (Texas)", not "Austin, TX"
            name = US_STATES.get(word) or REGION_CODES.get(word, (None, ""))[0] or word
            terms.add(STATE + name)
        if kind == "city" and (2 < len(word) or alias) and len(word.split()) <= 4:
            terms.add(CITY + (_CITY_ALIASES.get(word, word) if alias else word))
        elif kind == "city":
            terms.discard(word)
        previous = kind
    for word, before in ambiguous:
        # A country when the place names another country ("Pune, Maharashtra, IN"), a large
        # city of that country ("Berlin, DE") or puts the code in brackets ("Munich (DE)");
        # otherwise the US way of writing "City, ST".
        abroad = (
            bool(countries - {"us"})
            or f"({word.upper()})" in raw
            or any(_CITY_COUNTRY.get(term) == word for term in terms)
        )
        _add_term(word, word.upper(), terms, countries, as_country=abroad)
        if not abroad and before != "city":  # "Remote (CA only) - San Francisco"
            terms.add(STATE + US_STATES[word])
    if code:
        code = _COUNTRY_ALIASES.get(code, code)
        terms.update({code, COUNTRIES.get(code, code)})
        countries.add(code)
        raw = ", ".join(filter(None, [raw, code.upper()]))
    return Place(raw, frozenset(terms), frozenset(countries), policy)


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
    if code in COUNTRIES and (original.isupper() or word in _COUNTRY_ALIASES):
        terms.update({code, COUNTRIES[code]})
        countries.add(code)
        return "country"
    if word in REGIONS:
        country = REGIONS[word]
        terms.update({word, country, COUNTRIES[country]})
        countries.add(country)
        return "state"
    for abbr, name in US_STATES.items():
        if word == name:
            terms.update({abbr, name, "us", "united states"})
            countries.add("us")
            return "state"
    for abbr, name in COUNTRIES.items():
        if word == name:
            terms.update({abbr, name})
            countries.add(abbr)
            return "country"
    terms.add(word)
    return "city"


def _marked(terms: frozenset[str], marker: str) -> frozenset[str]:
    """The places a marker sets apart ("city:berlin" → "berlin" for CITY)."""
    return frozenset(t[len(marker) :] for t in terms if t.startswith(marker))


def location_fit(job: Place | None, person: Place | None, remote_only: bool = False) -> float:
    """0–1: how well a person's place suits the job's. 1 inside the narrowest place the job names
    (its city, else its state, else its country) or remote-compatible, 0.7 same region or
    country, 0.3 unknown, 0 elsewhere (or not remote when remote only)."""
    if job is None:
        return 1.0
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
    named -= {COUNTRIES.get(c, "") for c in job.countries}
    marked_cities = _marked(job.terms, CITY)
    cities = marked_cities or named - _STATE_NAMES  # unmarked: a parse from before markers
    regions = (named & _STATE_NAMES) - marked_cities  # "new york": the city, in NYC
    if job.policy == "remote":
        if cities:  # "Remote - Austin, TX": where the company sits; "Remote (Texas)" limits
            regions = set(_marked(job.terms, STATE))
        if not (regions or job.countries):
            return 1.0  # "Remote", "Remote (Berlin HQ)": anywhere
        cities = frozenset()
    person_cities = _marked(person.terms, CITY) or person.terms
    us_states = regions & _US_STATE_NAMES
    person_states = person.terms & _US_STATE_NAMES
    one_us_city = len(cities) == 1 and job.countries == {"us"} == person.countries
    inside = (
        # the same city, and for one US city in the same state ("Portland, OR" is not
        # Portland, Maine); elsewhere region codes are too often misread to overrule a city
        bool(cities & person_cities)
        and not (one_us_city and us_states and person_states and not us_states & person_states)
        if cities
        else bool(regions & person.terms)
        if regions
        else bool(person.countries & job.countries)
    )
    if inside:
        return 1.0
    if job.countries and person.countries & job.countries:
        return 0.7
    if not job.countries and job.terms & person.terms:
        return 0.7
    return 0.0
