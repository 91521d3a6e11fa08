"""The gazetteer: name keys, namesakes, region codes after a city, metro areas."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from talentscout.engine import places
from talentscout.engine.places import (
    COUNTRIES,
    REGION_CODES,
    REGION_CODES_ABROAD,
    US_STATES,
    country_of,
    metro,
    place_key,
    region_after,
    us_state_of,
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("St. Louis", "saint louis"),
        ("St Louis", "saint louis"),
        ("Saint-Louis", "saint louis"),
        ("Ste. Foy", "sainte foy"),
        ("St. John's", "saint johns"),
        ("Ft. Worth", "fort worth"),
        ("Düsseldorf", "dusseldorf"),
        ("Winston-Salem", "winston salem"),
    ],
)
def test_place_key(name: str, key: str) -> None:
    assert place_key(name) == key


def test_the_data_names_its_source_and_is_keyed_as_looked_up() -> None:
    data = resources.files(places.__package__ or "").joinpath(places.DATA_FILE).read_bytes()
    lines = gzip.decompress(data).decode().splitlines()
    assert "GeoNames" in lines[0]
    assert "CC BY 4.0" in lines[0]
    keys = [line.split("\t")[0] for line in lines if not line.startswith("#")]
    assert all(place_key(k) == k for k in keys[::50])


@pytest.mark.parametrize(
    ("key", "country"),
    [
        ("cork", "ie"),
        ("bengaluru", "in"),
        ("bangalore", "in"),  # an English name GeoNames lists as an alternate
        ("london", "gb"),  # 8.9M, far above London, Ontario
        ("paris", "fr"),
        ("portland", "us"),
        ("cambridge", None),  # England, Massachusetts and Ontario are near in size
        ("saint louis", None),  # Missouri and Senegal
        ("nowhereville", None),
    ],
)
def test_a_city_implies_its_country_only_when_one_namesake_dominates(
    key: str, country: str | None
) -> None:
    assert country_of(key) == country


def test_a_city_implies_its_us_state_only_when_one_namesake_dominates() -> None:
    assert us_state_of("austin") == "tx"
    assert us_state_of("portland") == "or"
    assert us_state_of("springfield") is None
    assert us_state_of("london") is None  # dominated by a city abroad


@pytest.mark.parametrize(
    ("city", "code", "country"),
    [
        ("saint johns", "nl", "ca"),
        ("saskatoon", "sk", "ca"),
        ("perth", "wa", "au"),
        ("chennai", "tn", "in"),
        ("wilmington", "de", "us"),  # a US city in that state
        ("vancouver", "wa", "us"),  # Vancouver, Washington, though Canada's is larger
        ("berlin", "de", None),  # no region: the code is left to read as a country
        ("nowhereville", "sk", None),
    ],
)
def test_region_after_a_city(city: str, code: str, country: str | None) -> None:
    assert region_after(city, code) == country


def test_region_codes_abroad_name_known_countries() -> None:
    assert set(REGION_CODES_ABROAD) <= set(COUNTRIES)
    for country, codes in REGION_CODES_ABROAD.items():
        for code, region in codes.items():
            if code in REGION_CODES:  # read anywhere: both tables must agree
                assert REGION_CODES[code] == (region, country)


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("greater boston", "boston"),
        ("san francisco bay area", "san francisco"),
        ("bay area", "san francisco"),
        ("dfw", "dallas"),
        ("dallas fort worth metroplex", "dallas"),
        ("greater new york city area", "new york"),
        ("twin cities", "minneapolis"),
        ("research triangle", "raleigh"),
        ("greater toronto area", "toronto"),
    ],
)
def test_metro_names(name: str, core: str) -> None:
    area = metro(name)
    assert area is not None
    assert area.cities[0] == core
    assert area.country in COUNTRIES
    assert not area.region or area.region in US_STATES or area.region in REGION_CODES


@pytest.mark.parametrize("name", ["boston", "dallas", "nyc", "greater london", "springfield"])
def test_a_core_city_alone_or_a_city_without_a_metro_entry_is_no_metro(name: str) -> None:
    assert metro(name) is None


def test_known_names_keep_their_hyphens() -> None:
    assert places.known("winston salem")
    assert places.known("stratford upon avon")
    assert places.known("dallas fort worth metroplex")
    assert not places.known("us ca san francisco")
