"""Text embedders behind one protocol. The default, wordllama, ships its model inside its wheel."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from talentscout.db.models import EMBEDDING_DIM

Matrix = npt.NDArray[np.float32]


class Embedder(Protocol):
    dim: int

    def embed(self, texts: list[str]) -> Matrix:
        """Unit-normalised float32 vectors, one row per text."""
        ...


class WordLlamaEmbedder:
    """Static word embeddings (MIT); loads offline from the installed package in well under 1 s."""

    dim = EMBEDDING_DIM

    def __init__(self) -> None:
        import wordllama
        from wordllama import WordLlama

        self._model = WordLlama.load(
            cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=EMBEDDING_DIM
        )
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> Matrix:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = np.asarray(self._model.embed(texts, norm=False), dtype=np.float32)
        return _normalise(vectors)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or local path (optional dependency)."""

    def __init__(self, name: str) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(name)
        self.dim = int(self._model.get_sentence_embedding_dimension())
        if self.dim != EMBEDDING_DIM:
            raise ValueError(
                f"model {name!r} gives {self.dim}-d vectors; the schema stores {EMBEDDING_DIM}-d"
            )

    def embed(self, texts: list[str]) -> Matrix:
        vectors = np.asarray(self._model.encode(texts), dtype=np.float32)
        return _normalise(vectors)


def _normalise(vectors: Matrix) -> Matrix:
    """Unit rows; a text with no known token (wordllama gives NaN) becomes the zero vector."""
    vectors = np.nan_to_num(vectors, nan=0.0, posinf=0.0, neginf=0.0)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: Matrix = (vectors / norms).astype(np.float32)
    return normalised


@lru_cache(maxsize=4)
def get_embedder(name: str = "wordllama") -> Embedder:
    if name == "wordllama":
        return WordLlamaEmbedder()
    return SentenceTransformerEmbedder(name)
