"""Language levels: the level a posting asks of a spoken language, the level a profile states,
both on one scale (CEFR A1 < A2 < B1 < B2 < C1 < C2, native = C2), and the credit a language
shown below the level asked earns.

Why: "Business fluent German (C1)" is not met by "German (B1)" or "Deutsch: Grundkenntnisse",
though both name the language. A level is read only from the words right beside a language's
name (a bracket or a label after it, "fluent" or "C1-level" before it, joined by words such as
"skills" or "level"), so "German and basic French" gives French its level and German none,
and "German-speaking team with native speakers" asks no level at all. A language with no level
stated asks nothing (the job) or is taken as good enough (the profile): no credit is taken for
a level nobody wrote down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from talentscout.engine.icp_model import ICP
from talentscout.engine.languages import is_language
from talentscout.engine.phrasing import about_company
from talentscout.engine.profile import Evidence, ParsedProfile
from talentscout.engine.profile_records import list_value, text_value
from talentscout.engine.taxonomy import LANGUAGE_CATEGORY, Taxonomy

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
RANK = {level: i for i, level in enumerate(LEVELS)}
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
# Every wording of a level, English and German, onto the one scale. Set by hand from the CEFR
# descriptors, LinkedIn's proficiency names and the German wording of job ads and CVs
# ("verhandlungssicher" and "fließend" are read as C1, "gute Deutschkenntnisse" as B2). At one
# position the first that matches wins: longer wordings come before the words inside them.
_WORDINGS: tuple[tuple[str, str], ...] = (
    (r"native(?:[- ]level)?", "C2"),
    (r"mother[- ]tongue", "C2"),
    (r"first language", "C2"),
    (r"bilingual", "C2"),
    (r"muttersprach\w*", "C2"),
    (r"business[- ]fluen(?:t|cy)", "C1"),
    (r"fluen(?:t|tly|cy)", "C1"),
    (r"full professional(?: working)?(?: proficiency)?", "C1"),
    (r"professional working(?: proficiency)?", "C1"),
    (r"very good", "C1"),
    (r"excellent", "C1"),
    (r"advanced", "C1"),
    (r"verhandlungssicher\w*", "C1"),
    (r"flie(?:ß|ss)end\w*", "C1"),
    (r"sehr gute?[nrs]?", "C1"),
    (r"upper[- ]intermediate", "B2"),
    (r"good", "B2"),
    (r"strong", "B2"),  # "strong written and spoken English": as "good", no more is said
    (r"gute? grundkenntniss\w*", "A2"),  # before "gute": good basics are still basics
    (r"gute?[nrs]?", "B2"),
    (r"conversational", "B1"),
    (r"working knowledge", "B1"),
    (r"limited working(?: proficiency)?", "B1"),
    (r"intermediate", "B1"),
    (r"basic(?:s| knowledge)?", "A2"),
    (r"elementary(?: proficiency)?", "A2"),
    (r"grundkenntniss\w*", "A2"),
    (r"beginner", "A1"),
    (r"anfänger\w*", "A1"),
)
# A CEFR code, upper case only ("B2B" is no level); "B2+" asks B2.
_CODE = r"(?-i:(?P<code>[ABC][12]))"
_LEVEL = re.compile(
    r"(?<!\w)(?:"
    + "|".join([_CODE, *(f"(?P<w{i}>{pattern})" for i, (pattern, _) in enumerate(_WORDINGS))])
    + r")(?!\w)\+?",
    re.I,
)
# Words that may stand between a level and the language's name ("C1-level German", "very good
# command of German", "German language skills at C1 level", "Deutsch fließend in Wort und
# Schrift"). A conjunction joins only before the name ("written and spoken German"): after it
# the next language's level starts ("German and basic French"). Set by hand.
_GLUE = (
    r"language|languages|lang|skills?|knowledge|(?:sprach)?kenntnisse|levels?|niveau|at|least|"
    r"minimum|min|mind|mindestens|of|in|the|a|an|as|als|auf|command|written|spoken|speaking|speakers?|"
    r"proficiency|user|cefr|ger|wort|schrift|required|is|are|communication|verbal|oral"
)
_AFTER_GAP = re.compile(rf"(?:[\s(:\-–—=)]|\b(?:{_GLUE})\b)*", re.I)
_BEFORE_GAP = re.compile(rf"(?:[\s(:\-–—=)/&]|\b(?:{_GLUE}|and|und|or|oder)\b)*", re.I)
# Only a conjunction between two languages: the first one's level, stated before it, is the
# second's too ("fluent German and English", "sehr gute Deutsch- und Englischkenntnisse").
_JOINED = re.compile(r"\s*-?\s*(?:and|und|or|oder|&|/)\s*", re.I)
# Characters read on either side of a language's name. Set by hand: a level is stated within
# a few words of it.
_WINDOW = 60
# Words that show a segment of a posting asks for a language ("fluent Spanish", "German
# speaker", "Sprachkenntnisse", "du sprichst Deutsch"); "German engineering" or "Italian
# cuisine" asks for none.
_LANGUAGE_CONTEXT = re.compile(
    r"\b(?:fluen\w*|native|bilingual|multilingual|speak\w*|spoken|proficien\w*|language\w*|"
    r"translat\w*|interpret\w*)\b|kenntniss|spr(?:ach|ech|ich)",
    re.I,
)
_COMMUNICATION_AFTER = re.compile(r"[ \t]+communication\b", re.I)  # "German communication skills"
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


def _level_of(match: re.Match[str]) -> tuple[str, bool]:
    """The level a wording or code names, and whether it was a code."""
    if match.group("code"):
        return match.group("code"), True
    index = int(str(match.lastgroup)[1:])
    return _WORDINGS[index][1], False


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
    for m in _LEVEL.finditer(text, end, min(hi, end + _WINDOW)):
        if _AFTER_GAP.fullmatch(text, pos, m.start()) is None:
            break
        after.append(_level_of(m))
        pos = m.end()
    pos_after = pos
    inside = [_level_of(m) for m in _LEVEL.finditer(text, start, end)]  # "Fluent English"
    before: list[tuple[str, bool]] = inside[::-1]
    pos = start
    for m in reversed(list(_LEVEL.finditer(text, max(lo, start - _WINDOW), start))):
        if _BEFORE_GAP.fullmatch(text, m.end(), pos) is None:
            break
        before.append(_level_of(m))
        pos = m.start()
    return _Read(_combined(after, before), not after and bool(before), pos_after)


def mentions(text: str, taxonomy: Taxonomy, *, structured: bool = False) -> list[Mention]:
    """The spoken languages named in a text, in order, as the taxonomy finds them (German
    names and compounds too: "Englisch", "Deutschkenntnisse"), so a level is read of the same
    mentions the requirements and the profile's skills are."""
    matches = taxonomy.find_skills(text, structured=structured)
    languages = {v for v in {m.value for m in matches} if taxonomy.category(v) == LANGUAGE_CATEGORY}
    return [Mention(m.value, m.start, m.end) for m in matches if m.value in languages]


