"""Positions looked up by bisection, and the long sentences they keep linear."""

from __future__ import annotations

from talentscout.engine.positions import inside_any, placed_within, starts_between
from talentscout.engine.requirements import read_requirements
from talentscout.engine.taxonomy import Taxonomy


def test_lookups_agree_with_their_definitions() -> None:
    starts = [2, 5, 5, 9]
    spans = [(1, 4), (4, 8), (10, 12)]  # as finditer finds them: in order, not overlapping
    placed = [("a", 2), ("b", 5), ("c", 5), ("d", 9)]
    for a in range(-1, 14):
        assert inside_any(spans, a) == any(x < a < y for x, y in spans)
        for b in range(-1, 14):
            assert starts_between(starts, a, b) == any(a < s < b for s in starts)
            assert placed_within(placed, a, b) == [(n, p) for n, p in placed if a <= p < b]


def test_a_long_sentence_reads_like_its_parts(taxonomy: Taxonomy) -> None:
    """Clauses, welcoming brackets and years read the same when a sentence repeats them
    thousands of times as when it says them once."""
    text = "Python required; Kafka (a plus); 5+ years of Django; "
    once = read_requirements("Engineer", text, taxonomy)
    long = read_requirements("Engineer", text * 2000, taxonomy)
    assert (long.must, long.nice, long.skill_years) == (once.must, once.nice, once.skill_years)
    assert (once.must, once.nice) == (["Python", "Django"], ["Kafka"])
    assert once.skill_years == {"Django": 5.0}
