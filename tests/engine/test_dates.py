"""Date parsing in the styles resumes use, ranges, durations and the union of intervals."""

from __future__ import annotations

from datetime import date

import pytest

from talentscout.engine.dates import (
    MonthDate,
    duration_text,
    find_date_ranges,
    months_between,
    parse_date,
    stated_years,
    union_months,
)

AS_OF = date(2024, 11, 15)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2019-03", "2019-03"),
        ("2019-03-15", "2019-03"),
        ("Mar 2019", "2019-03"),
        ("March 2019", "2019-03"),
        ("Sept. 2019", "2019-09"),
        ("03/2019", "2019-03"),
        ("3/2019", "2019-03"),
        ("Jan '18", "2018-01"),
        ("2019", "2019"),
        ("Present", "2024-11"),
        ("till date", "2024-11"),
        ("current", "2024-11"),
    ],
)
def test_parse_date(text: str, iso: str) -> None:
    parsed = parse_date(text, AS_OF)
    assert parsed is not None
    assert parsed.iso() == iso


@pytest.mark.parametrize("text", ["", "soon", "13/2019", "Smarch 2019"])
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text, AS_OF) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "current", "months"),
    [
        ("Software Engineer Feb. 2021 – July 2023", "2021-02", "2023-07", False, 30),
        ("Acme, 2019 - Present", "2019", "2024-11", True, 70),
        ("Jan 2018 – till date", "2018-01", "2024-11", True, 83),
        ("03/2017 to 05/2018", "2017-03", "2018-05", False, 15),
        ("2016-01 — 2020-02", "2016-01", "2020-02", False, 50),
    ],
)
def test_find_date_ranges(text: str, start: str, end: str, current: bool, months: int) -> None:
    (found,) = find_date_ranges(text, AS_OF)
    assert (found.start.iso(), found.end.iso(), found.current, found.months) == (
        start,
        end,
        current,
        months,
    )
    assert text[found.span[0] : found.span[1]] == found.text


def test_future_end_is_clipped_to_as_of() -> None:
    (found,) = find_date_ranges("Aug 2023 - May 2025", AS_OF)
    assert found.end.iso() == "2024-11"
    assert found.current


def test_months_between_inclusive_when_months_known() -> None:
    assert months_between(MonthDate(2020 * 12, True), MonthDate(2020 * 12 + 11, True)) == 12
    assert months_between(MonthDate(2019 * 12, False), MonthDate(2021 * 12, False)) == 24


@pytest.mark.parametrize(
    ("months", "text"),
    [(0, "less than a month"), (5, "5 mos"), (12, "1 yr"), (38, "3 yrs 2 mos"), (13, "1 yr 1 mo")],
)
def test_duration_text(months: int, text: str) -> None:
    assert duration_text(months) == text


def test_union_counts_overlap_once() -> None:
    assert union_months([(0, 12), (6, 18), (30, 36)]) == 24


def test_stated_years() -> None:
    assert stated_years("Engineer with over 7 years of development experience.") == (
        7.0,
        "over 7 years of development experience",
    )
    assert stated_years("I have 3 kids and 2 years at sea") is None


def test_day_ordinals_and_to_till() -> None:
    (found,) = find_date_ranges("(16th Jan 2017 to till 30th Aug 2018)", AS_OF)
    assert (found.start.iso(), found.end.iso()) == ("2017-01", "2018-08")


def test_stored_iso_months_read_fast_and_alike() -> None:
    from talentscout.engine.dates import iso_month

    assert iso_month("2020-03") == MonthDate(2020 * 12 + 2, True)
    assert iso_month("2019") == MonthDate(2019 * 12, False)
    assert iso_month("2020-13") is None
    assert iso_month("") is None
    assert iso_month(None) is None
    assert iso_month("March 2020") == parse_date("March 2020", date(2024, 1, 1))
