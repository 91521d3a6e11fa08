"""Single features: coverage with related credit, title fit, seniority/years, recency, negatives."""

from __future__ import annotations

from dataclasses import replace

import pytest

from talentscout.engine.dates import MonthDate
from talentscout.engine.features import (
    LISTED_ONLY_CREDIT,
    LISTED_ONLY_MIN_SHOWN,
    compute,
    keyword_fit,
    negative_hits,
    recency_fit,
    title_fit,
)
from talentscout.engine.icp import ICP, build_icp
from talentscout.engine.parse import ParsedProfile, parse_profile
from talentscout.engine.seniority_fit import far_level, level_gap, seniority_fit
from talentscout.engine.taxonomy import Taxonomy
from tests.engine.conftest import AS_OF, backend_profile


@pytest.fixture
def profile(taxonomy: Taxonomy) -> ParsedProfile:
    return parse_profile(backend_profile(), as_of=AS_OF, taxonomy=taxonomy)


@pytest.fixture
def icp(taxonomy: Taxonomy) -> ICP:
    return build_icp(
        "Senior Backend Engineer",
        "Requirements: 5+ years, Python, RabbitMQ and Kotlin required. Spark is a plus.",
        taxonomy=taxonomy,
    )


def test_coverage_credits_related_skills(icp: ICP, profile: ParsedProfile) -> None:
    f = compute(icp, profile, None, MonthDate.of(AS_OF))
    assert f.matched_must == ["Python"]
    assert f.partial_must == {"RabbitMQ": "Kafka"}
    assert f.missing_must == ["Kotlin"]
    assert f.must is not None
    assert 0.33 < f.must < 1.0


def test_a_narrower_skill_meets_the_broader_requirement(
    taxonomy: Taxonomy, profile: ParsedProfile
) -> None:
    icp = build_icp(
        "Backend Engineer",
        "Requirements: containerization and message brokers, Python.",
        taxonomy=taxonomy,
    )
    f = compute(icp, profile, None, MonthDate.of(AS_OF))
    # The profile shows Docker and Kafka; it never names the broad skills.
    assert f.matched_must == ["Containerization", "Message Queues", "Python"]
    assert f.shown_by == {"Containerization": "Docker", "Message Queues": "Kafka"}
    assert f.must == 1.0


def test_holding_the_jobs_title_shows_the_skill_it_is_named_after() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    icp = build_icp("Electrical Engineering", "Design power systems.", taxonomy=tax)
    assert icp.must_have == ("Electrical Engineering",)
    engineer = {
        "basics": {"label": "Electrical Engineer"},
        "work": [{"position": "Electrical Engineer", "summary": "Maintained switchgear"}],
    }
    f = compute(icp, parse_profile(engineer, as_of=AS_OF, taxonomy=tax), None, MonthDate.of(AS_OF))
    assert f.matched_must == ["Electrical Engineering"]
    earlier = {"work": [{"position": "Technician", "startDate": "2020-01"},
                        {"position": "Electrical Engineer", "startDate": "2012-01",
                         "endDate": "2019-12"}]}  # fmt: skip
    f = compute(icp, parse_profile(earlier, as_of=AS_OF, taxonomy=tax), None, MonthDate.of(AS_OF))
    assert f.matched_must == ["Electrical Engineering"]
    mentions = {
        "basics": {
            "summary": "Electrical engineer teams. Electrical engineer. Electrical engineer."
        },
        "work": [{"position": "Technician", "summary": "Maintained switchgear"}],
    }
    profile = parse_profile(mentions, as_of=AS_OF, taxonomy=tax)
    assert compute(icp, profile, None, MonthDate.of(AS_OF)).matched_must == []


def test_a_broader_skill_does_not_meet_a_narrower_requirement(taxonomy: Taxonomy) -> None:
    data = backend_profile(
        work=[], skills=[{"name": "Infra", "keywords": ["Containerization", "Python"]}]
    )
    profile = parse_profile(data, as_of=AS_OF, taxonomy=taxonomy)
    icp = build_icp("Backend Engineer", "Requirements: Docker.", taxonomy=taxonomy)
    f = compute(icp, profile, None, MonthDate.of(AS_OF))
    assert f.matched_must == []
    assert f.shown_by == {}


def test_title_fit_family(icp: ICP, profile: ParsedProfile) -> None:
    value, evidence = title_fit(icp, profile)
    assert value == 1.0
    assert evidence[0].text == "Senior Software Engineer"


