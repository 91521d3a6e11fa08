"""How a job text's phrasing decides what its skills are: the lines, bullets and sentences
of a posting (``line_segments``), section headers ("Requirements:", "Nice to have:"), the cues
of a sentence ("required", "5+ years", "strong" vs "a plus", "preferred"), its clauses ("Must
have Python; Kafka is a plus") and sentences about the company, which ask for nothing; and
the repair of text copied from job boards, whose lost line breaks glue words (``unglue``) and
bullets together.

Modes: "must", "nice", "neutral" (only mentioned), "offer" (a section on what the employer
offers: pay, benefits) and, for a clause, "company".
"""

from __future__ import annotations

import re
from bisect import bisect_left

from talentscout.engine.taxonomy import Taxonomy

_NICE = re.compile(
    r"nice[- ]to[- ]have|\ba plus\b|\bis a plus|\bpluses\b|\bbonus\b|\bpreferred\b|\bpreferably\b|"
    r"\bdesir(?:ed|able)\b|\bideally\b|good[- ]to[- ]have|familiarity|exposure to|\boptional\b|"
    r"\bhelpful\b|\badvantage|"
    # German postings: "Französischkenntnisse sind ein Plus / von Vorteil / wünschenswert"
    r"\bein plus\b|\bvon vorteil\b|\bwünschenswert|\bidealerweise\b",
    re.I,
)
# Words that say a skill is required…
_MUST_SAID = re.compile(
    r"\brequired?\b|\bmust\b|\bmandatory\b|\bessential\b|\byou(?:'ll| will)? need\b|\bneeded\b|"
    r"\bminimum qualifications|basic qualifications|"
    r"\b(?:is|are)\s+(?:all\s+)?(?:an?\s+|the\s+)?(?:core\s+|key\s+|hard\s+|minimum\s+)?"
    r"requirements?\b",
    re.I,
)
# …and words of degree, which ask only where nothing says the skill is merely preferred: under
# "Preferred Qualifications", "strong Go" or "5+ years of Kafka" is a strong wish.
_MUST_DEGREE = re.compile(
    r"(?<!\d)\d+\s*(?:\+\s*)?(?:-\s*\d+\s*)?(?:years?|yrs)|\bstrong\b|\bproficien|\bexpert(?!s\b)|\bdeep\b|"
    r"\bsolid\b|\bextensive\b|\bhands[- ]on\b|\bfluen(?:t|cy)\b|"
    # "sound knowledge of", "excellent debugging skills" ("proven segmentation technology" is
    # the company's word for its product)
    r"\b(?:sound|very good|excellent|thorough|in[- ]depth|proven)\b(?=(?:\s+[\w/&+.-]+){0,4}?\s+"
    r"(?:knowledge|skills?|understanding|command|experience|expertise|proficiency|"
    r"track record|abilit\w+|background|grasp)\b)",
    re.I,
)
_APOSTROPHE = "['’]"
_PREFIX = "(?:key|core|technical|other|additional|job|position|role)"  # "Job Requirements"
# "Your profile", "About you", "Dein Profil": how European postings head their requirements.
_MUST_HEADS = (
    r"requirements?|qualifications?|minimum qualifications|basic qualifications|"
    r"required(?: skills| qualifications)?|must[- ]haves?|what you(?:'ll)? (?:need|bring)|"
    r"you have|who you are|skills(?: required)?|(?:your|candidate) profile|about you|"
    r"your (?:skills|qualifications)(?: (?:and|&) (?:experience|qualifications))?|"
    r"what we(?:'re| are) looking for|(?:dein|ihr) profil|was (?:du|sie) mitbring(?:st|en)"
)
_LOOKING_FOR = r"|we(?:'re| are) looking for[^.]*"  # a header alone on its line only
_NICE_HEADS = (
    r"nice[- ]to[- ]haves?|preferred(?: qualifications| skills)?|bonus(?: points)?|"
    r"pluses|good to have|desired(?: skills| qualifications)?|suggested skills"
)
_NEUTRAL_HEADS = (
    r"responsibilities|what you(?:'ll)? do|about (?:us|the (?:role|team|company|job))|"
    r"the role|the opportunity|job (?:details|description)|who we are|"
    r"(?:essential |primary )?(?:functions|duties)(?: (?:and|&) responsibilities)?|"
    r"your (?:tasks|responsibilities|role|mission)|(?:deine|ihre) aufgaben"
)
# What the employer offers: its lines ask for nothing ("Annual bonus", "Extensive equity").
_OFFER_HEADS = (
    r"(?:our |the )?(?:benefits|perks)(?: (?:and|&) (?:perks|benefits))?|compensation(?: "
    r"(?:and|&) benefits)?|salary|pay|(?:what )?we offer(?: you)?|our offer|your benefits|"
    r"what's in it for you\??|why join us\??|"
    r"(?:das |was )?(?:wir bieten|bieten wir)(?: dir| ihnen)?|unser angebot"
)


