"""explain: rationale, cited fit points and red flags, per-role relevance, breakdown."""

from __future__ import annotations

import json
import re

from talentscout.engine.explain import explain
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.taxonomy import Taxonomy
from tests.engine.conftest import AS_OF, backend_profile

JD = "Requirements: 5+ years of Python, strong Django and Kafka, Rust required. Docker is a plus."


def _run(taxonomy: Taxonomy, data: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    icp = build_icp("Senior Backend Engineer", JD, "San Francisco, CA", taxonomy=taxonomy)
    profile = parse_profile(data or backend_profile(), as_of=AS_OF, taxonomy=taxonomy)
    (scored,) = score_profiles(icp, [profile], [0.7], as_of=AS_OF)
    return icp, profile, scored, explain(icp, profile, scored)


def _profile_text(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False)


QUOTE = re.compile(r'"([^"]+)"')


class TestExplain:
    def test_fit_points_quote_the_profile(self, taxonomy: Taxonomy) -> None:
        data = backend_profile()
        _, _, _, ex = _run(taxonomy, data)
        text = _profile_text(data)
        assert any(p.startswith("Kafka (must-have):") for p in ex.fit_points)
        assert (
            'Kafka (must-have): "Built Kafka streaming pipelines and Django APIs" (work at Acme)'
            in ex.fit_points
        )
        for point in ex.fit_points:
            for quote in QUOTE.findall(point):
                assert quote.rstrip("…") in text, quote

    def test_red_flags(self, taxonomy: Taxonomy) -> None:
        _, _, scored, ex = _run(taxonomy)
        assert "Rust" in scored.missing_must
        assert any("Must-have Rust" in f for f in ex.red_flags)
        assert any(f.startswith("Location:") and "Berlin" in f for f in ex.red_flags)

    def test_rationale_is_one_specific_sentence(self, taxonomy: Taxonomy) -> None:
        _, _, scored, ex = _run(taxonomy)
        assert ex.rationale.count(". ") == 0
        assert ex.rationale.endswith(".")
        assert "Senior Software Engineer at Acme" in ex.rationale
        assert f"{scored.match_score}/100" in ex.rationale
        assert "missing Rust" in ex.rationale
        assert "Alex" not in ex.rationale

    def test_detailed_rationale(self, taxonomy: Taxonomy) -> None:
        _, profile, _, ex = _run(taxonomy)
        assert len(ex.detailed_rationale) == len(profile.roles)
        first = ex.detailed_rationale[0]
        assert set(first) == {"title", "company", "duration", "relevanceExplanation"}
        assert first["company"] == "Acme"
        assert first["duration"] == "4 yrs 9 mos"
        assert "Kafka" in first["relevanceExplanation"]

    def test_breakdown_shape(self, taxonomy: Taxonomy) -> None:
        data = backend_profile()
        _, _, scored, ex = _run(taxonomy, data)
        assert {"skills", "title", "seniority", "location", "semantic"} <= set(ex.breakdown)
        text = _profile_text(data)
        for name, item in ex.breakdown.items():
            assert set(item) == {"score", "weight", "evidence"}
            assert isinstance(item["score"], int)
            assert 0 <= item["score"] <= 100
            assert item["score"] == scored.scores[name]
            for ev in item["evidence"]:
                assert set(ev) == {"text", "source"}
                if name in ("skills", "title"):
                    assert ev["text"] in text

    def test_byte_identical(self, taxonomy: Taxonomy) -> None:
        a = json.dumps(_run(taxonomy)[3].to_dict())
        b = json.dumps(_run(taxonomy)[3].to_dict())
        assert a == b
