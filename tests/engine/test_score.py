"""score_profiles: order, range, calibration anchors, determinism and protected attributes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from talentscout.engine.icp import ICP, build_icp, refine_icp
from talentscout.engine.parse import ParsedProfile, parse_profile
from talentscout.engine.score import CRITERIA, SEMANTIC_SCALE, WEIGHTS, score_profiles
from talentscout.engine.scored import ENGINE_VERSION, ScoredCandidate
from talentscout.engine.taxonomy import Taxonomy
from tests.engine.conftest import AS_OF, backend_profile

JD = "Requirements: 5+ years of Python, strong Django and Kafka. Docker is a plus."


@pytest.fixture
def icp(taxonomy: Taxonomy) -> ICP:
    return build_icp("Senior Backend Engineer", JD, "Berlin, Germany", taxonomy=taxonomy)


def _parse(taxonomy: Taxonomy, data: dict[str, Any]) -> ParsedProfile:
    return parse_profile(data, as_of=AS_OF, taxonomy=taxonomy)


def _designer(taxonomy: Taxonomy) -> ParsedProfile:
    return _parse(
        taxonomy,
        {
            "basics": {"label": "Sales Manager", "location": {"city": "Lima", "countryCode": "PE"}},
            "work": [{"name": "Shop", "position": "Sales Manager", "startDate": "2022-01"}],
            "skills": [{"name": "Excel"}],
        },
    )


class TestScoreProfiles:
    def test_order_range_and_bands(self, taxonomy: Taxonomy, icp: ICP) -> None:
        strong = _parse(taxonomy, backend_profile())
        weak = _designer(taxonomy)
        out = score_profiles(icp, [weak, strong], [0.2, 0.8], as_of=AS_OF)
        assert [0 <= s.match_score <= 100 for s in out] == [True, True]
        assert out[1].match_score >= 80, out[1]
        assert out[0].match_score < 40, out[0]
        assert out[1].engine_version == ENGINE_VERSION

    def test_sub_scores_and_weights(self, taxonomy: Taxonomy, icp: ICP) -> None:
        (s,) = score_profiles(icp, [_parse(taxonomy, backend_profile())], [0.7], as_of=AS_OF)
        assert set(s.scores) <= set(CRITERIA)
        assert {"skills", "title", "seniority", "location", "semantic"} <= set(s.scores)
        assert all(0 <= v <= 100 for v in s.scores.values())
        assert s.weights == {c: WEIGHTS[c] for c in s.scores}
        assert s.matched_must == ("Python", "Django", "Kafka")

    def test_semantic_optional(self, taxonomy: Taxonomy, icp: ICP) -> None:
        (s,) = score_profiles(icp, [_parse(taxonomy, backend_profile())], None, as_of=AS_OF)
        assert "semantic" not in s.scores

    def test_semantic_scale_follows_the_job_text(self, taxonomy: Taxonomy) -> None:
        """Posting prose sits higher on the cosine scale than the short ICP text: the same
        cosine is a weaker match against a posting's requirement sentences."""
        profile = _parse(taxonomy, backend_profile())
        asks = (
            "Requirements: 5+ years of Python, experience designing REST APIs, running"
            " PostgreSQL databases and message queues in production, and owning services end"
            " to end."
        )
        posting = build_icp("Backend Engineer", asks, taxonomy=taxonomy)
        short = build_icp("Backend Engineer", "Requirements: Python.", taxonomy=taxonomy)
        assert posting.reads_posting
        assert not short.reads_posting
        ((floor, ceil), (p_floor, p_ceil)) = SEMANTIC_SCALE["icp"], SEMANTIC_SCALE["posting"]
        cosine = (p_floor + p_ceil) / 2
        (on_posting,) = score_profiles(posting, [profile], [cosine], as_of=AS_OF)
        (on_short,) = score_profiles(short, [profile], [cosine], as_of=AS_OF)
        assert on_posting.scores["semantic"] == 50
        assert on_short.scores["semantic"] == round(100 * (cosine - floor) / (ceil - floor))

    def test_semantic_length_checked(self, taxonomy: Taxonomy, icp: ICP) -> None:
        with pytest.raises(ValueError, match="one value per profile"):
            score_profiles(icp, [_parse(taxonomy, backend_profile())], [0.1, 0.2], as_of=AS_OF)

    def test_missing_must_caps_score(self, taxonomy: Taxonomy) -> None:
        icp = build_icp("Backend Engineer", "Must have Rust, Kafka and Kotlin.", taxonomy=taxonomy)
        (s,) = score_profiles(icp, [_parse(taxonomy, backend_profile())], [0.9], as_of=AS_OF)
        assert s.match_score <= 59
        assert "Rust" in s.missing_must

    def test_living_elsewhere_caps_an_on_site_job_unless_open_to_relocation(
        self, taxonomy: Taxonomy, icp: ICP
    ) -> None:
        def placed(city: str, country: str, summary: str = "") -> ParsedProfile:
            profile = backend_profile()
            profile["basics"]["location"] = {"city": city, "countryCode": country}
            profile["basics"]["summary"] = summary
            return _parse(taxonomy, profile)

        local, abroad, mover = score_profiles(
            icp,
            [
                placed("Berlin", "DE"),
                placed("Melbourne", "AU"),
                placed("Melbourne", "AU", "Open to relocation within the EU."),
            ],
            [0.8, 0.8, 0.8],
            as_of=AS_OF,
        )
        assert local.match_score >= 80
        assert abroad.match_score <= 69
        assert abroad.scores["location"] == 0
        assert mover.scores["location"] == 50
        assert abroad.match_score < mover.match_score < local.match_score
        unplaced = backend_profile()
        unplaced["basics"]["location"] = {"city": "Potsdam"}  # no country: not evidence
        refuser = placed("Melbourne", "AU", "Not open to relocation.")
        (near, stays) = score_profiles(
            icp, [_parse(taxonomy, unplaced), refuser], [0.8, 0.8], as_of=AS_OF
        )
        assert near.match_score >= 80
        assert stays.scores["location"] == 0
        assert stays.match_score <= 69
        remote = build_icp("Senior Backend Engineer", JD + " Fully remote.", taxonomy=taxonomy)
        (anywhere,) = score_profiles(remote, [placed("Melbourne", "AU")], [0.8], as_of=AS_OF)
        assert anywhere.match_score >= 80

    def test_strong_needs_every_must_have(self, taxonomy: Taxonomy, icp: ICP) -> None:
        complete = backend_profile()
        without_kafka = backend_profile()
        without_kafka["skills"] = [s for s in without_kafka["skills"] if s["name"] != "Kafka"]
        for job in without_kafka["work"]:
            job["highlights"] = [h for h in job.get("highlights", []) if "Kafka" not in h]
            job["summary"] = job.get("summary", "").replace("Kafka", "Redis")
        both = [_parse(taxonomy, complete), _parse(taxonomy, without_kafka)]
        full, lacking = score_profiles(icp, both, [0.9, 0.9], as_of=AS_OF)
        assert full.match_score >= 80
        assert lacking.missing_must == ("Kafka",)
        assert lacking.match_score <= 79

    def test_strong_needs_the_years_asked_to_within_a_year(self, taxonomy: Taxonomy) -> None:
        person = _parse(taxonomy, backend_profile())  # since January 2016: almost 9 years
        assert 8.5 < person.total_years < 9.0
        scores = {
            years: score_profiles(
                build_icp("Senior Backend Engineer",
                          f"Requirements: {years}+ years of Python, Django and Kafka.",
                          taxonomy=taxonomy),
                [person], [0.9], as_of=AS_OF,
            )[0].match_score
            for years in (5, 9, 12)
        }  # fmt: skip
        assert scores[5] >= 80
        assert scores[9] >= 80  # a few months short: a recruiter reads it as 9+
        assert scores[12] <= 79  # three years short
        undated = backend_profile()
        undated["basics"]["summary"] = "Backend engineer building Python services."
        for job in undated["work"]:
            job.pop("startDate", None)
            job.pop("endDate", None)
        unknown = _parse(taxonomy, undated)
        assert unknown.total_years == 0
        icp = build_icp("Senior Backend Engineer", "Requirements: 12+ years of Python, Django "
                        "and Kafka.", taxonomy=taxonomy)  # fmt: skip
        # no dates: the years are unknown, not short (the experience criterion weighs that)
        (s,) = score_profiles(icp, [unknown], [0.9], as_of=AS_OF)
        assert s.match_score > 79

    def test_two_levels_away_is_at_most_weak_to_plausible(self, taxonomy: Taxonomy) -> None:
        senior = _parse(taxonomy, backend_profile())
        jd = "Requirements: Python, Django and Kafka."
        scores = {
            title: score_profiles(build_icp(title, jd, taxonomy=taxonomy), [senior], [0.9],
                                  as_of=AS_OF)[0].match_score
            for title in ("Senior Backend Engineer", "Junior Backend Engineer",
                          "Principal Backend Engineer", "Senior or Principal Backend Engineer")
        }  # fmt: skip
        assert scores["Senior Backend Engineer"] >= 80
        assert scores["Junior Backend Engineer"] <= 59  # overqualified by two steps
        assert scores["Principal Backend Engineer"] <= 59  # two steps short
        assert scores["Senior or Principal Backend Engineer"] >= 80  # senior is offered

    def test_a_years_level_never_caps(self, taxonomy: Taxonomy) -> None:
        senior = _parse(taxonomy, backend_profile())
        icp = build_icp(
            "Backend Engineer", "Requirements: 1+ years of Python, Django and Kafka.",
            taxonomy=taxonomy,
        )  # fmt: skip
        (s,) = score_profiles(icp, [senior], [0.9], as_of=AS_OF)
        assert s.match_score >= 80

    def test_capped_candidates_keep_their_order(self, taxonomy: Taxonomy) -> None:
        icp = build_icp("Backend Engineer", "Must have Rust, Kotlin and Scala.", taxonomy=taxonomy)
        parsed = _parse(taxonomy, backend_profile())
        close, far = score_profiles(icp, [parsed, parsed], [0.9, 0.2], as_of=AS_OF)
        assert far.match_score < close.match_score <= 59

    def test_every_scored_fact_survives_storage(self) -> None:
        from talentscout.engine.taxonomy import default_taxonomy

        tax = default_taxonomy()
        icp = build_icp(
            "Backend Engineer", "Requirements: 6+ years of Python, Go and Kafka.", taxonomy=tax
        )
        work = [{"position": "Developer", "startDate": "2022-12", "summary": "Django and Kafka"}]
        data = {"work": work, "skills": [{"keywords": ["Go"]}]}
        (scored,) = score_profiles(icp, [_parse(tax, data)], [0.5], as_of=AS_OF)
        assert scored.listed_only == ("Go",)
        assert scored.short_skill_years == {"Python": (2.0, 6.0)}
        stored = json.loads(json.dumps(scored.to_dict()))
        assert ScoredCandidate.from_dict(stored) == scored

    def test_negative_hit_lowers_score(self, taxonomy: Taxonomy, icp: ICP) -> None:
        profile = backend_profile()
        profile["work"][0]["name"] = "TalentBridge Staffing Agency"
        parsed = _parse(taxonomy, profile)
        base = score_profiles(icp, [parsed], [0.7], as_of=AS_OF)[0]
        excluded = refine_icp(icp, "no agencies", taxonomy=taxonomy)
        hit = score_profiles(excluded, [parsed], [0.7], as_of=AS_OF)[0]
        assert hit.negatives == ("agency",)
        assert hit.match_score < base.match_score

    def test_refinement_changes_ranking_predictably(self, taxonomy: Taxonomy, icp: ICP) -> None:
        parsed = _parse(taxonomy, backend_profile())
        base = score_profiles(icp, [parsed], [0.7], as_of=AS_OF)[0]
        harder = refine_icp(icp, "must have Rust", taxonomy=taxonomy)
        assert (
            score_profiles(harder, [parsed], [0.7], as_of=AS_OF)[0].match_score < base.match_score
        )

    def test_deterministic(self, taxonomy: Taxonomy, icp: ICP) -> None:
        profiles = [_parse(taxonomy, backend_profile()), _designer(taxonomy)]
        a = [s.to_dict() for s in score_profiles(icp, profiles, [0.5, 0.4], as_of=AS_OF)]
        b = [s.to_dict() for s in score_profiles(icp, profiles, [0.5, 0.4], as_of=AS_OF)]
        assert json.dumps(a) == json.dumps(b)

    def test_scores_survive_storage(self, taxonomy: Taxonomy, icp: ICP) -> None:
        parsed = _parse(taxonomy, backend_profile())
        stored = ParsedProfile.from_dict(json.loads(json.dumps(parsed.to_dict())))
        stored_icp = ICP.from_dict(json.loads(json.dumps(icp.to_dict())))
        a = score_profiles(icp, [parsed], [0.6], as_of=AS_OF)[0]
        b = score_profiles(stored_icp, [stored], [0.6], as_of=AS_OF)[0]
        assert a == b