def levels_in(text: str, taxonomy: Taxonomy, *, structured: bool = False) -> dict[str, list[str]]:
    """Each language a text states a level for, with every level it states. A level is read
    within the line that names the language, never past a neighbouring language's name."""
    out: dict[str, list[str]] = {}
    text = "\n".join(line for line in text.splitlines() if _LEVEL.search(line))  # the rest: none
    named = mentions(text, taxonomy, structured=structured)
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
            if _JOINED.fullmatch(text, previous[0].end, here.start):
                read = previous[1]._replace(after_end=here.end)
        if read.level is not None:
            out.setdefault(here.language, []).append(read.level)
        previous = (here, read)
    return out


def language_mode(segment: str, start: int, end: int, mode: str) -> str | None:
    """What a posting's segment makes of the language named at ``segment[start:end]``, given
    the ``mode`` its phrasing gives it: None when the name asks for no language ("German
    engineering"), "must" when the segment states a level beside it ("C1-level German",
    "Deutschkenntnisse (B2)") and says nothing else of it; a level asked is a requirement,
    as "fluent" is. Only what the company says of itself asks for nothing ("Our team of
    native German speakers")."""
    stated = read_level(segment, start, end).level is not None
    if not (
        stated or _LANGUAGE_CONTEXT.search(segment) or _COMMUNICATION_AFTER.match(segment, end)
    ):
        return None
    if stated and mode == "neutral" and not about_company(segment):
        return "must"
    return mode


def asked_levels(icp: ICP, description: str, taxonomy: Taxonomy) -> dict[str, str]:
    """Requirement → the level the posting asks of each spoken language it requires; the
    lowest the posting names when it names several (that much is enough)."""
    wanted = [s for s in (*icp.must_have, *icp.nice_to_have) if is_language(icp, s)]
    if not wanted:
        return {}
    found = levels_in(description, taxonomy)
    return {s: min(found[s], key=RANK.__getitem__) for s in sorted(wanted) if s in found}


def stated_levels(
    profile: Mapping[str, Any], texts: Iterable[tuple[str, bool]], taxonomy: Taxonomy
) -> dict[str, str]:
    """Language → the level a profile states: JSON Resume ``languages[].fluency`` ("German",
    "Conversational") and the words beside a language in its texts (``texts``: each with
    whether it is a structured field). The highest when it states several."""
    found: dict[str, list[str]] = {}
    for item in list_value(profile.get("languages")):
        if not isinstance(item, Mapping) or not (name := text_value(item.get("language"))):
            continue
        fluency = text_value(item.get("fluency")) or ""
        level = _combined([_level_of(m) for m in _LEVEL.finditer(fluency)], [])
        for language, levels in levels_in(name, taxonomy, structured=True).items():
            found.setdefault(language, []).extend(levels)
        if level is not None:
            for here in mentions(name, taxonomy, structured=True)[:1]:
                found.setdefault(here.language, []).append(level)
    for text, structured in texts:
        for language, levels in levels_in(text, taxonomy, structured=structured).items():
            found.setdefault(language, []).extend(levels)
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
