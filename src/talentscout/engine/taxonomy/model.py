"""Taxonomy records: skills, title families and the seniority ladder (plain frozen data)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Set
from dataclasses import dataclass
from typing import Any


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        return ()
    out: list[str] = []
    for item in value:
        if isinstance(item, str) and item.strip() and item.strip() not in out:
            out.append(" ".join(item.split()))
    return tuple(out)


@dataclass(frozen=True)
class Skill:
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    # Narrower skills that each show this one: PostgreSQL shows "Relational Databases", Docker
    # "Containerization". Related skills only hint (partial credit); these prove it.
    includes: tuple[str, ...] = ()
    # The narrower skills are alternatives of one kind ("Relational Databases": PostgreSQL and
    # MySQL; "Message Queues": Kafka and RabbitMQ), so any two are peers. An ecosystem or a
    # field ("Python", "AWS", "Backend Development") groups skills of different kinds.
    peers: bool = False
    # Shown by being named, like a credential: an everyday tool of the trade that no one
    # describes using (Git, Jira, an IDE), so a skills line is evidence enough.
    held: bool = False
    # Aliases another skill owns that may mean this one, as the other skills in the same text
    # decide ("AR" beside Unity is augmented reality, beside general ledger accounts receivable).
    shared_aliases: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any], category: str = "general") -> Skill:
        return cls(
            name=" ".join(str(data["name"]).split()),
            category=str(data.get("category") or category),
            aliases=_strings(data.get("aliases")),
            related=_strings(data.get("related")),
            includes=_strings(data.get("includes")),
            peers=data.get("peers") is True,
            held=data.get("held") is True,
            shared_aliases=_strings(data.get("shared_aliases")),
        )

    def merged(self, other: Skill) -> Skill:
        """Union of aliases and related and included skills; the name and category stay."""
        return Skill(
            name=self.name,
            category=self.category if self.category != "general" else other.category,
            aliases=tuple(dict.fromkeys([*self.aliases, *other.aliases, other.name])),
            related=tuple(dict.fromkeys([*self.related, *other.related])),
            includes=tuple(dict.fromkeys([*self.includes, *other.includes])),
            peers=self.peers or other.peers,
            held=self.held or other.held,
            shared_aliases=tuple(dict.fromkeys([*self.shared_aliases, *other.shared_aliases])),
        )


# Categories that are one field of work; the others ("finance", "hr", "general") are their own.
_FIELDS = {"software": "tech", "data": "tech", "design": "tech", "product": "tech",
           "engineering": "tech"}  # fmt: skip


# Categories whose skills belong to every job: traits ("general": communication, integrity),
# workplace tools (Excel, Outlook), languages (Spanish, interpreting) and credentials (a
# security clearance).
CREDENTIAL_CATEGORY = "credential"
WORKPLACE_CATEGORY = "workplace"
LANGUAGE_CATEGORY = "language"
ANY_FIELD = frozenset({"general", WORKPLACE_CATEGORY, LANGUAGE_CATEGORY, CREDENTIAL_CATEGORY})


def field_of(category: str) -> str:
    """The field of work a skill or title category belongs to ("data" → "tech")."""
    return _FIELDS.get(category, category)


#: How many of a family's typical skills count as the whole set ("shows what the job uses").
TYPICAL_SKILLS_FULL = 8


def typical_share(have: Set[str], typical: Collection[str]) -> float:
    """0–1: how much of a family's typical skill set a person shows."""
    if not typical:
        return 0.0
    return min(1.0, len(have & set(typical)) / min(TYPICAL_SKILLS_FULL, len(typical)))