SWAPS = [
    ("Alex Morgan", "Maria Garcia"),
    ("Mr. Morgan", "Ms. Garcia"),
    (" he ", " she "),
    (" his ", " her "),
    ("fraternity", "sorority"),
    ("chairman", "chairwoman"),
]


def _swap(text: str) -> str:
    for a, b in SWAPS:
        text = text.replace(a, "\x00").replace(b, a).replace("\x00", b)
    return text


class TestProtectedAttributes:
    def _pair(self) -> tuple[dict[str, Any], dict[str, Any]]:
        resume = (
            "Alex Morgan\nMr. Morgan is a backend engineer; he led his team at Acme.\n"
            "Senior Software Engineer Jan 2019 - Present\nAcme\n"
            "• Built Kafka and Django services in Python, he says\n"
            "Treasurer of the fraternity, chairman of the coding club.\n"
        )
        first = backend_profile(resumeText=resume)
        second = json.loads(_swap(json.dumps(first)))
        second["basics"]["name"] = "Maria Garcia"
        assert second != first
        assert "sorority" in second["resumeText"]
        return first, second

    def test_swapped_names_and_gender_words_score_identically(
        self, taxonomy: Taxonomy, icp: ICP
    ) -> None:
        first, second = self._pair()
        a = _parse(taxonomy, first)
        b = _parse(taxonomy, second)
        assert a.search_text == b.search_text
        sa, sb = score_profiles(icp, [a, b], [0.61, 0.61], as_of=AS_OF)
        assert sa.match_score == sb.match_score
        assert sa.scores == sb.scores

    def test_score_never_reads_the_name(self, taxonomy: Taxonomy, icp: ICP) -> None:
        parsed = _parse(taxonomy, backend_profile())
        renamed = ParsedProfile.from_dict({**parsed.to_dict(), "name": "Someone Else"})
        a, b = score_profiles(icp, [parsed, renamed], [0.5, 0.5], as_of=AS_OF)
        assert a == b


