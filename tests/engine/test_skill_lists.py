"""Lists of skills in one requirement: choices, brackets of a kind, examples of a broader skill."""

from __future__ import annotations

import pytest

from talentscout.engine.requirements import read_requirements
from talentscout.engine.skill_lists import examples_of_asked, or_groups
from talentscout.engine.taxonomy import Taxonomy, default_taxonomy


@pytest.fixture(scope="module")
def shipped() -> Taxonomy:
    return default_taxonomy()  # which skill includes which: the shipped "includes"


def groups_in(text: str, taxonomy: Taxonomy) -> list[list[str]]:
    return or_groups(text, taxonomy.find_skills(text), taxonomy)


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        # each bracket of a kind makes a choice of the list it opens, wherever it stands
        (
            "Docker, Kubernetes; languages (Python, Java); clouds (AWS, Azure)",
            [["Python", "Java"], ["AWS", "Azure"]],
        ),
        ("ML frameworks (" + " " * 300 + "TensorFlow, PyTorch)", [["TensorFlow", "PyTorch"]]),
        ("ML frameworks (Keras) then TensorFlow, PyTorch", []),  # the bracket was closed
        ("ML frameworks ( ( TensorFlow, PyTorch))", []),  # a bracket of no kind
        # a list trailing off gives examples, any of which will do; in a bracket, examples of
        # the skill before it, each read on its own
        ("Python, Java, R, and Scala, etc.", [["Python", "Java", "R", "Scala"]]),
        ("Proficiency in AWS (Redshift, S3, etc.)", []),
    ],
)
def test_lists_after_brackets(text: str, groups: list[list[str]], shipped: Taxonomy) -> None:
    assert groups_in(text, shipped) == groups


def test_a_long_sentence_reads_like_its_parts(shipped: Taxonomy) -> None:
    """A sentence repeating one list thousands of times (pasted or hostile text) gives that
    list's reading each time, and in time that grows with its length only."""
    part = "languages (Python, Java); Docker, Kubernetes; "
    assert groups_in(part * 2000, shipped) == [["Python", "Java"]] * 2000
    assert groups_in("Python, Java or Go, " * 2000, shipped) == [["Python", "Java", "Go"]]
    assert groups_in("fluent German and English, " * 2000, shipped) == []


def test_examples_follow_the_skill_they_illustrate(shipped: Taxonomy) -> None:
    def examples(segment: str) -> list[str]:
        asked = [(m.value, m.start) for m in shipped.find_skills(segment)]
        return examples_of_asked(segment, asked, [], shipped)

    # S3 named before AWS illustrates nothing; EC2 after "AWS such as" does
    assert examples("S3 and Lambda, then AWS such as EC2") == ["Amazon EC2"]
    # a later mention of the broad skill counts: "…, etc." closes its examples
    assert examples("AWS, S3; AWS, S3, etc.") == ["Amazon S3"]
    assert examples("Python and Django") == []


def test_examples_keep_their_text_order(shipped: Taxonomy) -> None:
    """The examples become nice-to-haves in the order the posting names them, the same in
    every process (not in the order of a set of strings, which changes with hashing)."""
    text = "Required: strong AWS, including ECS, S3, EKS, EC2."
    req = read_requirements("Cloud Engineer", text, shipped)
    assert req.must == ["AWS"]
    assert req.nice == ["Amazon ECS", "Amazon S3", "Amazon EKS", "Amazon EC2"]
