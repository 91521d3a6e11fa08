"""parse_profile: structured JSON Resume and free-text resumes, evidence spans, round trip."""

from __future__ import annotations

import json

from talentscout.engine.parse import ParsedProfile, parse_profile
from talentscout.engine.taxonomy import Taxonomy
from tests.engine.conftest import AS_OF, backend_profile

RESUME = """Jordan Lee
Senior Data Engineer
jordan.lee@example.org | https://github.com/jlee
Summary
Data engineer with 6+ years of experience in Spark and Hadoop pipelines.
Experience
Senior Data Engineer Mar 2021 – Present
Initech, Austin TX
• Built PySpark jobs on HDFS and Kafka
• Owned Airflow-free CI/CD for data jobs
Data Engineer 06/2018 - 02/2021
Hooli
• Wrote SQL (Postgres) models and Python ETL
Education
B.Tech Computer Science 2014 - 2018
"""


class TestStructured:
    def test_basics(self, taxonomy: Taxonomy) -> None:
        p = parse_profile(backend_profile(), as_of=AS_OF, taxonomy=taxonomy)
        assert p.name == "Alex Morgan"
        assert p.headline == "Senior Backend Engineer"
        assert p.current_company == "Acme"
        assert p.current_role == "Senior Software Engineer"
        assert p.emails == ("alex@example.com",)
        assert "https://linkedin.com/in/alexm" in p.links
        assert p.location == "Berlin, DE"
        assert p.country == "de"
        assert p.title_family == "software-engineer"
        assert p.seniority == "senior"
        assert p.education_level == "master"

    def test_skills_canonical_with_evidence(self, taxonomy: Taxonomy) -> None:
        p = parse_profile(backend_profile(), as_of=AS_OF, taxonomy=taxonomy)
        for skill in [
            "Python",
            "Kafka",
            "Django",
            "Docker",
            "Kubernetes",
            "JavaScript",
            "Go",
            "SQL",
        ]:
            assert skill in p.skills
        (kafka,) = p.skill_evidence["Kafka"]
        assert kafka.text == "Built Kafka streaming pipelines and Django APIs"
        assert kafka.source == "work at Acme"
        assert p.skill_evidence["JavaScript"][0].match == "JS"

    def test_roles_and_years(self, taxonomy: Taxonomy) -> None:
        p = parse_profile(backend_profile(), as_of=AS_OF, taxonomy=taxonomy)
        current, previous = p.roles
        assert (current.start, current.end, current.current) == ("2020-03", "2024-11", True)
        assert current.duration == "4 yrs 9 mos"
        assert previous.duration == "4 yrs 2 mos"
        assert p.total_years == 8.92  # 50 + 57 months, no overlap; above the stated 8

    def test_round_trip_is_json_safe(self, taxonomy: Taxonomy) -> None:
        p = parse_profile(backend_profile(), as_of=AS_OF, taxonomy=taxonomy)
        data = json.loads(json.dumps(p.to_dict()))
        again = ParsedProfile.from_dict(data)
        assert again == p
        assert again.to_dict() == p.to_dict()

    def test_deterministic(self, taxonomy: Taxonomy) -> None:
        a = parse_profile(backend_profile(), as_of=AS_OF, taxonomy=taxonomy)
        b = parse_profile(backend_profile(), as_of=AS_OF, taxonomy=taxonomy)
        assert json.dumps(a.to_dict()) == json.dumps(b.to_dict())

    def test_search_text_has_no_name(self, taxonomy: Taxonomy) -> None:
        p = parse_profile(backend_profile(), as_of=AS_OF, taxonomy=taxonomy)
        assert "Alex" not in p.search_text
        assert "Morgan" not in p.search_text
        assert "Kafka" in p.search_text

    def test_garbage_sections_are_ignored(self, taxonomy: Taxonomy) -> None:
        p = parse_profile(
            {"basics": "nope", "work": [None, 3], "skills": "x"}, as_of=AS_OF, taxonomy=taxonomy
        )
        assert p.skills == ()
        assert p.roles == ()
        assert p.total_years == 0.0


