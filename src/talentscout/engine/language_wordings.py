"""The words that state a language level, each onto one scale (CEFR A1 < A2 < B1 < B2 < C1 <
C2, native = C2): wordings in English and German, exams (JLPT, HSK, DELF/DALF) and CEFR codes,
negated ones ("not fluent"), and "native" said of other people ("support for native German
speakers"), which states no level at all.

Why apart from language_levels.py: what a word says is one question, whose language it is
(the words beside which name) another; this module answers the first only.
"""

from __future__ import annotations

import re

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
RANK = {level: i for i, level in enumerate(LEVELS)}
# Every wording of a level, English and German, onto the one scale. Set by hand from the CEFR
# descriptors, LinkedIn's proficiency names and the German wording of job ads and CVs
# ("verhandlungssicher" and "fließend" are read as C1, "gute Deutschkenntnisse" as B2). At one
# position the first that matches wins: longer wordings come before the words inside them.
WORDINGS: tuple[tuple[str, str], ...] = (
    (r"native or bilingual(?: proficiency)?", "C2"),  # LinkedIn's name for it
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
    # "Proficient" is ambiguous (CEFR's "proficient user" is C1-C2, LinkedIn's "professional
    # working proficiency" C1, a CV's "proficient" often less): set by hand to B2, as "good".
    (r"proficient", "B2"),
    (r"working proficiency", "B2"),
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
# Language exams onto the scale, set by hand from the published equivalences (JLPT and HSK
# as their bodies and the Goethe/CEFR tables pair them; DELF and DALF are named by level).
# As precise as a CEFR code ("Japanese (JLPT N2)"); upper case only ("n2" is no exam).
_HSK = r"HSK[\s-]*(?i:level[\s-]*)?"
_EXAMS: tuple[tuple[str, str], ...] = (
    (r"(?:JLPT[\s-]*)?N1", "C1"),
    (r"(?:JLPT[\s-]*)?N2", "B2"),
    (r"(?:JLPT[\s-]*)?N3", "B1"),
    (r"(?:JLPT[\s-]*)?N4", "A2"),
    (r"(?:JLPT[\s-]*)?N5", "A1"),
    (_HSK + "6", "C1"),
    (_HSK + "5", "B2"),
    (_HSK + "4", "B1"),
    (_HSK + "3", "A2"),
    (_HSK + "[12]", "A1"),
    *((rf"DELF[\s-]*{level}", level) for level in ("A1", "A2", "B1", "B2")),
    *((rf"DALF[\s-]*{level}", level) for level in ("C1", "C2")),
)
# A CEFR code, upper case only ("B2B" is no level); "B2+" asks B2.
_CODE = r"(?-i:(?P<code>[ABC][12]))"
# "not fluent", "non-native", "nicht fließend": said to be below the level named.
_NEGATION = r"(?P<neg>(?:not|non|nicht|kein\w*)(?:\s+yet|\s+ganz)?[\s-]+)?"
LEVEL = re.compile(
    rf"(?<!\w){_NEGATION}(?:"
    + "|".join(
        [
            _CODE,
            *(f"(?-i:(?P<e{i}>{pattern}))" for i, (pattern, _) in enumerate(_EXAMS)),
            *(f"(?P<w{i}>{pattern})" for i, (pattern, _) in enumerate(WORDINGS)),
        ]
    )
    + r")(?!\w)\+?",
    re.I,
)
# Words that state a level only alone in that bracket ("German (learning)", "German (some)"):
# elsewhere they say something else ("some German-speaking markets"). Set by hand.
BRACKET_WORDS = re.compile(
    r"(?<!\w)(?:(?P<A1>(?:currently |still )?learning)|(?P<A2>some))(?!\w)", re.I
)
# "native"/"bilingual" said of other people states no level: before "speakers" or "speaker"
# after a word that points at people ("support for native German speakers", "a team of native
# German and English speakers", "coached by a native German speaker"), or before "speaking"
# and a noun for people or places ("native German-speaking customers"). "We need native
# German speakers", "Native German speakers only" and "Native-level German speaking skills"
# ask the level of the candidate. Up to four words between, set by hand: a list of languages.
_OF_PEOPLE = frozenset(
    i for i, (pattern, _) in enumerate(WORDINGS) if pattern.startswith(("native", "bilingual"))
)
_SPEAKERS_AFTER = re.compile(
    r"[ \t-]*(?:\w+[ \t/&,-]+){0,4}?speak(?:(?P<ing>ing)[ \t]+(?P<noun>\w+)|ers?|ing)\b", re.I
)
# Nouns after "speaking" that name other people or places, not a skill ("native German
# speaking team"); "skills", "ability" and the like are the candidate's. Set by hand.
_PEOPLE_NOUN = re.compile(
    r"(?:teams?|markets?|countr(?:y|ies)|customers?|clients?|regions?|colleagues?|users?|"
    r"audiences?|communit(?:y|ies)|people|staff|patients?|partners?|areas?|world)",
    re.I,
)
# A word before "native …" that points at people ("for", "of", "our", "support"); "looking
# for native German speakers" seeks the candidate.
_TO_PEOPLE = re.compile(
    r"\b(?:(?<!looking )(?<!searching )(?<!search )(?<!hiring )for|with|to|by|among|from|our|of|"
    r"support)\s+(?:(?:a|an|the|other|our)\s+)?$",
    re.I,
)


def level_of(text: str, match: re.Match[str]) -> tuple[str, bool] | None:
    """The level a wording, exam or code names, and whether it is precise (an exam or a
    code); None when it states no level of the person beside it ("support for native German
    speakers")."""
    group = str(match.lastgroup)  # "code", "e<exam>" or "w<wording>"
    if group == "code":
        level, precise = match.group("code"), True
    elif group.startswith("e"):
        level, precise = _EXAMS[int(group[1:])][1], True
    else:
        index = int(group[1:])
        level, precise = WORDINGS[index][1], False
        if index in _OF_PEOPLE and (said := _SPEAKERS_AFTER.match(text, match.end())):
            if (
                _PEOPLE_NOUN.fullmatch(said.group("noun") or "")
                if said.group("ing")
                else _TO_PEOPLE.search(text, max(0, match.start() - 20), match.start())
            ):
                return None
    if match.group("neg"):
        # Negated: below the level named, by how much unsaid. Read as the level just below
        # ("not fluent" → B2), the most the words allow, as a level left unstated gets the
        # benefit of the doubt; "no level" would give a person who says "not fluent" full
        # credit against a C1 ask, which the person's own words rule out.
        below = RANK[level] - 1
        return (LEVELS[below], precise) if below >= 0 else None
    return level, precise


def stated_in(text: str, start: int, end: int) -> list[tuple[str, bool]]:
    """Every level stated in ``text[start:end]``, in order."""
    found = (level_of(text, m) for m in LEVEL.finditer(text, start, end))
    return [s for s in found if s is not None]
