"""Reciprocal rank fusion: robust to the different score scales of lexical and vector search."""

from __future__ import annotations

from collections.abc import Sequence


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], k: int = 60
) -> list[tuple[str, float]]:
    """Fuse ranked id lists; ties break on id so the order is deterministic."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for position, ident in enumerate(ranking):
            scores[ident] = scores.get(ident, 0.0) + 1.0 / (k + position + 1)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
