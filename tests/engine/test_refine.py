"""refine_icp: PATCH queries change the ICP predictably, clause by clause, without mutation."""

from __future__ import annotations

import pytest

from talentscout.engine.icp import ICP, build_icp, refine_icp
from talentscout.engine.taxonomy import Taxonomy
from tests.engine.test_icp import JD


@pytest.fixture
def icp(taxonomy: Taxonomy) -> ICP:
    return build_icp("Senior Backend Engineer", JD, "Remote (EU)", taxonomy=taxonomy)


class TestRefineIcp:
    def test_relax_years(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "relax the experience requirement to 3 years", taxonomy=taxonomy)
        assert refined.min_years == 3.0
        assert refined.must_have == icp.must_have

    def test_prioritize(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "prioritize Kafka", taxonomy=taxonomy)
        assert "Kafka" in refined.must_have
        assert "Kafka" not in refined.nice_to_have
        assert refined.skill_weights["Kafka"] > refined.skill_weights["Python"]

    def test_a_clearance_added_or_dropped_by_query_is_a_credential(self, icp: ICP) -> None:
        from talentscout.engine.taxonomy import default_taxonomy

        tax = default_taxonomy()
        added = refine_icp(icp, "must have TS/SCI clearance", taxonomy=tax)
        assert "Security Clearance" in added.must_have
        assert added.held_skills == ("Security Clearance",)
        dropped = refine_icp(added, "drop security clearance", taxonomy=tax)
        assert "Security Clearance" not in dropped.must_have
        assert dropped.held_skills == ()

    def test_must_and_preferred(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "must have Kafka, fintech preferred", taxonomy=taxonomy)
        assert "Kafka" in refined.must_have
        assert refined.preferred_terms == ("fintech",)
        assert ("fintech", 0.3) in refined.lexical_terms()

    def test_exclude_remote_senior(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(
            icp, "exclude consultants; remote only; senior only", taxonomy=taxonomy
        )
        assert refined.negatives == ("agency", "consultant")
        assert refined.remote_only
        assert refined.remote_policy == "remote"
        assert refined.seniority == "senior"
        assert refined.seniority_strict

    def test_drop_skill(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "Django not required", taxonomy=taxonomy)
        assert "Django" not in refined.must_have
        assert "Django" not in refined.skill_weights

    def test_history_and_purity(self, taxonomy: Taxonomy, icp: ICP) -> None:
        once = refine_icp(icp, "prioritize Kafka", taxonomy=taxonomy)
        twice = refine_icp(once, "remote only", taxonomy=taxonomy)
        assert twice.queries == ("prioritize Kafka", "remote only")
        assert icp.queries == ()
        assert "Kafka" not in icp.must_have
        assert refine_icp(icp, "prioritize Kafka", taxonomy=taxonomy) == once

    def test_location_and_hybrid(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "based in Austin, TX; hybrid", taxonomy=taxonomy)
        assert refined.remote_policy == "hybrid"
        assert not refined.remote_only
        assert "texas" in refined.location_terms

    def test_years_with_skill(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "7+ years with Kafka", taxonomy=taxonomy)
        assert refined.min_years == icp.min_years == 5.0  # the job's own ask stays
        assert "Kafka" in refined.must_have
        assert refined.skill_years["Kafka"] == 7.0

    def test_relaxing_years_relaxes_the_years_asked_of_each_skill(
        self, taxonomy: Taxonomy, icp: ICP
    ) -> None:
        assert icp.skill_years == {"Python": 5.0}  # "5+ years of Python experience"
        refined = refine_icp(icp, "relax the experience requirement to 3 years", taxonomy=taxonomy)
        assert refined.skill_years == {"Python": 3.0}
        dropped = refine_icp(icp, "drop Python", taxonomy=taxonomy)
        assert dropped.skill_years == {}

    def test_nice_and_unknown_terms(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "Rust is a plus, payments background", taxonomy=taxonomy)
        assert "Rust" in refined.nice_to_have
        assert "payments background" in refined.preferred_terms

    def test_not_junior(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "not interns", taxonomy=taxonomy)
        assert "intern" in refined.excluded_seniority

    def test_dotted_skill_names_survive(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "must have Node.js and .NET. Remote only.", taxonomy=taxonomy)
        assert {"Node.js", ".NET"} <= set(refined.must_have)
        assert refined.remote_only

    def test_exclude_several(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "exclude recruiters and juniors", taxonomy=taxonomy)
        assert refined.negatives == ("agency", "recruiter")
        assert "junior" in refined.excluded_seniority

    def test_must_have_leaves_its_or_group(self, taxonomy: Taxonomy) -> None:
        icp = build_icp("Engineer", "Required: Kafka or RabbitMQ.", taxonomy=taxonomy)
        assert icp.alternatives == {"Kafka": ("RabbitMQ",), "RabbitMQ": ("Kafka",)}
        refined = refine_icp(icp, "must have Kafka", taxonomy=taxonomy)
        assert refined.alternatives == {}
        assert refined.must_have == ("Kafka",)
        assert refined.nice_to_have == ("RabbitMQ",)
