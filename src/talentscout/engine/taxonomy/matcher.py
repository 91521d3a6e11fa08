"""One phrase matcher per taxonomy, built once: a dictionary of normalised keys plus the set
of their unit prefixes, walked over a text's units (a token trie).

Why not one big regex: the O*NET/ESCO import adds tens of thousands of aliases, and Python
compiles a regex of that size in many seconds; a dictionary builds in a fraction of that and
matching stays linear in the text (each position stops as soon as no key continues).

Aliases and texts are compared through the same normalisation (``alias_key``): lower-cased;
whitespace or a single separator (``. _ - /``) between two letters or digits is dropped, so
"Node.js", "NodeJS" and "node js" are one key while "C", "C++" and "C#" stay distinct (other
punctuation is kept). Matches start and end on word boundaries of the original text.

Short or common-word aliases ("R", "Go", "C", "Swift", "Less", "Excel", "SAP") and short acronyms
("CAMS", "ABS", "PALS": lower-case they are English words) are ambiguous in prose. They match
only with the exact casing of the alias (or in capitals for 3+ letters), and the most
ambiguous ones also need context: a structured skills field, a list delimiter next to them, or
a neighbouring word such as "programming". Aliases a taxonomy generates rather than lists (an
acronym's plural, "GPUs") match only in their exact spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from talentscout.engine.taxonomy.language_words import adjective_use, language_names

_UNIT = re.compile(r"[^\W_]+|\S")
_NON_SPACE = re.compile(r"\S")
_SEPARATORS = frozenset("._-/")
_END_BLOCKERS = frozenset("_+#")


# English words that are also names of technologies. Lower-case use is the word, not the skill.
COMMON_WORDS = frozenset(
    "go less swift excel spring rust shell access word express chef puppet ant make rest ember "
    "backbone meteor dart elm crystal pig hive storm flash flex sage office teams project lead "
    "sketch vision glue salt unity box drive sheets docs forms paint pages numbers basic logo "
    "prism apex beam delta bootstrap foundation jest mocha gulp grunt slack zoom outlook keynote "
    "julia ada pascal sap art arc cat net polish".split()
)
# Common-word aliases that are also verbs, read as verbs when they open a clause ("Excel at
# solving problems", "- Polish UI components"), before a word that makes them one: "excel" only
# before "at"/"in"; "polish" before any word but one that keeps it the language.
_VERBS: dict[str, tuple[bool, frozenset[str]]] = {
    "excel": (True, frozenset({"at", "in"})),  # (the next word must be listed, words)
    "polish": (False, frozenset("language speaker speakers native fluent and or citizen".split())),
}
_CLAUSE_OPENERS = frozenset("you to will who can we they i should must and".split())
# Aliases that need context even when the casing matches: too short or too common in prose.
CONTEXT_WORDS = frozenset(
    "go less swift rust shell word access express chef puppet ant make rest ember backbone meteor "
    "julia dart elm crystal pig storm flash flex sage office teams project lead sketch vision "
    "glue salt unity box drive sheets docs forms paint photos pages numbers keynote basic logo "
    "ada prism apex beam delta iris spring".split()
)
_CONTEXT_AFTER = frozenset(
    "programming language languages lang developer developers development engineer code coding "
    "framework frameworks script scripts scripting stack".split()
)
# A name followed by one of these words names a school ("SNS College of Engineering", "Data
# Science Academy") or a place ("Tamil Nadu"), not a skill the person has.
_INSTITUTION_AFTER = re.compile(
    r"[ \t]+(?:College|University|Institute|School|Academy|Polytechnic|Nadu)\b"
)
# Words around a match that give it another meaning, as (before, after) patterns: "LLM" beside a
# law degree is the Master of Laws, "UI defects" are bugs, "network communication" is no soft
# skill, and in "design systems and procedures" design is a verb.
_OTHER_MEANING: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {
    "Large Language Models": (
        re.compile(r"\bMaster of Laws\W*$|\bJ\.?D\.?\s*[,/&]?\s*$"),
        re.compile(r"^[^\n]{0,40}?\b(?:Laws?|Legal Studies|Juris)\b|^\W*Master of Laws"),
    ),
    "UI Design": (None, re.compile(r"^\s+(?:defects?|bugs?|issues?|tests?|testing)\b", re.I)),
    "Communication": (
        re.compile(
            r"\b(?:network|serial|inter-?process|data|radio|wireless|satellite|socket|device|"
            r"machine|protocol|(?:a)?synchronous|bus|optical|digital|RF)[\s-]+$",
            re.I,
        ),
        None,
    ),
    "Design Systems": (
        None,
        re.compile(r"^\s+(?:and|&)\s+(?:procedures|processes|policies|workflows)\b", re.I),
    ),
}
_LIST_BEFORE = frozenset(",;/|(•:·&+[{\u2022")
_LIST_AFTER = frozenset(",;/|)·&]}")


class _Normalised(NamedTuple):
    key: str
    starts: list[int]  # per kept unit: where it starts in ``key``
    ends: list[int]  # per kept unit: where it ends in ``key``
    spans: list[tuple[int, int]]  # per kept unit: its span in the original text


def _normalise(text: str) -> _Normalised:
    units = [(m.start(), m.end()) for m in _UNIT.finditer(text)]
    alnum = [text[s].isalnum() for s, _ in units]
    drop = [False] * len(units)
    for k in range(1, len(units) - 1):
        s, e = units[k]
        if (
            e - s == 1
            and text[s] in _SEPARATORS
            and alnum[k - 1]
            and alnum[k + 1]
            and units[k - 1][1] == s
            and units[k + 1][0] == e
        ):
            drop[k] = True  # "node.js", "ci/cd": a lone separator inside a word
    out: list[str] = []
    length = 0
    starts: list[int] = []
    ends: list[int] = []
    spans: list[tuple[int, int]] = []
    prev: int | None = None
    for k, (s, e) in enumerate(units):
        if drop[k]:
            continue
        if prev is not None:
            joined = (
                alnum[prev] and alnum[k] and (text[units[prev][1] : s].isspace() or drop[k - 1])
            )
            if not joined and units[prev][1] != s:
                out.append(" ")
                length += 1
        piece = text[s:e].lower()
        starts.append(length)
        out.append(piece)
        length += len(piece)
        ends.append(length)
        spans.append((s, e))
        prev = k
    return _Normalised("".join(out), starts, ends, spans)


def alias_key(text: str) -> str:
    """Normalised comparison key of an alias or of a matched span."""
    return _normalise(text).key


class PhraseMatch(NamedTuple):
    """One occurrence: the value the alias stands for and the exact span in the text."""

    value: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Entry:
    value: str
    forms: frozenset[str]  # the aliases' original spellings with this key
    case_sensitive: bool
    needs_context: bool
    whole_only: bool = False  # matches only as the whole text ("HR" as a title, not "our HR")
    exact_only: bool = False  # matches only as spelled ("GPUs", not "gpus" or "MEANS")


def _ambiguity(alias: str) -> tuple[bool, bool]:
    lowered = alias.lower()
    acronym = alias.isupper() and alias.isalpha() and len(alias) <= 5  # "CAMS" is not "cams"
    case_sensitive = len(alias) <= 2 or lowered in COMMON_WORDS or acronym
    needs_context = (len(alias) == 1 and alias.isalpha()) or lowered in CONTEXT_WORDS
    return case_sensitive, needs_context


class PhraseMatcher:
    """Finds every alias of a vocabulary in a text: leftmost, then longest."""

    def __init__(
        self,
        aliases: Iterable[tuple[str, str]],
        whole_only: Iterable[str] = (),
        exact_only: Iterable[str] = (),
    ) -> None:
        """``whole_only``: aliases that count only when they are the whole text searched;
        ``exact_only``: aliases that count only in their exact spelling."""
        whole = {alias_key(a) for a in whole_only}
        exact = {alias_key(a) for a in exact_only}
        grouped: dict[str, dict[str, set[str]]] = {}
        prefixes: set[str] = set()
        for alias, value in aliases:
            alias = " ".join(alias.split())
            norm = _normalise(alias)
            if not norm.key:
                continue
            grouped.setdefault(norm.key, {}).setdefault(value, set()).add(alias)
            prefixes.update(norm.key[:end] for end in norm.ends)
        self._prefixes = frozenset(prefixes)
        self._entries: dict[str, _Entry] = {}
        for key in sorted(grouped):
            # One key → one value; a value spelled like the key wins a (rare) conflict.
            value = sorted(grouped[key], key=lambda v: (alias_key(v) != key, v))[0]
            forms = frozenset(grouped[key][value])
            flags = [_ambiguity(form) for form in forms]
            self._entries[key] = _Entry(
                value=value,
                forms=forms,
                case_sensitive=all(f[0] for f in flags),
                needs_context=all(f[1] for f in flags),
                whole_only=key in whole,
                exact_only=key in exact,
            )

        self._language_names = language_names({k: e.value for k, e in self._entries.items()})

    def __len__(self) -> int:
        return len(self._entries)

    def lookup(self, alias: str) -> str | None:
        """The value of an alias typed on purpose (any casing, any separator style)."""
        entry = self._entries.get(alias_key(alias))
        return entry.value if entry else None

    def find(self, text: str, *, structured: bool = False) -> list[PhraseMatch]:
        """All non-overlapping occurrences, leftmost-longest. ``structured`` = the text is a
        skills field or a list, so ambiguous aliases need no further context."""
        if not self._entries:
            return []
        norm = _normalise(text)
        key, starts, ends, spans = norm
        found: list[PhraseMatch] = []
        n = len(spans)
        i = 0
        while i < n:
            begin = spans[i][0]
            if begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "_"
                              or _inside_ampersand_word(text, begin - 1)):  # fmt: skip
                i += 1
                continue
            candidates: list[tuple[int, _Entry]] = []
            for j in range(i, n):
                piece = key[starts[i] : ends[j]]
                if piece not in self._prefixes:
                    break
                entry = self._entries.get(piece)
                if entry is not None and _ends_word(text, spans[j][1]):
                    candidates.append((j, entry))
            match = None
            for c, (j, entry) in reversed(list(enumerate(candidates))):  # longest first
                shorter_same = any(e.value == entry.value for _, e in candidates[:c])
                if shorter_same and self._cut_short(norm, text, i, j):
                    continue  # "Jenkins CI/CD": "Jenkins", then "CI/CD", not "Jenkins CI"
                end = spans[j][1]
                span = text[begin:end]
                if entry.case_sensitive and not _case_ok(span, entry.forms):
                    continue
                if entry.exact_only and span not in entry.forms:
                    continue
                if entry.whole_only and (
                    _NON_SPACE.search(text, 0, begin) or _NON_SPACE.search(text, end)
                ):
                    continue
                if _used_as_verb(text, begin, end):
                    continue
                if entry.needs_context and not structured and not _has_context(text, begin, end):
                    continue
                if not structured and (
                    _INSTITUTION_AFTER.match(text, end)
                    or _other_meaning(entry.value, text, begin, end)
                    or (
                        key[starts[i] : ends[j]] in self._language_names
                        and adjective_use(text, end)
                    )
                ):
                    continue
                match = (j, PhraseMatch(entry.value, begin, end, span))
                break
            if match is None:
                i += 1
                continue
            found.append(match[1])
            i = match[0] + 1
        return found

    def _cut_short(self, norm: _Normalised, text: str, first: int, last: int) -> bool:
        """Whether a key starting inside units first+1..last runs on past ``last``: matching
        first..last would cut it."""
        key, starts, ends, spans = norm
        for k in range(first + 1, last + 1):
            for m in range(k, len(spans)):
                piece = key[starts[k] : ends[m]]
                if piece not in self._prefixes:
                    break
                if m > last and piece in self._entries and _ends_word(text, spans[m][1]):
                    return True
        return False


_COORDINATED_WORD = re.compile(
    r"(?:^|(?<=[\s(]))([A-Za-z][\w.+#-]*?)-?\s*(?:,|/|&|\bor\b|\band\b|,\s*or\b|,\s*and\b)\s*$"
)
MAX_COORDINATED = 3


def coordinated_matches(
    text: str, found: list[PhraseMatch], matcher: PhraseMatcher
) -> list[PhraseMatch]:
    """``found`` plus the words that share a match's last words: in "Greenhouse or Lever ATS"
    and "front and back end development", Greenhouse is Greenhouse ATS and front is front end
    development. Only a word that matched nothing on its own is read so."""
    covered = [(m.start, m.end) for m in found]
    extra: list[PhraseMatch] = []
    for m in found:
        words = m.text.split()
        if len(words) < 2:
            continue
        heads = [" ".join(words[k:]) for k in range(len(words) - 1, 0, -1)]
        at = m.start
        for _ in range(MAX_COORDINATED):
            before = _COORDINATED_WORD.search(text, max(0, at - 40), at)
            if before is None:
                break
            start, end = before.span(1)
            values = (matcher.lookup(f"{before.group(1)} {head}") for head in heads)
            value = next((v for v in values if v is not None), None)
            if value is None or any(a < end and start < b for a, b in covered):
                break
            extra.append(PhraseMatch(value, start, end, before.group(1)))
            at = start
    return sorted([*found, *extra], key=lambda m: m.start) if extra else found


def _ends_word(text: str, end: int) -> bool:
    if end >= len(text):
        return True
    return not (
        text[end].isalnum() or text[end] in _END_BLOCKERS or _inside_ampersand_word(text, end)
    )


def _inside_ampersand_word(text: str, at: int) -> bool:
    """An "&" glued between two letters or digits is inside one word: "R&D", "AT&T", "P&L"."""
    return (
        text[at] == "&"
        and 0 < at < len(text) - 1
        and text[at - 1].isalnum()
        and text[at + 1].isalnum()
    )


def _case_ok(span: str, forms: frozenset[str]) -> bool:
    if span in forms:
        return True
    letters = [ch for ch in span if ch.isalpha()]
    return len(letters) >= 3 and span.isupper()


def _used_as_verb(text: str, begin: int, end: int) -> bool:
    verb = _VERBS.get(text[begin:end].lower())
    if verb is None:
        return False
    following = re.match(r" +([A-Za-z]+)", text[end : end + 30])
    if following is None:
        return False
    listed = following.group(1).lower() in verb[1]
    if listed != verb[0]:
        return False
    i = begin - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in ".!?\n•●▪*-–—":
        return True  # it opens the text, a sentence, a line or a bullet
    words = text[max(0, i - 20) : i + 1].split()
    return bool(words) and words[-1].lower() in _CLAUSE_OPENERS


def _other_meaning(value: str, text: str, begin: int, end: int) -> bool:
    patterns = _OTHER_MEANING.get(value)
    if patterns is None:
        return False
    before, after = patterns
    return bool(
        (before and before.search(text[max(0, begin - 60) : begin]))
        or (after and after.match(text[end : end + 60]))
    )


def _has_context(text: str, start: int, end: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and text[i] in _LIST_BEFORE:
        return True
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    if j < len(text) and text[j] in _LIST_AFTER:
        return True
    following = text[j : j + 14].split()
    word = following[0].strip(".,;:)").lower() if following else ""
    return word in _CONTEXT_AFTER
