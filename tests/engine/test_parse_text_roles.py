"""Work entries without dates beside a resume text that dates the roles: the text's roles are
read, each merged with the entry for the same job; dated entries still win over the text."""

from __future__ import annotations

from typing import Any

from talentscout.engine.parse import parse_profile
from talentscout.engine.taxonomy import default_taxonomy
from tests.engine.conftest import AS_OF

RESUME = """Experience
Data Engineer, Zalando (2021–present)
Built Spark pipelines on Airflow for the pricing team.
Software Engineer, Trivago (2017–2021)
Python services for hotel search.
"""


def _parse(work: list[dict[str, Any]], text: str = RESUME) -> Any:
    return parse_profile(
        {"basics": {"name": "Mia Wolf"}, "work": work, "resumeText": text},
        as_of=AS_OF,
        taxonomy=default_taxonomy(),
    )


def _roles(p: Any) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(r.title, r.company, r.start, r.end) for r in p.roles]


def test_an_undated_entry_takes_the_dates_of_the_same_job_in_the_text() -> None:
    p = _parse([{"name": "zalando", "position": "Senior Data Engineer", "summary": "Owns Kafka."}])
    assert _roles(p) == [
        ("Senior Data Engineer", "zalando", "2021", "2024-11"),  # the entry's own words win
        ("Software Engineer", "Trivago", "2017", "2021"),
    ]
    assert 7.5 < p.total_years < 8  # 2017 to November 2024
    assert p.seniority == "senior"
    current = p.roles[0]
    assert "Owns Kafka." in current.description
    assert "Spark pipelines" in current.description
    assert {"Kafka", "Spark"} <= set(current.skills)


def test_an_entry_with_only_a_title_matches_the_text_role_of_that_title() -> None:
    p = _parse([{"position": "Software Engineer"}])
    assert _roles(p)[1] == ("Software Engineer", "Trivago", "2017", "2021")
    assert len(p.roles) == 2


def test_an_entry_the_text_does_not_name_is_kept_after_the_dated_roles() -> None:
    p = _parse([{"name": "Acme", "position": "Consultant"}])
    assert _roles(p) == [
        ("Data Engineer", "Zalando", "2021", "2024-11"),
        ("Software Engineer", "Trivago", "2017", "2021"),
        ("Consultant", "Acme", None, None),
    ]
    assert (p.current_company, p.current_role) == ("Zalando", "Data Engineer")


def test_dated_entries_are_never_replaced_by_a_reading_of_the_text() -> None:
    p = _parse([{"name": "Zalando", "position": "Data Engineer", "startDate": "2022-03"}])
    assert _roles(p) == [("Data Engineer", "Zalando", "2022-03", "2024-11")]


def test_a_text_without_dated_roles_leaves_the_entries_as_they_are() -> None:
    p = _parse([{"name": "Zalando", "position": "Data Engineer"}], "Data engineer. Spark, Airflow.")
    assert _roles(p) == [("Data Engineer", "Zalando", None, None)]
    assert p.total_years == 0.0


def test_a_resume_on_one_line_starts_a_role_at_each_titled_sentence_with_dates() -> None:
    text = (
        "Data Engineer, Zalando (2021–present): Spark pipelines for pricing. "
        "Software Engineer, Trivago (2017–2021): Python services for hotel search."
    )
    p = parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=default_taxonomy())
    assert _roles(p) == [
        ("Data Engineer", "Zalando", "2021", "2024-11"),
        ("Software Engineer", "Trivago", "2017", "2021"),
    ]
    assert "Python" not in p.roles[0].skills


def test_a_sentence_with_dates_but_no_job_title_starts_no_role() -> None:
    text = (
        "Data Engineer, Zalando (2021–present): Spark pipelines for pricing. "
        "Thesis on Kafka stream joins, TU Berlin (2015–2017)."
    )
    p = parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=default_taxonomy())
    assert _roles(p) == [("Data Engineer", "Zalando", "2021", "2024-11")]
