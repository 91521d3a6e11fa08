"""Places and remote policy from free text; the location fit table."""

from __future__ import annotations

import pytest

from talentscout.engine.location import parse_place
from talentscout.engine.location_fit import location_fit


class TestParsePlace:
    def test_us_city_state(self) -> None:
        place = parse_place("San Francisco, CA")
        assert place is not None
        assert {"san francisco", "ca", "california", "us"} <= place.terms
        assert place.countries == {"us"}
        assert place.policy is None

    def test_remote_area(self) -> None:
        place = parse_place("Remote (EU)")
        assert place is not None
        assert place.policy == "remote"
        assert "de" in place.countries
        assert "gb" not in place.countries

    def test_hybrid_city_country(self) -> None:
        place = parse_place("Hybrid – Berlin, Germany")
        assert place is not None
        assert place.policy == "hybrid"
        assert {"berlin", "germany", "de"} <= place.terms

    @pytest.mark.parametrize(
        "text", ["Berlin, Germany (on site)", "On Site - Berlin", "Berlin (onsite)"]
    )
    def test_on_site_written_apart_is_a_policy_not_a_city(self, text: str) -> None:
        place = parse_place(text)
        assert place is not None
        assert place.policy == "onsite"
        assert not any("site" in term for term in place.terms), place.terms

    def test_country_code_is_a_country(self) -> None:
        place = parse_place(None, ["Toronto"], "CA")
        assert place is not None
        assert place.countries == {"ca"}
        assert "canada" in place.terms

    def test_empty(self) -> None:
        assert parse_place("") is None
        assert parse_place(None, [None]) is None