class TestSoftCaps:
    def test_the_knee(self) -> None:
        import numpy as np

        from talentscout.engine.score import CAP_BAND, _ceiling

        raw = np.array([0.3, 0.79 - CAP_BAND, 0.75, 0.9, 1.0])
        out = _ceiling(raw, np.full(5, 0.79))
        assert out[0] == 0.3
        assert out[1] == pytest.approx(0.79 - CAP_BAND)
        assert out[-1] == pytest.approx(0.79)  # a perfect raw score lands on the cap
        assert list(out) == sorted(out)
        assert len(set(out)) == 5
        assert (out <= 0.79 + 1e-12).all()
        assert _ceiling(np.array([0.95]), np.array([1.0]))[0] == 0.95  # no cap, no change


def _score_one_role(
    requirements: str,
    work: str,
    skills: tuple[str, ...] = (),
    title: str = "Backend Engineer",
    held: str | None = None,
) -> ScoredCandidate:
    """A person whose one role is the job's title (or ``held``), doing ``work``, against
    "Requirements: …" (default taxonomy)."""
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    icp = build_icp(title, f"Requirements: {requirements}", taxonomy=tax)
    held = held or title
    data = {
        "basics": {"label": held},
        "work": [{"name": "Acme", "position": held, "startDate": "2016-01", "summary": work}],
        "skills": [{"keywords": list(skills)}],
    }
    profile = parse_profile(data, as_of=AS_OF, taxonomy=tax)
    (scored,) = score_profiles(icp, [profile], [0.9], as_of=AS_OF)
    return scored