class TestResumeText:
    def test_roles_from_text(self, taxonomy: Taxonomy) -> None:
        p = parse_profile({"resumeText": RESUME}, as_of=AS_OF, taxonomy=taxonomy)
        titles = [(r.title, r.company, r.start, r.end) for r in p.roles]
        assert titles == [
            ("Senior Data Engineer", "Initech, Austin TX", "2021-03", "2024-11"),
            ("Data Engineer", "Hooli", "2018-06", "2021-02"),
        ]
        assert p.roles[0].highlights[0] == "Built PySpark jobs on HDFS and Kafka"
        assert p.total_years == 6.5  # 45 + 33 months
        assert p.emails == ("jordan.lee@example.org",)
        assert p.links == ("https://github.com/jlee",)
        assert p.title_family == "data-engineer"
        assert p.seniority == "senior"
        assert p.education_level == "bachelor"

    def test_evidence_is_exact_substring(self, taxonomy: Taxonomy) -> None:
        p = parse_profile({"resumeText": RESUME}, as_of=AS_OF, taxonomy=taxonomy)
        assert {"Spark", "Hadoop", "Kafka", "SQL", "Python", "CI/CD"} <= set(p.skills)
        for items in p.skill_evidence.values():
            for ev in items:
                assert ev.text in RESUME
                assert ev.match in ev.text

    def test_stated_years_when_no_dates(self, taxonomy: Taxonomy) -> None:
        p = parse_profile(
            {"resumeText": "Java developer with 5 years of experience in Spring."},
            as_of=AS_OF,
            taxonomy=taxonomy,
        )
        assert p.total_years == 5.0
        assert p.years_evidence[0].text == "5 years of experience"


class TestTextOnlyBasics:
    """A profile that is only ``resumeText`` still gets a name, a headline and a location."""

    def test_name_headline_location(self, taxonomy: Taxonomy) -> None:
        text = "Jordan Lee\nSenior Data Engineer\nAustin, TX | jordan.lee@example.org\n" + RESUME
        p = parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=taxonomy)
        assert (p.name, p.headline, p.location) == (
            "Jordan Lee",
            "Senior Data Engineer",
            "Austin, TX",
        )
        assert p.country == "us"
        assert "Jordan" not in p.search_text  # the name stays out of what is embedded

    def test_summary_sentence_when_no_title_line(self, taxonomy: Taxonomy) -> None:
        text = (
            "Priya Sharma\nBerlin, Germany\nSummary\n"
            "Builds reliable payment systems for marketplaces. Mentors new hires.\n"
            "Skills\nPython, Kafka\n"
        )
        p = parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=taxonomy)
        assert p.name == "Priya Sharma"
        assert p.headline == "Builds reliable payment systems for marketplaces."
        assert p.location == "Berlin, Germany"

    def test_redacted_name_stays_unknown(self, taxonomy: Taxonomy) -> None:
        text = "[NAME REDACTED]\n[EMAIL REDACTED] | [PHONE REDACTED]\nSkills\nPython"
        p = parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=taxonomy)
        assert (p.name, p.location) == (None, None)

    def test_structured_basics_win(self, taxonomy: Taxonomy) -> None:
        data = backend_profile(resumeText="Sam Other\nParis, France\n")
        p = parse_profile(data, as_of=AS_OF, taxonomy=taxonomy)
        assert (p.name, p.location) == ("Alex Morgan", "Berlin, DE")


class TestSeniorityFromTitles:
    """The package ladder, through parse_profile: sales and assistant titles are no C-level."""

    def _text(self, title: str, years: str = "Jan 2023 - Oct 2024") -> ParsedProfile:
        text = f"Experience\n{title} at Acme Corp, {years}\n"
        return parse_profile({"resumeText": text}, as_of=AS_OF)

    def test_account_executive_is_mid(self) -> None:
        p = self._text("Account Executive")
        assert (p.current_role, p.current_company) == ("Account Executive", "Acme Corp")
        assert p.seniority == "mid"

    def test_executive_assistant_and_chef_are_not_c_level(self) -> None:
        for title in ("Executive Assistant", "Executive Chef"):
            assert self._text(title).seniority not in ("executive", "vp", "director")

    def test_product_manager_ranks_below_principal_engineer(self) -> None:
        pm = self._text("Product Manager", "Jan 2010 - Oct 2024")
        lead = self._text("Team Lead", "Jan 2010 - Oct 2024")
        principal = self._text("Principal Engineer", "Jan 2010 - Oct 2024")
        assert principal.seniority == "principal"
        assert (pm.seniority_rank or 0) < (principal.seniority_rank or 0)
        assert (lead.seniority_rank or 0) < (principal.seniority_rank or 0)