@pytest.mark.parametrize(
    ("job", "person", "fit"),
    [
        ("San Francisco, CA", "San Francisco, CA", 1.0),
        ("San Francisco, CA", "Austin, TX", 0.7),
        ("San Francisco, CA", "Berlin, Germany", 0.0),
        ("Remote (EU)", "Berlin, Germany", 1.0),
        ("Remote (EU)", "Austin, TX", 0.0),
        ("Remote", "Lima, Peru", 1.0),
        # the narrowest place the job names decides: a country, a state, a city
        ("Germany", "Berlin, Germany", 1.0),
        ("Germany", "Vienna, Austria", 0.0),
        ("Texas", "Dallas, TX", 1.0),
        ("Texas", "San Francisco, CA", 0.7),
        ("Bavaria, Germany", "Munich, Bavaria", 1.0),
        ("Bavaria, Germany", "Berlin, Germany", 0.7),
        ("New York, NY", "New York, NY", 1.0),
        ("New York, NY", "Buffalo, NY", 0.7),  # the city, not the state of that name
        ("NYC", "Rochester, NY", 0.7),
        ("Washington, DC", "Seattle, WA", 0.7),
        ("Washington, DC", "Washington, DC", 1.0),
        # a remote job limited to a state limits; its company's city does not
        ("Remote (Texas)", "Austin, TX", 1.0),
        ("Remote (Texas)", "San Francisco, CA", 0.7),
        ("Remote, Berlin", "Lima, Peru", 1.0),
        # words that name no place are no place
        ("Germany (relocation offered)", "Berlin, Germany", 1.0),
        ("US only", "Austin, TX", 1.0),
        ("Remote - Austin, TX", "Denver, CO", 1.0),  # the company's city and state
        # written in lower case, or with dots, a place is still the place
        ("berlin", "Berlin, Germany", 1.0),
        ("san francisco, ca", "San Francisco, CA", 1.0),
        ("san francisco, ca", "Austin, TX", 0.7),
        ("Washington, DC", "Washington, D.C.", 1.0),
        # a state or province with its country's code is no city
        ("Karnataka, IN", "Bangalore, Karnataka", 1.0),
        ("Ontario, CA", "Toronto, ON", 1.0),
        ("new york, ny", "Buffalo, NY", 0.7),
        ("remote - u.s.", "London, UK", 0.0),
        # prose beside a place is no city; a remote job's own state limit survives its city
        ("Texas, within commuting distance", "Dallas, TX", 1.0),
        ("California (any major city)", "San Diego, CA", 1.0),
        ("Remote (Texas) - Austin", "Denver, CO", 0.7),
        ("Austin, TX - remote within Texas", "Denver, CO", 0.7),
        ("Remote (CA only) - San Francisco", "Denver, CO", 0.7),
        ("hybrid - within commuting distance of austin, tx", "Austin, TX", 1.0),
        ("hybrid - within commuting distance of austin, tx", "Dallas, TX", 0.7),
        ("Near Boston, MA", "Springfield, MA", 0.7),
        ("The Woodlands, TX", "Dallas, TX", 0.7),
        ("The Hague, Netherlands", "Amsterdam, Netherlands", 0.7),
        ("Remote in the UK", "Mumbai, India", 0.0),
        ("District of Columbia", "Washington, DC", 1.0),  # a name with "of" stays whole
        # ATS codes and metro names joined by hyphens; "-based" limits a remote job
        ("US-CA-San Francisco", "San Francisco, CA", 1.0),
        ("Austin-TX", "Austin, TX", 1.0),
        ("Dallas, TX", "Dallas-Fort Worth Metroplex", 1.0),
        ("Remote (US-based)", "London, UK", 0.0),
        ("Full-time, Remote (Texas) - Austin, TX", "Denver, CO", 0.7),
        # several cities: each is its own place; region codes abroad never overrule a city
        ("Boston, MA; New York, NY", "New York, NY", 1.0),
        ("Perth, Australia", "Perth, WA", 1.0),
        ("Chennai, TN", "Chennai, Tamil Nadu, India", 1.0),
        ("Remote (The Netherlands)", "Amsterdam, Netherlands", 1.0),
        ("Remote - US | Offices near Los Angeles, CA", "Austin, TX", 1.0),
        ("Remote (Canada or US)", "Toronto, ON", 1.0),
        ("Remote (Canada or US)", "Mumbai, India", 0.0),
        # a city is the same city only in the same state and country
        ("Portland, OR", "Portland, ME", 0.7),
        ("portland, or", "Portland, OR", 1.0),
        # cities listed side by side stay cities
        ("Hybrid - NYC / SF", "San Francisco, CA", 1.0),
        ("Austin / LA", "Los Angeles, CA", 1.0),
        ("Full-time, Berlin", "Berlin, Germany", 1.0),
        # a city written in lower case beside a capitalised state is still that city
        ("San Francisco, CA", "san francisco, CA", 1.0),
        # "LA" alone is Los Angeles; after a city it is Louisiana
        ("LA", "Los Angeles, CA", 1.0),
        ("LA", "New Orleans, LA", 0.7),  # Los Angeles is in the US: same country
        ("New Orleans, LA", "Baton Rouge, LA", 0.7),
    ],
)
def test_location_fit(job: str, person: str, fit: float) -> None:
    assert location_fit(parse_place(job), parse_place(person)) == fit


def test_unknown_person_location() -> None:
    assert location_fit(parse_place("Berlin, Germany"), None) == 0.3
    assert location_fit(None, parse_place("Berlin, Germany")) == 1.0


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Pune, Maharashtra", "in"),
        ("Hyderabad, Andhra Pradesh", "in"),
        ("Toronto, ON", "ca"),
        ("Vancouver, British Columbia", "ca"),
        ("Brisbane, Queensland", "au"),
        ("Munich, Bavaria", "de"),
        ("Düsseldorf, North Rhine-Westphalia", "de"),
        ("Cardiff, Wales", "gb"),
    ],
)
def test_states_and_provinces_outside_the_us_name_their_country(text: str, country: str) -> None:
    place = parse_place(text)
    assert place is not None
    assert place.countries == {country}


