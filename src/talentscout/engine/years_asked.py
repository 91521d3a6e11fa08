"""How a job text states the years it asks: "5+ years", "three to five years", "ten years",
and whether a figure is about the work ("5+ years." alone as a sentence is) or about something
else ("founded 10 years ago")."""

from __future__ import annotations

import re

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
} | {"twenty": 20, "thirty": 30, "forty": 40}
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# A number of years: digits or words ("ten", "twenty-five"); a range ("3-5", "three to five")
# counts by its lower bound; "+", "plus" and "-plus" may follow.
NUMBER = (
    r"(?<!\d)(?<!\d\.)\d{1,2}(?!\.?\d)|(?<![\w-])(?:(?:twenty|thirty|forty)(?:[- ](?:"
    + _UNITS
    + r"))?|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")(?![\w])"
)
YEARS = re.compile(
    rf"(?P<n>{NUMBER})\s*(?:\+\s*)?(?:(?:-|–|to)\s*(?P<m>{NUMBER})\s*(?:\+\s*)?)?(?:-?plus\s+)?"
    r"(?:years?|yrs)(?=(?P<tail>[^.;\n]{0,60}))",  # the tail may hold the next figure
    re.I,
)


def number_value(text: str) -> float:
    """ "5" → 5, "ten" → 10, "twenty-five" → 25."""
    words = re.split(r"[- ]", text.lower())
    if words[0].isdigit():
        return float(words[0])
    return float(sum(NUMBER_WORDS.get(w, 0) for w in words))


# A years figure that is its sentence ("Must have Python. 5+ years.", "Experience: min. 5
# years") is the experience asked, though it names neither experience nor a skill.
_ALONE_WORDS = re.compile(
    r"\b(?:at least|(?:a )?minimum(?: of)?|min|overall|total|relevant|experience|required)\b",
    re.I,
)


_ALONE_OR_WORD = re.compile(rf"{_ALONE_WORDS.pattern}|(\w)", re.I)


def years_alone(segment: str, figure: re.Match[str]) -> bool:
    """Whether the figure is all its sentence says, beside words like "minimum". Stops at the
    first other word: called once per figure, a rebuilt and rescanned sentence made a long
    run of figures ("5+ years " × 10,000) quadratic."""
    for start, end in ((0, figure.start()), (figure.end(), len(segment))):
        for m in _ALONE_OR_WORD.finditer(segment, start, end):
            if m.group(1):
                return False
    return True


# Where a years figure stops being about the skills after it: "5+ years of Python, including
# Go" asks the years of Python only; "8+ years of experience, including Python" of no skill.
TAIL_STOP = re.compile(r"[,;(]|\b(?:including|such as|e\.g|especially|preferably)\b", re.I)


_OR = re.compile(r"\bor\b", re.I)


def unnamed_choice(segment: str, about: list[tuple[str, int]], end: int) -> bool:
    """Whether the skills a years figure is about (with where they stand) are one side of a
    choice whose other side names no skill ("5 years as an HR Business Partner or HR
    Generalist"): the years are of either role, so they are the job's, not the one skill's.
    "5+ years of Python or Java" names both, and both get the years."""
    if not about:
        return False
    after = _OR.search(segment, max(at for _, at in about), end)
    if after is None:
        return False
    return not any(after.start() < at < end for _, at in about)
