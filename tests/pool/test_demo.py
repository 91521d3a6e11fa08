"""The demo pool must be deterministic, clearly synthetic, varied and importable as-is."""

from __future__ import annotations

import json
import random
import re
import string
import unicodedata
from collections import Counter
from typing import Any

import pytest

from talentscout.pool import _demo_data as data
from talentscout.pool import demo
from talentscout.pool.demo import (
    FAMILIES,
    LEVELS,
    NOTE,
    PLACEHOLDERS,
    TRACKS,
    demo_profile,
    generate_demo_pool,
    iter_demo_pool,
)
from talentscout.pool.identity import identity_keys
from talentscout.pool.schemas import ProfileIn

REF = "2026-11"
YM = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
EMAIL = re.compile(r"[a-z0-9]+\.[a-z0-9]+\.\d+@example\.com")
YEARS = re.compile(r"with (\d+|less than a) years? of experience")
FAMILY = {family.key: family for family in FAMILIES}


@pytest.fixture(scope="module")
def pool() -> list[dict[str, Any]]:
    return generate_demo_pool()


def structured(pool: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [p for p in pool if "basics" in p]


def text_only(pool: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [p for p in pool if "resumeText" in p]


def email_of(profile: dict[str, Any]) -> str:
    if "basics" in profile:
        return str(profile["basics"]["email"])
    match = EMAIL.search(profile["resumeText"])
    assert match, profile["resumeText"]
    return match.group()


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def test_same_arguments_give_identical_output(pool: list[dict[str, Any]]) -> None:
    random.seed(1)  # the global RNG must not matter...
    state = random.getstate()
    again = generate_demo_pool(3000, 20261128)
    assert random.getstate() == state  # ...nor be consumed
    assert json.dumps(again, sort_keys=True) == json.dumps(pool, sort_keys=True)
    assert json.dumps(generate_demo_pool(50, seed=7)) == json.dumps(generate_demo_pool(50, seed=7))


def test_other_seed_gives_other_pool(pool: list[dict[str, Any]]) -> None:
    assert json.dumps(generate_demo_pool(20, seed=1)) != json.dumps(pool[:20])


def test_profiles_are_stable_by_index(pool: list[dict[str, Any]]) -> None:
    assert generate_demo_pool(25) == pool[:25]
    assert list(iter_demo_pool(5)) == pool[:5]
    assert demo_profile(1234) == pool[1234]


def test_count() -> None:
    assert len(generate_demo_pool(17)) == 17
    assert generate_demo_pool(0) == []
    with pytest.raises(ValueError, match="count"):
        generate_demo_pool(-1)


def test_default_pool_is_3000() -> None:
    assert len(generate_demo_pool()) == 3000


def test_every_profile_is_marked_synthetic(pool: list[dict[str, Any]]) -> None:
    for profile in pool:
        assert profile["source"] == "demo"
        meta = profile["meta"]
        assert meta["generated"] is True
        assert meta["generator"] == "talentscout-demo"
        assert meta["note"] == NOTE
        assert meta["roleFamily"] in FAMILY
        assert meta["seniority"] in LEVELS


def test_external_ids_are_stable_and_unique(pool: list[dict[str, Any]]) -> None:
    ids = [p["externalIds"]["demo"] for p in pool]
    assert ids == [f"demo-{i:06d}" for i in range(len(pool))]


def test_emails_are_unique_and_on_example_com(pool: list[dict[str, Any]]) -> None:
    emails = [email_of(p) for p in pool]
    assert len(set(emails)) == len(emails)
    for index, email in enumerate(emails):
        assert EMAIL.fullmatch(email), email
        assert email.endswith(f".{index}@example.com")


def test_contact_details_are_fake(pool: list[dict[str, Any]]) -> None:
    urls = []
    for profile in structured(pool):
        basics = profile["basics"]
        if "phone" in basics:
            assert re.fullmatch(r"\+1-555-01\d\d", basics["phone"])
        first = basics["email"].split(".")[0]
        assert demo._ascii(basics["name"]).startswith(first)
        networks = [p["network"] for p in basics["profiles"]]
        assert networks[0] == "LinkedIn"
        assert set(networks) <= {"LinkedIn", "GitHub"}
        for link in basics["profiles"]:
            assert link["url"].endswith("-demo")
            urls.append(link["url"])
        for role in profile["work"]:
            assert role.get("url", "https://x.example").endswith(".example")
    assert len(set(urls)) == len(urls)
    assert any("github.com" in url for url in urls)


def test_no_two_profiles_share_an_identity_key(pool: list[dict[str, Any]]) -> None:
    """Otherwise importing the pool would silently merge different demo people."""
    owners: dict[tuple[str, str], int] = {}
    for index, profile in enumerate(pool):
        for key in identity_keys(profile):
            assert owners.setdefault(key, index) == index, key


def test_profiles_validate_as_importable(pool: list[dict[str, Any]]) -> None:
    for profile in pool:
        model = ProfileIn.model_validate(profile)
        assert model.has_content()


def test_many_role_families_seniorities_and_places(pool: list[dict[str, Any]]) -> None:
    assert len(FAMILIES) >= 40
    families = Counter(p["meta"]["roleFamily"] for p in pool)
    assert len(families) >= 40
    assert {"registered-nurse", "sap-consultant", "teacher", "legal-counsel"} <= set(families)
    assert set(Counter(p["meta"]["seniority"] for p in pool)) == set(LEVELS)
    people = structured(pool)
    assert len({p["basics"]["location"]["countryCode"] for p in people}) >= 20
    assert len({p["basics"]["location"]["city"] for p in people}) >= 40
    assert any(p["basics"]["location"]["city"] == "Remote" for p in people)
    assert len({p["basics"]["name"].split()[0] for p in people}) >= 200
    assert any("languages" in p for p in people)


def test_about_ten_percent_are_resume_text_only(pool: list[dict[str, Any]]) -> None:
    texts = text_only(pool)
    assert 0.07 <= len(texts) / len(pool) <= 0.13
    for profile in texts:
        assert set(profile) == {"resumeText", "externalIds", "source", "meta"}


def test_resume_text_reads_like_a_resume(pool: list[dict[str, Any]]) -> None:
    for profile in text_only(pool):
        text = profile["resumeText"]
        email = email_of(profile)
        assert fold(email.split(".")[0]) in fold(text).replace(" ", "").replace("-", "")
        assert re.search(r"\b(19|20)\d\d\b", text), "dated work history"
        assert re.search(r"(?im)^skills", text)
        assert re.search(r"(?im)^(experience|work history)$", text)
        assert not re.search(r"[{}]", text)


def test_dates_are_valid_and_current_roles_consistent(pool: list[dict[str, Any]]) -> None:
    currently_employed = 0
    for profile in structured(pool):
        work = profile["work"]
        assert 1 <= len(work) <= 6
        for role in work:
            assert YM.match(role["startDate"])
            assert role["startDate"] <= REF
            if "endDate" in role:
                assert YM.match(role["endDate"])
                assert role["startDate"] <= role["endDate"] <= REF
        assert all("endDate" in role for role in work[1:]), "only the latest role can be current"
        for newer, older in zip(work, work[1:], strict=False):
            assert older["endDate"] <= newer["startDate"], "roles must not overlap"
        currently_employed += "endDate" not in work[0]
        assert profile["basics"]["label"].startswith(work[0]["position"] + " · ")
        for entry in profile["education"]:
            assert YM.match(entry["startDate"])
            assert entry["startDate"] < entry.get("endDate", "9999-99")
        for cert in profile.get("certificates", []):
            assert YM.match(cert["date"])
            assert cert["date"] <= REF
    assert 0.7 < currently_employed / len(structured(pool)) < 0.95


def test_seniority_rises_with_experience(pool: list[dict[str, Any]]) -> None:
    for profile in structured(pool):
        family = FAMILY[profile["meta"]["roleFamily"]]
        interns = family.titles[0]
        levels = [family.titles.index(role["position"]) for role in reversed(profile["work"])]
        assert levels == sorted(levels), profile["work"]
        assert (
            profile["work"][0]["position"]
            == family.titles[LEVELS.index(profile["meta"]["seniority"])]
        )
        match = YEARS.search(profile["basics"]["summary"])
        assert match, profile["basics"]["summary"]
        years = 0 if match.group(1) == "less than a" else int(match.group(1))
        assert 0 <= years <= 25
        if profile["meta"]["seniority"] != "intern":  # the exact count: test_demo_years
            first_job = min(r["startDate"] for r in profile["work"] if r["position"] != interns)
            assert int(REF[:4]) - int(first_job[:4]) in {years - 1, years, years + 1}
        if profile["meta"]["seniority"] in {"manager", "director"}:
            assert years >= 5
        if profile["meta"]["seniority"] == "intern":
            assert years == 0


def test_highlights_are_filled_and_fit_the_seniority(pool: list[dict[str, Any]]) -> None:
    repeats = 0
    for profile in structured(pool):
        lines = [line for role in profile["work"] for line in role["highlights"]]
        repeats += len(set(lines)) < len(lines)
        titles = FAMILY[profile["meta"]["roleFamily"]].titles
        assert all(group["keywords"] for group in profile["skills"])
        for role in profile["work"]:
            assert 2 <= len(role["highlights"]) <= 4
            if titles.count(role["position"]) == 1 and titles.index(role["position"]) <= 1:
                verbs = {line.split()[0] for line in role["highlights"]}
                assert not verbs & data.SENIOR_VERBS, role
            for line in [role["summary"], *role["highlights"]]:
                assert not re.search(r"[{}]", line)
    assert repeats < 0.02 * len(pool), "a career should rarely repeat a highlight"


def test_templates_only_use_known_placeholders() -> None:
    templates = [t for f in FAMILIES for t in f.highlights]
    templates += [t for lines in TRACKS.values() for t in lines]
    templates += [*data.ROLE_SUMMARIES, *data.JUNIOR_LINES, *data.MANAGER_LINES]
    for template in templates:
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        assert fields <= PLACEHOLDERS, template
    for family in FAMILIES:
        assert len(family.titles) == len(LEVELS)
        assert all(len(words) >= 2 for _, words in family.skills)
        assert len(family.highlights) + (0 if family.solo else len(TRACKS[family.track])) >= 4
