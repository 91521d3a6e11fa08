"""ParsedProfile: the structured facts the engine reads, stored by the service as JSONB.

Frozen and JSON-safe: ``to_dict`` gives plain lists/dicts/strings/numbers and ``from_dict``
rebuilds an equal object, so a profile parsed at import time scores identically later.
Derived helpers (token sets) are cached properties: computed on first use, never serialised.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from talentscout.engine.dates import MonthDate, iso_month, months_between

_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens, light plural/verb stemming so "engineers" meets "engineer"."""
    return [_stem(t) for t in _TOKEN.findall(text.lower())]


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """Memoised: resumes share a small vocabulary, and scoring stems every profile's words."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class Evidence(NamedTuple):
    """A quote (exact substring of the profile field named by ``source``) and what it matched.

    A NamedTuple rather than a frozen dataclass: a profile carries dozens, and every scoring
    pass rebuilds them from stored JSON, where tuple construction is several times faster."""

    text: str
    source: str
    match: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "source": self.source, "match": self.match}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evidence:
        return cls(data["text"], data["source"], data.get("match") or "")

    @property
    def holds_title(self) -> bool:
        """A role title or the headline: the person holds it, not merely mentions it."""
        return self.source == "headline" or self.source.startswith("work")


@dataclass(frozen=True)
class Role:
    title: str | None
    company: str | None
    start: str | None  # "YYYY-MM" or "YYYY"
    end: str | None  # resolved against as_of when current
    current: bool
    months: int
    duration: str | None
    highlights: tuple[str, ...] = ()
    description: str = ""
    skills: tuple[str, ...] = ()
    family: str | None = None
    field: str | None = None  # the family's field of work ("tech", "healthcare", …)
    # skills its text names in one line of several (role_skills.named_in_passing)
    passing: tuple[str, ...] = ()

    @cached_property
    def end_month(self) -> MonthDate | None:
        return iso_month(self.end)

    @cached_property
    def interval(self) -> tuple[int, int] | None:
        """[first month, month after the last) of a dated role; None when undated."""
        start, end = iso_month(self.start), self.end_month
        if start is None or end is None:
            return None
        return start.index, start.index + months_between(start, end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "company": self.company,
            "start": self.start,
            "end": self.end,
            "current": self.current,
            "months": self.months,
            "duration": self.duration,
            "highlights": list(self.highlights),
            "description": self.description,
            "skills": list(self.skills),
            "family": self.family,
            "field": self.field,
            "passing": list(self.passing),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Role:
        return cls(
            title=data.get("title"),
            company=data.get("company"),
            start=data.get("start"),
            end=data.get("end"),
            current=bool(data.get("current")),
            months=int(data.get("months") or 0),
            duration=data.get("duration"),
            highlights=tuple(data.get("highlights") or ()),
            description=str(data.get("description") or ""),
            skills=tuple(data.get("skills") or ()),
            family=data.get("family"),
            field=data.get("field"),
            passing=tuple(data.get("passing") or ()),
        )

    @property
    def source(self) -> str:
        """How evidence from this role is labelled ("work at Acme")."""
        if self.company:
            return f"work at {self.company}"
        return f"work as {self.title}" if self.title else "work"


@dataclass(frozen=True)
class Education:
    institution: str | None
    area: str | None
    degree: str | None
    level: str | None  # phd, master, bachelor, associate, diploma
    start: str | None
    end: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "institution": self.institution,
            "area": self.area,
            "degree": self.degree,
            "level": self.level,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Education:
        return cls(
            data.get("institution"),
            data.get("area"),
            data.get("degree"),
            data.get("level"),
            data.get("start"),
            data.get("end"),
        )


@dataclass(frozen=True)
class ParsedProfile:
    name: str | None
    headline: str | None
    location: str | None
    current_company: str | None
    current_role: str | None
    emails: tuple[str, ...]
    links: tuple[str, ...]
    skills: tuple[str, ...]  # canonical, strongest evidence first
    skill_evidence: Mapping[str, tuple[Evidence, ...]]
    roles: tuple[Role, ...]  # most recent first
    education: tuple[Education, ...]
    total_years: float
    seniority: str | None
    seniority_rank: int | None
    title_family: str | None
    search_text: str
    country: str | None = None
    location_terms: tuple[str, ...] = ()
    remote: bool = False
    relocate: bool = False
    titles: tuple[str, ...] = ()
    family_scores: Mapping[str, float] = field(default_factory=dict)
    education_level: str | None = None
    languages: tuple[str, ...] = ()
    title_evidence: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)
    years_evidence: tuple[Evidence, ...] = ()
    taxonomy_version: str = ""  # see parse.parse_version(): taxonomy and parser version
    seniority_from_years: bool = False  # no title names the level: read off the years
    # Skills a role or project shows in use (not only a skills list or summary), with the
    # broader skills they show; empty when no work is described with any skill in it.
    skills_in_use: tuple[str, ...] = ()
    # Months of dated roles showing each skill in use; empty when no role is dated.
    skill_months: Mapping[str, int] = field(default_factory=dict)
    # Language → the CEFR level the profile states for it ("German (B1)", JSON Resume
    # "fluency"; language_levels.py); absent when it states none. Empty before parser 34.
    language_levels: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "headline": self.headline,
            "location": self.location,
            "current_company": self.current_company,
            "current_role": self.current_role,
            "emails": list(self.emails),
            "links": list(self.links),
            "skills": list(self.skills),
            "skill_evidence": {k: [e.to_dict() for e in v] for k, v in self.skill_evidence.items()},
            "roles": [r.to_dict() for r in self.roles],
            "education": [e.to_dict() for e in self.education],
            "total_years": self.total_years,
            "seniority": self.seniority,
            "seniority_rank": self.seniority_rank,
            "title_family": self.title_family,
            "search_text": self.search_text,
            "country": self.country,
            "location_terms": list(self.location_terms),
            "remote": self.remote,
            "relocate": self.relocate,
            "titles": list(self.titles),
            "family_scores": dict(self.family_scores),
            "education_level": self.education_level,
            "languages": list(self.languages),
            "title_evidence": {k: [e.to_dict() for e in v] for k, v in self.title_evidence.items()},
            "years_evidence": [e.to_dict() for e in self.years_evidence],
            "taxonomy_version": self.taxonomy_version,
            "seniority_from_years": self.seniority_from_years,
            "skills_in_use": list(self.skills_in_use),
            "skill_months": dict(self.skill_months),
            "language_levels": dict(self.language_levels),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ParsedProfile:
        evidence = data.get("skill_evidence") or {}
        return cls(
            name=data.get("name"),
            headline=data.get("headline"),
            location=data.get("location"),
            current_company=data.get("current_company"),
            current_role=data.get("current_role"),
            emails=tuple(data.get("emails") or ()),
            links=tuple(data.get("links") or ()),
            skills=tuple(data.get("skills") or ()),
            skill_evidence={
                str(k): tuple(Evidence.from_dict(e) for e in v) for k, v in evidence.items()
            },
            roles=tuple(Role.from_dict(r) for r in data.get("roles") or ()),
            education=tuple(Education.from_dict(e) for e in data.get("education") or ()),
            total_years=float(data.get("total_years") or 0.0),
            seniority=data.get("seniority"),
            seniority_rank=data.get("seniority_rank"),
            title_family=data.get("title_family"),
            search_text=str(data.get("search_text") or ""),
            country=data.get("country"),
            location_terms=tuple(data.get("location_terms") or ()),
            remote=bool(data.get("remote")),
            relocate=bool(data.get("relocate")),
            titles=tuple(data.get("titles") or ()),
            family_scores={str(k): float(v) for k, v in (data.get("family_scores") or {}).items()},
            education_level=data.get("education_level"),
            languages=tuple(data.get("languages") or ()),
            title_evidence={
                str(k): tuple(Evidence.from_dict(e) for e in v)
                for k, v in (data.get("title_evidence") or {}).items()
            },
            years_evidence=tuple(Evidence.from_dict(e) for e in data.get("years_evidence") or ()),
            taxonomy_version=str(data.get("taxonomy_version") or ""),
            seniority_from_years=bool(data.get("seniority_from_years")),
            skills_in_use=tuple(data.get("skills_in_use") or ()),
            skill_months={str(k): int(v) for k, v in (data.get("skill_months") or {}).items()},
            language_levels={
                str(k): str(v) for k, v in (data.get("language_levels") or {}).items()
            },
        )

    # Derived, cached on first use (not fields: never serialised, never compared).
    @cached_property
    def skill_set(self) -> frozenset[str]:
        return frozenset(self.skills)

    @cached_property
    def in_use_set(self) -> frozenset[str]:
        return frozenset(self.skills_in_use)

    @cached_property
    def term_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for tok in tokens(self.search_text):
            counts[tok] = counts.get(tok, 0) + 1
        return counts

    @cached_property
    def title_terms(self) -> frozenset[str]:
        return frozenset(tokens(" ".join(filter(None, [self.headline, *self.titles]))))