def test_a_related_family_fits_better_with_the_jobs_typical_skills(
    taxonomy: Taxonomy, profile: ParsedProfile
) -> None:
    icp = build_icp("Data Engineer", "", taxonomy=taxonomy)
    assert icp.family_typical_skills == ("Hadoop", "Kafka", "Python", "SQL", "Spark")
    plain = backend_profile(
        basics={"label": "Software Engineer"},
        skills=[{"name": "Web", "keywords": ["JavaScript", "CSS"]}],
        work=[{"name": "Acme", "position": "Software Engineer", "startDate": "2020-01"}],
    )
    without, _ = title_fit(icp, parse_profile(plain, as_of=AS_OF, taxonomy=taxonomy))
    with_skills, _ = title_fit(icp, profile)  # a software engineer showing Python, SQL, Kafka
    assert without == pytest.approx(0.6)
    assert with_skills == pytest.approx(0.6 + 0.3 * 3 / 5)


def test_title_fit_without_family(taxonomy: Taxonomy, profile: ParsedProfile) -> None:
    icp = build_icp("Kafka Wrangler", "", taxonomy=taxonomy)
    value, _ = title_fit(icp, profile)
    assert 0.0 < value < 1.0


def test_seniority_and_years(icp: ICP, profile: ParsedProfile) -> None:
    assert seniority_fit(icp, profile) == (1.0, 1.0)
    junior = replace(profile, seniority="junior", seniority_rank=1, total_years=2.5)
    level, years = seniority_fit(icp, junior)
    assert level is not None
    assert years is not None
    assert level < 0.5
    assert years == pytest.approx(0.5**1.5)


def test_overqualified_costs_less_than_underqualified(icp: ICP, profile: ParsedProfile) -> None:
    over = replace(profile, seniority="director", seniority_rank=6)
    under = replace(profile, seniority="junior", seniority_rank=1)
    assert seniority_fit(icp, over)[0] > seniority_fit(icp, under)[0]  # type: ignore[operator]


def test_recency(icp: ICP, profile: ParsedProfile) -> None:
    assert recency_fit(icp, profile, MonthDate.of(AS_OF)) == 1.0
    later = MonthDate(MonthDate.of(AS_OF).index + 60, True)
    assert recency_fit(icp, profile, later) == pytest.approx(0.3)


def test_relevant_work_of_unknown_date_is_unknown_recency(icp: ICP, taxonomy: Taxonomy) -> None:
    """Dated roles none of which is relevant mean the relevant work is old (0.3); but when the
    relevant role carries no dates, how recent it is is unknown, not a five-year gap."""
    nurse = {"position": "Nurse", "startDate": "2010-01", "endDate": "2012-01"}
    backend = {"position": "Backend Engineer", "summary": "Python services on RabbitMQ"}
    today = MonthDate.of(AS_OF)
    only_old = parse_profile({"work": [nurse]}, as_of=AS_OF, taxonomy=taxonomy)
    assert recency_fit(icp, only_old, today) == pytest.approx(0.3)
    undated = parse_profile({"work": [nurse, backend]}, as_of=AS_OF, taxonomy=taxonomy)
    assert recency_fit(icp, undated, today) is None


def test_keywords(icp: ICP, profile: ParsedProfile) -> None:
    value = keyword_fit(icp, profile)
    assert value is not None
    assert 0 < value < 1


def test_negatives(taxonomy: Taxonomy, profile: ParsedProfile) -> None:
    icp = build_icp("Engineer", "No agencies. Not junior.", taxonomy=taxonomy)
    assert negative_hits(icp, profile) == []
    agency = replace(profile, current_company="Bright Staffing Agency")
    assert negative_hits(icp, agency) == ["agency"]
    junior = replace(profile, seniority="junior")
    assert negative_hits(icp, junior) == ["junior"]


def test_education_fit(taxonomy: Taxonomy, profile: ParsedProfile) -> None:
    from talentscout.engine.features import education_fit

    phd = build_icp("Research Engineer", "A PhD is required.", taxonomy=taxonomy)
    assert education_fit(phd, profile) == 0.4  # a master's, one step below
    assert education_fit(phd, replace(profile, education_level=None)) == 0.5
    assert education_fit(phd, replace(profile, education_level="phd")) == 1.0
    plain = build_icp("Research Engineer", "Python.", taxonomy=taxonomy)
    assert education_fit(plain, profile) is None


