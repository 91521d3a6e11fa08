"""Location in a recruiter's words: "suits" only where the job is; another city of the same
country, and a stated willingness to relocate, said as what they are."""

from __future__ import annotations

from typing import Any

import pytest

from talentscout.engine.explain import Explanation, explain
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.scored import ScoredCandidate
from talentscout.engine.taxonomy import default_taxonomy
from tests.engine.conftest import AS_OF

JOB = "Requirements: Python and PostgreSQL."


def _engineer_in(city: str, country: str, summary: str = "") -> dict[str, Any]:
    return {
        "basics": {
            "label": "Backend Engineer",
            "location": {"city": city, "countryCode": country},
            "summary": summary,
        },
        "work": [
            {
                "name": "Nordwind",
                "position": "Backend Engineer",
                "startDate": "2018-01",
                "summary": "Python services on PostgreSQL.",
            }
        ],  # fmt: skip
    }


def _explained(location: str, data: dict[str, Any]) -> tuple[ScoredCandidate, Explanation]:
    tax = default_taxonomy()
    icp = build_icp("Backend Engineer", JOB, location, taxonomy=tax)
    profile = parse_profile(data, as_of=AS_OF, taxonomy=tax)
    (scored,) = score_profiles(icp, [profile], [0.6], as_of=AS_OF)
    return scored, explain(icp, profile, scored)


@pytest.mark.parametrize(
    ("job", "person", "flag"),
    [
        ("Berlin, Germany (on site)", ("Hamburg", "DE"),
         'Location: "Hamburg, DE": same country, another city — the job is on site in Berlin'),
        ("Berlin, Germany (hybrid, 3 days a week on site)", ("Munich", "DE"),
         'Location: "Munich, DE": same country, another city — the job is hybrid in Berlin'),
        ("Berlin, Germany", ("Hamburg", "DE"),
         'Location: "Hamburg, DE": same country, another city — the job is in Berlin'),
        ("Austin, TX (on-site)", ("Dallas, TX", "US"),
         'Location: "Dallas, TX, US": same state, another city — the job is on site in Austin'),
    ],
)  # fmt: skip
def test_another_city_of_the_same_country_is_partial_not_suits(
    job: str, person: tuple[str, str], flag: str
) -> None:
    scored, ex = _explained(job, _engineer_in(*person))
    assert scored.scores["location"] == 70  # partial credit, as before
    assert flag in ex.red_flags, ex.red_flags
    assert not any(p.startswith("Location:") for p in ex.fit_points), ex.fit_points


def test_the_same_city_suits() -> None:
    scored, ex = _explained("Berlin, Germany (on site)", _engineer_in("Berlin", "DE"))
    assert scored.scores["location"] == 100
    assert 'Location: "Berlin, DE" suits Berlin, Germany (on site)' in ex.fit_points
    assert not any(f.startswith("Location:") for f in ex.red_flags)


def test_open_to_relocation_is_said() -> None:
    data = _engineer_in("Warsaw", "PL", "Open to relocating to Berlin.")
    scored, ex = _explained("Berlin, Germany (on site)", data)
    assert scored.scores["location"] == 50
    assert 'Location: "Warsaw, PL": open to relocation — the job is on site in Berlin' in (
        ex.red_flags
    )
    stays = _explained("Berlin, Germany (on site)", _engineer_in("Warsaw", "PL"))[1]
    assert 'Location: "Warsaw, PL", job is Berlin, Germany (on site)' in stays.red_flags
