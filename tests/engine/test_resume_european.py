"""European resumes as users paste them: German and Dutch "present" words, "since 2019",
column layouts, employer-first role lines, and the education, language and certificate lines
after the last role that are the resume's own, not work done in that job."""

from __future__ import annotations

from typing import Any

import pytest

from talentscout.engine.dates import find_date_ranges, parse_date
from talentscout.engine.parse import parse_profile
from talentscout.engine.resume import parse_resume_text
from talentscout.engine.taxonomy import default_taxonomy
from tests.engine.conftest import AS_OF


def _parse(text: str) -> Any:
    return parse_profile({"resumeText": text}, as_of=AS_OF, taxonomy=default_taxonomy())


def _roles(text: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(r.title, r.company, r.start, r.end) for r in _parse(text).roles]


@pytest.mark.parametrize(
    ("written", "start"),
    [
        ("03/2020 – heute", "2020-03"),
        ("2017 – heute", "2017"),
        ("2012 - heden", "2012"),
        ("2019 – aktuell", "2019"),
        ("2019 bis heute", "2019"),
        ("Jan 2021 – jetzt", "2021-01"),
        ("2018 to date", "2018"),
        ("2020 – now", "2020"),
        ("März 2019 – heute", "2019-03"),
        ("seit 2019", "2019"),
        ("Since 03/2016", "2016-03"),
    ],
)
def test_a_current_role_in_german_dutch_or_english_runs_to_today(written: str, start: str) -> None:
    (found,) = find_date_ranges(written, AS_OF)
    assert found.current
    assert (found.start.iso(), found.end.iso()) == (start, "2024-11")


def test_present_words_are_read_as_a_json_resume_end_date() -> None:
    assert parse_date("heute", AS_OF) == parse_date("present", AS_OF)
    assert parse_date("Mai 2020", AS_OF) == parse_date("May 2020", AS_OF)


def test_since_in_prose_names_no_role() -> None:
    assert find_date_ranges("Python user since 2015 and Go later", AS_OF) == []
    assert find_date_ranges("• Since 2012, have prepared claim cases", AS_OF) == []


HERMES = """Katrin Vogel
Hamburg | katrin@example.com

Berufserfahrung
HR Business Partner, Hermes
03/2020 – heute
• Betreuung von 400 Mitarbeitenden

HR Generalist, Otto Group
2016 – 02/2020
• Recruiting
"""


def test_the_current_role_written_heute_is_kept_with_its_title() -> None:
    p = _parse(HERMES)
    assert _roles(HERMES) == [
        ("HR Business Partner", "Hermes", "2020-03", "2024-11"),
        ("HR Generalist", "Otto Group", "2016", "2020-02"),
    ]
    assert (p.current_company, p.current_role) == ("Hermes", "HR Business Partner")
    assert p.roles[0].description == "• Betreuung von 400 Mitarbeitenden"  # not the next title
    assert 8.5 < p.total_years < 9


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Senior Controller, Siemens AG\n2017 – heute", ("Senior Controller", "Siemens AG")),
        ("Logistics Planner, Philips\n2012 - heden", ("Logistics Planner", "Philips")),
        ("Product Manager, SAP\nseit 2019", ("Product Manager", "SAP")),
        ("Since 2016: Head of Group Accounting at Henkel", ("Head of Group Accounting", "Henkel")),
    ],
)
def test_a_current_role_in_other_words_is_read(line: str, role: tuple[str, str]) -> None:
    (read,) = _roles(f"Experience\n{line}\n• Monthly close\n")
    assert read[:2] == role
    assert read[3] == "2024-11"


def test_columns_of_spaces_separate_title_and_employer() -> None:
    text = (
        "Experience\n2018 to date    Head of Operations    Culina Group\n"
        "2012 - 2018\tOperations Manager\tTesco\n"
    )
    assert _roles(text) == [
        ("Head of Operations", "Culina Group", "2018", "2024-11"),
        ("Operations Manager", "Tesco", "2012", "2018"),
    ]


def test_a_colon_after_the_header_ends_it_when_the_dates_come_first() -> None:
    text = "Experience\nQonto (2020 – now) — Principal Product Designer: led the design system.\n"
    (role,) = _parse(text).roles
    assert (role.title, role.company) == ("Principal Product Designer", "Qonto")
    assert role.description == "led the design system."


