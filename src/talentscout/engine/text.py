"""Text helpers shared by the parser and the explainer: quoting snippets and neutralising
protected-attribute markers.

Why neutralise: ``search_text`` is embedded and indexed, and the semantic similarity the caller
computes from it enters the score. Gendered words, titles of address and personal-detail lines
(date of birth, gender, marital status, nationality, religion) carry no job signal, so they are
rewritten or dropped before the text is used for anything but quoting.
"""

from __future__ import annotations

import re

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
_BREAKS = "\n•●▪■◦●;|"
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


def snippet(text: str, start: int, end: int, width: int = 110) -> str:
    """An exact substring around ``text[start:end]``: the clause it sits in, at most about
    ``width`` characters, cut at line, bullet or sentence boundaries when there is one."""
    left = max(0, start - width // 2)
    for i in range(start - 1, left - 1, -1):
        if text[i] in _BREAKS or (text[i] in ".!?" and i + 1 < len(text) and text[i + 1] == " "):
            left = i + 1
            break
    else:
        if left > 0:
            space = text.find(" ", left, start)
            left = space + 1 if space != -1 else left
    right = min(len(text), end + width // 2)
    for j in range(end, right):
        if text[j] in _BREAKS or (text[j] in ".!?" and (j + 1 == len(text) or text[j + 1] == " ")):
            right = j
            break
    else:
        if right < len(text):
            space = text.rfind(" ", end, right)
            right = space if space != -1 else right
    quote = text[left:right].strip(" \t\r\n-–—:,*")
    return quote if quote else text[start:end]


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())
