"""build_icp: family, seniority, must vs nice phrasing, location, negatives; and refine_icp."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from talentscout.engine.icp import ICP, MAX_MUST, build_icp
from talentscout.engine.icp_model import requirement_name
from talentscout.engine.taxonomy import Taxonomy, default_taxonomy

JD = """We are hiring a Senior Backend Engineer.
Requirements:
- 5+ years of Python experience
- Strong Django and PostgreSQL skills
Nice to have:
- Kafka
- Kubernetes experience is a plus
We work with Docker every day. No agencies please, not junior.
"""


@pytest.fixture
def icp(taxonomy: Taxonomy) -> ICP:
    return build_icp("Senior Backend Engineer", JD, "Remote (EU)", taxonomy=taxonomy)


class TestBuildIcp:
    def test_title_family_and_seniority(self, icp: ICP) -> None:
        assert icp.title_family == "software-engineer"
        assert icp.canonical_title == "Software Engineer"
        assert "backend engineer" in icp.title_synonyms
        assert (icp.seniority, icp.seniority_rank, icp.min_years) == ("senior", 3, 5.0)

    def test_must_vs_nice(self, icp: ICP) -> None:
        assert icp.must_have == ("Python", "Django", "SQL")
        assert icp.nice_to_have == ("Kafka", "Kubernetes", "Docker")
        assert icp.skill_weights["Python"] > icp.skill_weights["Kafka"]

    @pytest.mark.parametrize(
        ("sentence", "kind"),
        [
            ("Kafka is required.", "must"),
            ("You must know Kafka.", "must"),
            ("3+ years of Kafka.", "must"),
            ("Strong Kafka background.", "must"),
            ("Skilled knowledge of Kafka and Go, which are all core requirements.", "must"),
            ("Kafka is a requirement.", "must"),
            ("Kafka is nice to have.", "nice"),
            ("Kafka is a plus.", "nice"),
            ("Bonus: Kafka.", "nice"),
            ("Kafka preferred.", "nice"),
        ],
    )
    def test_phrasing_decides(self, taxonomy: Taxonomy, sentence: str, kind: str) -> None:
        icp = build_icp("Engineer", sentence, taxonomy=taxonomy)
        assert ("Kafka" in icp.must_have) == (kind == "must")
        assert ("Kafka" in icp.nice_to_have) == (kind == "nice")

    def test_a_fully_remote_jobs_city_limits_to_no_country(self, taxonomy: Taxonomy) -> None:
        icp = build_icp("Backend Engineer", "We are fully remote.", "Berlin", taxonomy=taxonomy)
        assert icp.remote_policy == "remote"
        assert icp.location_countries == ()
        on_site = build_icp("Backend Engineer", "Join our team.", "Berlin", taxonomy=taxonomy)
        assert on_site.location_countries == ("de",)

    def test_skills_in_title_are_must(self, taxonomy: Taxonomy) -> None:
        icp = build_icp("Java Developer", "Join our team.", taxonomy=taxonomy)
        assert icp.must_have == ("Java",)

    def test_location_and_negatives(self, icp: ICP) -> None:
        assert icp.remote_policy == "remote"
        assert "de" in icp.location_countries
        assert "us" not in icp.location_countries
        assert icp.negatives == ("agency",)
        assert icp.excluded_seniority == ("junior",)

    def test_city_location(self, taxonomy: Taxonomy) -> None:
        icp = build_icp("Data Engineer", "Hybrid role.", "San Francisco, CA", taxonomy=taxonomy)
        assert {"san francisco", "california", "us"} <= set(icp.location_terms)

    def test_seniority_words(self, taxonomy: Taxonomy) -> None:
        assert build_icp("Staff Engineer", "", taxonomy=taxonomy).seniority == "staff"
        assert build_icp("Principal Engineer", "", taxonomy=taxonomy).seniority == "principal"
        assert build_icp("Software Engineering Intern", "", taxonomy=taxonomy).seniority == "intern"
        phd = build_icp("Research Engineer", "A PhD in CS is required.", taxonomy=taxonomy)
        assert phd.education_level == "phd"

    def test_lexical_terms_title_heaviest(self, icp: ICP) -> None:
        terms = icp.lexical_terms()
        assert terms[0][1] == 1.0
        assert {t for t, w in terms if w == 1.0} == {
            "Senior Backend Engineer",
            "Software Engineer",
        }
        weights = dict(terms)
        assert weights["Python"] > weights["Kafka"] > 0
        assert len(terms) <= 40

    def test_embedding_text_is_short(self, icp: ICP) -> None:
        text = icp.embedding_text()
        assert text.startswith("Senior Backend Engineer")
        assert "Requirements" not in text

    def test_semantic_text_is_what_the_posting_asks(self, taxonomy: Taxonomy) -> None:
        posting = (
            "About us: Acme builds payment software for banks in twelve countries.\n"
            "Requirements:\n- 5+ years of Python\n- Experience designing REST APIs\n"
            "- Experience running PostgreSQL databases and message queues in production\n"
            "- Comfortable owning services end to end, from design to on-call\n"
            "Benefits: 401(k) matching, dental and vision insurance."
        )
        icp = build_icp("Backend Engineer", posting, taxonomy=taxonomy)
        text = icp.semantic_text()
        assert text.startswith("Backend Engineer\n")
        assert "5+ years of Python" in text
        assert "designing REST APIs" in text
        assert "payment software" not in text  # the company blurb asks for nothing
        assert "dental" not in text
        # The keywords criterion reads the same sentences: the employer's topics are not the work's.
        assert {"payment", "bank", "dental"}.isdisjoint(icp.topic_terms)
        assert "design" in icp.topic_terms or "designing" in icp.topic_terms
        # A description that states no requirement: the retrieval text stands in.
        plain = build_icp("Backend Engineer", "Acme builds payment software.", taxonomy=taxonomy)
        assert plain.posting_text == ""
        assert plain.semantic_text() == plain.embedding_text()
        assert "payment" in plain.topic_terms
        # One short requirement says too little to embed: the retrieval text stands in too.
        terse = build_icp("Backend Engineer", "Strong SQL Server experience is required.",
                          taxonomy=taxonomy)  # fmt: skip
        assert terse.posting_text
        assert terse.semantic_text() == terse.embedding_text()

    def test_a_choice_of_skills_counts_as_one_requirement(self) -> None:
        """The must-have list keeps MAX_MUST requirements, not skills: "Python, Java, Kotlin
        or Scala" does not push later requirements down to nice-to-haves."""
        text = (
            "Requirements: Python, Java, Kotlin or Scala. Kafka required. Spark required. "
            "Docker required. Kubernetes required. Terraform required. PostgreSQL required. "
            "Redis required. Airflow required. Snowflake required. Elasticsearch required."
        )
        icp = build_icp("Data Platform Engineer", text, taxonomy=default_taxonomy())
        assert len(icp.skill_groups(icp.must_have)) == MAX_MUST
        assert {"Python", "Scala", "Snowflake"} <= set(icp.must_have)
        assert "Elasticsearch" in icp.nice_to_have  # the eleventh requirement
        # a requirement is found again by the name a score lists it under
        group = next(g for g in icp.skill_groups(icp.must_have) if "Scala" in g)
        assert len(group) == 4
        assert icp.requirement(requirement_name(group)) == group
        assert icp.requirement("Kafka") == ("Kafka",)
        # …whatever the skills' own names hold ("or" in a name imported from ESCO)
        icp = replace(icp, must_have=("Read or Write",), nice_to_have=(), alternatives={})
        assert icp.requirement("Read or Write") == ("Read or Write",)

    def test_round_trip_and_determinism(self, taxonomy: Taxonomy, icp: ICP) -> None:
        again = build_icp("Senior Backend Engineer", JD, "Remote (EU)", taxonomy=taxonomy)
        assert json.dumps(icp.to_dict()) == json.dumps(again.to_dict())
        assert ICP.from_dict(json.loads(json.dumps(icp.to_dict()))) == icp

    def test_a_job_family_carries_the_kinds_of_it(self) -> None:
        icp = build_icp(
            "Registered Nurse", "Requirements: patient care.", taxonomy=default_taxonomy()
        )
        assert "icu-nurse" in icp.narrower_families
        assert ICP.from_dict(json.loads(json.dumps(icp.to_dict()))) == icp

    def test_a_record_from_before_kinds_of_families_loads(self) -> None:
        icp = build_icp(
            "Registered Nurse", "Requirements: patient care.", taxonomy=default_taxonomy()
        )
        old = {k: v for k, v in icp.to_dict().items() if k != "narrower_families"}
        loaded = ICP.from_dict(json.loads(json.dumps(old)))
        assert loaded.narrower_families == ()
        assert loaded == replace(icp, narrower_families=())

    def test_query_is_applied(self, taxonomy: Taxonomy) -> None:
        icp = build_icp("Backend Engineer", JD, query="must have Kafka", taxonomy=taxonomy)
        assert "Kafka" in icp.must_have
        assert icp.queries == ("must have Kafka",)


