"""Read profiles from files: JSON Resume documents, JSON Lines and CSV.

Each reader yields ``(index, profile_or_error)`` so a bad row is reported on its own and never
stops the rest of the file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from talentscout.engine.location import iso_country

Row = tuple[int, dict[str, Any] | str]

# CSV columns understood (case-insensitive); other columns are ignored, except "external:NETWORK".
_CSV_ALIASES = {
    "name": ("name", "full_name", "fullname"),
    "email": ("email", "e-mail", "email_address"),
    "label": ("headline", "label", "title"),
    "phone": ("phone", "phone_number"),
    "url": ("url", "website", "linkedin", "linkedin_url", "profile_url"),
    "location": ("location", "city"),
    "country": ("country", "country_code"),
    "summary": ("summary", "about"),
    "skills": ("skills",),
    "resumeText": ("resume", "resume_text", "resumetext", "text", "cv"),
    "company": ("company", "current_company", "employer"),
    "position": ("position", "current_role", "role", "job_title"),
    "source": ("source",),
    "id": ("id", "external_id", "candidate_id"),
}


UNSUPPORTED_MESSAGE = "unsupported file type {suffix!r}: use .json, .jsonl (.ndjson) or .csv"


def read_profiles(path: Path) -> Iterator[Row]:
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        raise ValueError(UNSUPPORTED_MESSAGE.format(suffix=suffix))
    yield from reader(path)


def json_profiles(document: Any) -> list[Any]:
    """The profiles a JSON document holds: a list, a ``{"profiles": [...]}`` wrapper, or one."""
    if isinstance(document, dict) and isinstance(document.get("profiles"), list):
        return list(document["profiles"])
    return document if isinstance(document, list) else [document]


def _read_json(path: Path) -> Iterator[Row]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield 0, f"invalid JSON: {exc}"
        return
    for index, item in enumerate(json_profiles(document)):
        yield index, item if isinstance(item, dict) else "profile must be a JSON object"


def _read_jsonl(path: Path) -> Iterator[Row]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        index = 0
        for line in handle:
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield index, f"invalid JSON on this line: {exc.msg}"
            else:
                yield index, item if isinstance(item, dict) else "profile must be a JSON object"
            index += 1


def _read_csv(path: Path) -> Iterator[Row]:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = {(name or "").strip().lower(): name for name in reader.fieldnames or []}
        for index, row in enumerate(reader):
            yield index, csv_row_to_profile(row, columns)


def csv_row_to_profile(row: dict[str, Any], columns: dict[str, str]) -> dict[str, Any] | str:
    def value(field: str) -> str:
        for alias in _CSV_ALIASES[field]:
            original = columns.get(alias)
            if original is not None and row.get(original):
                return str(row[original]).strip()
        return ""

    if None in row:
        return "row has more cells than the header"
    basics: dict[str, Any] = {}
    for field in ("name", "email", "label", "phone", "url", "summary"):
        if text := value(field):
            basics[field] = text
    location: dict[str, str] = {}
    if city := value("location"):
        location["city"] = city
    if country := value("country"):
        # A name ("France") becomes its ISO code; a value read as no country is kept beside
        # it, never as a bogus code (the import warns about it: profile_records.location_warnings)
        if code := iso_country(country):
            location["countryCode"] = code
        else:
            location["country"] = country
    if location:
        basics["location"] = location
    profile: dict[str, Any] = {"basics": basics} if basics else {}
    if skills := value("skills"):
        names = [s.strip() for s in skills.replace(";", ",").replace("|", ",").split(",")]
        profile["skills"] = [{"name": name} for name in names if name]
    if (company := value("company")) or value("position"):
        profile["work"] = [{"name": company or None, "position": value("position") or None}]
    if text := value("resumeText"):
        profile["resumeText"] = text
    if source := value("source"):
        profile["source"] = source
    if ident := value("id"):
        profile["externalIds"] = {"csv": ident}
    for key, original in columns.items():
        if key.startswith("external:") and row.get(original):
            profile.setdefault("externalIds", {})[key.split(":", 1)[1]] = str(row[original]).strip()
    return profile or "row is empty"


_READERS: dict[str, Callable[[Path], Iterator[Row]]] = {
    ".json": _read_json,
    ".jsonl": _read_jsonl,
    ".ndjson": _read_jsonl,
    ".csv": _read_csv,
}
SUPPORTED_SUFFIXES = tuple(_READERS)