def test_or_group_is_one_requirement(taxonomy: Taxonomy, profile: ParsedProfile) -> None:
    either = build_icp("Engineer", "Required: Rust or Python.", taxonomy=taxonomy)
    assert either.skill_groups(either.must_have) == [("Rust", "Python")]
    f = compute(either, profile, None, MonthDate.of(AS_OF))
    assert f.must == 1.0
    both = build_icp("Engineer", "Required: Rust, Python.", taxonomy=taxonomy)
    g = compute(both, profile, None, MonthDate.of(AS_OF))
    assert g.must == 0.5
    assert g.missing_must == ["Rust"]
    neither = build_icp("Engineer", "Required: Rust or Kotlin.", taxonomy=taxonomy)
    h = compute(neither, profile, None, MonthDate.of(AS_OF))
    assert h.missing_must == ["Rust or Kotlin"]


class TestNamedSkillFamilies:
    """A "Python Developer" opening is nearly met by a Software Engineer who shows Python."""

    def _swe(self, skills: list[str]) -> ParsedProfile:
        return parse_profile(
            {
                "basics": {"label": "Software Engineer"},
                "work": [{"position": "Software Engineer", "startDate": "2018-01"}],
                "skills": [{"name": "Languages", "keywords": skills}],
            },
            as_of=AS_OF,
        )

    def test_the_named_skill_lifts_a_related_family(self) -> None:
        icp = build_icp("Python Developer", "Python and Django required.")
        assert icp.family_skills == ("Python",)
        with_python, _ = title_fit(icp, self._swe(["Python", "Django"]))
        without, _ = title_fit(icp, self._swe(["Java", "Spring Boot"]))
        assert with_python >= 0.85
        assert without <= 0.65


class TestLevelGap:
    def test_a_title_offering_several_levels_accepts_each(self, profile: ParsedProfile) -> None:
        icp = build_icp("Senior, Staff, or Principal Software Engineer", "")
        assert (icp.seniority_floor, icp.seniority) == ("senior", "principal")
        assert level_gap(icp, profile) == 0  # a senior is inside the span
        assert seniority_fit(icp, profile)[0] == 1.0
        entry = replace(profile, seniority="entry", seniority_rank=1)
        assert level_gap(icp, entry) == -2  # measured from the lowest level offered

    def test_above_and_below(self, profile: ParsedProfile) -> None:
        entry = build_icp("Junior Software Engineer", "")
        principal = build_icp("Principal Software Engineer", "")
        assert level_gap(entry, profile) == 2
        assert level_gap(principal, profile) == -2
        assert level_gap(entry, replace(profile, seniority=None, seniority_rank=None)) is None


class TestLevelsReadOffYears:
    """A level the job implies by its years is a minimum; a level read off a person's years
    stops at senior, so it shows them above a junior job, never below a principal one."""

    def test_a_years_level_is_a_minimum(self, profile: ParsedProfile) -> None:
        icp = build_icp("Backend Engineer", "Requirements: 1+ years of Python experience.")
        assert icp.seniority_from_years
        assert level_gap(icp, profile) == 0  # a senior is not "above" a one-year minimum
        assert not far_level(icp, profile)
        assert seniority_fit(icp, profile)[0] == 1.0

    def test_a_person_levelled_by_years_is_never_far(self, profile: ParsedProfile) -> None:
        principal = build_icp("Principal Backend Engineer", "")
        by_years = replace(profile, seniority_from_years=True)
        assert level_gap(principal, by_years) == -2
        assert far_level(principal, profile)
        assert not far_level(principal, by_years)  # years stop at senior: not evidence
        junior = build_icp("Junior Backend Engineer", "")
        assert far_level(junior, by_years)  # but 8 years is plainly above a junior opening


def test_a_family_named_after_alternatives_needs_one_of_them() -> None:
    icp = build_icp("C/C++ Developer", "")
    assert set(icp.family_skills) == {"C", "C++"}

    def swe(skill: str) -> ParsedProfile:
        return parse_profile(
            {
                "work": [{"position": "Software Engineer", "startDate": "2018-01"}],
                "skills": [{"name": "Languages", "keywords": [skill]}],
            },
            as_of=AS_OF,
        )

    with_cpp, without = title_fit(icp, swe("C++"))[0], title_fit(icp, swe("Java"))[0]
    assert with_cpp > without  # C++ alone earns the named-skill credit