@pytest.mark.parametrize(
    ("line", "role"),
    [
        (
            "Deutsche Börse Group — Specialist Group Consolidation (Jul 2020 – Present)",
            ("Specialist Group Consolidation", "Deutsche Börse Group"),
        ),
        ("Experience: Audit Assistant, KPMG (2019 – 2021)", ("Audit Assistant", "KPMG")),
        (
            "Senior Associate, Employment Law, Freshfields Bruckhaus Deringer (2018 – present)",
            ("Senior Associate", "Freshfields Bruckhaus Deringer"),
        ),
        (
            "Design Engineer, Stellantis — CATIA V5 (2018 – present)",
            ("Design Engineer", "Stellantis"),
        ),
        (
            "Design Engineer at Stellantis — CATIA V5 (2018 – present)",
            ("Design Engineer", "Stellantis"),
        ),
    ],
)
def test_the_title_and_the_employer_are_told_apart(line: str, role: tuple[str, str]) -> None:
    (read,) = _roles(f"{line}\n")
    assert read[:2] == role


def test_a_bare_skill_is_still_an_employer_when_nothing_else_is() -> None:
    (read,) = _roles("Consultant, Salesforce (2019 – present)\n")
    assert read[:2] == ("Consultant", "Salesforce")


@pytest.mark.parametrize(
    "tail",
    [
        "Interaction Design, HTW Berlin (2023)",
        "BSc Logistics, Aston University",
        "Sprachen: Deutsch (Muttersprache), Englisch (C1)\nSchwerpunkte: Embedded C, AUTOSAR",
        "Ausbildung: Industriekaufmann, IHK München",
        "Kenntnisse: SAP FI, Excel",
        "Zertifikate: PMP (2021)",
        "Weiterbildung: Six Sigma Green Belt",
        "Education: MSc Supply Chain, Cranfield",
        "Languages: German (native)",
        "Ausbildung\nIndustriekaufmann, IHK München",
    ],
)
def test_what_follows_the_last_role_is_not_work_done_in_it(tail: str) -> None:
    text = f"Experience\nUX Designer, Zalando (2020 – present)\n• Checkout redesign\n{tail}\n"
    (role,) = parse_resume_text(text, AS_OF, default_taxonomy()).roles
    assert role.description == "• Checkout redesign"


def test_a_university_in_a_work_line_stays_in_a_role_at_a_university() -> None:
    text = (
        "Experience\nResearch Assistant, TU Berlin (2020 – present)\n"
        "Teaching, TU Berlin Faculty of Logistics\n"
    )
    (role,) = parse_resume_text(text, AS_OF, default_taxonomy()).roles
    assert "Teaching, TU Berlin Faculty of Logistics" in role.description


def test_a_sentence_naming_a_university_is_work_done() -> None:
    text = (
        "Experience\nSupply Chain Analyst, Unilever (2019 – present)\n"
        "Partnered with Aston University, building a forecasting model\n"
    )
    (role,) = parse_resume_text(text, AS_OF, default_taxonomy()).roles
    assert "Aston University" in role.description


@pytest.mark.parametrize(
    ("header", "place"),
    [
        ("Katrin Vogel\nHamburg | katrin@example.com", "Hamburg"),
        ("Jane Smith\nNorthampton | 07700 900123", "Northampton"),
        ("Jane Smith — Hamburg", "Hamburg"),
        ("Jane Smith\nNorthampton, UK | 07700 900123", "Northampton, UK"),
    ],
)
def test_a_city_alone_in_the_header_is_the_location(header: str, place: str) -> None:
    p = _parse(f"{header}\nExperience\nAnalyst, Tesco (2019 – present)\n")
    assert p.location == place


def test_a_header_with_no_city_names_no_location() -> None:
    p = _parse(
        "Jane Smith | Data Engineer | jane@example.com\n"
        "Experience\nAnalyst, Tesco (2019 – present)\n"
    )
    assert p.location is None


def test_json_resume_certificates_are_quoted_as_certificates() -> None:
    profile = {
        "certificates": [{"name": "AWS Certified Solutions Architect", "issuer": "Amazon"}],
        "projects": [{"name": "Pricer", "description": "A Kubernetes operator"}],
    }
    p = parse_profile(profile, as_of=AS_OF, taxonomy=default_taxonomy())
    sources = {ev.source for evs in p.skill_evidence.values() for ev in evs}
    assert sources == {"certificates", "projects"}
