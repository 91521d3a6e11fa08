"""How long a person's dated roles show each skill, and which skills a role only names in passing.

Why: "5+ years of Python" is a question about how long Python was the work. A Java developer's
five-year role with one bullet "Wrote Python scripts to automate release notes" shows some
Python, not five years of it; crediting the role's whole length made thin evidence look deep.
A stack a role names in one line of several, while the role's title names another stack (a
"Java Developer" writing Python once), counts for PASSING_SHARE of that role's months. Only
then: in a "Software Engineer" role every bullet names something once, and one line about Go
may be all the text says of the person's main language. A role described in fewer than
PASSING_MIN_LINES lines says too little to tell a passing mention from the work.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from talentscout.engine.dates import union_months
from talentscout.engine.profile import Role
from talentscout.engine.taxonomy import Taxonomy

# Set by hand: a recruiter reads one bullet of several as some use of a skill, not the role's
# length of it; half keeps a long role's passing mention above a short role's whole one.
PASSING_SHARE = 0.5
PASSING_MIN_LINES = 3

# A line of a role's text: its own line, a bullet, or a sentence of a paragraph.
_LINE_BREAK = re.compile(r"\n|[•▪●◦‣]|(?<=[.;!?])\s+(?=[A-Z])")


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` starts (``_LINE_BREAK``), the first at 0."""
    return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]


def named_in_passing(
    per_line: Sequence[Collection[str]], family: str | None, taxonomy: Taxonomy
) -> tuple[str, ...]:
    """Stacks (``Taxonomy.titled_stacks``) that only one of a role's text lines shows, given
    the skills ``per_line`` holds for each non-blank line, when the title of the role's
    ``family`` names another stack, neither broader nor narrower than it, and the family
    does not typically work with them."""
    titled = taxonomy.family_literal_skills.get(family or "", ())
    if len(per_line) < PASSING_MIN_LINES or not titled:
        return ()
    counts: Counter[str] = Counter()
    for skills in per_line:
        counts.update(taxonomy.with_broader(skills))
    # the title's stacks and what the family typically works with (a Machine Learning
    # Engineer's one line of Python is the work, not a passing stack)
    held = set(taxonomy.with_broader(titled)) | taxonomy.family_skill_sets.get(family or "", set())
    return tuple(
        sorted(
            s
            for s, n in counts.items()
            if n == 1
            and s in taxonomy.titled_stacks
            and s not in held
            and not held & set(taxonomy.included_skills(s))
        )
    )


def skills_per_line(
    text: str, starts: Sequence[int], matches: Iterable[tuple[str, int]]
) -> list[set[str]]:
    """The skills each non-blank line of ``text`` names, from (skill, offset) matches."""
    per_line: list[set[str]] = [set() for _ in starts]
    for skill, offset in matches:
        per_line[bisect_right(starts, offset) - 1].add(skill)
    ends = [*starts[1:], len(text)]
    return [
        found
        for found, a, b in zip(per_line, starts, ends, strict=True)
        if text[a:b].strip(" -*\t\n")
    ]


def months_by_skill(roles: Sequence[Role], taxonomy: Taxonomy) -> dict[str, int]:
    """Months of dated roles that show each skill in use (its own skills, the broader skills
    they show, the skill its title is named after); overlapping roles count once. A skill a
    role names in passing counts the last PASSING_SHARE of that role's months."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for role in roles:
        if (span := role.interval) is None:
            continue
        titled = taxonomy.title_skills(role.family)
        passing = set(role.passing) - set(taxonomy.with_broader(titled))
        start, end = span
        part = (end - max(1, round((end - start) * PASSING_SHARE)), end)
        for skill in taxonomy.with_broader([*role.skills, *titled]):
            spans.setdefault(skill, []).append(part if skill in passing else span)
    return {
        skill: months for skill, found in sorted(spans.items()) if (months := union_months(found))
    }