def test_a_title_held_shows_its_own_skill_not_related_ones() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    icp = build_icp("Senior Backend Engineer", "Must have Python and PostgreSQL.", taxonomy=tax)
    node = {
        "basics": {"label": "Senior Backend Engineer"},
        "work": [{"position": "Senior Backend Engineer", "summary": "Node.js and PostgreSQL"}],
    }
    f = compute(icp, parse_profile(node, as_of=AS_OF, taxonomy=tax), None, MonthDate.of(AS_OF))
    assert f.matched_must == ["PostgreSQL"]
    assert f.missing_must == ["Python"]  # "Backend Development" is no hint of Python


def test_a_skill_only_listed_counts_less_than_one_shown_in_use() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    icp = build_icp("Software Engineer", "Requirements: C++ and Python.", taxonomy=tax)
    today = MonthDate.of(AS_OF)

    def person(role_text: str, work: bool = True) -> ParsedProfile:
        data = {
            "work": [{"position": "Software Engineer", "startDate": "2019-01",
                      "summary": role_text}] if work else [],
            "skills": [{"name": "Languages", "keywords": ["C++", "Python"]}],
        }  # fmt: skip
        return parse_profile(data, as_of=AS_OF, taxonomy=tax)

    listed = compute(icp, person("Built Django services"), None, today)
    assert listed.matched_must == ["C++", "Python"]  # still shown, not missing
    assert listed.listed_only == ["C++"]  # Python is in use through Django
    assert listed.must == pytest.approx((1.0 + LISTED_ONLY_CREDIT) / 2)
    used = compute(icp, person("Built Django services and a C++ pricer"), None, today)
    assert used.listed_only == []
    assert used.must == 1.0
    # No work described with any skill in it: the list is all there is, taken at its word.
    bare = compute(icp, person("", work=False), None, today)
    assert bare.listed_only == []
    assert bare.must == 1.0


def test_a_skill_used_for_fewer_years_than_asked_counts_in_part() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    today = MonthDate.of(AS_OF)

    def person(*roles: tuple[str, str | None, str]) -> ParsedProfile:
        work = [{"position": title, "startDate": start, "summary": text}
                for title, start, text in roles]  # fmt: skip
        return parse_profile({"work": work}, as_of=AS_OF, taxonomy=tax)

    icp = build_icp("Backend Engineer", "Requirements: 6+ years of Python.", taxonomy=tax)
    four = compute(icp, person(("Developer", "2020-12", "Django services")), None, today)
    assert four.matched_must == ["Python"]
    assert four.short_skill_years == {"Python": (4.0, 6.0)}
    assert four.must == pytest.approx(4 / 5)  # rising to 1 at the year's grace
    one = compute(icp, person(("Developer", "2023-11", "Django services")), None, today)
    assert one.must == LISTED_ONLY_CREDIT  # never less than a skill only listed
    almost = compute(icp, person(("Developer", "2019-05", "Django services")), None, today)
    assert almost.short_skill_years == {}
    assert almost.must == 1.0
    # Shown only in an undated role: the years are unknown, not short.
    undated = compute(icp, person(("Developer", None, "Django services")), None, today)
    assert undated.must == 1.0

    # "Kotlin or Java", and "6+ years of Java": Kotlin meets the requirement without an ask.
    either = build_icp(
        "Mobile Engineer",
        "Requirements:\nExperience with Kotlin or Java.\n6+ years of Java.",
        taxonomy=tax,
    )
    assert either.skill_groups(either.must_have) == [("Kotlin", "Java")]
    both = person(("Developer", "2022-12", "Kotlin and Java apps"))
    assert compute(either, both, None, today).short_skill_years == {}
    java = person(("Developer", "2022-12", "Java apps"))
    assert compute(either, java, None, today).short_skill_years == {"Java": (2.0, 6.0)}

    # Years of a technology the title names are checked; of the title's field, left to the
    # experience criterion.
    named = build_icp("Python Developer", "Requirements: 6+ years of Python.", taxonomy=tax)
    assert compute(named, person(("Developer", "2022-12", "Django")), None, today).short_skill_years
    field = build_icp(
        "Software Engineer", "Requirements: 10+ years of software engineering.", taxonomy=tax
    )
    junior = person(("Software Engineer", "2022-12", "Built Django services"))
    assert compute(field, junior, None, today).short_skill_years == {}


