"""CSV rows as profiles: the country column becomes an ISO code, or is kept where no code is."""

from __future__ import annotations

from pathlib import Path

from talentscout.pool.importers import read_profiles


def _rows(tmp_path: Path, text: str) -> list[object]:
    file = tmp_path / "people.csv"
    file.write_text(text)
    return [item for _, item in read_profiles(file)]


def test_country_names_become_iso_codes_and_unknown_ones_are_kept_apart(tmp_path: Path) -> None:
    rows = _rows(
        tmp_path,
        "name,city,country,skills\n"
        "Ann,Lyon,France,Python\n"
        "Bo,Leeds,UK,Java\n"
        "Cy,,de,Go\n"
        "Di,Springfield,Narnia,Rust\n"
        "Ed,Austin,,SQL\n",
    )
    locations = [row["basics"]["location"] for row in rows]  # type: ignore[index]
    assert locations == [
        {"city": "Lyon", "countryCode": "FR"},
        {"city": "Leeds", "countryCode": "GB"},
        {"countryCode": "DE"},
        {"city": "Springfield", "country": "Narnia"},  # never a bogus countryCode
        {"city": "Austin"},
    ]


def test_the_country_code_column_is_read_the_same_way(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "name,Country_Code\nAnn,Germany\nBo,XX\n")
    assert [row["basics"]["location"] for row in rows] == [  # type: ignore[index]
        {"countryCode": "DE"},
        {"country": "XX"},
    ]