def test_a_region_places_a_person_in_the_jobs_country() -> None:
    assert location_fit(parse_place("Pune, India"), parse_place("Mumbai, Maharashtra")) == 0.7
    assert location_fit(parse_place("Berlin, Germany"), parse_place("Pune, Maharashtra")) == 0.0


def test_region_codes_never_hide_a_country_or_a_us_state() -> None:
    from talentscout.engine.location import COUNTRIES, REGION_CODES, US_STATES

    assert not set(REGION_CODES) & (set(COUNTRIES) | set(US_STATES))
    utrecht = parse_place("Utrecht, NL")
    assert utrecht is not None
    assert utrecht.countries == {"nl"}
    melbourne = parse_place("Melbourne, VIC")
    assert melbourne is not None
    assert "victoria" not in melbourne.terms
    assert location_fit(parse_place("Victoria, BC"), melbourne) == 0.0


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Pune, Maharashtra, IN", {"in"}),  # India: another part names India's region
        ("Indianapolis, IN", {"us"}),  # the US way of writing City, ST
        ("Munich (DE)", {"de"}),  # a code in brackets is a country
        ("Wilmington, DE", {"us"}),
        ("Toronto, ON, CA", {"ca"}),
        ("San Jose, CA", {"us"}),
        ("Paris, Île-de-France (FR)", {"fr"}),  # the "de" inside a name is no country
        ("Berlin, DE", {"de"}),  # a large German city
        ("Bangalore, IN", {"in"}),
        ("Toronto, CA", {"ca"}),
        ("Victoria, BC", {"ca"}),
    ],
)
def test_codes_that_are_both_a_us_state_and_a_country(text: str, countries: set[str]) -> None:
    place = parse_place(text)
    assert place is not None
    assert place.countries == countries


