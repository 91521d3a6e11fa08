"""The title and the employer of one role line, its dates cut out ("Senior Associate,
Employment Law, Freshfields (2018 – present)"), for the role reader (resume.py). Apart from it
because which piece of a line names the job and which the employer is the part of a role
that costs the most trust when wrong.
"""

from __future__ import annotations

import re

from talentscout.engine.resume_lines import (
    COMMA_SPLIT,
    COMPANY_SUFFIXES,
    EMAIL_RE,
    STRONG_SPLIT,
    URL_RE,
    clean_piece,
    is_place,
    section_of,
    team_words,
)
from talentscout.engine.taxonomy import Taxonomy

_AT = re.compile(r"\s+(at|@|with)\s+", re.IGNORECASE)


def title_company(rest: str, taxonomy: Taxonomy) -> tuple[str | None, str | None]:
    """Title and employer of a role line (its dates already cut out).

    Separators rank: "at"/"@"/"with" always introduce the employer; a bar or a spaced dash
    separates title and employer ("Engineering Manager, Backend Platform — Acme Corp"); a
    comma is weakest, because titles carry their team after one ("Engineering Manager,
    Backend Platform"): a comma piece is taken as the employer only when it is not a team,
    department or place."""
    rest = clean_piece(rest)
    if (label := _LABEL.match(rest)) and section_of(label["label"]) is not None:
        rest = rest[label.end() :]  # "Experience: Audit Assistant, KPMG"
    if not rest or len(rest) > 200:
        return None, None  # nothing, or prose around a date: no header to split
    at = _AT.search(rest)
    if at is not None:
        left, right = rest[: at.start()], rest[at.end() :]
        company = _pick_employer(STRONG_SPLIT.split(right), taxonomy)
        # "with" is also a preposition ("Java developer with Spring Boot"): an employer only
        # when a name follows that is not just skills.
        if at.group(1).lower() != "with":
            return _title_of(left, taxonomy), company
        if company is not None and right[:1].isupper() and team_words(right, taxonomy) is None:
            return _title_of(left, taxonomy), company
        if is_titled(left, taxonomy):
            return _title_of(left, taxonomy), None
    segments = [c for seg in STRONG_SPLIT.split(rest) if (c := clean_piece(seg))]
    if len(segments) >= 2:
        titled = next(
            (seg for seg in segments if is_titled(seg, taxonomy)),
            next((seg for seg in segments if _role_noun(seg)), segments[0]),
        )
        others = [seg for seg in segments if seg is not titled]
        title_pieces = [c for piece in COMMA_SPLIT.split(titled) if (c := clean_piece(piece))]
        title, used = _title_with_team(title_pieces or [titled], taxonomy)
        # "Design Engineer, Stellantis — CATIA V5": the employer may sit in the title's segment
        company = _pick_employer([*others, *title_pieces[used:]], taxonomy)
        return title, company
    pieces = [c for piece in COMMA_SPLIT.split(rest) if (c := clean_piece(piece))]
    if not pieces:
        return None, None
    at_title = next((i for i, piece in enumerate(pieces) if is_titled(piece, taxonomy)), None)
    if at_title is None and len(pieces) == 1:
        return (pieces[0][:120], None) if len(rest) <= 80 else (None, None)
    at_title = at_title or 0
    title, used = _title_with_team(pieces[at_title:], taxonomy)
    others = pieces[:at_title] + pieces[at_title + used :]
    return title, _pick_employer(others, taxonomy)


# "Experience: Audit Assistant": a section's label written before the role, no part of it.
_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:]{1,38}):\s+")
# Words that make a segment a job title although the taxonomy names no title in it
# ("Specialist Group Consolidation"): kinds of position, never an employer's name.
_ROLE_NOUNS = frozenset(
    "specialist assistant officer coordinator advisor adviser associate referent referentin "
    "sachbearbeiter sachbearbeiterin trainee werkstudent werkstudentin praktikant praktikantin "
    "intern apprentice auszubildender".split()
)


def _role_noun(segment: str) -> bool:
    """A segment naming a kind of position ("Specialist Group Consolidation") and not ending
    in a company suffix ("Deutsche Börse Group" is the employer)."""
    words = re.findall(r"[^\W\d_]+", segment.lower())
    return bool(words) and words[-1] not in COMPANY_SUFFIXES and bool(_ROLE_NOUNS & set(words))


def _pick_employer(segments: list[str], taxonomy: Taxonomy) -> str | None:
    """The employer among the segments of a role line that are not its title: the first that
    is not only a skill or a field of practice ("Employment Law", "CATIA V5" name what the
    work was, not where), else the first that names one at all (a bare "Oracle" or
    "Salesforce" may be the employer)."""
    found = [e for seg in segments if (e := _employer(seg, taxonomy))]
    return next((e for e in found if not _only_skills(e, taxonomy)), found[0] if found else None)


def _only_skills(piece: str, taxonomy: Taxonomy) -> bool:
    words = re.findall(r"[a-z0-9+#&]+", piece.lower())
    covered = {
        w for m in taxonomy.find_skills(piece, structured=True) for w in m.text.lower().split()
    }
    return bool(words) and all(w in covered for w in words)


def is_titled(text: str, taxonomy: Taxonomy) -> bool:
    return bool(taxonomy.find_titles(text) or taxonomy.seniority_in_title(text))


def _title_of(text: str, taxonomy: Taxonomy) -> str | None:
    """A title segment: the title plus the team pieces after it, without a place."""
    pieces = [c for piece in COMMA_SPLIT.split(text) if (c := clean_piece(piece))]
    if not pieces:
        return None
    return _title_with_team(pieces, taxonomy)[0]


def _title_with_team(pieces: list[str], taxonomy: Taxonomy) -> tuple[str, int]:
    """The first piece plus the team/department pieces that follow it; how many were used."""
    used = 1
    while used < len(pieces) and _is_team(pieces[used], taxonomy):
        used += 1
    return ", ".join(pieces[:used])[:120], used


def _employer(text: str, taxonomy: Taxonomy) -> str | None:
    """The employer named by a segment ("Acme Corp, Berlin" → "Acme Corp"); None for an
    e-mail address, a place or a team/department. A bare skill name may be an employer
    ("Oracle", "Salesforce"). A segment with an e-mail address or a link in it is the
    person's contact line ("Jane Roe, jane@example.com — Data Engineer"), naming no employer."""
    if EMAIL_RE.search(text) or URL_RE.search(text):
        return None
    for piece in COMMA_SPLIT.split(text):
        piece = clean_piece(piece)
        if not piece or is_place(piece):
            continue
        if _is_team(piece, taxonomy):
            continue
        return piece[:120]
    return None


def _is_team(piece: str, taxonomy: Taxonomy) -> bool:
    """A team, department or function ("Backend Platform", "Payments", "Sales EMEA"): words
    of team names or skills only, at least one a team word, no company suffix."""
    return bool(team_words(piece, taxonomy))