def test_strong_needs_each_must_have_met_directly_or_by_a_peer() -> None:
    """Google Cloud shown for an AWS must-have is the same kind of thing (a cloud platform): it
    can still be a strong match. "Backend Development" shown for a Python must-have is related
    but no peer: at most "plausible", however well the rest fits."""
    peer = _score_one_role(
        "AWS, PostgreSQL and Docker.",
        "Backend services on Google Cloud Platform on PostgreSQL, shipped in Docker.",
    )
    assert peer.partial_must == {"AWS": "Google Cloud Platform"}
    assert peer.match_score >= 80
    loose = _score_one_role(
        "Python, PostgreSQL and Docker.",
        "Backend development in Ruby on PostgreSQL, shipped in Docker.",
    )
    assert loose.partial_must == {"Python": "Backend Development"}
    assert loose.match_score <= 79


def test_a_peer_is_preferred_over_any_other_related_skill() -> None:
    """Naming more skills must not lower a score: with MySQL shown, SQL or Django beside it
    (related to PostgreSQL, but no peer) do not make the must-have "loosely met"."""
    asked = "PostgreSQL, Redis, Docker."
    plain = _score_one_role(asked, "Backend services on MySQL, Redis caches, shipped in Docker.")
    richer = _score_one_role(
        asked, "Django services in SQL on MySQL, Redis caches, shipped in Docker."
    )
    assert richer.partial_must == plain.partial_must == {"PostgreSQL": "MySQL"}
    assert richer.match_score >= plain.match_score - 2


