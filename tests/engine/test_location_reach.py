"""A remote option within a region ("Remote within EU possible") widens where a person fits;
qualified German city names ("Frankfurt am Main", "Frankfurt a. M.") are the city; the
location flag says a remote job's region, not its office city."""

from __future__ import annotations

import pytest

from talentscout.engine.icp import build_icp
from talentscout.engine.location import Place, parse_place
from talentscout.engine.location_fit import location_fit
from talentscout.engine.location_reach import remote_reach
from tests.engine.test_location_words import _engineer_in, _explained

JOB = "Requirements: Python and PostgreSQL."


def _fit(location: str, description: str, person: str) -> float:
    icp = build_icp("Backend Engineer", description, location)
    job = Place(
        icp.location or "",
        frozenset(icp.location_terms),
        frozenset(icp.location_countries),
        icp.remote_policy,
    )
    return location_fit(job, parse_place(person))


@pytest.mark.parametrize(
    ("location", "description"),
    [
        ("Amsterdam, Netherlands", f"{JOB}\nRemote within EU possible."),
        ("Amsterdam, Netherlands (Remote within EU possible)", JOB),
        ("Remote within EU possible", JOB),
    ],
)
def test_a_remote_option_within_the_eu_fits_eu_countries_only(
    location: str, description: str
) -> None:
    assert _fit(location, description, "Paris, France") == 1.0
    assert _fit(location, description, "Berlin, Germany") == 1.0
    assert _fit(location, description, "Amsterdam, Netherlands") == 1.0
    assert _fit(location, description, "New York, NY") == 0.0


@pytest.mark.parametrize(
    ("location", "description", "inside", "outside"),
    [
        ("Berlin", f"{JOB} Remote work is possible within Germany.", "Munich, Germany",
         "Vienna, Austria"),
        ("Remote (DACH)", JOB, "Vienna, Austria", "Paris, France"),
        ("Austin, TX", f"{JOB} Remote - anywhere in the US.", "Boston, MA", "Toronto, Canada"),
    ],
)  # fmt: skip
def test_a_remote_option_within_a_country_or_region(
    location: str, description: str, inside: str, outside: str
) -> None:
    assert _fit(location, description, inside) == 1.0
    assert _fit(location, description, outside) == 0.0


def test_remote_teams_in_a_city_widen_nothing() -> None:
    icp = build_icp("Backend Engineer", f"{JOB} Our remote teams in Berlin ship weekly.", "Berlin")
    assert icp.remote_policy is None
    assert icp.location_countries == ("de",)


@pytest.mark.parametrize(
    "written", ["Frankfurt am Main", "Frankfurt/Main", "Frankfurt a. M.", "Frankfurt am Main, DE"]
)
def test_frankfurt_am_main_is_frankfurt(written: str) -> None:
    job, person = parse_place(written), parse_place("Frankfurt, DE")
    assert location_fit(job, person) == 1.0
    assert location_fit(person, job) == 1.0


def test_frankfurt_an_der_oder_is_another_city() -> None:
    assert location_fit(parse_place("Frankfurt (Oder)"), parse_place("Frankfurt, DE")) == 0.7


def test_a_remote_job_is_worded_by_its_region_not_its_office() -> None:
    data = _engineer_in("New York", "US", "Open to relocating to Europe.")
    _, ex = _explained("Amsterdam, Netherlands (Remote within EU possible)", data)
    flags = [f for f in ex.red_flags if f.startswith("Location:")]
    assert flags == [
        'Location: "New York, US": open to relocation — the job is remote within the EU'
    ]
    assert not any("within Amsterdam" in f for f in ex.red_flags)


def test_the_elsewhere_cap_names_the_region() -> None:
    _, ex = _explained("Amsterdam, Netherlands (Remote within EU possible)",
                       _engineer_in("New York", "US"))  # fmt: skip
    assert any('"New York, US" is outside the EU and' in f for f in ex.red_flags), ex.red_flags


@pytest.mark.parametrize(
    "description",
    [
        "Hybrid: 3 days in our Munich office. Remote work within Germany is not possible.",
        "No remote within Germany.",
    ],
)
def test_remote_reach_said_as_not_allowed_widens_nothing(description: str) -> None:
    assert remote_reach(description) is None


def test_a_hybrid_job_stays_hybrid_whatever_its_text_says_of_remote_work() -> None:
    icp = build_icp(
        "Backend Engineer",
        "Occasional remote work within Germany possible.",
        "Munich, Germany (Hybrid)",
    )
    assert icp.remote_policy == "hybrid"