def _header(names: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{names.replace(chr(39), _APOSTROPHE)})\s*:?\s*$", re.I)


_HEADER_MUST = _header(_MUST_HEADS + _LOOKING_FOR)
_HEADER_NICE = _header(_NICE_HEADS)
_HEADER_NEUTRAL = _header(_NEUTRAL_HEADS)
_HEADER_OFFER = _header(_OFFER_HEADS)
# "About Esri", "About INSPYR Solutions:": a section on the company ("About You" asks).
_ABOUT_NAME = re.compile(
    r"^\s*About(?! You\b)(?: (?:[A-Z0-9][\w&.'’-]*|of|the|and|&)){1,5}\s*:?\s*$"
)
# A header whose section runs on in its line: LinkedIn's "Qualifications      Bachelor's…",
# wherever it stands ("…for this role*Qualifications      …", "…years.Preferred Qualifications
# …"), a label glued to the item before it ("…reliabilityQualifications:- A Bachelor's…"), or
# a header glued to a line's first item ("ResponsibilitiesDesign and build…"). Glued, only a
# header whose name cannot begin a longer word ("Pay" + "Pal" is PayPal).
_HEAD_NAMES = (
    rf"(?:{_PREFIX}\s+)?(?:"
    + "|".join((_MUST_HEADS, _NICE_HEADS, _NEUTRAL_HEADS, _OFFER_HEADS)).replace("'", _APOSTROPHE)
    + ")"
)
_RUN_ON_HEADER = re.compile(
    rf"(?:^|(?<=[^\w\s])|(?-i:(?<=[a-z0-9])|(?<=[A-Z]{{2}})))\s*(?P<head>{_HEAD_NAMES})"
    r"\s*:?\s{3,}(?-i:(?=[A-Z0-9•●▪■◦-]))"
    rf"|(?-i:(?<=[a-z0-9]) ?(?=[A-Z]))(?P<label>{_HEAD_NAMES}):"
    rf"|^\s*(?P<glued>{_HEAD_NAMES})(?-i:(?<=[a-z])(?=[A-Z][a-z]))(?<!\bpay)(?<!\bskills)"
    r"(?<!\bbonus)",
    re.I,
)
# Sentences end at a bullet (LinkedIn's "·" before a space), or at ".", "!" or "?" before a
# capital — not after "e.g." or "i.e.", which introduce examples ("version control (e.g. Git)")
# — or before a figure after a word ("Kafka is a plus. 5+ years."), not after an
# abbreviation ("min. 5 years", "approx. 3 years").
_SENTENCE_END = re.compile(
    r"[•●▪■◦]|·(?=\s)|(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)\s+(?=[A-Z])"
    r"|(?<=[a-z][a-z][.!?])(?<!\b(?i:min|max)\.)(?<!\b(?i:ca|no|nr|vs)\.)(?<!\b(?i:incl|appr)\.)"
    r"(?<!\b(?i:approx)\.)\s+(?=\d)"
)
# Postings copied out of web pages lose the space after a full stop ("…it just exists.If this
# sounds…"). Put it back only after an all-lower-case word or a bracket ("…GPU Cloud).
# Compensation"), so "Boost.Asio", "U.S.Army" or "Node.js" stay whole.
_LOST_SPACE = re.compile(r"(\b[a-z]{2,}[.!?]|\)[.!?])(?=[A-Z][a-z])")
# Bullets copied without their line breaks: a requirement's opening word glued to the end of
# the item before ("…is requiredExperience with Java", "KubernetesProficiency in Go").
# Only after a lower-case letter, a digit, a bracket or an acronym ("MySQLKnowledge"), not
# inside a name ("3DExperience"); "Master" only as a degree ("ScrumMaster" is a credential).
_GLUED_ITEM = re.compile(
    r"(?:(?<=[a-z0-9)])|(?<=[A-Z]{2}))(?=(?:Experience|Knowledge|Proficien\w*|Familiarity|"
    r"Strong|Ability|Bachelor|Master(?=['’]?s\b| of\b)|Excellent|Understanding|Must|Minimum|"
    r"Demonstrated|Proven|Solid|Hands-on|Working|Deep|Expertise|Exposure|Background)\b)"
)
# A label glued to its line ("Key Requirements:To be considered…", "Bonus: Go"): it sets the
# mode of that line only; a header alone on its line sets the mode of the section below it.
INLINE_HEADER = re.compile(r"^\s*(?P<head>[A-Za-z' ]{3,40}):\s*\S")
_HEAD_PREFIX = re.compile(rf"^\s*{_PREFIX}\s+", re.I)