RESUME_WITH_PROJECTS = """Jane Doe
Technical Skills
Languages: Python, C++, Java
Experience
Software Engineer Jan 2019 – Present
Acme Corp
• Built REST APIs in Django
Projects
Web Editor | Spring Boot
• Wrote the editor's backend
"""


def test_skills_in_use_are_read_from_roles_and_projects_not_lists() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    p = parse_profile({"resumeText": RESUME_WITH_PROJECTS}, as_of=AS_OF, taxonomy=tax)
    assert {"C++", "Python", "Java", "Django", "Spring Boot"} <= p.skill_set
    # Django in a role shows Python in use, Spring Boot in a project shows Java.
    assert {"Django", "Python", "Spring Boot", "Java"} <= set(p.skills_in_use)
    assert "C++" not in p.skills_in_use
    assert "Software Engineering" in p.skills_in_use  # what the role's title is named after
    listed_only = {"basics": {"summary": "Knows C++"}, "skills": [{"keywords": ["Java"]}]}
    assert parse_profile(listed_only, as_of=AS_OF).skills_in_use == ()
    projects = {"projects": [{"name": "Pricer", "description": "A C++ pricing library"}]}
    assert "C++" in parse_profile(projects, as_of=AS_OF).skills_in_use


def test_titles_alone_do_not_tell_use_from_a_list() -> None:
    """With no role or project text naming a skill, there is nothing to compare the list
    with: no skill is "listed only". Text roles count even beside structured work entries."""
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    title_only = {
        "work": [{"position": "Software Engineer", "startDate": "2014-01"}],
        "skills": [{"keywords": ["Python", "PostgreSQL"]}],
    }
    assert parse_profile(title_only, as_of=AS_OF, taxonomy=tax).skills_in_use == ()
    both = {
        "work": [{"position": "Software Engineer", "startDate": "2014-01"}],
        "resumeText": "Experience\nSoftware Engineer 2014 – Present\nAcme\n• Kafka jobs in Java",
    }
    in_use = parse_profile(both, as_of=AS_OF, taxonomy=tax).skills_in_use
    assert {"Kafka", "Java", "Software Engineering"} <= set(in_use)


def test_months_with_each_skill_come_from_dated_roles() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    data = {
        "work": [
            {"position": "Developer", "startDate": "2020-01", "endDate": "2021-12",
             "summary": "Django services"},
            {"position": "Developer", "startDate": "2021-01", "endDate": "2022-12",
             "summary": "Flask APIs and Kafka"},
        ],
        "skills": [{"keywords": ["Rust"]}],
    }  # fmt: skip
    p = parse_profile(data, as_of=AS_OF, taxonomy=default_taxonomy())
    assert p.skill_months["Django"] == 24
    assert p.skill_months["Kafka"] == 24
    assert p.skill_months["Python"] == 36  # both roles show it; the overlap counts once
    assert "Rust" not in p.skill_months  # listed, in no role


def test_a_persons_own_line_of_work_shows_its_discipline_in_use() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    data = {
        "basics": {"label": "Data Scientist"},
        "work": [{"name": "Acme", "startDate": "2020-01", "summary": "Churn models in Python"}],
        "skills": [{"keywords": ["Data Science"]}],
    }
    p = parse_profile(data, as_of=AS_OF, taxonomy=default_taxonomy())
    assert p.title_family == "data-scientist"
    assert "Data Science" in p.skills_in_use  # not "listed only": it is their work