class TestFieldAndLevel:
    def test_other_field_must_is_demoted(self, taxonomy: Taxonomy) -> None:
        icp = build_icp(
            "Backend Engineer",
            "Requirements: strong Python; must support recruiting; strong communication skills.",
            taxonomy=taxonomy,
        )
        assert icp.must_have == ("Python",)
        assert "Recruiting" in icp.nice_to_have
        assert "Communication" in icp.nice_to_have

    def test_soft_skills_only_mentioned_are_no_nice_to_have(self) -> None:
        """Company values and a remote policy are not asks: a soft skill is a nice-to-have
        only where the text asks for it."""
        icp = build_icp(
            "Backend Engineer",
            "We build on our values of respect, integrity, and accountability. Remote work is "
            "possible.\nRequirements: strong Python; strong communication skills.",
            taxonomy=default_taxonomy(),
        )
        assert icp.must_have == ("Python",)
        assert icp.nice_to_have == ("Communication",)

    def test_workplace_tools_and_languages_only_mentioned_stay_nice_to_haves(self) -> None:
        """Unlike a trait, Outlook or Spanish named in the duties is what the work uses."""
        tax = default_taxonomy()
        assistant = build_icp(
            "Executive Assistant",
            "You will manage calendars in Microsoft Outlook and prepare decks in PowerPoint.",
            taxonomy=tax,
        )
        assert assistant.nice_to_have == ("Microsoft Outlook", "Microsoft PowerPoint")
        agent = build_icp("Customer Service Representative", "Help Spanish-speaking customers.")
        assert "Spanish" in agent.nice_to_have

    def test_peers_are_related_skills_of_the_same_kind(self) -> None:
        tax = default_taxonomy()
        icp = build_icp("Backend Engineer", "Requirements: AWS, PostgreSQL, Python.", taxonomy=tax)
        assert {"Google Cloud Platform", "Azure"} <= set(icp.peer_skills["AWS"])
        assert "MySQL" in icp.peer_skills["PostgreSQL"]
        assert "SQL" not in icp.peer_skills["PostgreSQL"]  # broader: no evidence of the kind
        assert "Backend Development" in icp.related_skills["Python"]
        assert "Backend Development" not in icp.peer_skills.get("Python", ())
        assert ICP.from_dict(json.loads(json.dumps(icp.to_dict()))) == icp
        # Languages are peers through what they run on or are for: the JVM, systems, iOS.
        langs = build_icp("Engineer", "Requirements: Java, C++, Swift.", taxonomy=tax)
        assert {"Kotlin", "Scala"} <= set(langs.peer_skills["Java"])
        assert "Rust" in langs.peer_skills["C++"]
        assert "Objective-C" in langs.peer_skills["Swift"]
        # Alternatives of one kind only: an ecosystem ("JavaScript", "AWS") or a field
        # ("Backend Development") groups skills of different kinds, which are no peers.
        stack = build_icp("Engineer", "Requirements: React, AWS, Django.", taxonomy=tax)
        assert "TypeScript" in stack.related_skills["React"]
        assert "TypeScript" not in stack.peer_skills.get("React", ())
        assert "Amazon S3" in stack.related_skills["AWS"]
        assert "Amazon S3" not in stack.peer_skills["AWS"]
        assert "Flask" not in stack.peer_skills.get("Django", ())

    def test_a_required_language_is_a_must_have_but_english_is_taken_as_read(self) -> None:
        tax = default_taxonomy()
        agent = build_icp(
            "Customer Service Representative",
            "Requirements: fluent Spanish; excellent English; strong communication skills.",
            taxonomy=tax,
        )
        assert "Spanish" in agent.must_have
        assert "English" in agent.nice_to_have
        assert "Communication" in agent.nice_to_have
        translator = build_icp(
            "Translator", "Requirements: 3+ years of translation from German.", taxonomy=tax
        )
        assert translator.must_have == ("German",)
        assert "Translation" in translator.nice_to_have  # the work, like Excel: never a must
        # Named without a language cue, a language is no requirement: "German engineering".
        engineer = build_icp(
            "Mechanical Engineer", "Requirements: German engineering standards.", taxonomy=tax
        )
        assert "German" not in engineer.must_have

    def test_a_required_clearance_is_a_must_have_in_any_field(self) -> None:
        icp = build_icp(
            "Registered Nurse",
            "Requirements: active Secret clearance; BLS certification.",
            taxonomy=default_taxonomy(),
        )
        assert "Security Clearance" in icp.must_have

    def test_skills_of_another_field_only_mentioned_are_dropped(self, taxonomy: Taxonomy) -> None:
        icp = build_icp(
            "Backend Engineer",
            "Requirements: strong Python.\nWe raised our Series D at a $3B valuation and are a "
            "logistics leader. You will work with Kafka.",
            taxonomy=taxonomy,
        )
        assert icp.must_have == ("Python",)
        assert icp.nice_to_have == ("Kafka",)

    def test_tools_mentioned_in_another_fields_posting_stay(self) -> None:
        icp = build_icp(
            "Financial Analyst",
            "Requirements: strong financial modeling.\nYou will work with SQL and Tableau daily.",
        )
        assert icp.nice_to_have == ("SQL", "Tableau")

    def test_a_department_named_in_the_text_is_not_the_job(self) -> None:
        icp = build_icp(
            "Engineer", "Join our HR tech team building Python services.\nRequirements: Python"
        )
        assert icp.title_family is None
        assert icp.must_have == ("Python",)

    def test_early_career_titles(self, taxonomy: Taxonomy) -> None:
        icp = build_icp("Software Engineer, PhD, Early Career", "", taxonomy=taxonomy)
        assert icp.seniority == "junior"
        assert icp.education_level == "phd"

    def test_field_named_titles(self, taxonomy: Taxonomy) -> None:
        assert build_icp("Automation Testers", "", taxonomy=taxonomy).title_family == "qa-engineer"
        assert (
            build_icp("Software Engineering", "", taxonomy=taxonomy).title_family
            == "software-engineer"
        )

    def test_boilerplate_is_ignored(self, taxonomy: Taxonomy) -> None:
        icp = build_icp(
            "Engineer",
            "Python required. We are an equal opportunity employer; our recruiting team "
            "must consider applicants without regard to race.",
            taxonomy=taxonomy,
        )
        assert icp.must_have == ("Python",)
        assert icp.nice_to_have == ()


def test_the_language_levels_asked_survive_storage_and_an_older_record_loads() -> None:
    icp = build_icp("Sales Manager", "Requirements: business fluent German (C1). B2B sales.")
    assert icp.language_levels == {"German": "C1"}
    assert ICP.from_dict(json.loads(json.dumps(icp.to_dict()))) == icp
    old = {k: v for k, v in icp.to_dict().items() if k != "language_levels"}
    loaded = ICP.from_dict(json.loads(json.dumps(old)))
    assert loaded.language_levels == {}
    assert loaded.to_dict()["language_levels"] == {}
