"""The matching engine: pure functions from data to data (no I/O, no database, no clock).

Public interface (what the service calls):
- ``parse.parse_profile(profile, *, as_of, taxonomy=None) -> ParsedProfile`` (JSON Resume dict,
  optionally with ``resumeText``); ``ParsedProfile.to_dict()`` / ``.from_dict()`` for JSONB.
- ``icp.build_icp(title, description, location=None, query=None) -> ICP`` and
  ``icp.refine_icp(icp, query) -> ICP``; ``ICP.lexical_terms()`` and ``ICP.embedding_text()``
  (retrieval), ``ICP.semantic_text()`` (the semantic criterion).
- ``score.score_profiles(icp, profiles, semantic=None, *, as_of) -> list[ScoredCandidate]``;
  ``score.WEIGHTS`` (the one weight table); ``scored.ScoredCandidate`` (the record) and
  ``scored.ENGINE_VERSION``.
- ``explain.explain(icp, profile, scored) -> Explanation`` (rationale, fit points, red flags,
  per-role relevance, the spec's scoreBreakdown).
- ``metrics``: nDCG@k, AP, P@k, ROC-AUC, AP of scores.
- ``taxonomy``: ``Taxonomy``, ``default_taxonomy()``, ``set_default_taxonomy()``.
"""
