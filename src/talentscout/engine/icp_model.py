"""The ICP record: what a job asks for, in the terms the scorer compares.

Self-contained (aliases and related skills are copied in), so a stored ICP needs no taxonomy to
score and scores the same way tomorrow under the same engine version. JSON-safe through
``to_dict`` / ``from_dict``; a dict from an older engine lacks newer fields (``peer_skills``
before e24), which read as empty: runs rebuild their ICP from the job on every pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import Any

from talentscout.engine.taxonomy import CREDENTIAL_CATEGORY, LANGUAGE_CATEGORY, Taxonomy
from talentscout.engine.text import one_line
from talentscout.engine.wording import join_or

MUST_WEIGHT = 1.0
HELD_CATEGORIES = frozenset({CREDENTIAL_CATEGORY, LANGUAGE_CATEGORY})
PRIORITY_WEIGHT = 1.5
NICE_WEIGHT = 0.5
# Fewer words of requirement sentences than this say too little to embed ("Strong SQL Server
# experience is required.", or a blurb misread as one): the semantic criterion then embeds the
# ICP's own text instead. Set by hand: about two sentences.
SEMANTIC_POSTING_MIN_WORDS = 20


def requirement_name(group: Sequence[str]) -> str:
    """How a requirement of alternatives is named: "Go or Rust", "Data Modeling, ETL or ELT"."""
    return join_or(list(group))


@dataclass(frozen=True)
class ICP:
    title: str
    canonical_title: str
    title_family: str | None = None
    title_synonyms: tuple[str, ...] = ()
    related_families: tuple[str, ...] = ()
    # Families that are kinds of the job's (an ICU nurse for a Registered Nurse opening): their
    # titles fit the job in full. Empty in a record from before engine e50.
    narrower_families: tuple[str, ...] = ()
    family_skills: tuple[str, ...] = ()  # skills the family is named after ("Python Developer")
    practice_skills: tuple[str, ...] = ()  # the practice its title names ("Data Science")
    # Disciplines of the job's and related families ("Software Engineering"): years of them are
    # the experience criterion's to weigh, not a skill's.
    field_skills: tuple[str, ...] = ()
    job_field: str | None = None  # the job family's field of work ("tech", "finance", …)
    family_typical_skills: tuple[str, ...] = ()  # skills people in the family typically show
    seniority: str | None = None
    seniority_rank: int | None = None
    # The lowest level a title offering several accepts ("Senior or Staff"); None = seniority.
    seniority_floor: str | None = None
    seniority_floor_rank: int | None = None
    seniority_strict: bool = False
    # No title word names the level: "5+ years" gave it, a minimum rather than the job's level.
    seniority_from_years: bool = False
    min_years: float | None = None
    skill_years: Mapping[str, float] = field(default_factory=dict)  # "5+ years of Python"
    # Spoken-language requirement → the CEFR level the posting asks ("C1" for "business fluent
    # German"; language_levels.py); absent when it states none. Empty before engine e54.
    language_levels: Mapping[str, str] = field(default_factory=dict)
    must_have: tuple[str, ...] = ()
    nice_to_have: tuple[str, ...] = ()
    skill_weights: Mapping[str, float] = field(default_factory=dict)
    related_skills: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    included_skills: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # each shows it
    skill_aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    alternatives: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # OR-groups
    # Skills one holds rather than uses in a role (a security clearance, Spanish): never
    # "listed only", never checked for years.
    held_skills: tuple[str, ...] = ()
    # Related skills that are the same kind of thing (share a broader skill): GCP for AWS,
    # MySQL for PostgreSQL; "Backend Development" is related to Python but no peer of it.
    peer_skills: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    preferred_terms: tuple[str, ...] = ()
    negatives: tuple[str, ...] = ()
    excluded_seniority: tuple[str, ...] = ()
    location: str | None = None
    location_terms: tuple[str, ...] = ()
    location_countries: tuple[str, ...] = ()
    remote_policy: str | None = None
    remote_only: bool = False
    education_level: str | None = None
    topic_terms: Mapping[str, float] = field(default_factory=dict)
    title_terms: tuple[str, ...] = ()
    queries: tuple[str, ...] = ()
    taxonomy_version: str = ""
    # The posting's own sentences that ask for something (no company blurb, no benefits or
    # equal-opportunity text), capped; empty when it has none. See semantic_text().
    posting_text: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Mapping):
                value = {k: list(v) if isinstance(v, tuple) else v for k, v in value.items()}
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ICP:
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if isinstance(value, list):
                value = tuple(value)
            elif isinstance(value, Mapping):
                value = {k: tuple(v) if isinstance(v, list) else v for k, v in value.items()}
            kwargs[f.name] = value
        return cls(**kwargs)

    @cached_property
    def title_holder_skills(self) -> frozenset[str]:
        """What holding the job's title shows: the skills it is named after and its practice."""
        return frozenset((*self.family_skills, *self.practice_skills))

    @cached_property
    def must_shown_by(self) -> frozenset[str]:
        """Every skill whose use shows a must-have: the must-haves and the narrower skills that
        show them (not serialised: derived from the fields)."""
        asked = set(self.must_have)
        return frozenset(asked.union(*(self.included_skills.get(s, ()) for s in asked)))

    @cached_property
    def _groups(self) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        return {}  # skill_groups per list asked, filled on first use (scoring asks per profile)

    def requirement_weight(self, members: Iterable[str]) -> float:
        """The weight of one requirement: its heaviest member ("Go or Rust")."""
        return max(self.skill_weights.get(s, MUST_WEIGHT) for s in members)

    def requirement(self, name: str) -> tuple[str, ...]:
        """The skills of a requirement by its name (``requirement_name``, as a score lists a
        missing one): "Go or Rust" is one requirement of two skills."""
        return self._requirements_by_name.get(name, (name,))

    @cached_property
    def _requirements_by_name(self) -> dict[str, tuple[str, ...]]:
        by_name: dict[str, tuple[str, ...]] = {}
        for wanted in (self.must_have, self.nice_to_have):
            for group in self.skill_groups(wanted):
                by_name.setdefault(requirement_name(group), group)
        return by_name

    def skill_groups(self, wanted: tuple[str, ...]) -> list[tuple[str, ...]]:
        """``wanted`` partitioned into requirements: a skill listed with alternatives ("Go or
        Rust") shares one requirement with those of them that are in ``wanted`` too."""
        if (cached := self._groups.get(wanted)) is None:
            cached = self._groups[wanted] = self._partition(wanted)
        return cached

    def _partition(self, wanted: tuple[str, ...]) -> list[tuple[str, ...]]:
        assigned: set[str] = set()
        groups: list[tuple[str, ...]] = []
        for skill in wanted:
            if skill in assigned:
                continue
            others = [a for a in self.alternatives.get(skill, ()) if a in wanted]
            group = (skill, *(a for a in others if a not in assigned))
            assigned.update(group)
            groups.append(group)
        return groups

    def lexical_terms(self) -> list[tuple[str, float]]:
        """Weighted phrases for full-text retrieval: the title and its synonyms weigh most, then
        must-haves (with aliases), nice-to-haves and preferred terms. At most 40, best first."""
        terms: dict[str, tuple[str, float]] = {}

        def add(term: str, weight: float) -> None:
            text = one_line(term)
            if text and terms.get(text.lower(), (text, 0.0))[1] < weight:
                terms[text.lower()] = (text, weight)

        add(self.title, 1.0)
        add(self.canonical_title, 1.0)
        for syn in self.title_synonyms[:10]:
            add(syn, 0.8)
        for skill in self.must_have:
            add(skill, 0.6 * self.skill_weights.get(skill, MUST_WEIGHT))
            for alias in self.skill_aliases.get(skill, ())[:3]:
                add(alias, 0.4)
        for skill in self.nice_to_have:
            add(skill, 0.3)
        for term in self.preferred_terms:
            add(term, 0.3)
        ranked = sorted(terms.values(), key=lambda tw: (-tw[1], tw[0]))
        return [(t, round(w, 3)) for t, w in ranked[:40]]

    def semantic_text(self) -> str:
        """Text to embed for the semantic criterion: the title and the posting's requirement
        sentences in its own words, which carry what the taxonomy's skills do not (the kinds
        of experience asked, in the job's vocabulary); the retrieval text when the posting
        states too little (SEMANTIC_POSTING_MIN_WORDS)."""
        if not self.reads_posting:
            return self.embedding_text()
        return f"{self.title}\n{self.posting_text}"

    @property
    def reads_posting(self) -> bool:
        """Whether semantic_text is the posting's own requirement sentences."""
        return len(self.posting_text.split()) >= SEMANTIC_POSTING_MIN_WORDS

    def embedding_text(self) -> str:
        """Text to embed for vector retrieval: the title (what worked best on the eval sets),
        its canonical form, and the must-have skills."""
        parts = [self.title]
        if self.canonical_title.lower() != self.title.lower():
            parts.append(self.canonical_title)
        if self.must_have:
            parts.append(", ".join(self.must_have[:6]))
        return ". ".join(parts)


