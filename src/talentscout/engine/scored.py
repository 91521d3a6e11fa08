"""The record a score is: the 0–100 number, its per-criterion parts and the facts behind them,
as the pipeline stores it (``to_dict``, JSONB) and explain reads it back (``from_dict``).

ENGINE_VERSION names the engine that made a record; it changes whenever any engine output
(a parse, an ICP, a score or an explanation) would, so a stored record says which engine to
rerun for byte-identical output.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ENGINE_VERSION = "2026.12.06-e58"


@dataclass(frozen=True)
class ScoredCandidate:
    """One profile's score: the integer, the per-criterion sub-scores (0–100; absent = not
    asked by the job), the weights used, and the facts behind them (for explain)."""

    match_score: int
    scores: Mapping[str, int]
    weights: Mapping[str, float]
    evidence: Mapping[str, tuple[Mapping[str, str], ...]]
    matched_must: tuple[str, ...] = ()
    partial_must: Mapping[str, str] = field(default_factory=dict)
    missing_must: tuple[str, ...] = ()
    matched_nice: tuple[str, ...] = ()
    partial_nice: Mapping[str, str] = field(default_factory=dict)
    shown_by: Mapping[str, str] = field(default_factory=dict)  # skill → the narrower one shown
    listed_only: tuple[str, ...] = ()  # met only by a list entry: no role or project shows it
    # met, but dated roles show fewer years than asked: skill → (years shown, years asked)
    short_skill_years: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    # met, but a language stated below the level asked: language → (level shown, level asked)
    # (CEFR, "B1", "C1"); empty in a record from before engine e54
    short_language_levels: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    negatives: tuple[str, ...] = ()
    # The way from the criteria to match_score, for a reader to rebuild it (0–100, rounded as
    # match_score is): the weighted mean of the criteria, then under the tightest cap that
    # holds (score.CAPS by name, tightest first; cap_limit is that cap), then NEGATIVE_FACTOR
    # on a negative hit. None in a record from before engine e48.
    raw_score: int | None = None
    capped_score: int | None = None
    caps: tuple[str, ...] = ()
    cap_limit: int | None = None
    engine_version: str = ENGINE_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "match_score": self.match_score,
            "scores": dict(self.scores),
            "weights": dict(self.weights),
            "evidence": {k: [dict(e) for e in v] for k, v in self.evidence.items()},
            "matched_must": list(self.matched_must),
            "partial_must": dict(self.partial_must),
            "missing_must": list(self.missing_must),
            "matched_nice": list(self.matched_nice),
            "partial_nice": dict(self.partial_nice),
            "shown_by": dict(self.shown_by),
            "listed_only": list(self.listed_only),
            "short_skill_years": {k: list(v) for k, v in self.short_skill_years.items()},
            "short_language_levels": {k: list(v) for k, v in self.short_language_levels.items()},
            "negatives": list(self.negatives),
            "raw_score": self.raw_score,
            "capped_score": self.capped_score,
            "caps": list(self.caps),
            "cap_limit": self.cap_limit,
            "engine_version": self.engine_version,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoredCandidate:
        return cls(
            match_score=int(data["match_score"]),
            scores={k: int(v) for k, v in data["scores"].items()},
            weights={k: float(v) for k, v in data["weights"].items()},
            evidence={k: tuple(dict(e) for e in v) for k, v in data["evidence"].items()},
            matched_must=tuple(data.get("matched_must") or ()),
            partial_must=dict(data.get("partial_must") or {}),
            missing_must=tuple(data.get("missing_must") or ()),
            matched_nice=tuple(data.get("matched_nice") or ()),
            partial_nice=dict(data.get("partial_nice") or {}),
            shown_by=dict(data.get("shown_by") or {}),
            listed_only=tuple(data.get("listed_only") or ()),
            short_skill_years={
                str(k): (float(v[0]), float(v[1]))
                for k, v in (data.get("short_skill_years") or {}).items()
            },
            short_language_levels={
                str(k): (str(v[0]), str(v[1]))
                for k, v in (data.get("short_language_levels") or {}).items()
            },
            negatives=tuple(data.get("negatives") or ()),
            raw_score=_whole(data.get("raw_score")),
            capped_score=_whole(data.get("capped_score")),
            caps=tuple(data.get("caps") or ()),
            cap_limit=_whole(data.get("cap_limit")),
            engine_version=str(data.get("engine_version") or ENGINE_VERSION),
        )


def _whole(value: Any) -> int | None:
    return None if value is None else int(value)
