"""Webhook event names (spec §5): input accepts dotted labels or upper-case names, output is dotted.

Kept separate so other domains can name events without importing the delivery machinery.
"""

from __future__ import annotations

SOURCING_COMPLETED = "sourcing.completed"
SOURCING_FAILED = "sourcing.failed"
ENRICH_COMPLETED = "enrich.completed"
ENRICH_FAILED = "enrich.failed"
PING = "ping"

EVENTS = (SOURCING_COMPLETED, SOURCING_FAILED, ENRICH_COMPLETED, ENRICH_FAILED, PING)
RUN_EVENTS = (SOURCING_COMPLETED, SOURCING_FAILED)
_BY_INPUT = {**{e: e for e in EVENTS}, **{e.replace(".", "_").upper(): e for e in EVENTS}}


def normalize_event(value: str) -> str:
    """The dotted label of ``value`` (``SOURCING_COMPLETED`` → ``sourcing.completed``)."""
    try:
        return _BY_INPUT[value.strip()]
    except KeyError:
        # A predicate: the request validator puts the field's name in front of it.
        raise ValueError(f"must be one of {', '.join(EVENTS)}; got {value!r}") from None


def normalize_events(values: list[str]) -> list[str]:
    """Normalised, de-duplicated, in first-seen order."""
    out: list[str] = []
    for value in values:
        event = normalize_event(value)
        if event not in out:
            out.append(event)
    return out
