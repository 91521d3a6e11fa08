"""Text helpers shared by the parser and the explainer: quoting snippets and neutralising
protected-attribute markers.

Why neutralise: ``search_text`` is embedded and indexed, and the semantic similarity the caller
computes from it enters the score. Gendered words, titles of address and personal-detail lines
(date of birth, gender, marital status, nationality, religion) carry no job signal, so they are
rewritten or dropped before the text is used for anything but quoting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_GENDERED = {
    "he": "they", "she": "they", "him": "them", "her": "their", "his": "their", "hers": "theirs",
    "himself": "themselves", "herself": "themselves", "sir": "", "madam": "", "male": "",
    "female": "", "man": "person", "woman": "person",
    "men": "people", "women": "people", "boy": "", "girl": "", "boys": "", "girls": "",
    "fraternity": "student society", "sorority": "student society", "husband": "spouse",
    "wife": "spouse", "father": "parent", "mother": "parent", "son": "child", "daughter": "child",
    "brother": "sibling", "sister": "sibling", "gentleman": "person", "lady": "person",
    "ladies": "people", "gentlemen": "people", "chairman": "chair", "chairwoman": "chair",
    "salesman": "salesperson", "saleswoman": "salesperson", "businessman": "businessperson",
    "businesswoman": "businessperson", "maternity": "parental", "paternity": "parental",
}  # fmt: skip
_GENDERED_RE = re.compile(r"\b(" + "|".join(_GENDERED) + r")\b", re.IGNORECASE)
_ADDRESS_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\b\.?\s+(?=[A-Z][a-z])")
_PERSONAL_RE = re.compile(
    r"(?im)\b(?:date\s+of\s+birth|d\.?o\.?b|birth\s*date|age|gender|sex|marital\s+status|"
    r"nationality|citizenship|religion|caste|passport(?:\s+no)?|father'?s?\s+name|"
    r"mother'?s?\s+name|spouse)\b\s*[:\-–]\s*(?:[^\n•|;.]|\.(?=\d)){0,40}"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def neutralize(text: str, name: str | None = None) -> str:
    """The text without the person's name, personal-detail fields and titles of address, and
    with gendered words made neutral."""
    text = _ADDRESS_RE.sub("", _PERSONAL_RE.sub(" ", text))
    for part in sorted({p for p in (name or "").split() if len(p) > 1}, key=len, reverse=True):
        text = re.sub(r"\b" + re.escape(part) + r"\b", " ", text, flags=re.IGNORECASE)

    def swap(m: re.Match[str]) -> str:
        return _GENDERED[m.group(1).lower()]

    return " ".join(_GENDERED_RE.sub(swap, text).split())


# Where a quote may end: a bullet, a separator, a sentence's last mark, or a line's end —
# unless the line was only wrapped (PDF exports break sentences: "…AI-powered features,
# and\noptimizing large-scale systems"): a lower-case word running on to a lower-case one, or
# a line that ends in a comma or a word that cannot end a clause ("frameworks such as Django,\n
# Angular, and Java Spring Boot", "built with\nDjango").
_RUNS_ON = "".join(rf"(?<!\b{w})" for w in "and or with of the using in for to as such via".split())
_BREAK = re.compile(rf"[•●▪■◦;|]|[.!?](?=[ \n]|\Z)|(?<![a-z,])\n|(?<!,){_RUNS_ON}\n(?![a-z])")


def _after_last_break(text: str, lo: int, hi: int) -> int | None:
    last = None
    for m in _BREAK.finditer(text, lo, hi):
        last = m.end()
    return last


def snippet(text: str, start: int, end: int, width: int = 110) -> str:
    """An exact substring around ``text[start:end]``: the clause it sits in, at most about
    ``width`` characters, cut at line, bullet or sentence boundaries when there is one. A
    clause that fits is quoted whole, so every skill of one short line quotes the same words."""
    lo = max(0, start - width)
    left = _after_last_break(text, lo, start)
    left = 0 if left is None and lo == 0 else left
    stop = _BREAK.search(text, end, end + width)
    right = stop.start() if stop else len(text) if end + width >= len(text) else None
    if left is not None and right is not None and right - left <= width:
        if quote := text[left:right].strip(" \t\r\n-–—:,*"):
            return quote
    # too long a clause: about width // 2 on each side, cut at a space
    lo = max(0, start - width // 2)
    left = _after_last_break(text, lo, start)
    if left is None:
        space = text.find(" ", lo, start) if lo > 0 else -1
        left = space + 1 if space != -1 else lo
    hi = min(len(text), end + width // 2)
    stop = _BREAK.search(text, end, hi)
    if stop:
        right = stop.start()
    else:
        space = text.rfind(" ", end, hi) if hi < len(text) else -1
        right = space if space != -1 else hi
    quote = text[left:right].strip(" \t\r\n-–—:,*")
    return quote if quote else text[start:end]


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


MIN_SHARED_CHARS = 30  # of two quotes from one text, the overlap that makes them one passage


def same_passage(a: str, b: str) -> bool:
    """Whether two quotes are windows on one passage: one holds the other, or the end of one
    is the start of the other over at least ``MIN_SHARED_CHARS`` (a long skills line quoted
    around two of its skills)."""
    if a in b or b in a:
        return True
    for x, y in ((a, b), (b, a)):
        for k in range(min(len(x), len(y)) - 1, MIN_SHARED_CHARS - 1, -1):
            if x.endswith(y[:k]):
                return True
    return False


# Pasted text can hold runs of thousands of blanks; several reading patterns try every split of
# such a run (quadratic or worse). Runs are bounded before reading, long enough to keep what
# they mean: three or more blanks separate columns, a blank line separates blocks.
_LONG_BLANKS = re.compile(r"[ \t\u00a0]{9,}")
_LONG_BREAKS = re.compile(r"(?:[ \t\u00a0]*\r?\n){4,}")


def bounded_whitespace(text: str) -> str:
    """``text`` with each run of blanks cut to eight and of line breaks to three."""
    return _LONG_BREAKS.sub("\n\n\n", _LONG_BLANKS.sub(" " * 8, text))


def bounded_strings(value: Any) -> Any:
    """``value`` (JSON-like: mappings, lists, strings) with ``bounded_whitespace`` on every
    string."""
    if isinstance(value, str):
        return bounded_whitespace(value)
    if isinstance(value, Mapping):
        return {k: bounded_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [bounded_strings(v) for v in value]
    return value
