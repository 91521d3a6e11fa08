"""BM25 and TF-IDF baselines against hand-checked cases."""

from __future__ import annotations

import math

from talentscout.evaluation.lexical import bm25_scores, tfidf_cosine


class TestBm25:
    def test_rare_terms_weigh_more_and_absent_terms_score_zero(self) -> None:
        docs = {
            "a": {"python": 1, "java": 1},
            "b": {"java": 2},
            "c": {"cook": 1},
        }
        scores = bm25_scores({"python": 1, "java": 1}, docs)
        assert scores["a"] > scores["b"] > 0
        assert scores["c"] == 0

    def test_single_term_matches_the_okapi_formula(self) -> None:
        docs = {"a": {"x": 2, "y": 2}, "b": {"y": 4}}
        idf = math.log(1 + (2 - 1 + 0.5) / (1 + 0.5))
        expected = idf * 2 * 2.2 / (2 + 1.2 * (1 - 0.75 + 0.75 * 4 / 4))
        assert math.isclose(bm25_scores({"x": 1}, docs)["a"], expected)


class TestTfidfCosine:
    def test_identical_documents_have_cosine_one(self) -> None:
        doc = {"python": 2, "django": 1}
        assert math.isclose(tfidf_cosine(doc, doc, {"python": 1, "django": 1}, 3), 1.0)

    def test_disjoint_documents_have_cosine_zero(self) -> None:
        assert tfidf_cosine({"a": 1}, {"b": 1}, {"a": 1, "b": 1}, 2) == 0.0
