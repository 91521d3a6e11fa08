"""Positions in a sentence, kept in text order and looked up by bisection. Requirement reading
asks, skill by skill and bracket by bracket, what stands where; scanning every other skill or
bracket for each made one long sentence ("Kafka (a plus), " thousands of times) quadratic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence


def starts_between(starts: Sequence[int], a: int, b: int) -> bool:
    """Whether one of ``starts`` (ascending) lies strictly between ``a`` and ``b``."""
    i = bisect_right(starts, a)
    return i < len(starts) and starts[i] < b


def inside_any(spans: Sequence[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies strictly inside one of ``spans`` (ascending, not overlapping, as
    ``finditer`` finds them): only the last span to open before it can hold it."""
    i = bisect_left(spans, at, key=lambda span: span[0]) - 1
    return i >= 0 and at < spans[i][1]


def placed_within(placed: Sequence[tuple[str, int]], start: int, end: int) -> list[tuple[str, int]]:
    """The (name, position) pairs of ``placed`` (ascending by position) with
    ``start <= position < end``, in their order."""
    lo = bisect_left(placed, start, key=lambda pair: pair[1])
    return list(placed[lo : bisect_left(placed, end, lo, key=lambda pair: pair[1])])
