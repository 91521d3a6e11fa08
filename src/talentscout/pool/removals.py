"""What an update takes away. ``POST /pool/profiles`` replaces a stored profile with the one sent
(spec §8: an upsert, and no partial update exists), which is what lets an ATS sync remove a
phone number or a role; but a sparse file imported over a rich one (a CSV of names, emails and
skills over JSON Resume exports) then silently drops work histories. Saying what each update
removes keeps the replace semantics and makes the loss visible at import time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

REMOVED = "missing here: an update replaces the whole profile, so it is removed"


def _present(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def _message(value: Any) -> str:
    """ "stored by an earlier import (3 entries) but missing here: …"."""
    count = ""
    if isinstance(value, list):
        count = f" ({len(value)} {'entry' if len(value) == 1 else 'entries'})"
    return f"stored earlier{count} but {REMOVED}"


def removed_fields(stored: Mapping[str, Any], new: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(JSON path, message) for each section of ``stored`` (and each ``basics`` field) that has
    a value there and none in ``new``."""
    out: list[tuple[str, str]] = []
    for key, value in stored.items():
        if not _present(value):
            continue
        replacement = new.get(key)
        if key == "basics" and isinstance(value, Mapping) and isinstance(replacement, Mapping):
            out.extend(
                (f"basics.{field}", _message(old))
                for field, old in value.items()
                if _present(old) and not _present(replacement.get(field))
            )
        elif not _present(replacement):
            out.append((key, _message(value)))
    return out
