"""Plain lexical baselines over PostgreSQL's own full-text lexemes (english stemming, stop words):
Okapi BM25 for ranking tasks and TF-IDF cosine for label tasks. Deliberately standard, untuned
parameters (k1=1.2, b=0.75), so the engine is compared with an honest, strong baseline."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

Doc = Mapping[str, int]


def bm25_scores(
    query: Doc, docs: Mapping[str, Doc], *, k1: float = 1.2, b: float = 0.75
) -> dict[str, float]:
    n = len(docs)
    if not n:
        return {}
    lengths = {ident: sum(doc.values()) for ident, doc in docs.items()}
    average = sum(lengths.values()) / n or 1.0
    df: Counter[str] = Counter()
    for doc in docs.values():
        df.update(doc.keys())
    scores: dict[str, float] = {}
    for ident, doc in docs.items():
        total = 0.0
        for term in query:
            tf = doc.get(term, 0)
            if not tf:
                continue
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            total += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[ident] / average))
        scores[ident] = total
    return scores


def tfidf_cosine(left: Doc, right: Doc, df: Mapping[str, int], n: int) -> float:
    def weights(doc: Doc) -> dict[str, float]:
        return {
            t: (1 + math.log(c)) * math.log((1 + n) / (1 + df.get(t, 0)) + 1)
            for t, c in doc.items()
        }

    a, b = weights(left), weights(right)
    dot = sum(value * b.get(term, 0.0) for term, value in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0