def test_a_practice_shows_in_holding_the_title_not_in_listing_it() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    icp = build_icp("Data Scientist", "Requirements: data science.", taxonomy=tax)
    assert icp.practice_skills == ("Data Science",)

    def analyst(*skills: str) -> ParsedProfile:
        data = {"basics": {"label": "Data Analyst"}, "skills": [{"keywords": list(skills)}]}
        return parse_profile(data, as_of=AS_OF, taxonomy=tax)

    # Listing the practice does not lift a related family to the title named after it…
    assert title_fit(icp, analyst("Data Science"))[0] < 0.6
    # …while holding the title meets the must-have.
    scientist = parse_profile(
        {"work": [{"position": "Data Scientist", "startDate": "2020-01"}]},
        as_of=AS_OF,
        taxonomy=tax,
    )
    assert compute(icp, scientist, None, MonthDate.of(AS_OF)).matched_must == ["Data Science"]


def test_years_of_a_discipline_or_a_named_tool() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    today = MonthDate.of(AS_OF)
    work = [
        {"position": "Backend Engineer", "startDate": "2015-01", "summary": "Python services"},
        {"position": "Intern", "startDate": "2014-01", "endDate": "2014-06",
         "summary": "software development"},
    ]  # fmt: skip
    senior = parse_profile({"work": work}, as_of=AS_OF, taxonomy=tax)
    # A related family's discipline ("software development") is the experience criterion's.
    backend = build_icp(
        "Backend Engineer",
        "Requirements: 6+ years of software development with Python.",
        taxonomy=tax,
    )
    assert compute(backend, senior, None, today).short_skill_years == {}
    # A tool the title names, by an alias ("Salesforce" is Salesforce CRM), is checked.
    salesforce = build_icp(
        "Salesforce Developer", "Requirements: 6+ years of Salesforce.", taxonomy=tax
    )
    admin = parse_profile(
        {"work": [{"position": "Developer", "startDate": "2022-12", "summary": "Salesforce"}]},
        as_of=AS_OF,
        taxonomy=tax,
    )
    short = compute(salesforce, admin, None, today).short_skill_years
    assert short == {"Salesforce CRM": (2.0, 6.0)}


def test_a_discipline_is_never_listed_only() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    icp = build_icp(
        "Data Scientist", "Requirements: data science and machine learning.", taxonomy=tax
    )
    data = {
        "work": [
            {
                "name": "Acme",
                "startDate": "2020-01",
                "summary": "Churn models in Python, pandas and SQL",
            }
        ],
        "skills": [{"keywords": ["Data Science", "Machine Learning"]}],
    }
    f = compute(icp, parse_profile(data, as_of=AS_OF, taxonomy=tax), None, MonthDate.of(AS_OF))
    assert f.matched_must == ["Data Science", "Machine Learning"]
    assert f.listed_only == ["Machine Learning"]  # a technique; Data Science is the field


def test_a_terse_description_makes_nothing_listed_only() -> None:
    """ "Churn models in Python" shows too little of the work for the absence of machine
    learning from it to mean anything (LISTED_ONLY_MIN_SHOWN)."""
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    icp = build_icp("Data Scientist", "Requirements: machine learning.", taxonomy=tax)
    data = {
        "work": [{"name": "Acme", "startDate": "2020-01", "summary": "Churn models in Python"}],
        "skills": [{"keywords": ["Machine Learning"]}],
    }
    profile = parse_profile(data, as_of=AS_OF, taxonomy=tax)
    assert 0 < len(profile.skills_in_use) < LISTED_ONLY_MIN_SHOWN
    f = compute(icp, profile, None, MonthDate.of(AS_OF))
    assert f.matched_must == ["Machine Learning"]
    assert f.listed_only == []


def test_a_credential_is_held_not_listed_only() -> None:
    """A clearance is stated, never shown "in use" by a role: holding it meets the must-have in
    full however much else the described work shows."""
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    icp = build_icp(
        "Software Engineer",
        "Requirements: active TS/SCI clearance; strong Python and Kafka.",
        taxonomy=tax,
    )
    data = {
        "basics": {"summary": "Software engineer with an active TS/SCI clearance."},
        "work": [
            {
                "name": "Acme",
                "startDate": "2020-01",
                "summary": "Python services on Kafka and PostgreSQL, deployed with Docker",
            }
        ],
    }
    f = compute(icp, parse_profile(data, as_of=AS_OF, taxonomy=tax), None, MonthDate.of(AS_OF))
    assert set(f.matched_must) == {"Security Clearance", "Python", "Kafka"}
    assert f.listed_only == []
    assert f.must == 1.0