def test_strong_needs_each_must_have_in_the_described_work() -> None:
    """Python in a skills line beside Go and Kafka work is a claim: at most "plausible"."""
    asked = "Python, Kafka, Docker."
    shown = _score_one_role(asked, "Python and Go services on Kafka and PostgreSQL, in Docker")
    listed = _score_one_role(asked, "Go services on Kafka and PostgreSQL, in Docker", ("Python",))
    assert shown.match_score >= 80
    assert listed.listed_only == ("Python",)
    assert listed.match_score <= 79


def test_a_language_is_held_not_listed_only() -> None:
    """Spanish is stated, never "used" in a role's text: a bilingual agent whose work shows
    other skills is not held back from "strong" for it."""
    scored = _score_one_role(
        "fluent Spanish, Zendesk and Salesforce.",
        "Resolved billing tickets in Zendesk and Salesforce for enterprise accounts",
        ("Spanish",),
        title="Customer Support Specialist",
    )
    assert "Spanish" in scored.matched_must
    assert scored.listed_only == ()


def test_a_json_resume_languages_entry_shows_the_language() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    data = {"languages": [{"language": "Spanish", "fluency": "Native speaker"}]}
    assert "Spanish" in parse_profile(data, as_of=AS_OF, taxonomy=tax).skill_set


def test_jvm_tuning_is_not_met_by_writing_java() -> None:
    scored = _score_one_role("JVM tuning, Kafka, Docker.", "Java services on Kafka, in Docker")
    assert "JVM" not in scored.matched_must
    kotlin = _score_one_role(
        "a JVM language, Kafka, Docker.", "Kotlin services on Kafka, in Docker"
    )
    assert "JVM Languages" in kotlin.matched_must


