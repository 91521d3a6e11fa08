"""explain: rationale, cited fit points and red flags, per-role relevance, breakdown."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from talentscout.engine.explain import Explanation, explain
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import ParsedProfile, parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.taxonomy import Taxonomy, default_taxonomy
from talentscout.engine.wording import years_text
from tests.engine.conftest import AS_OF, backend_profile

JD = "Requirements: 5+ years of Python, strong Django and Kafka, Rust required. Docker is a plus."


def _run(taxonomy: Taxonomy, data: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    icp = build_icp("Senior Backend Engineer", JD, "San Francisco, CA", taxonomy=taxonomy)
    profile = parse_profile(data or backend_profile(), as_of=AS_OF, taxonomy=taxonomy)
    (scored,) = score_profiles(icp, [profile], [0.7], as_of=AS_OF)
    return icp, profile, scored, explain(icp, profile, scored)


def _explained(
    title: str, requirements: str, data: dict[str, object], semantic: float = 0.5
) -> tuple[ParsedProfile, Explanation]:
    """A profile (JSON Resume, or {"resumeText": …}) explained against "Requirements: …" with
    the default taxonomy."""
    tax = default_taxonomy()
    icp = build_icp(title, f"Requirements: {requirements}", taxonomy=tax)
    profile = parse_profile(data, as_of=AS_OF, taxonomy=tax)
    (scored,) = score_profiles(icp, [profile], [semantic], as_of=AS_OF)
    return profile, explain(icp, profile, scored)


def _profile_text(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False)


QUOTE = re.compile(r'"([^"]+)"')


class TestExplain:
    def test_fit_points_quote_the_profile(self, taxonomy: Taxonomy) -> None:
        data = backend_profile()
        _, _, _, ex = _run(taxonomy, data)
        text = _profile_text(data)
        # one quote backs Django and Kafka: one point names both
        assert (
            'Django (must-have): "Built Kafka streaming pipelines and Django APIs" (work at Acme)'
            "; it also shows Kafka (must-have)" in ex.fit_points
        ), ex.fit_points
        for point in ex.fit_points:
            for quote in QUOTE.findall(point):
                assert quote.rstrip("…") in text, quote

    def test_a_broad_must_have_cites_the_narrower_skill_shown(self, taxonomy: Taxonomy) -> None:
        icp = build_icp("Backend Engineer", "Requirements: containerization.", taxonomy=taxonomy)
        profile = parse_profile(backend_profile(), as_of=AS_OF, taxonomy=taxonomy)
        (scored,) = score_profiles(icp, [profile], [0.7], as_of=AS_OF)
        ex = explain(icp, profile, scored)
        assert (
            'Containerization (must-have) via Docker: "Migrated services to Docker and '
            'Kubernetes" (work at Acme)' in ex.fit_points
        )
        assert {"text": "Migrated services to Docker and Kubernetes", "source": "work at Acme"} in [
            dict(e) for e in scored.evidence["skills"]
        ]

    def test_a_skill_shown_by_the_title_held_cites_the_title(self) -> None:

        tax = default_taxonomy()
        icp = build_icp("Electrical Engineer", "Must have electrical engineering.", taxonomy=tax)
        data = {"work": [{"name": "Grid Co", "position": "Electrical Engineer", "summary": "Ran"}]}
        profile = parse_profile(data, as_of=AS_OF, taxonomy=tax)
        (scored,) = score_profiles(icp, [profile], [0.5], as_of=AS_OF)
        assert scored.matched_must == ("Electrical Engineering",)
        assert (
            'Electrical Engineering (must-have), as the title held: "Electrical Engineer" '
            "(work at Grid Co)" in explain(icp, profile, scored).fit_points
        )

    def test_a_must_have_only_listed_is_cited_and_flagged(self, taxonomy: Taxonomy) -> None:
        icp = build_icp("Backend Engineer", "Requirements: Go and Kafka.", taxonomy=taxonomy)
        profile = parse_profile(backend_profile(), as_of=AS_OF, taxonomy=taxonomy)
        (scored,) = score_profiles(icp, [profile], [0.7], as_of=AS_OF)
        assert scored.matched_must == ("Go", "Kafka")
        assert scored.listed_only == ("Go",)  # in the skills list, in no role
        ex = explain(icp, profile, scored)
        assert 'Go (must-have), listed only: "Go" (skills)' in ex.fit_points
        assert "Must-have Go: listed, but no role or project shows it in use" in ex.red_flags
        assert not any("Kafka" in f for f in ex.red_flags)

    def test_a_must_have_used_for_fewer_years_than_asked_is_flagged(self) -> None:

        tax = default_taxonomy()
        icp = build_icp("Backend Engineer", "Requirements: 6+ years of Python.", taxonomy=tax)
        work = [{"position": "Developer", "startDate": "2022-12", "summary": "Django services"}]
        profile = parse_profile({"work": work}, as_of=AS_OF, taxonomy=tax)
        (scored,) = score_profiles(icp, [profile], [0.5], as_of=AS_OF)
        assert scored.short_skill_years == {"Python": (2.0, 6.0)}
        flags = explain(icp, profile, scored).red_flags
        assert "Must-have Python: 6+ years asked, about 2 years in dated roles" in flags

    def test_red_flags(self, taxonomy: Taxonomy) -> None:
        _, _, scored, ex = _run(taxonomy)
        assert "Rust" in scored.missing_must
        assert any("Must-have Rust" in f for f in ex.red_flags)
        assert any(f.startswith("Location:") and "Berlin" in f for f in ex.red_flags)

    def test_a_level_two_steps_away_is_flagged(self, taxonomy: Taxonomy) -> None:
        profile = parse_profile(backend_profile(), as_of=AS_OF, taxonomy=taxonomy)
        cases = [
            ("Junior Backend Engineer", "job asks junior"),
            ("Principal Backend Engineer", "job asks principal"),
            ("Intern or Junior Backend Engineer", "job asks intern to junior"),
        ]
        for title, asked in cases:
            icp = build_icp(title, "Python required.", taxonomy=taxonomy)
            (scored,) = score_profiles(icp, [profile], [0.8], as_of=AS_OF)
            flags = [f for f in explain(icp, profile, scored).red_flags if "Seniority" in f]
            assert flags == [f'Seniority: reads as senior ("Senior Software Engineer"), {asked}']
        same = build_icp("Senior or Staff Backend Engineer", "Python required.", taxonomy=taxonomy)
        (scored,) = score_profiles(same, [profile], [0.8], as_of=AS_OF)
        assert not [f for f in explain(same, profile, scored).red_flags if "Seniority" in f]

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
            # the spec's shape; a cap or a negative hit adds why and the score before and after
            extra = {"reason", "before", "after"} if name in ("cap", "negatives") else set()
            assert set(item) == {"score", "weight", "evidence"} | extra
            assert isinstance(item["score"], int)
            assert 0 <= item["score"] <= 100
            assert name in ("cap", "negatives") or item["score"] == scored.scores[name]
            for ev in item["evidence"]:
                assert set(ev) == {"text", "source"}
                if name in ("skills", "title"):
                    assert ev["text"] in text

    def test_byte_identical(self, taxonomy: Taxonomy) -> None:
        a = json.dumps(_run(taxonomy)[3].to_dict())
        b = json.dumps(_run(taxonomy)[3].to_dict())
        assert a == b


class TestYearsForHumans:
    @pytest.mark.parametrize(
        ("years", "text"),
        [
            (0.08, "about 1 month"),
            (0.5, "about 6 months"),
            (0.99, "about 1 year"),
            (1.25, "about 1.5 years"),
            (2.0, "about 2 years"),
            (6.0, "about 6 years"),
            (6.1, "about 6 years"),
            (6.33, "over 6 years"),
            (6.8, "almost 7 years"),
            (12.58, "over 12 years"),
        ],
    )
    def test_years_text(self, years: float, text: str) -> None:
        assert years_text(years) == text

    def test_no_decimals_in_rationale_fit_points_or_flags(self, taxonomy: Taxonomy) -> None:
        icp, profile, scored, _ = _run(taxonomy)
        long = replace(profile, total_years=6.33)
        short = replace(profile, total_years=4.58)
        for p in (long, short):
            ex = explain(replace(icp, min_years=5.0), p, scored)
            texts = [ex.rationale, *ex.fit_points, *ex.red_flags]
            assert not any(re.search(r"\d\.\d+ year", t) for t in texts), texts
        assert "with over 6 years of experience" in explain(icp, long, scored).rationale
        ex = explain(replace(icp, min_years=5.0), long, scored)
        assert any(
            p.startswith("Experience: over 6 years in dated roles, job asks 5+ years")
            for p in ex.fit_points
        )
        ex = explain(replace(icp, min_years=5.0), short, scored)
        assert "Experience: over 4 years in the profile, job asks 5+ years" in ex.red_flags

    def test_months_under_a_year(self, taxonomy: Taxonomy) -> None:
        icp, profile, scored, _ = _run(taxonomy)
        ex = explain(replace(icp, min_years=0.5), replace(profile, total_years=0.33), scored)
        assert "with about 4 months of experience" in ex.rationale
        assert "Experience: about 4 months in the profile, job asks 6+ months" in ex.red_flags


class TestRationaleNamesTheGap:
    def test_related_only_must_have_is_named(self, taxonomy: Taxonomy) -> None:
        icp, profile, scored, _ = _run(taxonomy)
        gap = replace(scored, missing_must=(), partial_must={"Kafka": "RabbitMQ"})
        rationale = explain(replace(icp, peer_skills={}), profile, gap).rationale
        assert rationale.endswith("; no evidence of Kafka (only the related RabbitMQ).")
        assert rationale.count(". ") == 0
        # A peer is a near-equivalent, and the rationale says so.
        peer = explain(replace(icp, peer_skills={"Kafka": ("RabbitMQ",)}), profile, gap)
        assert peer.rationale.endswith("; Kafka met by its peer RabbitMQ.")
        assert any(f.startswith("Must-have Kafka: only its peer RabbitMQ") for f in peer.red_flags)

    def test_most_important_missing_comes_first(self, taxonomy: Taxonomy) -> None:
        icp, profile, scored, _ = _run(taxonomy)
        weights = {**icp.skill_weights, "Rust": 1.0, "Go": 1.0, "Scala": 1.0, "Kafka": 1.5}
        many = replace(scored, missing_must=("Rust", "Go", "Scala", "Kafka"))
        rationale = explain(replace(icp, skill_weights=weights), profile, many).rationale
        assert "missing Kafka, Rust and Go." in rationale

    def test_summary_headline_keeps_one_sentence(self, taxonomy: Taxonomy) -> None:
        icp, profile, scored, _ = _run(taxonomy)
        p = replace(profile, current_role=None, current_company=None,
                    headline="Builds payment systems that stay up.")  # fmt: skip
        rationale = explain(icp, p, scored).rationale
        assert rationale.startswith("Builds payment systems that stay up with ")
        assert rationale.count(". ") == 0


def test_the_rationale_names_a_must_have_only_listed_or_short_of_years() -> None:

    tax = default_taxonomy()
    icp = build_icp(
        "Backend Engineer", "Requirements: 6+ years of Python. PostgreSQL required.", taxonomy=tax
    )
    work = [{"position": "Developer", "startDate": "2022-12", "summary": "Django services"}]
    listed = parse_profile(
        {"work": work, "skills": [{"keywords": ["PostgreSQL"]}]}, as_of=AS_OF, taxonomy=tax
    )
    work_db = [{**work[0], "summary": "Django services on PostgreSQL"}]
    short = parse_profile({"work": work_db}, as_of=AS_OF, taxonomy=tax)
    people = [listed, short]
    scored = score_profiles(icp, people, None, as_of=AS_OF)
    first, second = (explain(icp, p, s).rationale for p, s in zip(people, scored, strict=True))
    assert first.endswith("; PostgreSQL only listed, not shown in use.")
    assert second.endswith("; Python for about 2 years of the 6+ years asked.")


def test_the_rationale_says_first_when_the_job_excludes_the_current_position() -> None:
    """An exclusion cuts the score more than anything else does: the sentence starts there."""
    data = {"resumeText": "Backend Developer at Bright Staffing Agency\nSkills: Python, Django"}
    _, ex = _explained("Backend Developer", "Python and Django. No agencies.", data)
    assert ', current position hits the job\'s exclusion of "agency"; shows 2 of 2' in (
        ex.rationale
    )


def test_a_title_flag_names_the_title_the_person_goes_by() -> None:
    """With no titled current role, the resume's own title line is what the flag quotes; with
    neither, the flag says so in a sentence ("no matching title is not a … role" was not one)."""

    def title_flags(text: str) -> list[str]:
        _, ex = _explained("Data Scientist", "machine learning.", {"resumeText": text}, 0.1)
        return [f for f in ex.red_flags if f.startswith("Title:")]

    analyst = "Senior Business Analyst\nSkills: requirements gathering, use cases, Visio"
    assert title_flags(analyst) == ['Title: "Senior Business Analyst" is not a Data Scientist role']
    assert title_flags("Skills: requirements gathering, use cases, Visio") == [
        "Title: no title in the profile reads as Data Scientist"
    ]
    _, ex = _explained("Accountant", "bookkeeping.", {"resumeText": analyst}, 0.1)
    assert 'Title: "Senior Business Analyst" is not an Accountant role' in ex.red_flags


def test_the_rationale_names_the_person_by_their_title_when_the_latest_role_has_none() -> None:
    text = (
        "Senior Business Analyst\nCompany Details\ncompany - Hexaware Technologies\n"
        "description - Jan 2017 to Dec 2019\nGathered requirements and wrote use cases."
    )
    asked = "requirements gathering."
    profile, ex = _explained("Business Analyst", asked, {"resumeText": text})
    assert profile.current_role is None
    assert profile.current_company == "Hexaware Technologies"
    assert ex.rationale.startswith("Senior Business Analyst with ")
    _, untitled = _explained("Business Analyst", asked, {"resumeText": text.split("\n", 1)[1]})
    assert untitled.rationale.startswith("Worked at Hexaware Technologies")


def test_a_fit_point_quotes_the_work_that_uses_a_skill_over_the_skills_line() -> None:
    text = (
        "Skills\nLibraries: Pandas, NumPy, Kafka\nExperience\n"
        "Software Engineer, Acme Corp Jan 2019 - Present\n"
        "- Created a batch process using pandas to reconcile payments\n"
        "- Maintained internal tools in Python and Django"
    )
    _, ex = _explained("Python Developer", "Pandas and Kafka.", {"resumeText": text})
    points = ex.fit_points
    assert (
        'Pandas (must-have): "Created a batch process using pandas to reconcile payments" '
        "(work at Acme Corp)" in points
    )
    # Kafka is only listed: the skills line is all there is to quote.
    assert any(p.startswith("Kafka (must-have), listed only:") for p in points), points


def _one_role(summary: str, **extra: object) -> dict[str, object]:
    role = {"name": "Acme", "position": "Backend Engineer", "startDate": "2019-01"}
    return {"work": [{**role, "summary": summary, **extra}]}


def test_the_rationale_counts_the_must_haves_it_does_not_name() -> None:
    _, ex = _explained(
        "Backend Engineer",
        "Python, Django, PostgreSQL, Redis, Celery and Docker.",
        _one_role("Django and Celery services in Python on PostgreSQL, Redis and Docker"),
    )
    assert "shows 6 of 6 must-have skills (Python, Django, PostgreSQL, Redis and 2 more)" in (
        ex.rationale
    )


def test_a_quote_is_a_mention_the_parser_found_not_a_word_that_spells_the_skill() -> None:
    data = _one_role(
        "Helped the team go live with the new platform.",
        highlights=["Built payment services in Golang"],
    )
    _, ex = _explained("Backend Engineer", "Go.", data)
    assert 'Go (must-have): "Built payment services in Golang" (work at Acme)' in ex.fit_points


def test_a_title_flag_never_quotes_a_summary_sentence_as_a_title(taxonomy: Taxonomy) -> None:
    icp, profile, scored, _ = _run(taxonomy)
    low_title = replace(scored, scores={**scored.scores, "title": 10})
    for headline in (
        "Looking for new opportunities!",
        "Results-driven professional seeking a role",
    ):
        p = replace(profile, current_role=None, headline=headline)
        flags = [f for f in explain(icp, p, low_title).red_flags if f.startswith("Title:")]
        assert flags == [f"Title: no title in the profile reads as {icp.canonical_title}"], headline


def test_a_bare_list_entry_is_not_credited_to_a_role_that_merely_contains_it() -> None:
    """ "Go" from a skills list is no quote from a role whose text says "Google"."""
    data = {**_one_role("Ran Google Ads campaigns"), "skills": [{"keywords": ["Go"]}]}
    _, ex = _explained("Backend Engineer", "Go.", data)
    points = [p for p in ex.fit_points if p.startswith("Go ")]
    assert len(points) == 1
    assert points[0].endswith("(skills)"), points


LANGUAGES_LINE_AND_DJANGO_WORK = (
    "Skills\nLanguages: Python, Java, C++\nExperience\n"
    "Software Engineer, Acme Corp Jan 2019 - Present\n"
    "- Built a payments web application with Django and Angular\n"
    "- Containerised the services with Docker on GCP"
)


def test_a_language_named_only_in_a_list_is_quoted_from_the_framework_work_that_shows_it() -> None:
    profile, ex = _explained(
        "Backend Engineer", "Python and Docker.", {"resumeText": LANGUAGES_LINE_AND_DJANGO_WORK}
    )
    assert (
        'Python (must-have) via Django: "Built a payments web application with Django and '
        'Angular" (work at Acme Corp)' in ex.fit_points
    ), ex.fit_points
    (role,) = ex.detailed_rationale
    assert "uses Python and Docker" in role["relevanceExplanation"]


def test_alternatives_are_one_requirement_shown_by_the_member_in_use() -> None:
    _, ex = _explained(
        "Software Engineer",
        "C, C++ or Python; Kubernetes.",
        {"resumeText": LANGUAGES_LINE_AND_DJANGO_WORK},
    )
    assert "shows 1 of 2 must-have skills (Python)" in ex.rationale, ex.rationale
    group = [p for p in ex.fit_points if "(must-have" in p]
    assert len(group) == 1, group
    assert group[0].startswith("Python (must-have, one of C, C++ or Python) via Django:")
    # C++ is only listed, but the requirement is met by Python in use: no "listed only" flag.
    assert not any("listed" in f for f in ex.red_flags), ex.red_flags


def test_nice_to_haves_shown_by_one_quote_share_one_point() -> None:
    _, ex = _explained(
        "Backend Engineer",
        "Python. Cloud computing, GCP and Docker are a plus.",
        {"resumeText": LANGUAGES_LINE_AND_DJANGO_WORK},
    )
    assert (
        'Cloud Computing (via Google Cloud Platform) and Docker: "Containerised the services '
        'with Docker on GCP" (work at Acme Corp)' in ex.fit_points
    ), ex.fit_points


def test_years_short_for_alternatives_are_flagged_on_the_member_that_counted() -> None:
    work = [
        {"name": "Acme", "position": "Backend Engineer", "startDate": "2021-01",
         "summary": "Built Python services with Docker"},
        {"name": "Initech", "position": "Developer", "startDate": "2020-01",
         "endDate": "2020-12", "summary": "Java services"},
    ]  # fmt: skip
    _, ex = _explained("Backend Engineer", "5+ years of Java or Python; Docker.", {"work": work})
    flag = "Must-have Java or Python: 5+ years of Python asked, almost 4 years in dated roles"
    assert flag in ex.red_flags, ex.red_flags
    assert "(Python and Docker)" in ex.rationale
    assert ex.fit_points[1].startswith("Python (must-have, one of Java or Python):")


def test_alternatives_all_only_listed_are_flagged_as_the_requirement() -> None:
    text = (
        "Skills\nLanguages: C++, Python, Go\nExperience\n"
        "Backend Engineer, Acme Corp Jan 2019 - Present\n"
        "- Ran Kafka, Redis and PostgreSQL for the payments platform"
    )
    _, ex = _explained("Backend Engineer", "C++ or Python; Kafka.", {"resumeText": text})
    assert (
        "Must-have C++ or Python: C++ and Python listed, but no role or project shows them in use"
        in ex.red_flags
    ), ex.red_flags


def test_a_nice_to_have_shown_by_a_must_haves_quote_joins_that_point() -> None:
    work = [{"name": "Acme", "position": "Backend Engineer", "startDate": "2021-01",
             "highlights": ["Built Python services with Docker and Kafka on AWS"]}]  # fmt: skip
    _, ex = _explained("Backend Engineer", "Python. Docker and Kafka are a plus.", {"work": work})
    assert ex.fit_points[1] == (
        'Python (must-have): "Built Python services with Docker and Kafka on AWS" (work at Acme)'
        "; it also shows Docker and Kafka"
    ), ex.fit_points
    quotes = [q for p in ex.fit_points for q in QUOTE.findall(p)]
    assert len(quotes) == len(set(quotes))


def test_two_must_haves_shown_by_one_quote_share_one_point() -> None:
    work = [{"name": "Acme", "position": "Backend Engineer", "startDate": "2021-01",
             "highlights": ["Deployed Django services on AWS"]}]  # fmt: skip
    _, ex = _explained(
        "Backend Engineer", "Cloud computing and Python. AWS and Django are a plus.", {"work": work}
    )
    assert ex.fit_points[1] == (
        'Cloud Computing (must-have) via AWS: "Deployed Django services on AWS" (work at Acme)'
        "; it also shows Python (must-have, via Django)"
    ), ex.fit_points  # and AWS and Django, named already, are not repeated
    assert len(ex.fit_points) == 2


def test_a_title_credited_through_a_related_family_is_not_said_to_fit() -> None:
    """A software engineer with a backend engineer's skills is credited for a backend opening
    through the related family; the point says so rather than claiming the title fits."""
    data = {"work": [{"name": "Acme", "position": "Software Engineer", "startDate": "2018-01",
                      "summary": "Built Python services and REST APIs on PostgreSQL, Redis "
                                 "and Docker."}]}  # fmt: skip
    _, backend = _explained("Backend Engineer", "Python", data)
    _, generic = _explained("Software Engineer", "Python", data)
    assert 'Title: "Software Engineer" (work at Acme) is a role related to Backend Engineer' in (
        backend.fit_points
    )
    assert 'Title: "Software Engineer" (work at Acme) fits Software Engineer' in generic.fit_points


def test_a_missing_choice_of_several_reads_as_one_requirement() -> None:
    """ "Data Modeling, ETL or ELT" is one requirement of three alternatives: the red flag says
    "one of", and the rationale puts it last, where "one of" cannot swallow the other names."""
    data = {"work": [{"name": "Acme", "position": "Data Engineer", "startDate": "2018-01",
                      "summary": "Built Python services."}]}  # fmt: skip
    asks = "Kafka and Spark. Experience with Data Modeling, ETL or dbt."
    _, ex = _explained("Data Engineer", asks, data)
    flags = [f for f in ex.red_flags if "one of" in f]
    assert flags == [
        "Must-have one of Data Modeling, ETL or dbt: not found anywhere in the profile"
    ]
    assert ex.rationale.endswith("missing Kafka, Spark and one of Data Modeling, ETL or dbt.")
    _, pair = _explained("Data Engineer", "Kafka. Experience with Scala or Java.", data)
    assert pair.rationale.endswith("missing Kafka and either Scala or Java.")


def test_the_experience_point_quotes_the_persons_figure_only_when_it_is_the_total() -> None:
    """A summary's "6 years" beside almost 9 years of dated roles is not quoted as the evidence
    of "almost 9 years"; a larger stated figure is the total and is quoted."""

    def experience_point(stated: int) -> str:
        text = (
            f"Summary\n{stated} years of experience building software.\nExperience\n"
            "Python Developer\nAcme Corp Jan 2016 - Present\n- Built Python services"
        )
        _, ex = _explained("Backend Engineer", "2+ years of Python.", {"resumeText": text})
        return next(p for p in ex.fit_points if p.startswith("Experience:"))

    assert experience_point(6) == "Experience: almost 9 years in dated roles, job asks 2+ years"
    assert experience_point(10) == (
        'Experience: about 10 years, job asks 2+ years: "10 years of experience" (resume)'
    )


def test_windows_on_one_long_skills_line_make_one_point() -> None:
    """A long skills line is quoted around each skill; overlapping windows are one passage,
    so the skills they show are named in one point, not in near-copies of it."""
    skills = (
        "Technical skills: Python, Django, Flask, FastAPI, Celery, Redis, RabbitMQ, PostgreSQL, "
        "MySQL, MongoDB, Elasticsearch, Docker, Kubernetes, Terraform, Ansible, Jenkins, GitLab "
        "CI, AWS, GCP, Azure, Kafka, Spark, Airflow, Pandas, NumPy, React, TypeScript"
    )
    text = f"Jane Doe\nBackend Engineer\n{skills}\nExperience\nBackend Engineer, Acme 2018 - 2024"
    _, ex = _explained(
        "Backend Engineer", "Kafka, Airflow, React and Terraform required.", {"resumeText": text}
    )
    skill_points = [f for f in ex.fit_points if "must-have" in f]
    assert len(skill_points) == 1, ex.fit_points
    for skill in ("Kafka", "Airflow", "React", "Terraform"):
        assert skill in skill_points[0]
    for quote in QUOTE.findall(skill_points[0]):
        assert quote.rstrip("…") in skills


def test_a_language_below_the_level_asked_is_flagged_and_not_called_met() -> None:
    """A JSON Resume fluency has no quote of its own: the flag says the level it states."""
    tax = default_taxonomy()
    icp = build_icp("Sales Manager", "Requirements: fluent German and B2B sales.", taxonomy=tax)
    work = [{"name": "Acme", "position": "Sales Manager", "startDate": "2016-01",
             "summary": "B2B sales of SaaS."}]  # fmt: skip
    data = {"work": work, "languages": [{"language": "German", "fluency": "Conversational"}]}
    profile = parse_profile(data, as_of=AS_OF, taxonomy=tax)
    (scored,) = score_profiles(icp, [profile], [0.5], as_of=AS_OF)
    ex = explain(icp, profile, scored)
    assert "Must-have German: German at B1; the job asks C1 (business fluent)" in ex.red_flags
    assert ex.rationale.endswith("; German at B1, below the C1 (business fluent) asked.")