def test_the_title_a_resume_opens_with_shows_the_skills_it_names_in_use() -> None:
    text = (
        "Senior Network Security Analyst\nSkills: Network Security, Cisco ASA\nExperience\n"
        "Analyst\nAcme Bank Jan 2018 - Present\n- Managed Cisco ASA firewalls for 40 branches"
    )
    p = parse_profile({"resumeText": text}, as_of=AS_OF)
    assert p.headline == "Senior Network Security Analyst"
    assert "Network Security" in p.skills_in_use  # their work, not only a list entry


def test_a_line_of_work_inferred_from_skills_shows_no_discipline() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    data = {
        "work": [{"position": "Store Associate", "startDate": "2020-01",
                  "summary": "Kept stock sheets in Excel"}],
        "skills": [{"keywords": ["Data Science", "Python", "Machine Learning", "Pandas"]}],
    }  # fmt: skip
    p = parse_profile(data, as_of=AS_OF, taxonomy=default_taxonomy())
    assert "Data Science" not in p.skills_in_use  # no title of theirs says data scientist


def test_a_skills_table_claim_counts_like_a_stated_total(taxonomy: Taxonomy) -> None:
    """ "JAVA- Exprience - 47 months" is the person's own claim, as "4 years of experience" in
    a summary would be: a shorter dated role does not cut it to 8 months, and it is quoted."""
    text = (
        "Skill Details\nJAVA- Exprience - 47 months\nSQL- Exprience - 12 months\n"
        "Company Details\ncompany - Infosys\ndescription - January 2019 to August 2019\n"
        "Java services for banks."
    )
    p = parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=taxonomy)
    assert p.roles[0].months == 8
    assert round(p.total_years, 2) == round(47 / 12, 2)
    assert p.years_evidence[0].text == "JAVA- Exprience - 47 months"
    typo = parse_profile(
        {"resumeText": text.replace("47 months", "999 months")}, as_of=AS_OF, taxonomy=taxonomy
    )
    assert round(typo.total_years, 2) == 1.0  # the 12-month line; 999 months is no claim


def test_a_role_titled_as_typed_names_its_family() -> None:
    """A role's title is typed on purpose: "Hr" is HR; the same letters in prose are not."""
    from talentscout.engine.taxonomy import default_taxonomy

    data = {"work": [{"name": "Acme", "position": "Hr", "startDate": "2019-01",
                      "summary": "Ran payroll and onboarding for hr teams"}]}  # fmt: skip
    profile = parse_profile(data, as_of=AS_OF, taxonomy=default_taxonomy())
    evidence = profile.title_evidence["hr-generalist"]
    assert [e.source for e in evidence if e.holds_title] == ["work at Acme"]


def test_a_title_naming_a_product_is_no_line_of_work() -> None:
    """ "Built a web-based editor app" is software work, not an editor's; "worked as an editor"
    still names the job."""
    from talentscout.engine.taxonomy import default_taxonomy

    text = (
        "Software Engineer 2019 - 2023\nAcme\n"
        "• Developed a web-based editor app with Angular\n"
        "• Shipped the Intelligent Web Editor Application to 2 million users"
    )
    profile = parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=default_taxonomy())
    assert "editor" not in profile.family_scores
    assert profile.headline is None  # a bullet is work done, not the person's title
    text += "\nBefore that I worked as an editor at a newspaper."
    profile = parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=default_taxonomy())
    assert profile.family_scores.get("editor", 0) > 0


def _roles(*work: dict[str, object]) -> ParsedProfile:
    from talentscout.engine.taxonomy import default_taxonomy

    return parse_profile({"work": list(work)}, as_of=AS_OF, taxonomy=default_taxonomy())


def test_an_unreadable_end_date_leaves_the_span_unknown_not_ongoing() -> None:
    """ "2020-01" to "soon" had counted as current up to today (58 months here): an end date
    that is written but not read tells nothing of the span, as an unreadable start does."""
    dated = {"position": "Developer", "startDate": "2022-01", "endDate": "2022-12"}
    for end in ("soon", "2020-13", "2050-01"):
        p = _roles({"position": "Developer", "startDate": "2020-01", "endDate": end}, dated)
        unknown = next(r for r in p.roles if r.start == "2020-01")
        assert (unknown.end, unknown.current, unknown.months) == (None, False, 0)
        assert (unknown.duration, unknown.interval) == (None, None)
        assert p.total_years == 1.0  # the dated role alone
        assert not any(r.current for r in p.roles)
    # As with an unreadable start.
    p = _roles({"position": "Developer", "startDate": "soon", "endDate": "2022-12"})
    assert (p.roles[0].months, p.total_years) == (0, 0.0)


