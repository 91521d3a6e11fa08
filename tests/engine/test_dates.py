"""Date parsing in the styles resumes use, ranges, durations and the union of intervals."""

from __future__ import annotations

from datetime import date

import pytest

from talentscout.engine.dates import (
    MonthDate,
    date_problem,
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


@pytest.mark.parametrize(
    "text",
    ["", "  ", "2020", "2020-05", "May 2020", "05/2020", "Present", "till date", "2020-05-17",
     "2020/05/17", "2020-02-29", "2020-05-17T10:00:00Z", "2020-05-17T10:00:00.000+02:00",
     "16th Jan 2017", "Jan '18"],
)  # fmt: skip
def test_dates_read_as_written_have_no_problem(text: str) -> None:
    assert date_problem(text, AS_OF) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("soon", "'soon' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("Smarch 2019", "'Smarch 2019' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("2020-13", "'2020-13' is not a date: there is no month 13 (use YYYY, YYYY-MM or "
                    "YYYY-MM-DD)"),
        ("13/2019", "'13/2019' is not a date: there is no month 13 (use YYYY, YYYY-MM or "
                    "YYYY-MM-DD)"),
        ("2050-01", "'2050-01' is out of range: only dates from 1950 to 2049 are read"),
        ("2020-02-30", "'2020-02-30' is not a real day; read as 2020-02"),
        ("2021-02-29", "'2021-02-29' is not a real day; read as 2021-02"),
        ("31 Apr 2020", "'31 Apr 2020' is not a real day; read as 2020-04"),
        ("2020-05-17Tlater", "'2020-05-17Tlater' has no readable time of day; read as 2020-05"),
    ],
)  # fmt: skip
def test_date_problem_says_why_a_date_is_not_read_or_how_it_was(text: str, problem: str) -> None:
    assert date_problem(text, AS_OF) == problem
    # Unread dates are the ones parse_date does not read; loose ones it does read.
    assert (parse_date(text, AS_OF) is None) == ("read as" not in problem)


def test_date_problem_quotes_a_long_value_shortened() -> None:
    problem = date_problem("x" * 500, AS_OF)
    assert problem == f"'{'x' * 39}…' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