def line_segments(text: str) -> list[list[str]]:
    """The bullets and sentences of each line of a job text: a label that opens a line
    ("Must have: …") speaks for the whole line."""
    out: list[list[str]] = []
    for line in text.splitlines():
        segments: list[str] = []
        for part, is_header in _headed_parts(line):
            if is_header:
                segments.append(part)
                continue
            part = _GLUED_ITEM.sub(" • ", _LOST_SPACE.sub(r"\1 ", part))  # the lost bullet back
            for piece in _SENTENCE_END.split(part):
                if piece.strip():
                    segments.append(piece.strip())
        if segments:
            out.append(segments)
    return out


def _headed_parts(line: str) -> list[tuple[str, bool]]:
    """A line cut before and after each section header running on in it, each part with
    whether it is such a header."""
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in _RUN_ON_HEADER.finditer(line):
        name = next(n for n in ("head", "label", "glued") if m.group(n))
        if header_mode(m.group(name)) is None:
            continue
        start = _header_start(line, pos, m.start(name), m.group(name))
        parts += [(line[pos:start], False), (line[start : m.end(name)].strip(), True)]
        pos = m.end()
    return [*parts, (line[pos:], False)]


# The one or two words before a header's name, which may be part of it.
_LEAD_WORDS = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]+\s+){1,2}$")


def _header_start(line: str, pos: int, start: int, name: str) -> int:
    """Where a header found by its name begins: earlier when the words before the name are
    part of it ("Preferred Qualifications:" is one header, a nice one; so is "…or
    Ruby.Basic Qualifications:")."""
    lead = _LEAD_WORDS.search(line, pos, start)
    if lead:
        for word in re.finditer(r"[A-Za-z]+", lead.group(0)):
            if header_mode(line[lead.start() + word.start() : start] + name) is not None:
                return lead.start() + word.start()
    return start


def header_mode(segment: str) -> str | None:
    """ "must" / "nice" / "neutral" / "offer" (what the employer offers: asks nothing) when the
    segment is (or starts with) a section header."""
    head = _HEAD_PREFIX.sub("", segment)
    if _HEADER_MUST.match(head):
        return "must"
    if _HEADER_NICE.match(head):
        return "nice"
    if _HEADER_NEUTRAL.match(head):
        return "neutral"
    if _HEADER_OFFER.match(head):
        return "offer"
    if _ABOUT_NAME.match(segment):
        return "neutral"
    return None


# Sentences about the company, not the job: the company or its people are the subject
# ("Supported by industry experts, our company is…", "We also have deep integrations with
# Spark", "Our team has years of experience building machine learning systems").
_ABOUT_COMPANY = re.compile(
    r"^\W*(?:we\b|our\s|founded\b|backed by\b|supported by\b|headquartered\b)", re.I
)
# …unless it says what the company wants: "We are currently looking for strong Python".
_WANTS = re.compile(
    r"\b(?:looking|seeking|hiring|searching|hoping|requires?|required|needs?|needed|must|"
    r"wants?|candidates?|you|your|ideal|expect\w*|prefer\w*|love to see)\b",
    re.I,
)


def about_company(segment: str) -> bool:
    return bool(_ABOUT_COMPANY.search(segment)) and not _WANTS.search(segment)


