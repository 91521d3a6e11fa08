"""A demo profile's stated experience ("Backend Engineer with 5 years of experience") agrees with
its dated roles, counted as the matching engine counts them (months of the roles' union, both
ends inclusive, current roles up to the demo's reference date): the whole years the roles add up
to, and "less than a year" below twelve months. Otherwise a rationale reading the roles ("over 6
years") contradicts the profile's own words."""

from __future__ import annotations

import re
from typing import Any

import pytest

from talentscout.engine.parse import parse_profile
from talentscout.engine.wording import years_text
from talentscout.pool import _demo_data as data
from talentscout.pool.demo import REFERENCE_DATE, demo_profile, generate_demo_pool

STATED = re.compile(r"with (\d+ years?|less than a year) of experience")
_MONTH = "|".join(data.MONTH_NAMES)
_DATE = rf"(?:(?:{_MONTH}) \d{{4}}|\d{{2}}/\d{{4}}|\d{{4}}-\d{{2}})"
# A role's dates in any of the three plain-text layouts (see _demo_data.TEXT_JOBS).
TEXT_RANGE = re.compile(rf"({_DATE}) (?:–|-|to) ({_DATE}|Present|present|now)")
REF = REFERENCE_DATE.year * 12 + REFERENCE_DATE.month - 1


def month(text: str) -> int:
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        return int(m[1]) * 12 + int(m[2]) - 1
    if m := re.fullmatch(r"(\d{2})/(\d{4})", text):
        return int(m[2]) * 12 + int(m[1]) - 1
    name, year = text.split()
    return int(year) * 12 + data.MONTH_NAMES.index(name)


def spans(profile: dict[str, Any]) -> list[tuple[int, int]]:
    """[first month, month after the last) of each role; a current role runs to the reference."""
    if "work" in profile:
        return [
            (month(r["startDate"]), month(r["endDate"]) + 1 if "endDate" in r else REF + 1)
            for r in profile["work"]
        ]
    found = [m.groups() for m in TEXT_RANGE.finditer(profile["resumeText"])]
    assert found, profile["resumeText"]
    return [
        (month(start), REF + 1 if end.lower() in {"present", "now"} else month(end) + 1)
        for start, end in found
    ]


def union_months(ranges: list[tuple[int, int]]) -> int:
    covered: set[int] = set()
    for start, end in ranges:
        covered.update(range(start, end))
    return len(covered)


def stated(profile: dict[str, Any]) -> str:
    text = profile["basics"]["summary"] if "basics" in profile else profile["resumeText"]
    match = STATED.search(text)
    assert match, text
    return match[1]


def expected(months: int) -> str:
    years = months // 12
    return "less than a year" if years == 0 else f"{years} year{'s' if years > 1 else ''}"


def test_every_demo_profile_states_the_years_its_roles_add_up_to() -> None:
    pool = generate_demo_pool()
    wrong = [
        (p["externalIds"]["demo"], stated(p), expected(union_months(spans(p))))
        for p in pool
        if stated(p) != expected(union_months(spans(p)))
    ]
    assert wrong == [], f"{len(wrong)} of {len(pool)} profiles, e.g. {wrong[:5]}"
    assert sum("resumeText" in p for p in pool) > 200  # the text-only ones were checked too


@pytest.mark.parametrize("index", [0, 10, 24, 125])  # stated fewer years before the fix
def test_the_engine_reads_the_same_years_the_profile_states(index: int) -> None:
    """What a rationale says ("over 5 years") never exceeds the profile's own whole years."""
    profile = demo_profile(index)
    claimed = stated(profile)
    parsed = parse_profile(profile, as_of=REFERENCE_DATE)
    if claimed == "less than a year":
        assert parsed.total_years < 1
    else:
        assert int(parsed.total_years) == int(claimed.split()[0]), years_text(parsed.total_years)