def test_a_credential_is_not_checked_for_years() -> None:
    """ "5+ years with an active Secret clearance" asks for the clearance and the years of the
    job; how long a role has mentioned the clearance says nothing about how long it is held."""
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    icp = build_icp(
        "Systems Engineer",
        "Requirements: 5+ years of systems engineering with an active Secret clearance.",
        taxonomy=tax,
    )
    assert icp.skill_years.get("Security Clearance") == 5.0
    data = {
        "work": [
            {
                "name": "Acme",
                "startDate": "2022-11",
                "summary": "Systems engineering for DoD programs under a Secret clearance",
            }
        ],
    }
    f = compute(icp, parse_profile(data, as_of=AS_OF, taxonomy=tax), None, MonthDate.of(AS_OF))
    assert "Security Clearance" in f.matched_must
    assert "Security Clearance" not in f.short_skill_years


def test_a_family_named_after_a_skill_only_listed_is_no_near_title_match() -> None:
    """A Software Engineer whose Python work shows C++ nowhere, with C++ in a skills line, is
    not nearly a "C++ Developer"; one whose role shows C++ is."""
    from talentscout.engine.features import title_fit
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    icp = build_icp("Senior C++ Developer", "Requirements: strong C++.", taxonomy=tax)

    def fit(summary: str) -> float:
        data = {
            "work": [{"position": "Software Engineer", "startDate": "2018-01", "summary": summary}],
            "skills": [{"keywords": ["C++"]}],
        }
        return title_fit(icp, parse_profile(data, as_of=AS_OF, taxonomy=tax))[0]

    listed = fit("Django REST APIs in Python on PostgreSQL and Docker")
    shown = fit("Django REST APIs in Python and a C++ pricing library on PostgreSQL")
    assert listed < shown - 0.1, (listed, shown)


def test_building_rest_apis_shows_api_design() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    icp = build_icp("Backend Engineer", "Requirements: API design and Python.", taxonomy=tax)
    data = {"work": [{"name": "Acme", "position": "Backend Engineer", "startDate": "2018-01",
                      "summary": "Developed REST API endpoints in Python and Django"}]}  # fmt: skip
    f = compute(icp, parse_profile(data, as_of=AS_OF, taxonomy=tax), None, MonthDate.of(AS_OF))
    assert "API Design" in f.matched_must
    assert f.shown_by["API Design"] == "REST APIs"


def test_a_kind_of_the_jobs_family_fits_it_in_full() -> None:
    """Every ICU nurse is a registered nurse: full title credit for an RN opening, never the
    title cap; a plain RN for an ICU opening is only related (the related-family credit)."""
    from talentscout.engine.score import score_profiles
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    jd = "Requirements: patient care, 2+ years."

    def person(title: str) -> ParsedProfile:
        work = [{"name": "Charité", "position": title, "startDate": "2018-01",
                 "summary": "Care for patients on a busy ward."}]  # fmt: skip
        data = {"basics": {"label": title}, "work": work}
        return parse_profile(data, as_of=AS_OF, taxonomy=tax)

    rn_opening = build_icp("Registered Nurse", jd, taxonomy=tax)
    icu_nurse = person("Intensive Care Nurse")
    title, evidence = title_fit(rn_opening, icu_nurse)
    assert title >= 0.8
    assert title == title_fit(rn_opening, person("Staff Nurse"))[0]  # as much as the RN's own
    assert evidence[0].text == "Intensive Care Nurse"
    (scored,) = score_profiles(rn_opening, [icu_nurse], [0.6], as_of=AS_OF)
    assert "title" not in scored.caps, scored.caps
    icu_opening = build_icp("ICU Nurse", jd, taxonomy=tax)
    assert title_fit(icu_opening, person("Registered Nurse"))[0] < 0.8
    # a nurse practitioner is no kind of staff nurse here: related, not a full fit
    assert title_fit(rn_opening, person("Nurse Practitioner"))[0] < 0.8
