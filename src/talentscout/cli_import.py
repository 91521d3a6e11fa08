"""How ``talentscout pool import`` reports rejected items and warnings: by where they are in the
user's file (its line, counted from 1), not by the API's 0-based item ``index``."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from talentscout.cli_common import console

SHOWN = 50  # errors, and then warnings, printed one by one; the rest are counted


def print_import(path: Path, result: dict[str, Any]) -> None:
    errors, warnings = result["errors"], result["warnings"]
    console.print(
        f"created {result['created']}, updated {result['updated']}, "
        f"unchanged {result['unchanged']}, rejected {len(errors)}, warnings {len(warnings)}"
    )
    place = item_locator(path, [item["index"] for item in [*errors[:SHOWN], *warnings[:SHOWN]]])
    for error in errors[:SHOWN]:
        where = place(error["index"])
        _line(f"  {where}: {_field(error['field'])}{error['message']}")
    if len(errors) > SHOWN:
        _line(f"  … and {len(errors) - SHOWN} more")
    for warning in warnings[:SHOWN]:  # imported as sent; a field not read as written
        where = place(warning["index"])
        _line(f"  {where}: warning: {_field(warning['field'])}{warning['message']}")
    if len(warnings) > SHOWN:
        _line(f"  … and {len(warnings) - SHOWN} more warnings")
    if (errors or warnings) and path.suffix.lower() == ".csv":
        _line("  (lines are counted from the header, line 1)")


def _line(text: str) -> None:
    console.print(text, markup=False, highlight=False, soft_wrap=True)


def _field(field: str) -> str:
    return f"{field}: " if field else ""  # "" is the whole item


def item_locator(path: Path, indices: list[int]) -> Callable[[int], str]:
    """``index -> "line N"`` for JSON Lines and CSV (the physical line an item starts
    on, blank lines and the CSV header counted), ``"item N"`` for a JSON document's items (a
    document that does not parse at all is refused before the import, by ``pool.bulk``)."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return lambda index: f"item {index + 1}"
    starts = _first_lines(path, suffix == ".csv", set(indices))
    return lambda index: f"line {starts[index]}" if index in starts else f"item {index + 1}"


def _first_lines(path: Path, is_csv: bool, wanted: set[int]) -> dict[int, int]:
    """The line each wanted item starts on, read as ``pool.importers`` reads the file: JSON Lines
    skip blank lines; CSV skips the header and blank rows, and a quoted cell may span lines."""
    found: dict[int, int] = {}
    last = max(wanted, default=-1)
    if is_csv:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            reader = csv.reader(handle)
            next(reader, None)  # the header
            index, previous = 0, reader.line_num
            for row in reader:
                if index > last:
                    break
                if row:
                    if index in wanted:
                        found[index] = previous + 1
                    index += 1
                previous = reader.line_num
        return found
    with path.open(encoding="utf-8", errors="replace") as handle:
        index = 0
        for number, line in enumerate(handle, 1):
            if index > last:
                break
            if line.strip():
                if index in wanted:
                    found[index] = number
                index += 1
    return found
