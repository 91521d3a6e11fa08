"""Reading requirements out of job text: must-have vs nice-to-have skills, years, negatives.

The phrasing decides, sentence by sentence: "required", "must", "5+ years of X", "strong X"
make X a must-have; "nice to have", "a plus", "bonus", "preferred" make it a nice-to-have. A
section header ("Requirements:", "Nice to have:") sets the default for the lines under it.
Skills named in the job title are always must-haves.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from talentscout.engine.profile import tokens
from talentscout.engine.taxonomy import PhraseMatch, Taxonomy

_NICE = re.compile(
    r"nice[- ]to[- ]have|\ba plus\b|\bis a plus|\bpluses\b|\bbonus\b|\bpreferred\b|\bpreferably\b|"
    r"\bdesir(?:ed|able)\b|\bideally\b|good[- ]to[- ]have|familiarity|exposure to|\boptional\b|"
    r"\bhelpful\b|\badvantage",
    re.I,
)
_MUST = re.compile(
    r"\brequired?\b|\bmust\b|\bmandatory\b|\bessential\b|\byou(?:'ll| will)? need\b|\bneeded\b|"
    r"\d+\s*\+?\s*(?:-\s*\d+\s*)?(?:years?|yrs)|\bstrong\b|\bproficien|\bexpert|\bdeep\b|"
    r"\bsolid\b|\bextensive\b|\bhands[- ]on\b|\bminimum qualifications|basic qualifications",
    re.I,
)
_HEADER_MUST = re.compile(
    r"^\s*(?:requirements?|qualifications?|minimum qualifications|basic qualifications|"
    r"required(?: skills| qualifications)?|must[- ]haves?|what you(?:'ll)? (?:need|bring)|"
    r"you have|who you are|we(?:'re| are) looking for[^.]*|skills(?: required)?)\s*:?\s*$",
    re.I,
)
_HEADER_NICE = re.compile(
    r"^\s*(?:nice[- ]to[- ]haves?|preferred(?: qualifications| skills)?|bonus(?: points)?|"
    r"pluses|good to have|desired(?: skills| qualifications)?)\s*:?\s*$",
    re.I,
)
_HEADER_NEUTRAL = re.compile(
    r"^\s*(?:responsibilities|what you(?:'ll)? do|about (?:us|the (?:role|team|company))|"
    r"benefits|perks|compensation|the role)\s*:?\s*$",
    re.I,
)
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
} | {"twenty": 20, "thirty": 30, "forty": 40}
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# A number of years: digits or words ("ten", "twenty-five"); a range ("3-5", "three to five")
# counts by its lower bound; "+", "plus" and "-plus" may follow.
_NUMBER = (
    r"(?<!\d)(?<!\d\.)\d{1,2}(?!\.?\d)|(?<![\w-])(?:(?:twenty|thirty|forty)(?:[- ](?:"
    + _UNITS
    + r"))?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")(?![\w])"
)
_YEARS = re.compile(
    rf"(?P<n>{_NUMBER})\s*\+?\s*(?:(?:-|–|to)\s*(?P<m>{_NUMBER})\s*\+?\s*)?(?:-?\s*plus\s+)?"
    r"(?:years?|yrs)(?P<tail>[^.;\n]{0,60})",
    re.I,
)


def number_value(text: str) -> float:
    """ "5" → 5, "ten" → 10, "twenty-five" → 25."""
    words = re.split(r"[- ]", text.lower())
    if words[0].isdigit():
        return float(words[0])
    return float(sum(_NUMBER_WORDS.get(w, 0) for w in words))


NEGATIVE_NOUNS = {
    "agency": ("agency", "agencies", "staffing agency", "recruitment agency"),
    "recruiter": ("recruiter", "recruiters", "headhunter"),
    "consultant": ("consultant", "consultants", "consultancy", "consulting firm"),
    "contractor": ("contractor", "contractors", "freelancer", "freelancers"),
    "outsourcing": ("outsourcing", "offshore"),
}
_NEG_NOUN_RE = re.compile(
    r"\b(?:no|not|exclude|excluding|without|avoid)\s+(?:\w+\s+)?("
    + "|".join(sorted({a for v in NEGATIVE_NOUNS.values() for a in v}, key=len, reverse=True))
    + r")\b",
    re.I,
)
SOFT_CATEGORY = "general"  # communication, teamwork…: never a must-have, hard to evidence
BOILERPLATE = re.compile(
    r"equal (?:employment )?opportunity|without regard to|sexual orientation|gender identity|"
    r"protected veteran|reasonable accommodation|\bdisabilit|salary|pay range|compensation|"
    r"\bbenefits\b|401\(?k\)?|paid time off|health insurance|dental|privacy (?:policy|notice)|"
    r"e-verify|background check|applicants? (?:will|must|who)|recruiting agenc|"
    r"\bEEO\b|affirmative action|total rewards (?:package|offering)|our total rewards|"
    r"\b(?:need|request|requesting|require)s? (?:an?y? )?accommodations?\b|"
    r"accommodations? (?:during|for|in) (?:the |our )?(?:application|interview|hiring|recruit)",
    re.I,
)
STOPWORDS = frozenset(
    """a an and are as at be been but by can do does for from has have in into is it its of on
    or our that the their them they this to was we were will with you your yours who what which
    when where how all any may such other than then also more most able work working experience
    job role team teams company including include includes new use using used well etc per via
    within across about over under both each year years strong knowledge skill skills ability
    related field plus preferred required requirement requirements must nice bonus candidate
    looking join help make ensure provide including based day days time us one two three""".split()
)


_SENTENCE_END = re.compile(r"[•●▪■◦]|(?<=[.!?])\s+(?=[A-Z])")
# Postings copied out of web pages lose the space after a full stop ("…it just exists.If this
# sounds…"). Put it back only after an all-lower-case word, so "Boost.Asio", "U.S.Army" or
# "Node.js" stay whole.
_LOST_SPACE = re.compile(r"\b([a-z]{2,}[.!?])(?=[A-Z][a-z])")
# A label glued to its line ("Key Requirements:To be considered…", "Bonus: Go"): it sets the
# mode of that line only; a header alone on its line sets the mode of the section below it.
_INLINE_HEADER = re.compile(r"^\s*(?P<head>[A-Za-z' ]{3,40}):\s*\S")
_HEAD_PREFIX = re.compile(r"^\s*(?:key|core|technical)\s+", re.I)


def split_segments(text: str) -> list[str]:
    """Lines, bullets and sentences of a job text, in order."""
    out: list[str] = []
    for line in text.splitlines():
        for part in _SENTENCE_END.split(_LOST_SPACE.sub(r"\1 ", line)):
            if part.strip():
                out.append(part.strip())
    return out


def header_mode(segment: str) -> str | None:
    """ "must" / "nice" / "neutral" when the segment is (or starts with) a section header."""
    head = _HEAD_PREFIX.sub("", segment)
    if _HEADER_MUST.match(head):
        return "must"
    if _HEADER_NICE.match(head):
        return "nice"
    if _HEADER_NEUTRAL.match(head):
        return "neutral"
    return None


@dataclass
class Requirements:
    must: list[str] = field(default_factory=list)
    nice: list[str] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)
    min_years: float | None = None
    negatives: list[str] = field(default_factory=list)
    excluded_seniority: list[str] = field(default_factory=list)
    phd: bool = False
    alternatives: dict[str, list[str]] = field(default_factory=dict)  # skill → its OR-group


# "Bachelor's degree in Computer Science, Mathematics, Operations Research or a related field":
# the names after "degree in" are fields of study (the education criterion reads the degree),
# not skills the job asks for.
# The degree must be followed by "in" ("degree in", "Master's in", "B.S. in", "Master of
# Science in"), so "Scrum Master in Jira", "MS SQL Server skills in AWS" or "Bachelor's degree
# and 5 years of experience in Python" keep their skills; the list ends at "experience",
# "equivalent", "with" or a number.
_DEGREE_FIELDS = re.compile(
    r"(?:(?<![\w-])degree|\bdiploma|(?<!scrum )\b(?:bachelor|master)(?:'s|’s|s)?(?:\s+degree)?|"
    r"(?-i:\b(?:B\.?S\.?(?:c\.?)?|M\.?S\.?(?:c\.?)?|Ph\.?\s?D\.?|B\.?A\.?|M\.?A\.?|B\.?Tech|"
    r"M\.?Tech)(?:\s*/\s*(?:B\.?S\.?(?:c\.?)?|M\.?S\.?(?:c\.?)?|Ph\.?\s?D\.?))*))"
    r"(?:\s+of\s+(?:science|arts|engineering|technology))?(?:\s*\([^)]{0,20}\))?"
    r"(?:\s+or\s+higher|,?\s+preferably)?,?\s+in\s+"
    r"(?P<fields>[^.;:\n(]{1,160}?)"
    r"(?=\s+(?:or\s+(?:an?\s+)?equivalent|equivalent|experience|with|plus|and\s+\d|\d)\b|"
    r"\s*\(|[.;:\n]|$)",
    re.I,
)
_LIST_GAP = re.compile(r"^\s*(?:,|/|\||\bor\b|,\s*or\b|\band/or\b|,\s*and/or\b)\s*$", re.I)
_OR_GAP = re.compile(r"/|\bor\b|\|", re.I)
_ALTERNATIVE_CUE = re.compile(
    r"\bone of\b|\bany of\b|\bsuch as\b|\be\.g\.|\bsimilar\b|\bequivalent\b|"
    r"\bat least one\b|\beither\b|\bor other\b|\bor another\b",
    re.I,
)


def or_groups(text: str, matches: list[PhraseMatch]) -> list[list[str]]:
    """Skills listed as alternatives ("Python or Go", "Java/Kotlin", "one of Go, Rust, C++"):
    runs of adjacent skills joined by list separators, kept when the run says "or" (or "/")
    or the sentence cues a choice. One requirement is met by any member."""
    groups: list[list[str]] = []
    cue = bool(_ALTERNATIVE_CUE.search(text))
    run: list[PhraseMatch] = []
    has_or = False

    def close() -> None:
        members = list(dict.fromkeys(m.value for m in run))
        if len(members) > 1 and (has_or or cue):
            groups.append(members)

    for m in matches:
        if run:
            gap = text[run[-1].end : m.start]
            if _LIST_GAP.match(gap):
                has_or = has_or or bool(_OR_GAP.search(gap))
                run.append(m)
                continue
            close()
        run, has_or = [m], False
    if run:
        close()
    return groups


def _add(target: list[str], skill: str) -> None:
    if skill not in target:
        target.append(skill)


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


_PHD = re.compile(r"\bph\.?\s?d\b|doctoral|doctorate", re.I)
# Sentences about the company, not the job: "Supported by industry experts, our company is…"
# ("experts" is no requirement), "We are revolutionising hardware design".
_ABOUT_COMPANY = re.compile(
    r"^\W*(?:we(?:'re|’re| are)\b|our (?:mission|vision|company|investors|founders?|platform|"
    r"products?)\b|founded\b|backed by\b|supported by\b|headquartered\b)",
    re.I,
)
# …unless it says what the company wants: "We are currently looking for strong Python".
_WANTS = re.compile(
    r"\b(?:looking|seeking|hiring|searching|hoping|requires?|required|needs?|needed|must|"
    r"wants?|candidates?|you|your|ideal)\b",
    re.I,
)
# E-mail and web addresses name no skill ("talent.acquisition@…", "…/careers/python-jobs").
_ADDRESS = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b|\bhttps?://[^\s<>()\"']+|"
    r"\bwww\.[^\s<>()\"']+",
    re.I,
)


def read_requirements(title: str, description: str, taxonomy: Taxonomy) -> Requirements:
    req = Requirements()
    description = unglue(_ADDRESS.sub(" ", html.unescape(description)), taxonomy)
    title_matches = taxonomy.find_skills(title, structured=True)
    for m in title_matches:
        _add(req.must, m.value)
    _group(req, or_groups(title, title_matches))
    mode = "neutral"
    years: dict[str, list[float]] = {"must": [], "neutral": []}
    for segment in split_segments(description):
        section = header_mode(segment)
        if section is not None:
            mode = section
            continue
        label = _INLINE_HEADER.match(segment)
        line_mode = header_mode(label.group("head") + ":") if label else None
        if re.match(r"^[^:]{0,40}:\s*$", segment):
            mode = "nice" if _NICE.search(segment) else "must" if _MUST.search(segment) else mode
            continue
        if BOILERPLATE.search(segment):
            continue  # equal-opportunity, pay and benefits text names no job requirement
        matches = _outside_degree_fields(segment, taxonomy.find_skills(segment))
        found = [m.value for m in matches]
        _group(req, or_groups(segment, matches))
        local = line_mode or _sentence_mode(segment, mode)
        clauses = _clauses(segment, line_mode or mode)
        for skill, where in zip(found, matches, strict=True):
            soft = taxonomy.category(skill) == SOFT_CATEGORY
            skill_mode = _mode_at(clauses, where.start, local)
            if skill_mode == "must" and not soft:
                _add(req.must, skill)
            elif skill_mode == "nice" or soft:
                _add(req.nice, skill)
            else:
                _add(req.mentioned, skill)
        for ym in () if _about_company(segment) else _YEARS.finditer(segment):
            tail = ym.group("tail").lower()
            value = number_value(ym.group("n"))
            here = _mode_at(clauses, ym.start(), local)
            if ("exp" in tail or found) and 0 < value <= 20 and here not in ("nice", "company"):
                years["must" if mode == "must" or here == "must" else "neutral"].append(value)
        phd = _PHD.search(segment)
        if phd and _mode_at(clauses, phd.start(), local) not in ("nice", "company"):
            req.phd = True
    # The first years figure stated as a requirement is the headline one ("5+ years of
    # experience"); later ones are alternatives or per-skill ("3+ years with Kafka").
    firsts = years["must"] or years["neutral"]
    req.min_years = firsts[0] if firsts else None
    req.nice = [s for s in req.nice if s not in req.must]
    req.mentioned = [s for s in req.mentioned if s not in req.must and s not in req.nice]
    req.negatives, req.excluded_seniority = read_negatives(f"{title}\n{description}", taxonomy)
    return req


def _about_company(segment: str) -> bool:
    return bool(_ABOUT_COMPANY.search(segment)) and not _WANTS.search(segment)


def _clauses(segment: str, default: str) -> list[tuple[int, str]]:
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
            "company" if _about_company(segment[a:b]) else _sentence_mode(segment[a:b], "")
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
    for i, ((_, end), cue) in enumerate(zip(bounds, own, strict=True)):
        if cue:
            previous = cue
        elif not previous:
            previous = default if default in ("must", "nice") else next(c for c in own[i:] if c)
        out.append((end, cue or previous))
    return out


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


def _mode_at(clauses: list[tuple[int, str]], at: int, sentence: str) -> str:
    """The mode at a position: its clause's, or the sentence's when clauses do not matter."""
    return next((m for end, m in clauses if at <= end), sentence)


def _sentence_mode(segment: str, section: str) -> str:
    """What a sentence's own phrasing makes of its skills; the section's mode otherwise."""
    if _about_company(segment):
        return "neutral"
    if _NICE.search(segment):
        return "nice"
    return "must" if _MUST.search(segment) else section


def _outside_degree_fields(segment: str, matches: list[PhraseMatch]) -> list[PhraseMatch]:
    spans = [m.span("fields") for m in _DEGREE_FIELDS.finditer(segment)]
    if not spans:
        return matches
    return [m for m in matches if not any(a <= m.start < b for a, b in spans)]


def _group(req: Requirements, groups: list[list[str]]) -> None:
    for members in groups:
        for skill in members:
            if skill not in req.alternatives:  # the first listing of a skill decides its group
                req.alternatives[skill] = [s for s in members if s != skill]


def read_negatives(text: str, taxonomy: Taxonomy) -> tuple[list[str], list[str]]:
    """("no agencies", "not junior", "exclude consultants") → negative terms, excluded levels."""
    terms: list[str] = []
    for m in _NEG_NOUN_RE.finditer(text):
        word = m.group(1).lower()
        for canonical, forms in NEGATIVE_NOUNS.items():
            if word in forms:
                _add(terms, canonical)
    levels: list[str] = []
    for m in re.finditer(
        r"\b(?:no|not|exclude|excluding|without)\s+([a-z\- ]{2,20}?)s?\b(?:\s|$|[,.;])", text, re.I
    ):
        level = taxonomy.seniority_in_title(m.group(1))
        if level is not None:
            _add(levels, level.level)
    return terms, levels


def content_terms(text: str, weight: float, out: dict[str, float]) -> None:
    """Add the text's content words (stemmed, no stopwords, no numbers) with a weight."""
    for tok in tokens(text):
        if len(tok) > 1 and tok not in STOPWORDS and not tok.isdigit():
            out[tok] = max(out.get(tok, 0.0), weight)
