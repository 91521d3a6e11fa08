"""Reading requirements out of job text: must-have vs nice-to-have skills, years, negatives.

The phrasing decides, sentence by sentence: "required", "must", "5+ years of X", "strong X"
make X a must-have; "nice to have", "a plus", "bonus", "preferred" make it a nice-to-have; a
cue speaks for its own sentence ("Kafka is a plus. 5+ years." still asks five years). A
section header ("Requirements:", "Your profile:", "Nice to have:") sets the default for the
lines under it. Skills named in the job title are always must-haves.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from talentscout.engine.language_asked import language_mode
from talentscout.engine.phrasing import (
    INLINE_HEADER,
    about_company,
    clause_modes,
    cue,
    header_mode,
    line_segments,
    mode_at,
    names_its_own,
    nice_brackets,
    sentence_mode,
    unglue,
)
from talentscout.engine.positions import inside_any, placed_within, starts_between
from talentscout.engine.profile import tokens
from talentscout.engine.skill_lists import examples_of_asked, or_groups
from talentscout.engine.taxonomy import (
    CREDENTIAL_CATEGORY,
    LANGUAGE_CATEGORY,
    WORKPLACE_CATEGORY,
    PhraseMatch,
    Taxonomy,
)
from talentscout.engine.years_asked import (
    TAIL_STOP,
    YEARS,
    number_value,
    unnamed_choice,
    years_alone,
)

NEGATIVE_NOUNS = {
    "agency": ("agency", "agencies", "staffing agency", "recruitment agency"),
    "recruiter": ("recruiter", "recruiters", "headhunter"),
    "consultant": ("consultant", "consultants", "consultancy", "consulting firm"),
    "contractor": ("contractor", "contractors", "freelancer", "freelancers"),
    "outsourcing": ("outsourcing", "offshore"),
}
# One word may stand between ("no third-party recruiters"); a negative noun there is the one
# meant ("no agency recruiters" turns away agencies, not recruiters), hence the lazy skip.
_NEG_NOUNS = "|".join(
    sorted({a for v in NEGATIVE_NOUNS.values() for a in v}, key=len, reverse=True)
)
_NEG_NOUN_RE = re.compile(
    rf"\b(?:no|not|exclude|excluding|without|avoid)\s+(?:[\w-]+\s+)??({_NEG_NOUNS})\b", re.I
)
# "No recruiters, agencies or consultants": the nouns listed after the first one.
_NEG_MORE_RE = re.compile(
    rf",?\s*(?:,|\bor\b|\band\b|\bnor\b)\s*(?:[\w-]+\s+)??({_NEG_NOUNS})\b", re.I
)
# Traits (communication, teamwork…) and workplace basics (Excel, Outlook) are never must-haves:
# hard to evidence, or taken for granted; so is English, the language the resume is read in
# ("fluent Spanish required" is one). A trait counts only where the text asks for it.
SOFT_CATEGORY = "general"
NEVER_MUST = frozenset({SOFT_CATEGORY, WORKPLACE_CATEGORY})
ALWAYS_NICE = frozenset({WORKPLACE_CATEGORY, LANGUAGE_CATEGORY})  # named anywhere: what work uses
NEVER_MUST_SKILLS = frozenset({"English"})
BOILERPLATE = re.compile(
    r"equal (?:employment )?opportunity|without regard to|sexual orientation|gender identity|"
    r"protected veteran|reasonable accommodation|\bdisabilit|salary|pay range|compensation|"
    r"\bbenefits\b|401\(?k\)?|paid time off|health insurance|dental|privacy (?:policy|notice)|"
    r"e-verify|background check|applicants? (?:will|must|who)|recruiting agenc|"
    r"\bEEO\b|affirmative action|total rewards (?:package|offering)|our total rewards|"
    r"\b(?:need|request|requesting|require)s? (?:an?y? )?accommodations?\b|"
    r"accommodations? (?:during|for|in) (?:the |our )?(?:application|interview|hiring|recruit)|"
    r"\b(?:adhere to|comply with|abide by)\b[^.;]{0,40}\bcompany polic|"
    r"\bsafeguard\w*\b[^.;]{0,30}\bcompany information|"  # rules of conduct, not skills
    # what the employer offers to teach ("Learning budget …, including Python courses")
    r"\b(?:learning|training|education|development|conference|personal growth) budget|"
    r"\b(?:paid|funded|sponsored|free) (?:courses|trainings?|certifications?)\b|"
    # how to apply, and a line of pay ("£55,000 - £62,000 + bonus", "60-70k EUR")
    r"\bapply (?:via|through|online|now|here|at|by|using|on)\b|"
    r"\b(?:send|submit) (?:us )?your (?:cv|resume|résumé|application)|"
    r"[£$€]\s?\d[\d,.]{0,12}\s?k?\s*(?:-|–|to)\s*[£$€]?\s?\d|"
    r"(?<![\d,.])\d[\d,.]{0,12}\s?k?\s*(?:-|–|to)\s*\d[\d,.]{0,12}\s?k?\s*(?:EUR|GBP|USD|CHF)\b",
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


def _segments_with_labels(text: str) -> Iterator[tuple[str, str | None, str | None]]:
    """Each segment with the mode of the label that opens it ("Must have: Python"), and the
    mode of the last label before it in its line: the default of the line's later sentences,
    whose own words may still say otherwise ("Must have: Python. Kafka is a plus."), until
    another label ("Salary: $150k. Requirements: Python.")."""
    for line in line_segments(text):
        line_mode: str | None = None
        for segment in line:
            label = INLINE_HEADER.match(segment)
            own = header_mode(label.group("head") + ":") if label else None
            # a label, or a header running on in the line, starts over
            line_mode = own or (None if label or header_mode(segment) else line_mode)
            yield segment, own, line_mode


# What only a requirement says: the line that ends a section on pay and benefits when the
# next header went unrecognised ("Qualifications      Bachelor's degree in …").
_ASKS = re.compile(
    r"\b(?:experience|(?<!\bper )(?<!\ba )years?|degree|proficien\w*|knowledge|familiar\w*|"
    r"skills?|abilit\w+|understanding|expertise|required|must)\b",
    re.I,
)


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
    asking: list[str] = field(default_factory=list)  # the segments that ask for something
    skill_years: dict[str, float] = field(default_factory=dict)  # "5+ years of Python"
    examples: list[str] = field(default_factory=list)  # asked only as examples of a must-have
    # Must-haves asked under a requirements header or label ("Your profile:"), where no
    # company blurb stands: they stay must-haves in a job of another field.
    headed: list[str] = field(default_factory=list)
    # Language → the segments that ask for it (must or nice): its level is read there only.
    language_segments: dict[str, list[str]] = field(default_factory=dict)


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


def _add(target: list[str], skill: str) -> None:
    if skill not in target:
        target.append(skill)


_PHD = re.compile(r"\bph\.?\s?d\b|doctoral|doctorate", re.I)
# E-mail and web addresses name no skill ("talent.acquisition@…", "…/careers/python-jobs").
_ADDRESS = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b|\bhttps?://[^\s<>()\"']+|"
    r"\bwww\.[^\s<>()\"']+",
    re.I,
)


# "Partner with product management, sales and marketing to …": the functions named after a
# collaboration verb are colleagues, not skills the job asks for. The list ends where the
# sentence says what the collaboration is for ("to", "on", "using", …).
_COLLEAGUES = re.compile(
    r"(?:\b(?:collaborat\w*|partner(?:s|ing)?|liais\w*|coordinat\w*|work(?:s|ing)?\s+closely)"
    r"\s+(?:closely\s+|directly\s+|cross[- ]functionally\s+)?with|"
    r"\bcross[- ]functional\s+(?:teams?|partners?|stakeholders?),?\s+(?:including|such\s+as))\s+"
    r"(?P<who>[^.;:!?]*?)(?=\s+(?:to|on|for|using|in|by|across|throughout|and\s+(?:\w+\s+)?"
    r"(?:to|drive|build|deliver|help|ensure))\b|[.;:!?]|$)",
    re.I,
)


# "Ability to obtain a security clearance", "eligible for AWS certification", "a clearance or
# eligibility for one": a credential to be earned after hiring is not one the job asks for now.
# Only credentials: "obtain data with SQL" still asks for SQL.
_TO_OBTAIN_BEFORE = re.compile(
    r"\b(?:obtain(?:ing)?|eligib(?:le|ility)\s+(?:for|to\s+obtain))\b[^.;:,]{0,40}$", re.I
)
_TO_OBTAIN_AFTER = re.compile(
    r"^\s*(?:eligib|[^.;:,]{0,20}\bor\s+(?:the\s+)?(?:eligib|(?:abilit|willing)\w*\s+to\s+obtain))",
    re.I,
)
_HOLDS = re.compile(r"\band\s+(?:hold|possess|have|maintain)", re.I)  # "…obtain X and hold Y"
_CREDENTIAL_WORD = re.compile(r"^\s*(?:[-/]\s*)?(?:certifi|licen[cs]|clearance)", re.I)
_CREDENTIAL_NAME = re.compile(r"certifi|licen[cs]", re.I)  # "AWS Certified Solutions Architect"


def _to_obtain(segment: str, match: PhraseMatch, category: str | None) -> bool:
    """Whether the match is a credential the text says is still to be obtained."""
    after = segment[match.end :]
    credential = (
        category == CREDENTIAL_CATEGORY
        or _CREDENTIAL_WORD.search(after)
        or _CREDENTIAL_NAME.search(match.text)
    )
    if not credential:
        return False
    before = _TO_OBTAIN_BEFORE.search(segment, max(0, match.start - 60), match.start)
    if before and _HOLDS.search(before.group()):
        before = None
    return bool(before or _TO_OBTAIN_AFTER.search(after))


def read_requirements(title: str, description: str, taxonomy: Taxonomy) -> Requirements:
    req = Requirements()
    description = unglue(_ADDRESS.sub(" ", html.unescape(description)), taxonomy)
    title_matches = taxonomy.find_skills(title, structured=True)
    for m in title_matches:
        _add(req.must, m.value)
    plainly = set(req.must)  # must-haves asked for themselves, not only as examples
    _group(req, or_groups(title, title_matches, taxonomy))
    mode = "neutral"
    years: dict[str, list[float]] = {"must": [], "neutral": []}
    for segment, line_mode, line_default in _segments_with_labels(description):
        section = header_mode(segment)
        if section is not None:
            mode = section
            continue
        if re.match(r"^[^:]{0,40}:\s*$", segment):  # a label of its own ends any section
            mode = cue(segment) or ("neutral" if mode == "offer" else mode)
            continue
        if line_default == "offer":
            continue  # "Benefits: health, dental": pay and benefits ask for nothing
        if mode == "offer":
            if not _ASKS.search(segment):
                continue
            mode = "neutral"  # a requirement after an unrecognised header ends the offer
        if BOILERPLATE.search(segment):
            continue  # equal-opportunity, pay and benefits text names no job requirement
        matches = _outside_fields_and_colleagues(segment, taxonomy.find_skills(segment))
        found = [m.value for m in matches]
        groups = or_groups(segment, matches, taxonomy)
        _group(req, groups)
        default = line_default if line_default in ("must", "nice") else mode
        # A bracket that only welcomes its own skills ("(Mandarin is also a bonus)") does not
        # speak for the rest of its sentence.
        starts = [m.start for m in matches]
        welcome = [
            (a, b)
            for a, b in nice_brackets(segment)
            if starts_between(starts, a, b) or names_its_own(segment[a:b])
        ]
        rest = _blank(segment, welcome)
        local = line_mode or sentence_mode(rest, default)
        clauses = clause_modes(rest, line_mode or default)
        if any(m in ("must", "nice") for _, m in clauses) or local in ("must", "nice"):
            req.asking.append(segment)
        asked: list[tuple[str, int]] = []  # must-haves and where they stand
        for skill, where in zip(found, matches, strict=True):
            category = taxonomy.category(skill)
            never_must = category in NEVER_MUST or skill in NEVER_MUST_SKILLS
            skill_mode = (
                "neutral"
                if _to_obtain(segment, where, category)
                else "nice"
                if inside_any(welcome, where.start)
                else mode_at(clauses, where.start, local)
            )
            if category == LANGUAGE_CATEGORY:  # "C1-level German"; not "Italian cuisine"
                as_language = language_mode(segment, where.start, where.end, skill_mode, default)
                if as_language is None:
                    continue
                skill_mode = as_language
                asked_in = req.language_segments.setdefault(skill, [])
                if skill_mode in ("must", "nice") and segment not in asked_in:
                    asked_in.append(segment)
            if skill_mode == "must" and not never_must:
                _add(req.must, skill)
                asked.append((skill, where.start))
                if "must" in (mode, line_default):
                    _add(req.headed, skill)
            elif skill_mode in ("must", "nice") or category in ALWAYS_NICE:
                _add(req.nice, skill)
            else:
                _add(req.mentioned, skill)
        examples = examples_of_asked(segment, asked, groups, taxonomy)
        req.examples.extend(s for s in examples if s not in req.examples)
        plainly.update(s for s, _ in asked if s not in examples)
        figures = [] if about_company(segment) else list(YEARS.finditer(segment))
        named = {s for s, _ in asked}
        for i, ym in enumerate(figures):
            tail = ym.group("tail").lower()
            value = number_value(ym.group("n"))
            here = mode_at(clauses, ym.start(), local)
            if here == "nice" and default == "nice" and cue(rest) != "nice":
                here = "neutral"  # "Preferred: 2 years of experience" still says the level
            about_work = "exp" in tail or found or years_alone(segment, ym)
            if about_work and 0 < value <= 20 and here not in ("nice", "company"):
                years["must" if mode == "must" or here == "must" else "neutral"].append(value)
                start, end = ym.span("tail")
                end = min(end, figures[i + 1].start()) if i + 1 < len(figures) else end
                stop = TAIL_STOP.search(segment, start, end)
                end = stop.start() if stop else end
                about = placed_within(asked, start, end)
                if unnamed_choice(segment, about, end):
                    continue  # years of either role, one of them no skill: the job's years only
                # the must-haves the figure is about, and their alternatives asked with them
                # ("3+ years in product design (UX/UI)": years of either)
                for skill, _ in about:
                    for one in (skill, *req.alternatives.get(skill, ())):
                        if one in named:
                            req.skill_years.setdefault(one, value)
        phd = _PHD.search(segment)
        if phd and mode_at(clauses, phd.start(), local) not in ("nice", "company"):
            req.phd = True
    # The first years figure stated as a requirement is the headline one ("5+ years of
    # experience"); later ones are alternatives or per-skill ("3+ years with Kafka").
    firsts = years["must"] or years["neutral"]
    req.min_years = firsts[0] if firsts else None
    req.examples = [s for s in req.examples if s not in plainly]
    req.must = [s for s in req.must if s not in req.examples]
    req.nice = [*req.examples, *(s for s in req.nice if s not in req.examples)]
    req.nice = [s for s in req.nice if s not in req.must]
    req.mentioned = [s for s in req.mentioned if s not in req.must and s not in req.nice]
    req.negatives, req.excluded_seniority = read_negatives(f"{title}\n{description}", taxonomy)
    # "No agency recruiters" in a recruiter's posting cannot turn away the job's own trade.
    req.negatives = [t for t in req.negatives if not _names_negative(title, t)]
    return req


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the spans blanked out, every other character where it stood."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _outside_fields_and_colleagues(segment: str, matches: list[PhraseMatch]) -> list[PhraseMatch]:
    spans = [m.span("fields") for m in _DEGREE_FIELDS.finditer(segment)]
    spans += [m.span("who") for m in _COLLEAGUES.finditer(segment)]
    if not spans:
        return matches
    return [m for m in matches if not any(a <= m.start < b for a, b in spans)]


def _group(req: Requirements, groups: list[list[str]]) -> None:
    for members in groups:
        for skill in members:
            if skill not in req.alternatives:  # the first listing of a skill decides its group
                req.alternatives[skill] = [s for s in members if s != skill]


def _names_negative(text: str, term: str) -> bool:
    return any(re.search(rf"\b{re.escape(form)}\b", text, re.I) for form in NEGATIVE_NOUNS[term])


def read_negatives(text: str, taxonomy: Taxonomy) -> tuple[list[str], list[str]]:
    """("no agencies", "not junior", "exclude consultants") → negative terms, excluded levels."""
    terms: list[str] = []
    for m in _NEG_NOUN_RE.finditer(text):
        words = [m.group(1)]
        end = m.end()
        while more := _NEG_MORE_RE.match(text, end):
            words.append(more.group(1))
            end = more.end()
        for word in words:
            for canonical, forms in NEGATIVE_NOUNS.items():
                if word.lower() in forms:
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
