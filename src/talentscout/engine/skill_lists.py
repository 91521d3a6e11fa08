"""Lists of skills in one requirement: alternatives ("Python or Go", "ML frameworks
(TensorFlow, PyTorch)"), one requirement met by any member, and examples of a broader skill
named first ("AWS, including S3 and Lambda"), which that skill stands for.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from talentscout.engine.phrasing import cue
from talentscout.engine.taxonomy import PhraseMatch, Taxonomy

_LIST_GAP = re.compile(r"^\s*(?:,|/|\||\bor\b|,\s*or\b|\band/or\b|,\s*and/or\b)\s*$", re.I)
_OR_GAP = re.compile(r"/|\bor\b|\|", re.I)
_ALTERNATIVE_CUE = re.compile(
    r"\bone of\b|\bany of\b|\bsuch as\b|\be\.g\.|\bsimilar\b|\bequivalent\b|"
    r"\bat least one\b|\beither\b|\bor other\b|\bor another\b",
    re.I,
)


# A bracket after a kind of thing lists instances of it, any of which will do: "ML frameworks
# (TensorFlow, PyTorch, JAX)", "AWS technologies (Redshift, S3, Glue)". "after": the blanks
# after the bracket, where a run of skills inside it may start.
_KIND_BRACKET = re.compile(
    r"\b(?:frameworks|languages|tools|databases|technologies|services|platforms|libraries|"
    r"clouds|stores|engines|stacks)\s*\((?P<after>\s*)",
    re.I,
)
_OPEN_BRACKET = re.compile(r"\((?P<after>\s*)")


def _opened_by(opening: re.Pattern[str], text: str) -> Callable[[int], bool]:
    """Whether the text before a position ends in ``opening``, blanks aside. The openings are
    found in one pass and each position is looked up: searching the text before every run of
    skills again made a long sentence of short runs quadratic ("fluent German and English, "
    repeated)."""
    spans = [m.span("after") for m in opening.finditer(text)]
    starts = [a for a, _ in spans]

    def opened(at: int) -> bool:
        i = bisect_right(starts, at) - 1
        return i >= 0 and at <= spans[i][1]

    return opened


# A list that trails off ("Python, Java, R, etc.") gives examples, any of which will do.
_TRAILS_OFF = r"(?:etc\b|and so on\b|and the like\b)"
_ETC = re.compile(rf"\b{_TRAILS_OFF}", re.I)
_ETC_AFTER = re.compile(rf"\s*,?\s*(?:and\s+|or\s+)?{_TRAILS_OFF}", re.I)
_AND_GAP = re.compile(r"^\s*,?\s*and\s*$", re.I)
_SLASH_GAP = re.compile(r"^\s*/\s*$")


def _built_on(a: str, b: str, taxonomy: Taxonomy) -> bool:
    """Whether a slash between ``a`` and ``b`` pairs a platform with a tool built on it, both
    asked ("Python / Django", "Java/Spring Boot"): one includes the other, and the narrower one
    is a leaf, no ecosystem of its own. "JavaScript/TypeScript" stays a choice: TypeScript
    has frameworks of its own."""
    for broad, narrow in ((a, b), (b, a)):
        if narrow in taxonomy.included_skills(broad) and not taxonomy.included_skills(narrow):
            return True
    return False


# A bracket right after a skill, perhaps after a generic noun ("SAP skills (FI/CO)"), speaks
# of that skill; one that only welcomes its own content ("(Green Belt desirable)") does not.
_BRACKET_AFTER = re.compile(
    r"\s*(?:(?:knowledge|skills?|experience|expertise|tools?|software|systems?|principles|"
    r"methods|methodolog\w*|concepts|standards)\s*){0,2}\(([^()]{1,160})\)",
    re.I,
)


def bracket_groups(text: str, matches: list[PhraseMatch], taxonomy: Taxonomy) -> list[list[str]]:
    """A bracket right after a skill holds alternatives ("SolidWorks (or Creo / Siemens NX)"),
    examples ("a Warehouse Management System (Manhattan, SAP EWM, Blue Yonder or similar)",
    "FEA (ANSYS or SolidWorks Simulation)") or a narrowing of it ("IFRS (IFRS 9, 15 and 16)",
    "product design (UX/UI)"): never new requirements of their own, so the skill and the
    bracket's skills are one requirement, met by any of them. The narrower parts of a broad
    skill ("Java (Spring Boot, Hibernate)") are left to ``examples_of_asked``, which asks each
    unless they are cued as examples. ``matches`` in text order, as ``find_skills`` gives them."""
    groups: list[list[str]] = []
    starts = [m.start for m in matches]
    for i, last in enumerate(matches):
        bracket = _BRACKET_AFTER.match(text, last.end)
        if not bracket or cue(bracket.group(1)) == "nice":
            continue
        # Of a compound ("GPU software development (CUDA/OpenCL)") the bracket speaks of its
        # first, distinctive part; the generic rest stays a requirement of its own.
        parent = last
        while i > 0 and not text[matches[i - 1].end : parent.start].strip():
            i -= 1
            parent = matches[i]
        a, b = bracket.span(1)
        narrower = set(taxonomy.included_skills(parent.value))
        inside = [m.value for m in matches[bisect_left(starts, a) : bisect_left(starts, b)]]
        members = [s for s in dict.fromkeys(inside) if s != parent.value and s not in narrower]
        if members:
            groups.append([parent.value, *members])
    return groups


def or_groups(text: str, matches: list[PhraseMatch], taxonomy: Taxonomy) -> list[list[str]]:
    """Skills listed as alternatives ("Python or Go", "Java/Kotlin", "one of Go, Rust, C++"):
    runs of adjacent skills joined by list separators, kept when the run says "or" (or "/")
    or the sentence cues a choice, or a bracket lists instances of a kind ("frameworks
    (TensorFlow, PyTorch)"). One requirement is met by any member. A slash between a
    platform and a tool built on it ("Python / Django") joins no choice: both are asked.
    A bracket after a skill joins its skills to that one (``bracket_groups``), taking in the
    choices listed inside it."""
    groups: list[list[str]] = []
    cue = bool(_ALTERNATIVE_CUE.search(text))
    run: list[PhraseMatch] = []
    has_or = False
    after_kind, after_bracket = _opened_by(_KIND_BRACKET, text), _opened_by(_OPEN_BRACKET, text)

    def close() -> None:
        members = list(dict.fromkeys(m.value for m in run))
        kinds = after_kind(run[0].start)
        # "Java, R, and Scala, etc.": any will do; in a bracket they are examples of what it
        # follows ("AWS (Redshift, S3, etc.)", read by examples_of_asked) or of a kind (above).
        bracketed = after_bracket(run[0].start)
        examples = not bracketed and bool(_ETC_AFTER.match(text, run[-1].end))
        if len(members) > 1 and (has_or or cue or kinds or examples):
            groups.append(members)

    trails_off = bool(_ETC.search(text))  # then ", and" joins the list it trails off from
    for m in matches:
        if run:
            gap = text[run[-1].end : m.start]
            if _SLASH_GAP.match(gap) and _built_on(run[-1].value, m.value, taxonomy):
                close()
                run, has_or = [m], False
                continue
            if _LIST_GAP.match(gap) or (trails_off and _AND_GAP.match(gap)):
                has_or = has_or or bool(_OR_GAP.search(gap))
                run.append(m)
                continue
            close()
        run, has_or = [m], False
    if run:
        close()
    return _merged(bracket_groups(text, matches, taxonomy), groups)


def _merged(brackets: list[list[str]], groups: list[list[str]]) -> list[list[str]]:
    """The bracket groups, each taking in the list groups it shares a skill with, then the
    other list groups."""
    out: list[list[str]] = []
    rest = list(groups)
    for bracket in brackets:
        members = list(bracket)
        for group in [g for g in rest if set(g) & set(members)]:
            members += [s for s in group if s not in members]
            rest.remove(group)
        out.append(members)
    return [*out, *rest]


# Words that introduce examples of what was just named: "AWS services such as Lambda, S3",
# "Kubernetes ecosystem, including EKS, Helm", "AWS, not limited to: Lambda, ECS".
_EXAMPLE_CUE = re.compile(
    r"\bsuch as\b|\be\.g\.|\bincluding\b|\blike\b|\bfor example\b|\bnot limited to\b|"
    r"\bespecially\b",
    re.I,
)
_EXAMPLES_END = re.compile(r"\betc\b|\band (?:more|so on|similar)\b", re.I)  # "(S3, Glue, etc.)"
# So many narrower skills of one named skill at once read as its examples even uncued: "AWS
# development using EC2, EKS, Lambda, SQS, DynamoDB"; three ("AWS, S3, DynamoDB and SQS") may
# each be asked for.
MIN_UNCUED_EXAMPLES = 4


class _Searched:
    """Whether ``pattern`` is found in ``text[pos:endpos]``, asked skill by skill along a
    sentence. A match found at s answers yes from any pos up to s, and a search that found
    nothing answers no from any later pos (where a pattern matches does not depend on where
    the search began), so no stretch is searched twice: searching the rest of a long
    sentence once per skill made it quadratic."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self._pattern, self._text = pattern, text
        # endpos -> (the latest match start found, the earliest pos searched in vain)
        self._known: dict[int, tuple[int | None, int | None]] = {}

    def __call__(self, pos: int, endpos: int | None = None) -> bool:
        end = len(self._text) if endpos is None else endpos
        found, vain = self._known.get(end, (None, None))
        if found is not None and pos <= found:
            return True
        if vain is not None and pos >= vain:
            return False
        match = self._pattern.search(self._text, pos, end)
        self._known[end] = (match.start(), vain) if match else (found, pos)
        return match is not None


def examples_of_asked(
    segment: str, asked: list[tuple[str, int]], groups: list[list[str]], taxonomy: Taxonomy
) -> list[str]:
    """Must-haves a sentence names only to illustrate a broader must-have it named first: "5+
    years of AWS with services such as Lambda, ECS, S3" asks for AWS, which any of the three
    shows; asking for each as well would count one requirement four times and crowd out the
    others. Examples follow their skill and are introduced as such ("including", "not
    limited to"), closed as such ("…, etc.") or come four or more at once; "Python and Django"
    or "Java (Spring Boot, Hibernate)" ask for each. Examples offered as
    alternatives ("JavaScript frameworks (e.g. React, Vue, Angular)") are already one
    requirement of their own, met by any of them, and stay. In text order: the order of the
    nice-to-haves they become must not depend on the process's string hashing."""
    grouped = {s for members in groups for s in members}
    where: dict[str, list[int]] = {}  # the positions of each must-have, in order
    for skill, pos in asked:
        where.setdefault(skill, []).append(pos)
    for positions in where.values():
        positions.sort()
    narrower_asked: dict[str, list[str]] = {}
    cued, closed = _Searched(_EXAMPLE_CUE, segment), _Searched(_EXAMPLES_END, segment)
    out: dict[str, None] = {}
    for parent, at in asked:
        if parent not in narrower_asked:
            narrower = set(taxonomy.included_skills(parent)) - grouped
            narrower_asked[parent] = [s for s in where if s in narrower]
        children: list[tuple[int, str]] = []  # the narrower must-haves named after the parent,
        count = 0  # how often
        for skill in narrower_asked[parent]:
            positions = where[skill]
            i = bisect_right(positions, at)
            if i < len(positions):
                children.append((positions[i], skill))
                count += len(positions) - i
        if not children:
            continue
        children.sort()
        first = children[0][0]
        if cued(at, first) or closed(first) or count >= MIN_UNCUED_EXAMPLES:
            out.update(dict.fromkeys(skill for _, skill in children))
    return list(out)