@dataclass(frozen=True)
class SkillTables:
    """What the ICP copies from the taxonomy for its skills, so it scores without one."""

    related: dict[str, tuple[str, ...]]
    included: dict[str, tuple[str, ...]]
    aliases: dict[str, tuple[str, ...]]
    held: list[str]
    peers: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, skills: list[str], taxonomy: Taxonomy) -> SkillTables:
        tables = cls({}, {}, {}, [], {})
        for skill in skills:
            tables.related[skill] = taxonomy.related_skills(skill)
            broader, kinds = set(taxonomy.with_broader([skill])), taxonomy.kinds(skill)
            peers = tuple(  # alternatives of one kind (taxonomy.kinds), not a broader skill
                r for r in tables.related[skill] if r not in broader and kinds & taxonomy.kinds(r)
            )
            if peers:
                tables.peers[skill] = peers
            if included := taxonomy.included_skills(skill):
                tables.included[skill] = included
            entry = taxonomy.skill(skill)
            tables.aliases[skill] = entry.aliases if entry else ()
            if entry is not None and (entry.held or entry.category in HELD_CATEGORIES):
                tables.held.append(skill)
        return tables

    def icp_fields(self) -> dict[str, Any]:
        """The ICP fields these tables fill."""
        return {
            "related_skills": self.related,
            "included_skills": self.included,
            "skill_aliases": self.aliases,
            "held_skills": tuple(self.held),
            "peer_skills": self.peers,
        }


def with_skills(
    icp: ICP,
    must: list[str],
    nice: list[str],
    weights: dict[str, float],
    taxonomy: Taxonomy,
    alternatives: Mapping[str, tuple[str, ...]] | None = None,
) -> ICP:
    """A copy with new skill lists, their weights and their taxonomy tables."""
    tables = SkillTables.of([*must, *nice], taxonomy)
    kept = set(must) | set(nice)
    return replace(
        icp,
        must_have=tuple(must),
        nice_to_have=tuple(nice),
        skill_weights={s: weights[s] for s in [*must, *nice]},
        **tables.icp_fields(),
        alternatives={
            s: tuple(a for a in alts if a in kept)
            for s, alts in (alternatives if alternatives is not None else icp.alternatives).items()
            if s in kept and any(a in kept for a in alts)
        },
        skill_years={s: y for s, y in icp.skill_years.items() if s in kept},
        language_levels={s: lv for s, lv in icp.language_levels.items() if s in kept},
    )
