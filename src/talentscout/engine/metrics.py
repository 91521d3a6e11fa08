"""Ranking and scoring metrics for the evaluation suite; pure functions, standard definitions.

- nDCG@k: gain = grade, discount log2(rank + 1), ideal from all judged grades.
- AP: mean of precision at each relevant hit, over all relevant items (unretrieved = 0).
- ROC-AUC: probability that a random positive outscores a random negative (ties count 1/2).
- AP of scores: AP of the items sorted by descending score (stable: ties keep input order).
- Bootstrap intervals: percentile intervals over resamples (with replacement) of the jobs or
  queries. The eval sets are small (the jd-fit README puts the AUC's standard error near
  ±0.03), so a number is reported with the range it could have come out in on another sample.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence, Set


def dcg(gains: Sequence[float]) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at_k(ranked_ids: Sequence[str], grades: Mapping[str, float], k: int) -> float:
    """nDCG@k; 0.0 when no item has a positive grade."""
    gains = [float(grades.get(pid, 0.0)) for pid in ranked_ids[:k]]
    ideal = sorted((float(g) for g in grades.values() if g > 0), reverse=True)[:k]
    best = dcg(ideal)
    return dcg(gains) / best if best > 0 else 0.0


def precision_at_k(ranked_ids: Sequence[str], relevant: Set[str], k: int) -> float:
    if k <= 0:
        return 0.0
    return sum(1 for pid in ranked_ids[:k] if pid in relevant) / k


def average_precision(ranked_ids: Sequence[str], relevant: Set[str]) -> float:
    if not relevant:
        return 0.0
    hits = 0
    total = 0.0
    for i, pid in enumerate(ranked_ids):
        if pid in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / len(relevant)


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Mann–Whitney AUC with average ranks for ties."""
    if len(scores) != len(labels):
        raise ValueError("scores and labels differ in length")
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for t in range(i, j + 1):
            ranks[order[t]] = (i + j) / 2.0 + 1.0
        i = j + 1
    pos = sum(1 for lab in labels if lab)
    neg = len(labels) - pos
    if pos == 0 or neg == 0:
        raise ValueError("ROC-AUC needs both positive and negative labels")
    rank_sum = sum(r for r, lab in zip(ranks, labels, strict=True) if lab)
    return (rank_sum - pos * (pos + 1) / 2.0) / (pos * neg)


def average_precision_scores(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """AP of a scored list (positives = True), items ordered by descending score, stable."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    ranked = [str(i) for i in order]
    relevant = {str(i) for i, lab in enumerate(labels) if lab}
    return average_precision(ranked, relevant)


def bootstrap(
    n: int, statistic: Callable[[list[int]], float], *, rounds: int = 2000, seed: int = 0
) -> list[float]:
    """``statistic`` of ``rounds`` resamples of the indices ``0..n-1``, with replacement. One
    seed gives one sequence of resamples, so two statistics bootstrapped alike pair up round by
    round (a paired difference). A resample the statistic cannot score (one class only) gives
    NaN in its place."""
    rng = random.Random(seed)
    out: list[float] = []
    for _ in range(rounds):
        sample = [rng.randrange(n) for _ in range(n)]
        try:
            out.append(statistic(sample))
        except (ValueError, ZeroDivisionError):
            out.append(math.nan)
    return out


def percentile_interval(values: Sequence[float], level: float = 0.95) -> tuple[float, float]:
    """The central ``level`` share of ``values`` (NaN left out): (lower, upper)."""
    kept = sorted(v for v in values if not math.isnan(v))
    if not kept:
        raise ValueError("no values to take an interval of")
    tail = (1.0 - level) / 2.0
    lower = kept[int(tail * (len(kept) - 1))]
    upper = kept[math.ceil((1.0 - tail) * (len(kept) - 1))]
    return lower, upper
