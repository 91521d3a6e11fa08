"""refine_icp: PATCH queries change the ICP predictably, clause by clause, without mutation."""

from __future__ import annotations

import pytest

from talentscout.engine.icp import ICP, build_icp, refine_icp
from talentscout.engine.icp_model import MUST_WEIGHT, NICE_WEIGHT, PRIORITY_WEIGHT
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.taxonomy import Taxonomy, default_taxonomy
from tests.engine.conftest import AS_OF, backend_profile
from tests.engine.test_icp import JD


@pytest.fixture
def icp(taxonomy: Taxonomy) -> ICP:
    return build_icp("Senior Backend Engineer", JD, "Remote (EU)", taxonomy=taxonomy)


class TestRefineIcp:
    def test_relax_years(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "relax the experience requirement to 3 years", taxonomy=taxonomy)
        assert refined.min_years == 3.0
        assert refined.must_have == icp.must_have

    def test_prioritize_makes_a_nice_to_have_an_ordinary_must_have(
        self, taxonomy: Taxonomy, icp: ICP
    ) -> None:
        assert icp.skill_weights["Kafka"] == NICE_WEIGHT
        refined = refine_icp(icp, "prioritize Kafka", taxonomy=taxonomy)
        assert "Kafka" in refined.must_have
        assert "Kafka" not in refined.nice_to_have
        # not heavier than what the job asked for: a candidate without it is not sunk
        assert refined.skill_weights["Kafka"] == refined.skill_weights["Python"] == MUST_WEIGHT

    def test_prioritize_weighs_a_must_have_more(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "prioritize Python", taxonomy=taxonomy)
        assert refined.must_have == icp.must_have
        assert refined.skill_weights["Python"] == PRIORITY_WEIGHT
        assert refined.skill_weights["Django"] == MUST_WEIGHT

    def test_prioritize_a_skill_the_job_never_named(self, taxonomy: Taxonomy, icp: ICP) -> None:
        assert "Go" not in icp.skill_weights
        refined = refine_icp(icp, "focus on Go", taxonomy=taxonomy)
        assert "Go" in refined.must_have
        assert refined.skill_weights["Go"] == MUST_WEIGHT

    def test_a_clearance_added_or_dropped_by_query_is_a_credential(self, icp: ICP) -> None:
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


class TestMustPhrasings:
    @pytest.mark.parametrize(
        "query",
        [
            "must speak fluent German",
            "must know German",
            "must be fluent in German",
            "fluent German required",
            "German is required",
            "German is a must",
            "requires German",
            "needs German",
            "need fluent German",
        ],
    )
    def test_each_makes_a_must_have(self, query: str) -> None:
        tax = default_taxonomy()
        icp = build_icp("Backend Engineer", "Requirements: Python.", "Berlin", taxonomy=tax)
        refined = refine_icp(icp, query, taxonomy=tax)
        assert refined.must_have == ("Python", "German")
        assert refined.skill_weights["German"] == MUST_WEIGHT


class TestAgencyNegatives:
    @pytest.mark.parametrize(
        "query",
        [
            "no agency recruiters",
            "no agencies",
            "exclude agencies",
            "no recruitment agencies",
            "without staffing agencies",
        ],
    )
    def test_each_turns_away_agencies(self, query: str) -> None:
        tax = default_taxonomy()
        icp = build_icp("Backend Engineer", "Requirements: Python.", taxonomy=tax)
        assert refine_icp(icp, query, taxonomy=tax).negatives == ("agency",)

    def test_the_negative_lowers_an_agency_candidate(self) -> None:
        tax = default_taxonomy()
        icp = build_icp("Backend Engineer", "Requirements: Python, Django.", taxonomy=tax)
        basics = backend_profile()["basics"] | {"label": "Backend Engineer at TechStaff Agency"}
        profile = parse_profile(backend_profile(basics=basics), as_of=AS_OF, taxonomy=tax)
        before = score_profiles(icp, [profile], as_of=AS_OF)[0]
        refined = refine_icp(icp, "no agency recruiters", taxonomy=tax)
        after = score_profiles(refined, [profile], as_of=AS_OF)[0]
        assert after.negatives == ("agency",)
        assert after.match_score < before.match_score


class TestSeveralInstructions:
    def test_the_audit_query(self) -> None:
        tax = default_taxonomy()
        icp = build_icp("Backend Engineer", "Requirements: Python.", "Berlin", taxonomy=tax)
        refined = refine_icp(icp, "must speak fluent German; no agency recruiters", taxonomy=tax)
        assert refined.must_have == ("Python", "German")
        assert refined.negatives == ("agency",)

    def test_commas_and_and(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(
            icp, "must have Go, Rust and Java, no agencies and prioritize Kafka", taxonomy=taxonomy
        )
        assert {"Go", "Rust", "Java", "Kafka"} <= set(refined.must_have)
        assert refined.negatives == ("agency",)
        assert refined.preferred_terms == ()

    def test_an_instruction_after_and_is_its_own(self, taxonomy: Taxonomy, icp: ICP) -> None:
        refined = refine_icp(icp, "must have Go and 7+ years, remote only", taxonomy=taxonomy)
        assert "Go" in refined.must_have
        assert refined.min_years == 7.0
        assert refined.remote_only

    def test_what_a_verb_does_not_take_is_a_clause_of_its_own(
        self, taxonomy: Taxonomy, icp: ICP
    ) -> None:
        refined = refine_icp(icp, "must have Go and payments background", taxonomy=taxonomy)
        assert "Go" in refined.must_have
        assert refined.preferred_terms == ("payments background",)

    def test_and_inside_a_skill_name_stays(self) -> None:
        tax = default_taxonomy()
        icp = build_icp("Corporate Finance Analyst", "Requirements: Excel.", taxonomy=tax)
        refined = refine_icp(icp, "must have mergers and acquisitions", taxonomy=tax)
        assert "Mergers and Acquisitions" in refined.must_have


def test_prioritize_costs_a_candidate_without_it_no_more_than_requiring_it() -> None:
    tax = default_taxonomy()
    icp = build_icp("Senior Backend Engineer", JD, "Remote (EU)", taxonomy=tax)
    assert "Kafka" in icp.nice_to_have
    work = backend_profile()["work"]
    work[0] = work[0] | {"summary": "Built Django APIs.", "highlights": []}
    profile = parse_profile(backend_profile(work=work), as_of=AS_OF, taxonomy=tax)
    assert "Kafka" not in profile.skill_set
    scores = {
        q: score_profiles(refine_icp(icp, q, taxonomy=tax), [profile], as_of=AS_OF)[0]
        for q in ("prioritize Kafka", "must have Kafka")
    }
    assert scores["prioritize Kafka"] == scores["must have Kafka"]


def test_a_query_keeps_the_language_level_asked_or_states_a_new_one() -> None:
    tax = default_taxonomy()
    icp = build_icp("Sales Manager", "Requirements: business fluent German. B2B sales.")
    assert icp.language_levels == {"German": "C1"}
    for query in ("prioritize B2B sales", "must have Salesforce", "5+ years", "remote only"):
        assert refine_icp(icp, query, taxonomy=tax).language_levels == {"German": "C1"}, query
    assert refine_icp(icp, "German B2 is enough", taxonomy=tax).language_levels == {"German": "B2"}
    assert refine_icp(icp, "drop German", taxonomy=tax).language_levels == {}
