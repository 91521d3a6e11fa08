"""Metrics against values computed by hand."""

from __future__ import annotations

import math

import pytest

from talentscout.engine.metrics import (
    average_precision,
    average_precision_scores,
    bootstrap,
    ndcg_at_k,
    percentile_interval,
    precision_at_k,
    roc_auc,
)


def test_ndcg_hand_computed() -> None:
    # ranking a(2) b(0) c(1); ideal 2,1. DCG = 2 + 1/log2(4) = 2.5; IDCG = 2 + 1/log2(3)
    grades = {"a": 2, "b": 0, "c": 1}
    expected = 2.5 / (2 + 1 / math.log2(3))
    assert ndcg_at_k(["a", "b", "c"], grades, 3) == pytest.approx(expected)
    assert ndcg_at_k(["a", "c", "b"], grades, 3) == pytest.approx(1.0)
    assert ndcg_at_k(["b"], grades, 1) == 0.0
    assert ndcg_at_k(["a"], {"a": 0}, 5) == 0.0


def test_ndcg_ideal_uses_all_judged_grades() -> None:
    # only 1 of 2 relevant items retrieved within k=1 → perfect at k=1
    assert ndcg_at_k(["x", "y"], {"x": 1, "y": 1}, 1) == pytest.approx(1.0)
    # relevant item at rank 2 of k=2, ideal has 1 relevant at rank 1 → 1/log2(3)
    assert ndcg_at_k(["n", "x"], {"x": 1}, 2) == pytest.approx(1 / math.log2(3))


def test_precision_at_k() -> None:
    assert precision_at_k(["a", "b", "c", "d"], {"a", "c"}, 4) == 0.5
    assert precision_at_k(["a"], {"a"}, 10) == 0.1
    assert precision_at_k(["a"], {"a"}, 0) == 0.0


def test_average_precision() -> None:
    # relevant at ranks 1 and 3 of 2 relevant: (1/1 + 2/3) / 2
    assert average_precision(["a", "b", "c"], {"a", "c"}) == pytest.approx((1 + 2 / 3) / 2)
    # one relevant never retrieved counts as zero
    assert average_precision(["a"], {"a", "z"}) == pytest.approx(0.5)
    assert average_precision(["a"], set()) == 0.0


def test_roc_auc() -> None:
    assert roc_auc([0.9, 0.8, 0.1], [True, True, False]) == 1.0
    assert roc_auc([0.1, 0.9], [True, False]) == 0.0
    # pairs (pos, neg): (0.8,0.5) win, (0.8,0.8) tie, (0.3,0.5) loss, (0.3,0.8) loss → 1.5/4
    assert roc_auc([0.8, 0.3, 0.5, 0.8], [True, True, False, False]) == pytest.approx(0.375)
    with pytest.raises(ValueError, match="both"):
        roc_auc([0.1, 0.2], [True, True])


def test_average_precision_scores() -> None:
    # sorted: 0.9(T) 0.7(F) 0.4(T) → (1 + 2/3) / 2
    assert average_precision_scores([0.4, 0.9, 0.7], [True, True, False]) == pytest.approx(
        (1 + 2 / 3) / 2
    )


def test_percentile_interval_is_the_central_share_without_nans() -> None:
    values = [float(v) for v in range(101)] + [math.nan]
    assert percentile_interval(values) == (2.0, 98.0)
    assert percentile_interval(values, level=0.5) == (25.0, 75.0)
    with pytest.raises(ValueError, match="no values"):
        percentile_interval([math.nan])


def test_bootstrap_is_reproducible_and_pairs_statistics_round_by_round() -> None:
    values = [0.2, 0.9, 0.4, 0.7, 0.5]

    def mean(sample: list[int]) -> float:
        return sum(values[i] for i in sample) / len(sample)

    def mean_plus_one(sample: list[int]) -> float:
        return mean(sample) + 1.0

    first = bootstrap(len(values), mean, rounds=200, seed=3)
    assert first == bootstrap(len(values), mean, rounds=200, seed=3)
    assert first != bootstrap(len(values), mean, rounds=200, seed=4)
    paired = bootstrap(len(values), mean_plus_one, rounds=200, seed=3)
    assert all(p - f == pytest.approx(1.0) for p, f in zip(paired, first, strict=True))
    low, high = percentile_interval(first)
    assert min(values) <= low < sum(values) / len(values) < high <= max(values)


def test_bootstrap_marks_a_resample_it_cannot_score() -> None:
    labels = [True, False]
    draws = bootstrap(2, lambda s: roc_auc([1.0 for _ in s], [labels[i] for i in s]), rounds=50)
    assert any(math.isnan(d) for d in draws)  # some resamples hold one class only
    assert all(math.isnan(d) or d == 0.5 for d in draws)