def clause_modes(segment: str, default: str) -> list[tuple[int, str]]:
    """(end, mode) of each clause when clauses have cues of their own, so "Must have Python;
    Kafka is a plus" keeps both; [] when not (the sentence decides). Clauses end at ";" outside
    brackets, or at "," when one comma-clause asks and another only prefers ("Python required,
    Kafka a plus"; a list like "Python, Go or Rust is a plus" stays one). A clause without a cue
    continues the one before it ("Strong Python; Go; Rust"); before the first cue it takes a
    labelled section's mode ("Requirements: Python; Go is a plus"), else the cue that follows
    ("Python; Django; PostgreSQL required"). "company": a clause about the company."""
    for separator in ";,":
        bounds = _split_outside_brackets(segment, separator)
        own = [
            "company" if about_company(segment[a:b]) else cue(segment[a:b], default)
            for a, b in bounds
        ]
        wanted = {"must", "nice"} if separator == "," else {"must", "nice", "company"}
        if len(bounds) > 1 and (
            wanted <= set(own) if separator == "," else any(c in wanted for c in own)
        ):
            break
    else:
        return []
    out: list[tuple[int, str]] = []
    previous = ""
    for i, ((_, end), mode) in enumerate(zip(bounds, own, strict=True)):
        if mode:
            previous = mode
        elif not previous:
            previous = default if default in ("must", "nice") else next(c for c in own[i:] if c)
        out.append((end, mode or previous))
    return out


_BRACKET = re.compile(r"\(([^()]{1,120})\)")


# The words of a bracket that only say how welcome what it follows is: "(a plus)", "(is
# highly desirable)", "(nice to have, not required)".
_WELCOME_ONLY = re.compile(
    r"^(?:\W|\b(?:is|are|also|a|an|but|not|highly|very|strongly|would|be|will|considered|"
    r"definitely|really|big|huge|great|added|extra|required|must|although|though)\b)*$",
    re.I,
)


def nice_brackets(segment: str) -> list[tuple[int, int]]:
    """Spans of brackets that say their own content is only welcome: "English fluency
    (Mandarin is also a bonus)", "cloud experience (GCP preferred)"."""
    return [m.span() for m in _BRACKET.finditer(segment) if cue(m.group(1)) == "nice"]


def names_its_own(bracket: str) -> bool:
    """Whether a welcoming bracket names something of its own ("(Green Belt desirable)"), so
    its cue speaks only for it, not for the skill before it ("Kafka (a plus)")."""
    return not _WELCOME_ONLY.match(_NICE.sub(" ", bracket.strip("()")))


def _split_outside_brackets(segment: str, separator: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = depth = 0
    for i, ch in enumerate(segment):
        depth += (ch in "([{") - (ch in ")]}")
        if ch == separator and depth <= 0:
            bounds.append((start, i))
            start = i + 1
    bounds.append((start, len(segment)))
    return bounds


def mode_at(clauses: list[tuple[int, str]], at: int, sentence: str) -> str:
    """The mode at a position: its clause's, or the sentence's when clauses do not matter.
    Clauses come in text order (``clause_modes``), so the clause is looked up, not scanned:
    it is asked for every skill and figure of a sentence."""
    i = bisect_left(clauses, at, key=lambda clause: clause[0])
    return clauses[i][1] if i < len(clauses) else sentence


def sentence_mode(segment: str, section: str) -> str:
    """What a sentence's own phrasing makes of its skills; the section's mode otherwise."""
    if about_company(segment):
        return "neutral"
    return cue(segment, section) or section


def cue(text: str, section: str = "") -> str:
    """ "nice" or "must" when the text's own words say so ("a plus" wins over "strong"), else
    "". In a section of nice-to-haves only words that require make a must-have."""
    if _NICE.search(text):
        return "nice"
    if _MUST_SAID.search(text):
        return "must"
    return "must" if section != "nice" and _MUST_DEGREE.search(text) else ""


# Two words run together where a line break was lost ("environmentJava", "SpringBootExperience").
_WORD = re.compile(r"[A-Za-z]{5,}")
MAX_GLUED_WORD = 48
_GLUE_POINT = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")


def unglue(text: str, taxonomy: Taxonomy) -> str:
    """Job text copied from web pages loses line breaks between items and glues words together,
    which hides skills from the matcher. A word is split at one lower→upper case change, and
    only where that frees a known skill: the longest known name at its start ("SpringBoot" +
    "Experience"), else a known name at its end ("environment" + "Java"). Words that are a
    name as they stand ("JavaScript", "HashiCorp", "LinkedIn") stay whole. Only job text is
    unglued: profile evidence must quote the profile exactly."""

    def known(part: str) -> bool:
        return taxonomy.canonical_skill(part) is not None

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) > MAX_GLUED_WORD:
            return word  # no run of real words: leave it (and keep this linear)
        points = [m.start() for m in _GLUE_POINT.finditer(word)]
        if not points or known(word):
            return word
        for p in reversed(points):
            if known(word[:p]):
                return f"{word[:p]} {word[p:]}"
        for p in points:
            if known(word[p:]):
                return f"{word[:p]} {word[p:]}"
        return word

    return _WORD.sub(split, text)
