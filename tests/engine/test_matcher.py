"""PhraseMatcher on its own: keys, leftmost-longest matching, case and context rules."""

from __future__ import annotations

import pytest

from talentscout.engine.taxonomy.matcher import PhraseMatcher, alias_key


def test_alias_key() -> None:
    assert alias_key("Node.js") == alias_key("NodeJS") == alias_key("node  js") == "nodejs"
    assert alias_key("C++") == "c++"
    assert alias_key(".NET") == ".net"
    assert alias_key("CI/CD") == "cicd"


def test_longest_match_wins() -> None:
    m = PhraseMatcher([("Spring", "Spring"), ("Spring Boot", "Spring Boot")])
    assert [x.value for x in m.find("Used Spring Boot, and Spring, daily")] == [
        "Spring Boot",
        "Spring",
    ]


def test_acronym_needs_case() -> None:
    m = PhraseMatcher([("CAMS", "CAMS"), ("Kafka", "Kafka")])
    assert [x.value for x in m.find("cams and kafka")] == ["Kafka"]
    assert [x.value for x in m.find("CAMS certified")] == ["CAMS"]


def test_an_exact_only_alias_matches_only_as_spelled() -> None:
    m = PhraseMatcher([("GPUs", "GPU Computing"), ("MEANs", "MEAN Stack")], exact_only=["MEANs"])
    assert [x.value for x in m.find("MEANs on GPUs")] == ["MEAN Stack", "GPU Computing"]
    assert [x.value for x in m.find("BY ALL MEANS, GPUS")] == ["GPU Computing"]
    assert m.find("by all means") == []


def test_empty_matcher() -> None:
    m = PhraseMatcher([])
    assert len(m) == 0
    assert m.find("anything") == []
    assert m.lookup("anything") is None


def test_ampersand_words_hide_short_aliases() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    tax = default_taxonomy()
    assert [m.value for m in tax.find_skills("Led the R&D group at AT&T")] == []
    assert [m.value for m in tax.find_skills("Skills: R & Python", structured=True)] == [
        "R",
        "Python",
    ]


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("Excel at solving problems; polish the details", []),
        ("You will excel at scale", []),
        ("- Polish UI components until they shine", ["UI Design"]),
        ("Strong knowledge of Excel in finance", ["Microsoft Excel"]),
        ("Used Excel at Deloitte", ["Microsoft Excel"]),
        ("Languages: English, Polish", ["English", "Polish"]),
        ("Polish speaker required", ["Polish"]),
        ("Languages:" + " " * 40 + "Polish C1, English C2", ["Polish", "English"]),
    ],
)
def test_english_verbs_are_not_the_skills_they_spell(text: str, skills: list[str]) -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    assert [m.value for m in default_taxonomy().find_skills(text)] == skills


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("MBA, SNS College of Engineering, Tamil Nadu", []),
        ("Certified by the Python Institute", []),
        ("Published Amazon SNS topics", ["Amazon SNS"]),
        ("Java school projects", ["Java"]),  # lower case: no institution's name
        ("Languages: English, Tamil", ["English", "Tamil"]),
    ],
)
def test_a_name_of_a_school_or_place_is_not_a_skill(text: str, skills: list[str]) -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    assert [m.value for m in default_taxonomy().find_skills(text)] == skills


def test_a_longer_spelling_does_not_cut_a_name_that_runs_on() -> None:
    m = PhraseMatcher([("Jenkins", "Jenkins"), ("Jenkins CI", "Jenkins"), ("CI/CD", "CI/CD")])
    assert [x.text for x in m.find("Ran a Jenkins CI/CD pipeline")] == ["Jenkins", "CI/CD"]
    assert [x.text for x in m.find("Ran Jenkins CI daily")] == ["Jenkins CI"]
    # a longer name of another skill still wins: "AWS Aurora", then PostgreSQL
    m = PhraseMatcher([("AWS", "AWS"), ("AWS Aurora", "Aurora"), ("Aurora PostgreSQL", "Aurora"),
                       ("PostgreSQL", "PostgreSQL")])  # fmt: skip
    assert [x.value for x in m.find("Moved to AWS Aurora PostgreSQL")] == ["Aurora", "PostgreSQL"]


def test_a_standalone_alias_matches_only_the_whole_text() -> None:
    m = PhraseMatcher([("HR", "hr"), ("HR Manager", "hr-manager")], whole_only=["HR"])
    assert [x.value for x in m.find("HR")] == ["hr"]
    assert [x.value for x in m.find("  HR ")] == ["hr"]
    assert [x.value for x in m.find("Worked with HR daily")] == []
    assert [x.value for x in m.find("Senior HR Manager")] == ["hr-manager"]


def test_unit_test_cases_are_unit_testing() -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    found = default_taxonomy().find_skills("Wrote 600 unit test cases with Pytest")
    assert [m.value for m in found] == ["Unit Testing", "pytest"]


@pytest.mark.parametrize(
    "text", ["Closed deals reaching 105% of annual quota", "Exceeded quota four quarters running"]
)
def test_quota_results_show_quota_attainment(text: str) -> None:
    """A seller's numbers are how quota attainment is written; the name itself rarely is."""
    from talentscout.engine.taxonomy import default_taxonomy

    assert "Quota Attainment" in [m.value for m in default_taxonomy().find_skills(text)]


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("Master of Laws (LLM) in Taxation", ["Taxation"]),
        ("J.D., LLM", []),
        ("Fine-tuned an LLM to summarise tickets", ["Large Language Models"]),
        ("Fixed UI defects reported by QA", []),
        ("UI design in Figma", ["UI Design", "Figma"]),
        ("Implemented network communication between services", []),
        ("Strong communication with stakeholders", ["Communication"]),
        ("Design systems and procedures for intake", []),
        ("Built our design systems in Figma", ["Design Systems", "Figma"]),
    ],
)
def test_words_around_a_match_that_give_it_another_meaning(text: str, skills: list[str]) -> None:
    from talentscout.engine.taxonomy import default_taxonomy

    assert [m.value for m in default_taxonomy().find_skills(text)] == skills


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Greenhouse or Lever ATS", [("Greenhouse ATS", "Greenhouse"), ("Lever ATS", "Lever ATS")]),
        ("unit and integration testing", [("Unit Testing", "unit"),
                                          ("Integration Testing", "integration testing")]),
        ("front and back end development", [("Frontend Development", "front"),
                                            ("Backend Development", "back end development")]),
        ("Python and Java developer", [("Python", "Python"), ("Java", "Java")]),
        ("SQL and NoSQL databases", [("SQL", "SQL"), ("NoSQL", "NoSQL databases")]),
    ],
)  # fmt: skip
def test_words_that_share_a_skills_last_words(text: str, found: list[tuple[str, str]]) -> None:
    """ "Greenhouse or Lever ATS" names two ATSs; a word that matches on its own keeps that."""
    from talentscout.engine.taxonomy import default_taxonomy

    assert [(m.value, m.text) for m in default_taxonomy().find_skills(text)] == found
