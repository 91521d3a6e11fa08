"""Offline quality check of the matching engine on the public dev sets (not a test).

    python benchmarks/eval_engine_offline.py [--eval-dir DIR] [--json OUT] [--dev]

``--eval-dir`` defaults to ``shared/eval`` beside the repository (``../shared/eval`` from its
root, wherever it is run from); pass it when the evaluation sets live elsewhere.

resume-categories: every category query ranks the whole pool by the engine's match_score (ties
broken by profile id, as the API does); nDCG@10 (grades 2/1/0), MAP and P@10 (grade 2 relevant).
jd-fit: the one resume is scored against every job; ROC-AUC and AP of match_score vs the label,
plus the share of true labels per score band (calibration check).

Baselines on the same files: TF-IDF cosine (query = title + description, and title only) and
wordllama cosine. The engine's semantic input is wordllama cosine(ICP.semantic_text(),
profile.search_text), as the service computes it. Per the eval README, resume-categories is also
reported separately on odd-indexed queries (the only ones looked at while adjusting the engine)
and even-indexed queries (never looked at while adjusting). jd-fit is reported whole and per
half (``jd_fit_half``): half A was read job by job while fixing the engine, half B was only
ever seen as an aggregate (see benchmarks/TUNING.md for what each half informed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import statistics
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from talentscout.engine.icp import build_icp
from talentscout.engine.metrics import (
    average_precision,
    average_precision_scores,
    ndcg_at_k,
    precision_at_k,
    roc_auc,
)
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.scored import ENGINE_VERSION
from talentscout.engine.taxonomy import default_taxonomy

ROOT = Path(__file__).resolve().parents[1]
RC_AS_OF = date(2020, 1, 1)  # the resumes date from about 2018–2019
JD_AS_OF = date(2024, 11, 15)  # the postings are from November 2024
_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


class TfIdf:
    """Plain TF-IDF (log tf, smooth idf, l2) fitted on a document set; numpy only."""

    def __init__(self, docs: list[str]) -> None:
        tokenized = [_WORD.findall(d.lower()) for d in docs]
        df: Counter[str] = Counter()
        for toks in tokenized:
            df.update(set(toks))
        self.vocab = {w: i for i, w in enumerate(sorted(df))}
        n = len(docs)
        self.idf = np.array([math.log((n + 1) / (df[w] + 1)) + 1 for w in sorted(df)])
        self.matrix = np.vstack([self.vector_tokens(t) for t in tokenized])

    def vector_tokens(self, toks: list[str]) -> np.ndarray:
        vec = np.zeros(len(self.vocab))
        for w, c in Counter(toks).items():
            if w in self.vocab:
                vec[self.vocab[w]] = 1 + math.log(c)
        vec *= self.idf
        norm = np.linalg.norm(vec)
        return vec / norm if norm else vec

    def vector(self, text: str) -> np.ndarray:
        return self.vector_tokens(_WORD.findall(text.lower()))


def embedder() -> Any:
    import wordllama
    from wordllama import WordLlama

    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)

    def embed(texts: list[str]) -> np.ndarray:
        v = np.asarray(model.embed(texts), dtype=np.float64)
        norms = np.linalg.norm(v, axis=1, keepdims=True)
        norms[norms == 0] = 1
        return v / norms

    return embed


def rank_ids(ids: list[str], scores: np.ndarray | list[float]) -> list[str]:
    return [ids[i] for i in sorted(range(len(ids)), key=lambda i: (-float(scores[i]), ids[i]))]


def ranking_metrics(ranked: list[str], grades: dict[str, int]) -> dict[str, float]:
    relevant = {pid for pid, g in grades.items() if g == 2}
    return {
        "ndcg@10": ndcg_at_k(ranked, grades, 10),
        "map": average_precision(ranked, relevant),
        "p@10": precision_at_k(ranked, relevant, 10),
    }


def summarise(per_query: dict[str, dict[str, float]], qids: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for metric in ("ndcg@10", "map", "p@10"):
        values = [per_query[q][metric] for q in qids]
        out[metric] = round(statistics.fmean(values), 4)
        out[metric + "_sd"] = round(statistics.pstdev(values), 4)
        out[metric + "_min"] = round(min(values), 4)
    return out


def resume_categories(eval_dir: Path, embed: Any) -> dict[str, Any]:
    d = eval_dir / "resume-categories"
    pool = read_jsonl(d / "pool.jsonl")
    queries = read_jsonl(d / "queries.jsonl")
    grades: dict[str, dict[str, int]] = {}
    for line in (d / "qrels.tsv").read_text().splitlines()[1:]:
        qid, pid, grade = line.split("\t")
        grades.setdefault(qid, {})[pid] = int(grade)
    ids = [p["id"] for p in pool]
    t0 = time.perf_counter()
    parsed = [parse_profile({"resumeText": p["text"]}, as_of=RC_AS_OF) for p in pool]
    parse_s = time.perf_counter() - t0
    profile_vecs = embed([p.search_text[:20000] for p in parsed])
    raw_vecs = embed([p["text"][:20000] for p in pool])
    tfidf = TfIdf([p["text"] for p in pool])
    systems: dict[str, dict[str, dict[str, float]]] = {
        k: {} for k in ("engine", "tfidf_title_desc", "tfidf_title", "wordllama_title")
    }
    score_s = 0.0
    for q in queries:
        icp = build_icp(q["title"], q["jobDescription"], q.get("location"))
        job_vec = embed([icp.semantic_text()])[0]
        semantic = (profile_vecs @ job_vec).tolist()
        t1 = time.perf_counter()
        scored = score_profiles(icp, parsed, semantic, as_of=RC_AS_OF)
        score_s += time.perf_counter() - t1
        g = grades[q["id"]]
        engine_scores = [s.match_score for s in scored]
        systems["engine"][q["id"]] = ranking_metrics(rank_ids(ids, engine_scores), g)
        for name, text in (("tfidf_title_desc", q["title"] + "\n" + q["jobDescription"]),
                           ("tfidf_title", q["title"])):  # fmt: skip
            sims = tfidf.matrix @ tfidf.vector(text)
            systems[name][q["id"]] = ranking_metrics(rank_ids(ids, sims), g)
        sims = raw_vecs @ embed([q["title"]])[0]
        systems["wordllama_title"][q["id"]] = ranking_metrics(rank_ids(ids, sims), g)
    qids = [q["id"] for q in queries]
    splits = {"all": qids, "odd(tuning)": qids[1::2], "even(held)": qids[0::2]}
    result: dict[str, Any] = {
        name: {split: summarise(per_q, sel) for split, sel in splits.items()}
        for name, per_q in systems.items()
    }
    result["per_query_engine_ndcg@10"] = {
        q: round(v["ndcg@10"], 3) for q, v in systems["engine"].items()
    }
    result["timing"] = {"parse_s": round(parse_s, 2), "score_s": round(score_s, 2)}
    return result


def jd_fit_half(description: str) -> str:
    """A (read while fixing the engine) or B (aggregate only), by a hash of the posting text,
    so identical postings under several job ids stay on one side."""
    return "A" if hashlib.sha1(description.encode()).digest()[0] % 2 == 0 else "B"


def distinct_postings_auc(
    descriptions: list[str], scores: list[float], labels: list[bool]
) -> tuple[float, int]:
    """ROC-AUC with each distinct posting counted once, labelled by its copies' majority (a
    posting whose copies split evenly is dropped). The set repeats some postings under several
    job ids with conflicting labels (one posting in half B ten times: once a fit, nine times
    not), so the plain AUC weighs that one posting tenfold. A system scores identical text
    identically, so the first copy's score stands for all."""
    groups: dict[str, list[tuple[float, bool]]] = {}
    for text, score, label in zip(descriptions, scores, labels, strict=True):
        groups.setdefault(text, []).append((score, label))
    kept = [
        (copies[0][0], 2 * fits > len(copies))
        for copies in groups.values()
        if 2 * (fits := sum(label for _, label in copies)) != len(copies)
    ]
    return roc_auc([s for s, _ in kept], [lab for _, lab in kept]), len(kept)


