"""The default embedder is offline, unit-length, and never yields NaN."""

from __future__ import annotations

import numpy as np

from talentscout.search.embedder import EMBEDDING_DIM, get_embedder


def test_texts_embed_to_unit_vectors_and_empty_text_to_zero() -> None:
    vectors = get_embedder().embed(["Senior Python engineer", "", "   "])
    assert vectors.shape == (3, EMBEDDING_DIM)
    assert np.isfinite(vectors).all()
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0, atol=1e-5)
    assert not vectors[1].any()


def test_related_texts_are_closer_than_unrelated_ones() -> None:
    python, django, nurse = get_embedder().embed(
        ["Python backend developer", "Django web engineer", "Registered nurse in intensive care"]
    )
    assert float(python @ django) > float(python @ nurse)