def test_an_or_group_member_shown_through_a_narrower_skill_is_in_use() -> None:
    """ "Python or relational databases": Python only listed, PostgreSQL in the work — the
    group is met in use, not "listed only"."""
    scored = _score_one_role(
        "Python or relational databases; strong Docker; strong Kafka.",
        "Services on PostgreSQL and Kafka, shipped in Docker",
        ("Python",),
    )
    assert "Python" in scored.matched_must
    assert scored.listed_only == ()


def test_a_job_location_that_names_no_place_asks_nothing() -> None:
    icp = build_icp("Backend Engineer", "Requirements: Python.", "Relocation offered")
    profile = parse_profile(
        {"basics": {"location": {"city": "Seattle", "region": "WA"}}}, as_of=AS_OF
    )
    (scored,) = score_profiles(icp, [profile], None, as_of=AS_OF)
    assert "location" not in scored.scores


@pytest.mark.parametrize("location", ["TBD", "Multiple locations", "Various", "N/A"])
def test_a_job_location_of_no_particular_place_asks_nothing(location: str) -> None:
    icp = build_icp("Backend Engineer", "Requirements: Python.", location)
    profile = parse_profile({"basics": {"location": {"city": "Cork"}}}, as_of=AS_OF)
    (scored,) = score_profiles(icp, [profile], None, as_of=AS_OF)
    assert "location" not in scored.scores


def test_one_miss_in_a_long_must_have_list_may_still_be_strong() -> None:
    """Five or more requirements are a wish list: one in five may fall short ("meet most of
    these and apply"); two in a list of five may not, nor one in a list of three."""
    work = "Python services on Kafka and PostgreSQL, shipped in Docker on Kubernetes"
    one_short = _score_one_role("Python, Kafka, PostgreSQL, Docker, Kubernetes, Terraform.", work)
    assert one_short.missing_must == ("Terraform",)
    assert one_short.match_score >= 80
    two_short = _score_one_role("Python, Kafka, PostgreSQL, Docker, Terraform, Scala.", work)
    assert set(two_short.missing_must) == {"Terraform", "Scala"}
    assert two_short.match_score <= 79
    short_list = _score_one_role("Python, Kafka, Terraform.", work)
    assert short_list.missing_must == ("Terraform",)
    assert short_list.match_score <= 79


def test_a_skill_the_title_names_is_never_tolerated_missing() -> None:
    """ "Rust Engineer" without Rust is no strong match, however long the list it tops."""
    scored = _score_one_role(
        "Rust, Kafka, PostgreSQL, Docker, Kubernetes, Linux, Redis, Terraform, gRPC, AWS.",
        "Go services on Kafka, Redis and PostgreSQL with gRPC, shipped in Docker on Kubernetes"
        " and Linux on AWS with Terraform",
        title="Senior Rust Engineer",
        held="Senior Software Engineer",
    )
    assert scored.missing_must == ("Rust",)
    assert scored.match_score <= 79


def test_an_everyday_tool_in_a_skills_line_is_shown() -> None:
    """No one describes using Git or Jira: named in a skills line, they count as shown."""
    scored = _score_one_role(
        "Python, Git, Jira.",
        "Python services on Kafka and PostgreSQL, shipped in Docker",
        ("Git", "Jira"),
    )
    assert {"Git", "Jira"} <= set(scored.matched_must)
    assert scored.listed_only == ()
    assert scored.match_score >= 80


def test_a_record_from_before_language_levels_loads() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    icp = build_icp("Sales Manager", "Requirements: fluent German and B2B sales.", taxonomy=tax)
    text = "Sales Manager, Acme, 2016 - present\n- B2B sales\nLanguages: German (B2)"
    (scored,) = score_profiles(icp, [_parse(tax, {"resumeText": text})], [0.5], as_of=AS_OF)
    assert scored.short_language_levels == {"German": ("B2", "C1")}
    assert ScoredCandidate.from_dict(json.loads(json.dumps(scored.to_dict()))) == scored
    old = {k: v for k, v in scored.to_dict().items() if k != "short_language_levels"}
    assert ScoredCandidate.from_dict(old).short_language_levels == {}