def jd_fit(eval_dir: Path, embed: Any) -> dict[str, Any]:
    d = eval_dir / "jd-fit"
    candidate = json.loads((d / "candidate.json").read_text())
    jobs = read_jsonl(d / "jobs.jsonl")
    labels = [bool(j["label"]) for j in jobs]
    profile = parse_profile({"resumeText": candidate["text"]}, as_of=JD_AS_OF)
    pvec = embed([profile.search_text])[0]
    scores: list[float] = []
    for job in jobs:
        icp = build_icp(job["title"], job["jobDescription"], job.get("location"))
        sem = float(embed([icp.semantic_text()])[0] @ pvec)
        scores.append(score_profiles(icp, [profile], [sem], as_of=JD_AS_OF)[0].match_score)
    tfidf = TfIdf([j["jobDescription"] for j in jobs] + [candidate["text"]])
    cvec = tfidf.vector(candidate["text"])
    base_tfidf = [float(tfidf.vector(j["jobDescription"]) @ cvec) for j in jobs]
    base_tfidf_title = [float(tfidf.vector(j["title"]) @ cvec) for j in jobs]
    cand_raw = embed([candidate["text"]])[0]
    base_wl = (embed([j["jobDescription"][:20000] for j in jobs]) @ cand_raw).tolist()
    base_wl_title = (embed([j["title"] for j in jobs]) @ cand_raw).tolist()
    out: dict[str, Any] = {}
    halves = [jd_fit_half(j["jobDescription"]) for j in jobs]
    for name, s in (("engine", scores), ("tfidf_desc", base_tfidf),
                    ("tfidf_title", base_tfidf_title), ("wordllama_desc", base_wl),
                    ("wordllama_title", base_wl_title)):  # fmt: skip
        out[name] = {
            "roc_auc": round(roc_auc(s, labels), 4),
            "ap": round(average_precision_scores(s, labels), 4),
        }
        for half in ("A", "B"):
            pick = [i for i, h in enumerate(halves) if h == half]
            out[name][f"roc_auc_{half}"] = round(
                roc_auc([s[i] for i in pick], [labels[i] for i in pick]), 4
            )
            auc, n = distinct_postings_auc(
                [jobs[i]["jobDescription"] for i in pick],
                [s[i] for i in pick],
                [labels[i] for i in pick],
            )
            out[name][f"roc_auc_{half}_distinct"] = round(auc, 4)
            out[name][f"distinct_postings_{half}"] = n
    bands = {"80-100": (80, 101), "60-79": (60, 80), "40-59": (40, 60), "0-39": (0, 40)}
    out["calibration"] = {
        band: {
            "n": sum(1 for s in scores if lo <= s < hi),
            "share_true": round(
                statistics.fmean(
                    [lab for s, lab in zip(scores, labels, strict=True) if lo <= s < hi] or [0.0]
                ),
                3,
            ),  # fmt: skip
        }
        for band, (lo, hi) in bands.items()
    }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    parser.add_argument(
        "--dev",
        action="store_true",
        help="development mode: print only the odd (tuning) queries; no held-out numbers",
    )
    args = parser.parse_args()
    embed = embedder()
    if args.dev:
        rc = resume_categories(args.eval_dir, embed)
        for name in ("engine", "tfidf_title", "wordllama_title"):
            m = rc[name]["odd(tuning)"]
            print(f"  {name:18s} odd nDCG@10 {m['ndcg@10']:.3f} MAP {m['map']:.3f}")
        odd = list(rc["per_query_engine_ndcg@10"].items())[1::2]
        print("  engine per odd query nDCG@10:", dict(odd))
        return
    report = {
        "engine_version": ENGINE_VERSION,
        "taxonomy_version": default_taxonomy().version,
        "resume_categories": resume_categories(args.eval_dir, embed),
        "jd_fit": jd_fit(args.eval_dir, embed),
    }
    rc = report["resume_categories"]
    print(f"engine {ENGINE_VERSION}, taxonomy {report['taxonomy_version']}")
    print("resume-categories (15 queries; odd = tuning half, even = held-out half)")
    for name in ("engine", "tfidf_title_desc", "tfidf_title", "wordllama_title"):
        for split in ("all", "odd(tuning)", "even(held)"):
            m = rc[name][split]
            print(f"  {name:18s} {split:12s} nDCG@10 {m['ndcg@10']:.3f} "
                  f"(sd {m['ndcg@10_sd']:.3f}, min {m['ndcg@10_min']:.3f})  "
                  f"MAP {m['map']:.3f}  P@10 {m['p@10']:.3f}")  # fmt: skip
    print("  engine per query nDCG@10:", rc["per_query_engine_ndcg@10"])
    print("jd-fit (1 resume x 320 jobs; half A read while fixing, half B aggregate only)")
    for name, m in report["jd_fit"].items():
        if name != "calibration":
            print(f"  {name:18s} ROC-AUC {m['roc_auc']:.3f} (A {m['roc_auc_A']:.3f}, "
                  f"B {m['roc_auc_B']:.3f})  AP {m['ap']:.3f}  per distinct posting: "
                  f"A {m['roc_auc_A_distinct']:.3f} (n {m['distinct_postings_A']}), "
                  f"B {m['roc_auc_B_distinct']:.3f} (n {m['distinct_postings_B']})")  # fmt: skip
    print("  calibration (band: n, share true):", report["jd_fit"]["calibration"])
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