@dataclass(frozen=True)
class TitleFamily:
    id: str
    name: str
    category: str
    synonyms: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    # Names of the job only when they are the whole title: "HR" heads an HR person's resume,
    # but "worked with HR" or "MBA HR and Finance" name no job.
    standalone: tuple[str, ...] = ()
    # Broader families this one is a kind of: every ICU nurse is a registered nurse, every
    # Android developer a mobile developer. Its holders fit an opening of the broader family in
    # full; the reverse (an RN for an ICU opening) stays only related.
    kind_of: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TitleFamily:
        return cls(
            id=str(data["id"]),
            name=" ".join(str(data["name"]).split()),
            category=str(data.get("category") or "general"),
            synonyms=_strings(data.get("synonyms")),
            related=_strings(data.get("related")),
            skills=_strings(data.get("skills")),
            standalone=_strings(data.get("standalone")),
            kind_of=_strings(data.get("kind_of")),
        )

    def merged(self, other: TitleFamily) -> TitleFamily:
        return TitleFamily(
            id=self.id,
            name=self.name,
            category=self.category,
            synonyms=tuple(dict.fromkeys([*self.synonyms, *other.synonyms])),
            related=tuple(dict.fromkeys([*self.related, *other.related])),
            skills=tuple(dict.fromkeys([*self.skills, *other.skills])),
            standalone=tuple(dict.fromkeys([*self.standalone, *other.standalone])),
            kind_of=tuple(dict.fromkeys([*self.kind_of, *other.kind_of])),
        )


@dataclass(frozen=True)
class SeniorityLevel:
    """One step of the seniority ladder and the title words that name it.

    Where a word stands in a title decides what it says (see ``Taxonomy.seniority_in_title``):

    - ``synonyms`` name the level wherever they stand ("Senior", "Director", "Team Lead");
    - ``modifiers`` name it only in front of the role noun they qualify ("Staff Engineer",
      "Principal Consultant", "Chief Financial Officer"), never as the role noun itself
      ("Nursing Staff", "School Principal", "Fire Chief");
    - ``role_nouns`` name it only as the role noun of a longer title ("Account Executive",
      "Sales Executive"), never as a modifier ("Executive Assistant", "Executive Chef").

    Levels may share a rank: parallel tracks at the same step (a team manager sits level with
    a staff engineer, not above a principal one).
    """

    level: str
    rank: int
    synonyms: tuple[str, ...] = ()
    min_years: float = 0.0
    modifiers: tuple[str, ...] = ()
    role_nouns: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SeniorityLevel:
        return cls(
            level=str(data["level"]),
            rank=int(data["rank"]),
            synonyms=_strings(data.get("synonyms")),
            min_years=float(data.get("min_years") or 0.0),
            modifiers=_strings(data.get("modifiers")),
            role_nouns=_strings(data.get("role_nouns")),
        )


# Used only when titles.json has no ladder: the engine must still order seniority.
DEFAULT_LADDER: tuple[SeniorityLevel, ...] = (
    SeniorityLevel("intern", 0, ("intern", "internship", "trainee", "apprentice"), 0),
    SeniorityLevel(
        "junior", 1, ("junior", "jr", "entry level", "graduate", "new grad", "associate"), 0
    ),
    SeniorityLevel("mid", 2, ("mid-level", "mid level", "intermediate"), 2, (), ("executive",)),
    SeniorityLevel("senior", 3, ("senior", "sr", "experienced"), 5),
    SeniorityLevel("lead", 4, ("lead", "tech lead"), 7, ("staff",)),
    SeniorityLevel("manager", 4, ("team lead", "team leader", "supervisor", "people manager"), 7),
    SeniorityLevel("principal", 5, ("distinguished",), 10, ("principal",)),
    SeniorityLevel("director", 6, ("director", "head of"), 10),
    SeniorityLevel("vp", 7, ("vp", "vice president", "svp", "evp"), 12),
    SeniorityLevel("executive", 8, ("cto", "ceo", "cfo", "coo", "cio", "founder"), 15, ("chief",)),
)
# Used only when titles.json lists none: phrases in which a ladder word is part of the job's
# name and says nothing about the level ("Staff Nurse" is a nurse on the staff, not a staff-level
# nurse; "Lead Generation" is about sales leads).
DEFAULT_SENIORITY_NEUTRAL: tuple[str, ...] = (
    "staff nurse",
    "staff accountant",
    "chief of staff",
    "lead generation",
)
