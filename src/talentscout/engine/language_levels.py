"""Language levels: the level a posting asks of a spoken language, the level a profile states,
both on one scale (CEFR A1 < A2 < B1 < B2 < C1 < C2, native = C2), and the credit a language
shown below the level asked earns.

Why: "Business fluent German (C1)" is not met by "German (B1)" or "Deutsch: Grundkenntnisse",
though both name the language. A level is read only from the words right beside a language's
name (a bracket or a label after it, "fluent" or "C1-level" before it, joined by words such as
"skills" or "level"), so "German and basic French" gives French its level and German none,
and "German-speaking team with native speakers" asks no level at all. A language with no level
stated asks nothing (the job) or is taken as good enough (the profile): no credit is taken for
a level nobody wrote down. What each word states is language_wordings.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from talentscout.engine.icp_model import ICP
from talentscout.engine.language_wordings import (
    BRACKET_WORDS,
    LEVEL,
    RANK,
    level_of,
    stated_in,
)
from talentscout.engine.languages import is_language
from talentscout.engine.phrasing import about_company
from talentscout.engine.profile import Evidence, ParsedProfile
from talentscout.engine.profile_records import list_value, text_value
from talentscout.engine.taxonomy import LANGUAGE_CATEGORY, Taxonomy

# How a sentence names each level (the asked one in a red flag: "the job asks C1 (business
# fluent)").
LEVEL_WORDS = {
    "A1": "beginner",
    "A2": "basic",
    "B1": "conversational",
    "B2": "good",
    "C1": "business fluent",
    "C2": "native",
}
# Words that may stand between a level and the language's name ("C1-level German", "very good
# command of German", "German language skills at C1 level", "Deutsch fließend in Wort und
# Schrift"). A conjunction joins only before the name ("written and spoken German"): after it
# the next language's level starts ("German and basic French"). Set by hand.
_GLUE = (
    r"language|languages|lang|skills?|knowledge|(?:sprach)?kenntnisse|levels?|niveau|at|least|"
    r"minimum|min|mind|mindestens|of|in|the|a|an|as|als|auf|command|written|spoken|speaking|speakers?|"
    r"proficiency|user|cefr|ger|wort|schrift|required|is|are|communication|verbal|oral"
)
_AFTER_GAP = re.compile(rf"(?:[\s(:\-–—=)|]|\b(?:{_GLUE}|wort\s+und\s+schrift)\b)*", re.I)
_BEFORE_GAP = re.compile(rf"(?:[\s(:\-–—=)/&]|\b(?:{_GLUE}|and|und|or|oder)\b)*", re.I)
# Only a conjunction between two languages: the first one's level, stated before it, is the
# second's too ("fluent German and English", "sehr gute Deutsch- und Englischkenntnisse").
_JOINED = re.compile(r"\s*-?\s*,?\s*(?:and|und|or|oder|&|/)\s*", re.I)
# A comma joins so too inside one list a conjunction closes ("Fluent in English, German and
# French"); without one, a comma may start the next statement ("Native German, English").
_LISTED = re.compile(r"[ \t]*-?[ \t]*,[ \t]*")
# The bracket right after a name states its level among other words ("German (currently
# learning, ~A1)", "French (fluent, DELF B2)"): every level in it is read.
_BRACKET_AFTER = re.compile(r"[ \t]*[(\[](?P<inside>[^()\[\]\n]{1,60})[)\]]")
# Characters read on either side of a language's name. Set by hand: a level is stated within
# a few words of it.
_WINDOW = 60
# Credit for a language shown one step below the level asked (B2 for C1): it can be worked
# in, with effort. Set by hand.
ONE_STEP_BELOW_CREDIT = 0.6
# Two or more steps below (B1 or less for C1): not yet a working language. Set by hand: above
# nothing, since the person can learn on the job, below a related skill's credit.
FAR_BELOW_CREDIT = 0.25


class Mention(NamedTuple):
    language: str
    start: int
    end: int


class _Read(NamedTuple):
    level: str | None
    before_only: bool  # read only from the words before the name (or inside the alias)
    after_end: int  # where the levels read after the name end: the next name's start no further


def _combined(after: list[tuple[str, bool]], before: list[tuple[str, bool]]) -> str | None:
    """A code is the most precise statement (the lowest of a range: "B2/C1" asks B2); else
    the wording after the name ("German (fluent)"), else the nearest one before it."""
    codes = [level for level, code in [*after, *before] if code]
    if codes:
        return min(codes, key=RANK.__getitem__)
    if after:
        return after[0][0]
    return before[0][0] if before else None


def read_level(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> _Read:
    """The level stated for the language named at ``text[start:end]``, reading no further
    than ``lo`` before it and ``hi`` after it (the neighbouring languages' names)."""
    hi = len(text) if hi is None else hi
    after: list[tuple[str, bool]] = []
    pos = end
    if bracket := _BRACKET_AFTER.match(text, end, hi):  # "German (currently learning, ~A1)"
        a, b = bracket.span("inside")
        after = stated_in(text, a, b)
        after = after or [(str(w.lastgroup), False) for w in BRACKET_WORDS.finditer(text, a, b)]
        pos = bracket.end()
    else:
        for m in LEVEL.finditer(text, end, min(hi, end + _WINDOW)):
            stated = level_of(text, m)
            if stated is None or _AFTER_GAP.fullmatch(text, pos, m.start()) is None:
                break
            after.append(stated)
            pos = m.end()
    pos_after = pos
    before = stated_in(text, start, end)[::-1]  # "Fluent English"
    pos = start
    for m in reversed(list(LEVEL.finditer(text, max(lo, start - _WINDOW), start))):
        stated = level_of(text, m)
        if stated is None or _BEFORE_GAP.fullmatch(text, m.end(), pos) is None:
            break
        before.append(stated)
        pos = m.start()
    return _Read(_combined(after, before), not after and bool(before), pos_after)


def mentions(text: str, taxonomy: Taxonomy, *, structured: bool = False) -> list[Mention]:
    """The spoken languages named in a text, in order, as the taxonomy finds them (German
    names and compounds too: "Englisch", "Deutschkenntnisse"), so a level is read of the same
    mentions the requirements and the profile's skills are."""
    matches = taxonomy.find_skills(text, structured=structured)
    languages = {v for v in {m.value for m in matches} if taxonomy.category(v) == LANGUAGE_CATEGORY}
    return [Mention(m.value, m.start, m.end) for m in matches if m.value in languages]


# A list item ("- Our working language is German (C1)") is one of the things a section asks
# whatever its subject; prose may be the company's own ("Our office is bilingual
# (German/English)"). Words that ask outright do so in any sentence ("Our customers are in
# Austria, so fluent German (C1) is essential"). Set by hand.
_ITEM = re.compile(r"^\s*(?:[-–—•*·▪]|\d{1,2}[.)])\s")
_ASKING = re.compile(
    r"\b(?:essential|necessary|mandatory|required|erforderlich|need(?:s|ed)?)\b", re.I
)


def asks_of_candidate(segment: str, *, item: bool = True) -> bool:
    """Whether a segment that starts as the company speaking of itself ("We", "Our") still
    asks of the candidate: by a word that asks, or (``item``) as a list item."""
    return bool(_ASKING.search(segment) or (item and _ITEM.match(segment)))


_LEVEL_LINE_MAX = 60  # "Professional working proficiency (C1)" fits; set by hand


def _level_only(line: str) -> bool:
    """Whether a line says nothing but a level ("Native", "Fluent (C1)", "- B2")."""
    if len(line) > _LEVEL_LINE_MAX:  # cheap first: most lines are long
        return False
    return bool(LEVEL.search(line)) and not LEVEL.sub(" ", line).strip(" \t-–—:•*()[],/")


def _levels_joined(lines: list[str]) -> list[str]:
    """Lines with a line that holds only a level joined onto the line before it: a PDF's
    columns put "German" and "Native" on lines of their own."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].strip() and _level_only(line):
            out[-1] = f"{out[-1]} – {line.strip()}"
        else:
            out.append(line)
    return out


_WORD = re.compile(r"[^\W\d_]+")


def levels_in(text: str, taxonomy: Taxonomy, *, structured: bool = False) -> dict[str, list[str]]:
    """Each language a text states a level for, with every level it states. A level is read
    within the line that names the language (or on a line of its own right after it), never
    past a neighbouring language's name."""
    out: dict[str, list[str]] = {}
    words = taxonomy.language_words
    if words.isdisjoint(_WORD.findall(text.lower())):
        return out
    lines = [  # a line naming no language and no level says nothing here: skip it cheaply
        x
        for x in _levels_joined(text.splitlines())
        if not words.isdisjoint(_WORD.findall(x.lower()))
        and (LEVEL.search(x) or BRACKET_WORDS.search(x))
    ]
    text = "\n".join(lines)
    named = mentions(text, taxonomy, structured=structured)
    closed = _closed_lists(text, named)
    previous: tuple[Mention, _Read] | None = None
    for i, here in enumerate(named):
        line_start = text.rfind("\n", 0, here.start) + 1
        line_end = text.find("\n", here.end) % (len(text) + 1)  # -1: the text's end
        if previous is not None and previous[0].end <= line_start:
            previous = None  # another line
        nxt = named[i + 1].start if i + 1 < len(named) else line_end
        lo = previous[1].after_end if previous else line_start  # "German (B1) and English"
        read = read_level(text, here.start, here.end, lo, min(nxt, line_end))
        if read.level is None and previous is not None and previous[1].before_only:
            if closed[i]:
                read = previous[1]._replace(after_end=here.end)
        if read.level is not None:
            out.setdefault(here.language, []).append(read.level)
            if previous is not None and _shares_bracket(text, previous, here, line_end):
                out.setdefault(previous[0].language, []).append(read.level)
        previous = (here, read)
    return out


def _shares_bracket(
    text: str, previous: tuple[Mention, _Read], here: Mention, line_end: int
) -> bool:
    """Whether the bracket after ``here`` states the level of the name joined before it with
    no level of its own too ("German and English (C1)", "German/English (C1)")."""
    return (
        previous[1].level is None
        and bool(_JOINED.fullmatch(text, previous[0].end, here.start))
        and bool(_BRACKET_AFTER.match(text, here.end, line_end))
    )


def _closed_lists(text: str, named: list[Mention]) -> list[bool]:
    """For each name, whether a conjunction joins it to the name before it, or a comma does
    in one list of languages that a conjunction closes further on ("Fluent in English, German
    and French"). Read once, right to left, so a long list costs its length, not its square."""
    closed = [False] * (len(named) + 1)
    for i in range(len(named) - 1, 0, -1):
        a, b = named[i - 1].end, named[i].start
        closed[i] = bool(_JOINED.fullmatch(text, a, b)) or (
            closed[i + 1] and bool(_LISTED.fullmatch(text, a, b))
        )
    return closed[: len(named)]


def asked_levels(
    icp: ICP,
    description: str,
    taxonomy: Taxonomy,
    asked_in: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, str]:
    """Requirement → the level the posting asks of each spoken language it requires; the
    lowest the posting names when it names several (that much is enough). Read only in the
    segments that ask for the language (``asked_in``: ``Requirements.language_segments``)
    when given, leaving out what the company says of itself: "Our office is bilingual
    (German/English)" or a benefit "German lessons up to B1" asks no level of the candidate.
    Without them (a refinement's query) the whole text is read."""
    wanted = [s for s in (*icp.must_have, *icp.nice_to_have) if is_language(icp, s)]
    if not wanted:
        return {}
    if asked_in is None:
        found = levels_in(description, taxonomy)
    else:
        found = {}
        read: dict[str, dict[str, list[str]]] = {}  # a segment asking several languages: once
        for skill in wanted:
            for segment in asked_in.get(skill, ()):
                if not about_company(segment) or asks_of_candidate(segment):
                    if segment not in read:
                        read[segment] = levels_in(segment, taxonomy)
                    found.setdefault(skill, []).extend(read[segment].get(skill, ()))
    return {s: min(found[s], key=RANK.__getitem__) for s in sorted(wanted) if found.get(s)}


# A resume's own list of its languages: a "Languages:" line, or the lines under a
# "Languages" heading while each names a language. Set by hand from English and German CVs.
_LANGUAGES_LABEL = (
    r"^\W*(?:(?:foreign |spoken )?languages?(?: skills| proficiency)?|"
    r"(?:fremd)?sprach(?:en|kenntnisse)|talen)\s*"
)
_LANGUAGES_HEADING = re.compile(_LANGUAGES_LABEL + r":?\s*$", re.I)
_LANGUAGES_LINE = re.compile(_LANGUAGES_LABEL + ":", re.I)


def _listed_and_rest(text: str, taxonomy: Taxonomy) -> tuple[str, str]:
    """The lines of a text that list the person's languages, and the rest."""
    listed: list[str] = []
    rest: list[str] = []
    under = False
    for line in _levels_joined(text.splitlines()):
        if _LANGUAGES_HEADING.match(line):
            under = True
            continue
        under = under and (not line.strip() or bool(mentions(line, taxonomy)))
        (listed if under or _LANGUAGES_LINE.match(line) else rest).append(line)
    return "\n".join(listed), "\n".join(rest)


def stated_levels(
    profile: Mapping[str, Any], texts: Iterable[tuple[str, bool]], taxonomy: Taxonomy
) -> dict[str, str]:
    """Language → the level a profile states: JSON Resume ``languages[].fluency`` ("German",
    "Conversational") and the words beside a language in its texts (``texts``: each with
    whether it is a structured field). The highest when it states several. Where the profile
    lists its languages (a fluency, a structured field, a "Languages:" line) it says what it
    means to: that wins over any other mention, which may be of someone else ("support for
    native German speakers") or of a use ("fluent German sales calls")."""
    listed: dict[str, list[str]] = {}
    free: dict[str, list[str]] = {}
    for item in list_value(profile.get("languages")):
        if not isinstance(item, Mapping) or not (name := text_value(item.get("language"))):
            continue
        fluency = text_value(item.get("fluency")) or ""
        level = _combined(stated_in(fluency, 0, len(fluency)), [])
        for language, levels in levels_in(name, taxonomy, structured=True).items():
            listed.setdefault(language, []).extend(levels)
        if level is not None:
            for here in mentions(name, taxonomy, structured=True)[:1]:
                listed.setdefault(here.language, []).append(level)
    for text, structured in texts:
        own, rest = (text, "") if structured else _listed_and_rest(text, taxonomy)
        for found, part in ((listed, own), (free, rest)):
            for language, levels in levels_in(part, taxonomy, structured=structured).items():
                found.setdefault(language, []).extend(levels)
    found = {**free, **listed}
    return {k: max(v, key=RANK.__getitem__) for k, v in sorted(found.items())}


def level_credit(
    icp: ICP, profile: ParsedProfile, present: Iterable[str]
) -> tuple[float, tuple[str, str, str] | None]:
    """Credit for the level a job asks of a language requirement met by the ``present``
    members of its group, the best member counting (as ``features._years_credit`` for years):
    1 when a member is asked no level, states none (unknown: the benefit of the doubt) or
    states the level asked or above; else ONE_STEP_BELOW_CREDIT or FAR_BELOW_CREDIT. Returns
    the member below with (level shown, level asked) when that is what counts."""
    best: tuple[float, tuple[str, str, str] | None] = (0.0, None)
    for skill in present:
        asked = icp.language_levels.get(skill)
        shown = profile.language_levels.get(skill)
        if asked not in RANK or shown not in RANK or RANK[shown] >= RANK[asked]:
            return 1.0, None
        steps = RANK[asked] - RANK[shown]
        credit = ONE_STEP_BELOW_CREDIT if steps == 1 else FAR_BELOW_CREDIT
        if credit > best[0]:
            best = (credit, (skill, shown, asked))
    return best


def level_evidence(profile: ParsedProfile, language: str, level: str) -> Evidence | None:
    """The profile's quote that states a language at a level ("German (B1)"), if its
    evidence holds one (a JSON Resume fluency is no quote of a language mention)."""
    for ev in profile.skill_evidence.get(language, ()):
        at = ev.text.find(ev.match) if ev.match else -1
        if at >= 0 and read_level(ev.text, at, at + len(ev.match)).level == level:
            return ev
    return None


def short_level_words(language: str, shown: str, asked: str, quote: str = "") -> str:
    """A language below the level asked, as its red flag says it, with the profile's quote
    when there is one: 'German at B1 in "German (B1)" (resume); the job asks C1 (business
    fluent)'."""
    where = f" in {quote}" if quote else ""
    return f"{language} at {shown}{where}; the job asks {asked} ({LEVEL_WORDS[asked]})"
