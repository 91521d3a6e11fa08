"""A CSV row with a company and a position (one undated work entry) and a resume text that dates
the person's roles: the profile keeps the dated history the text gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from talentscout.engine.explain import explain
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.taxonomy import default_taxonomy
from talentscout.pool.importers import read_profiles

AS_OF = date(2026, 1, 1)
CSV = (
    "name,title,city,country,skills,company,position,resume\n"
    'Elena Rossi,Senior Accountant,Berlin,Germany,"HGB; IFRS; DATEV",Siemens Energy,'
    'Senior Accountant,"Senior Accountant at Siemens Energy (2020–present)\n'
    "Month-end and year-end close under HGB and IFRS in DATEV.\n"
    "Accountant at PwC Germany (2016–2020)\n"
    'Audits of mid-sized manufacturing clients."\n'
)


def _elena(tmp_path: Path) -> dict[str, object]:
    file = tmp_path / "people.csv"
    file.write_text(CSV, encoding="utf-8")
    [(_, row)] = list(read_profiles(file))
    assert isinstance(row, dict)
    return row


def test_the_resume_texts_dated_roles_give_the_history(tmp_path: Path) -> None:
    row = _elena(tmp_path)
    assert row["work"] == [{"name": "Siemens Energy", "position": "Senior Accountant"}]
    p = parse_profile(row, as_of=AS_OF, taxonomy=default_taxonomy())
    assert [(r.title, r.company, r.start, r.current) for r in p.roles] == [
        ("Senior Accountant", "Siemens Energy", "2020", True),  # the column entry, now dated
        ("Accountant", "PwC Germany", "2016", False),
    ]
    assert p.total_years == 10.0
    assert (p.current_company, p.current_role) == ("Siemens Energy", "Senior Accountant")


def test_she_is_not_flagged_for_undated_experience(tmp_path: Path) -> None:
    tax = default_taxonomy()
    p = parse_profile(_elena(tmp_path), as_of=AS_OF, taxonomy=tax)
    icp = build_icp(
        "Senior Accountant",
        "Requirements: 5+ years of accounting experience, HGB and IFRS, DATEV.",
        "Berlin, Germany",
        taxonomy=tax,
    )
    scored = score_profiles(icp, [p], [0.5], as_of=AS_OF)[0]
    flags = explain(icp, p, scored).red_flags
    assert not any("no dated experience" in flag for flag in flags), flags


def test_a_resume_cell_on_one_line_gives_each_role(tmp_path: Path) -> None:
    """CSV cells are often one line: each sentence that opens with a title and dates is a role."""
    file = tmp_path / "people.csv"
    file.write_text(
        "name,company,position,resume\n"
        "Elena Rossi,Siemens Energy,Senior Accountant,"
        '"Senior Accountant at Siemens Energy (2020–present): month-end close under HGB and '
        'IFRS. Accountant at PwC Germany (2016–2020): audits of mid-sized clients."\n',
        encoding="utf-8",
    )
    [(_, row)] = list(read_profiles(file))
    assert isinstance(row, dict)
    p = parse_profile(row, as_of=AS_OF, taxonomy=default_taxonomy())
    assert [(r.company, r.start) for r in p.roles] == [
        ("Siemens Energy", "2020"),
        ("PwC Germany", "2016"),
    ]
    assert p.roles[0].description == "month-end close under HGB and IFRS."
    assert p.roles[1].description == "audits of mid-sized clients."
    assert p.total_years == 10.0