@pytest.mark.parametrize(
    ("job", "person", "fit"),
    [
        # a metro holds its principal cities, both ways; a city it lacks is only its state
        ("London, UK", "Greater London", 1.0),
        ("London", "London Area, United Kingdom", 1.0),
        ("San Francisco, CA", "San Francisco Bay Area", 1.0),
        ("Bay Area", "San Jose, CA", 1.0),
        ("San Francisco Bay Area", "Sacramento, CA", 0.7),
        ("Boston, MA", "Greater Boston", 1.0),
        ("Greater Boston", "Cambridge, MA", 1.0),
        ("Massachusetts", "Greater Boston", 1.0),
        ("Cambridge, UK", "Greater Boston", 0.0),
        ("Seattle, WA", "Greater Seattle Area", 1.0),
        ("Dallas, TX", "DFW", 1.0),
        ("Fort Worth, TX", "Dallas-Fort Worth Metroplex", 1.0),
        ("New York, NY", "Greater New York City Area", 1.0),
        ("Saint Paul, MN", "Twin Cities", 1.0),
        ("Minneapolis, MN", "Greater Minneapolis-St. Paul Area", 1.0),
        ("Durham, NC", "Research Triangle", 1.0),
        ("Texas", "Austin, Texas Metropolitan Area", 1.0),
        # saints and their abbreviations are one city
        ("St. Louis, MO", "Saint Louis, Missouri", 1.0),
        ("St Louis", "St. Louis, MO", 1.0),
        ("Saint Paul, MN", "St. Paul, MN", 1.0),
        ("St. Petersburg, FL", "Saint Petersburg, FL", 1.0),
        ("Sainte-Foy", "Ste. Foy", 1.0),
        # a code after a known city is its country's region code
        ("Canada", "St. John's, NL", 1.0),
        ("Netherlands", "St. John's, NL", 0.0),
        ("Canada", "Saskatoon, SK", 1.0),
        ("Slovakia", "Saskatoon, SK", 0.0),
        ("Slovakia", "Bratislava, SK", 1.0),
        ("Canada", "Charlottetown, PE", 1.0),
        ("Peru", "Lima, PE", 1.0),
        ("India", "Bangalore, KA", 1.0),
        # one city's name in two countries is two cities
        ("Paris, France", "Paris, TX", 0.0),
        ("London, UK", "London, Ontario", 0.0),
        ("Paris, France", "Paris", 1.0),
        ("Paris", "Paris, France", 1.0),
        # hyphenated cities stay whole
        ("Winston-Salem, NC", "Winston Salem, NC", 1.0),
        ("Salem, OR", "Winston-Salem, NC", 0.7),
        ("Wilkes-Barre, PA", "Wilkes-Barre, PA", 1.0),
        ("Barre, VT", "Wilkes-Barre, PA", 0.7),
        ("Aix-en-Provence, France", "Aix-en-Provence", 1.0),
        ("Stratford-upon-Avon", "Stratford-upon-Avon, UK", 1.0),
        ("Avon", "Stratford-upon-Avon, UK", 0.0),
        ("US-NC-Winston-Salem", "Winston-Salem, NC", 1.0),
        # a remote job within a radius of a city is limited to its state
        ("Remote (within 50 miles of Austin, TX)", "Dallas, TX", 1.0),
        ("Remote (within 50 miles of Austin, TX)", "Denver, CO", 0.7),
        ("Remote (within 50 km of Austin)", "Denver, CO", 0.7),
        ("Remote (within 50 miles of Austin)", "Austin, TX", 1.0),
        # a known city is in its country; an unknown one is nowhere known
        ("Ireland", "Cork", 1.0),
        ("India", "Bengaluru", 1.0),
        ("Germany", "Munich", 1.0),
        ("Ireland", "Smallvillezz", 0.3),
        ("India", "Cambridge", 0.3),  # namesakes in three countries
        ("Remote (EU)", "Smallvillezz", 0.5),
        # …and a US city its state, when one of its namesakes dominates
        ("Texas", "Austin", 1.0),
        ("Remote (Texas)", "Austin", 1.0),
        ("Texas", "Portland", 0.7),
        # every country is read by its name; a country's name before a US state is a town
        ("Ghana", "Accra, Ghana", 1.0),
        ("Kenya", "Accra", 0.0),
        ("Remote (Rwanda)", "Kigali", 1.0),
        ("Côte d’Ivoire", "Abidjan", 1.0),
        ("Lebanon", "Lebanon, PA", 0.0),
        ("Pennsylvania", "Lebanon, PA", 1.0),
    ],
)
def test_location_fit_with_the_gazetteer(job: str, person: str, fit: float) -> None:
    assert location_fit(parse_place(job), parse_place(person)) == fit


@pytest.mark.parametrize(
    "job", ["TBD", "Multiple locations", "Various", "Flexible", "Several locations", "N/A"]
)
def test_a_job_location_that_names_no_place_asks_nothing(job: str) -> None:
    place = parse_place(job)
    assert place is not None
    assert not place.terms
    assert not place.countries
    assert location_fit(place, parse_place("Berlin, Germany")) == 1.0


def test_a_city_of_a_remote_job_implies_no_country() -> None:
    place = parse_place("Remote, Berlin")
    assert place is not None
    assert not place.countries


def test_a_resume_word_is_no_place_by_its_city_alone() -> None:
    place = parse_place("Jackson", infer_country=False)
    assert place is not None
    assert not place.countries


def test_a_remote_job_within_a_radius_of_a_metro_is_limited_to_its_state() -> None:
    job = parse_place("Remote (within 30 miles of the Bay Area)")
    assert location_fit(job, parse_place("Los Angeles, CA")) == 1.0
    assert location_fit(job, parse_place("Austin, TX")) == 0.7


def test_a_city_that_is_its_own_region_is_said_once() -> None:
    place = parse_place(None, ["Berlin", "berlin"], "DE")
    assert place is not None
    assert place.text == "Berlin, DE"