def test_no_end_date_or_a_present_word_is_ongoing() -> None:
    for item in ({}, {"endDate": ""}, {"endDate": "Present"}, {"endDate": "till date"}):
        (role,) = _roles({"position": "Developer", "startDate": "2020-01", **item}).roles
        assert (role.end, role.current, role.months) == ("2024-11", True, 59)
    # An end ahead of as_of is the role's expected end: ongoing until then.
    (role,) = _roles({"position": "Developer", "startDate": "2020-01", "endDate": "2026-06"}).roles
    assert (role.end, role.current, role.months) == ("2024-11", True, 59)


def test_a_future_start_counts_no_months() -> None:
    for start in ("2030-01", "2050-01", "2050"):
        (role,) = _roles({"position": "Developer", "startDate": start}).roles
        assert role.months == 0


def test_date_warnings_name_the_path_and_what_follows() -> None:
    from talentscout.engine.profile_records import date_warnings

    data = {
        "work": [
            {"position": "Developer", "startDate": "2020-05", "endDate": "Present"},
            {"position": "Developer", "startDate": "2020-01", "endDate": "soon"},
            {"position": "Tester", "startDate": "2020-02-30", "endDate": "2020-13"},
        ],
        "education": [{"institution": "Uni", "startDate": "2010", "endDate": "later"}],
    }
    assert date_warnings(data, AS_OF) == [
        ("work[1].endDate", "'soon' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); "
                            "this role counts toward no years of experience"),
        ("work[2].startDate", "'2020-02-30' is not a real day; read as 2020-02"),
        ("work[2].endDate", "'2020-13' is not a date: there is no month 13 (use YYYY, YYYY-MM "
                            "or YYYY-MM-DD); this role counts toward no years of experience"),
        ("education[0].endDate", "'later' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); "
                                 "this entry is read without an end date"),
    ]  # fmt: skip
    fine = {"work": [{"startDate": d, "endDate": "Present"} for d in
                     ("2020", "2020-05", "May 2020", "05/2020", "2020-05-17",
                      "2020-05-17T09:30:00Z")]}  # fmt: skip
    assert date_warnings(fine, AS_OF) == []
    assert date_warnings({"work": "nonsense", "education": [None, 3]}, AS_OF) == []


def test_skills_listed_after_the_title_line_are_not_in_use() -> None:
    """ "Staff Backend Engineer · Python, Elasticsearch": the title is practised, the skills
    listed after it are only listed; a skill inside the title ("Python Developer") is in use."""
    work = [{"position": "Backend Engineer", "name": "Acme", "startDate": "2019-01",
             "highlights": ["Built search with Elasticsearch"]}]  # fmt: skip
    listed = parse_profile(
        {"basics": {"label": "Staff Backend Engineer · Python, Elasticsearch"}, "work": work}
    )
    assert "Python" in listed.skill_set
    assert "Python" not in listed.in_use_set
    titled = parse_profile({"basics": {"label": "Senior Python Developer"}, "work": work})
    assert "Python" in titled.in_use_set


def test_a_json_resume_fluency_is_the_level_stated() -> None:
    """JSON Resume ``languages[].fluency`` was dropped: "Conversational" German is B1."""
    data = {
        "languages": [
            {"language": "German", "fluency": "Conversational"},
            {"language": "Spanish", "fluency": "Native speaker"},
        ],
        "skills": [{"name": "Languages", "keywords": ["French (A2)"]}],
    }
    p = parse_profile(data, as_of=AS_OF)
    assert p.language_levels == {"French": "A2", "German": "B1", "Spanish": "C2"}
    assert ParsedProfile.from_dict(json.loads(json.dumps(p.to_dict()))) == p
