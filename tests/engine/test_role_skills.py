"""role_skills: how long roles show a skill, and a stack named only in passing."""

from __future__ import annotations

from datetime import date

from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.profile import Role
from talentscout.engine.role_skills import PASSING_SHARE
from talentscout.engine.score import score_profiles
from talentscout.engine.taxonomy import default_taxonomy

AS_OF = date(2025, 1, 1)
JOB = (
    "Backend Engineer\n\nRequirements:\n- 5+ years building backend services in Python\n"
    "- PostgreSQL\n- REST APIs"
)


def java_developer(python_line: str, *, title: str = "Senior Java Developer") -> str:
    return (
        f"Jo Example\n{title}, Acme, 2018 - 2024\n"
        "- Built payment microservices in Java and Spring Boot\n"
        "- Designed REST APIs consumed by the mobile apps\n"
        "- Tuned PostgreSQL queries for the ledger\n"
        f"- {python_line}\n"
        "- Mentored four junior engineers\n"
    )


def parsed(text: str):  # type: ignore[no-untyped-def]
    return parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=default_taxonomy())


def test_a_stack_a_java_developer_names_once_counts_half_the_role() -> None:
    p = parsed(java_developer("Wrote Python scripts to automate release notes"))
    assert p.roles[0].passing == ("Python",)
    assert p.skill_months["Java"] == 72
    assert p.skill_months["Python"] == round(72 * PASSING_SHARE)
    # one mention of the database or the APIs is the role's work, not a passing stack
    assert p.skill_months["PostgreSQL"] == 72
    assert p.skill_months["REST APIs"] == 72


def test_thin_python_scores_below_python_the_role_keeps_returning_to() -> None:
    icp = build_icp("Backend Engineer", JOB, None)
    thin = parsed(java_developer("Wrote Python scripts to automate release notes"))
    deep = parsed(
        java_developer("Wrote Python services for fraud checks")
        + "- Moved the Python billing jobs to Django\n"
    )
    thin_s, deep_s = score_profiles(icp, [thin, deep], [0.4, 0.4], as_of=AS_OF)
    assert deep.roles[0].passing == ()
    assert thin_s.short_skill_years == {"Python": (3.0, 5.0)}
    assert "Python" not in deep_s.short_skill_years
    assert thin_s.match_score < deep_s.match_score


def test_a_role_whose_title_names_no_stack_keeps_its_one_line_of_go() -> None:
    text = (
        "Sam Example\nSoftware Engineer, Acme, 2018 - 2024\n"
        "- Built the payments API in Golang\n- Led the move to Kubernetes\n"
        "- Cut p99 latency by 40%\n- Ran the on-call rota\n"
    )
    p = parsed(text)
    assert p.roles[0].passing == ()
    assert p.skill_months["Go"] == 72


def test_a_role_of_two_lines_says_too_little_to_tell() -> None:
    text = (
        "Jo Example\nJava Developer, Acme, 2018 - 2024\n"
        "- Built payment services in Java\n- Wrote Python scripts for release notes\n"
    )
    assert parsed(text).skill_months["Python"] == 72


def test_json_resume_highlights_are_the_lines() -> None:
    work = {
        "position": "Java Developer",
        "name": "Acme",
        "startDate": "2019-01",
        "endDate": "2023-01",
        "summary": "Payments team.",
        "highlights": [
            "Built payment services in Java",
            "Migrated the ledger to Spring Boot",
            "Wrote a Python script to rotate logs",
        ],
    }
    p = parse_profile({"work": [work]}, as_of=AS_OF, taxonomy=default_taxonomy())
    assert p.roles[0].passing == ("Python",)
    assert p.skill_months["Python"] == round(p.skill_months["Java"] * PASSING_SHARE)


def test_passing_skills_survive_the_stored_form() -> None:
    role = parsed(java_developer("Wrote Python scripts to automate release notes")).roles[0]
    assert Role.from_dict(role.to_dict()) == role
    old = {k: v for k, v in role.to_dict().items() if k != "passing"}
    assert Role.from_dict(old).passing == ()


def test_a_language_the_titles_family_works_with_is_never_passing() -> None:
    text = (
        "Ari Example\nMachine Learning Engineer, Acme, 2016 - 2024\n"
        "- Trained ranking models in Python with PyTorch\n- Ran A/B tests of the feed\n"
        "- Served models behind a feature store\n- Mentored two data scientists\n"
    )
    p = parsed(text)
    assert "Python" not in p.roles[0].passing
    assert p.skill_months["Python"] == 96


def test_a_json_summary_is_read_line_by_line_as_resume_text_is() -> None:
    summary = (
        "Built Spring Boot microservices in Java. Wrote Python scripts for releases. "
        "Ran Docker on AWS. Mentored two juniors."
    )
    work = {"position": "Java Developer", "name": "Acme", "startDate": "2016-01",
            "endDate": "2024-01", "summary": summary}  # fmt: skip
    as_json = parse_profile({"work": [work]}, as_of=AS_OF, taxonomy=default_taxonomy())
    as_text = parsed(f"Jo Example\nJava Developer, Acme, 2016 - 2024\n{summary}\n")
    assert as_json.roles[0].passing == as_text.roles[0].passing == ("Python",)
