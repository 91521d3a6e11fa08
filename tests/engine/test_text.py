"""Snippets are exact substrings; neutralisation removes protected-attribute markers."""

from __future__ import annotations

from talentscout.engine.text import neutralize, one_line, same_passage, snippet

TEXT = "Summary line. Built Kafka streaming pipelines at Acme; led a team of 4.\n• Wrote Go code"


def test_snippet_is_exact_clause() -> None:
    start = TEXT.index("Kafka")
    quote = snippet(TEXT, start, start + 5)
    assert quote == "Built Kafka streaming pipelines at Acme"
    assert quote in TEXT


def test_snippet_stops_at_bullets_and_lines() -> None:
    start = TEXT.index("Go")
    assert snippet(TEXT, start, start + 2) == "Wrote Go code"


def test_every_skill_of_a_short_line_quotes_the_whole_line() -> None:
    """One line of skills is one piece of evidence, not a differently cut window per skill."""
    text = (
        "Technical Skills\n"
        "Languages: Python, Java, C++, SQL (Postgres, MySQL), shell script, JavaScript, HTML/CSS\n"
        "Frameworks: Django"
    )
    line = text.splitlines()[1]
    quotes = {snippet(text, (i := text.index(w)), i + len(w)) for w in ("Python", "HTML", "SQL")}
    assert quotes == {line}
    # a sentence that ends the text keeps no full stop, as one inside it does not
    assert snippet("Built Django APIs.", 6, 12) == "Built Django APIs"


def test_snippet_long_text_is_bounded() -> None:
    text = "word " * 100 + "Kafka" + " word" * 100
    start = text.index("Kafka")
    quote = snippet(text, start, start + 5, width=40)
    assert "Kafka" in quote
    assert quote in text
    assert len(quote) <= 50


def test_neutralize() -> None:
    text = "Mr. Alex Smith. He led his fraternity. Date of Birth: 01/02/1990. Gender: Male. SQL"
    out = neutralize(text, name="Alex Smith")
    assert "Alex" not in out
    assert "Smith" not in out
    assert "1990" not in out
    assert "Male" not in out
    assert "they led their student society" in out
    assert out.endswith("SQL")


def test_neutralize_keeps_ms_office() -> None:
    assert "MS Excel" in neutralize("Expert in MS Excel")


def test_one_line() -> None:
    assert one_line("  a \n b\t") == "a b"
    assert one_line(None) == ""


def test_a_wrapped_line_is_no_end_of_a_quote() -> None:
    """PDF exports wrap sentences: a quote runs on across a line broken between two lower-case
    words, and stops at a line that ends a sentence or starts a new item."""
    text = "Led projects, integrating AI-powered features, and\noptimizing services.\nEducation"
    start = text.index("AI")
    assert snippet(text, start, start + 2) == (
        "Led projects, integrating AI-powered features, and\noptimizing services"
    )
    text = "Skills: Python\nDjango, Flask"
    assert snippet(text, 8, 14) == "Skills: Python"
    text = "Skilled in frameworks such as Django,\nAngular, and Java Spring Boot.\nEducation"
    start = text.index("Java")
    assert snippet(text, start, start + 4) == (
        "Skilled in frameworks such as Django,\nAngular, and Java Spring Boot"
    )
    text = "Built the billing service with\nDjango and Celery\nSkills: Go"
    start = text.index("Django")
    assert snippet(text, start, start + 6) == "Built the billing service with\nDjango and Celery"


def test_same_passage() -> None:
    line = "Docker, Kubernetes, Terraform, Ansible, Jenkins, GitLab CI, AWS, GCP, Azure, Kafka"
    assert same_passage(line[:60], line[25:])  # two windows on one line
    assert same_passage(line, line[10:40])
    assert not same_passage("Built Kafka pipelines at Acme", "Built Django APIs at Acme")


def test_runs_of_blanks_and_breaks_are_bounded_but_keep_their_meaning() -> None:
    from talentscout.engine.text import bounded_strings, bounded_whitespace

    assert bounded_whitespace("Head of Operations" + " " * 5000 + "Culina Group") == (
        "Head of Operations" + " " * 8 + "Culina Group"
    )
    assert bounded_whitespace("a\n\n\n\n\n\n\nb") == "a\n\n\nb"
    assert bounded_whitespace("a   b\n\nc") == "a   b\n\nc"  # columns and blank lines stay
    assert bounded_strings({"work": [{"summary": "x" + "\t" * 40}], "n": 3}) == {
        "work": [{"summary": "x" + " " * 8}],
        "n": 3,
    }
