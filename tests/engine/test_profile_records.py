"""Country fields of imported profiles: names read as ISO codes, and warnings for what the
location parser would misplace."""

from __future__ import annotations

import pytest

from talentscout.engine.location import iso_country, parse_place
from talentscout.engine.location_fit import location_fit
from talentscout.engine.profile_records import location_warnings


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("France", "FR"), ("  germany ", "DE"), ("fr", "FR"), ("DE", "DE"), ("UK", "GB"),
        ("England", "GB"), ("the Netherlands", "NL"), ("USA", "US"), ("United States", "US"),
        ("Deutschland", "DE"), ("Türkiye", "TR"), ("Ivory Coast", "CI"), ("GA", "GA"),
    ],
)  # fmt: skip
def test_country_names_and_codes_give_the_iso_code(written: str, code: str) -> None:
    assert iso_country(written) == code


@pytest.mark.parametrize("written", ["Narnia", "Texas", "EU", "Paris", "Remote", ""])
def test_what_names_no_single_country_gives_no_code(written: str) -> None:
    assert iso_country(written) is None


def test_a_country_name_as_country_code_places_the_person_in_that_country() -> None:
    # ATS exports often write the name where the code belongs: "France" is read as FR.
    job = parse_place("Paris, France")
    assert location_fit(job, parse_place(None, ["Paris"], "France")) == 1.0
    assert location_fit(job, parse_place(None, ["Lyon"], "the Netherlands")) == 0.0
    assert location_warnings({"basics": {"location": {"countryCode": "France"}}}) == []


def test_a_country_code_that_names_no_country_is_warned_about() -> None:
    [(field, message)] = location_warnings({"basics": {"location": {"countryCode": "Narnia"}}})
    assert field == "basics.location.countryCode"
    assert message == (
        "'Narnia' is not an ISO 3166-1 alpha-2 country code or a country name: location "
        "matching places this profile in no known country"
    )


def test_codes_the_parser_reads_are_not_warned_about() -> None:
    for code in ("FR", "de", "UK", "usa"):
        assert location_warnings({"basics": {"location": {"countryCode": code}}}) == []
    assert location_warnings({"basics": {"location": "Berlin"}}) == []
    assert location_warnings({"resumeText": "x"}) == []


def test_a_country_field_is_not_read_and_says_so() -> None:
    unknown = location_warnings({"basics": {"location": {"country": "Narnia"}}})
    assert unknown == [
        ("basics.location.country", "'Narnia' is not a country name or code TalentScout knows; "
         "it is kept as written and places this profile in no country"),
    ]  # fmt: skip
    known = location_warnings({"basics": {"location": {"country": "France"}}})
    assert known == [
        ("basics.location.country", "not read: a profile's country is its countryCode ('FR' here)")
    ]
