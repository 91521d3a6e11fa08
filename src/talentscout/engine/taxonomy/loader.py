"""The Taxonomy: skills with aliases and related skills, title families, the seniority ladder.

Loaded once from the package's JSON data (missing files are tolerated: the engine then works with
what there is), immutable afterwards. ``extend`` returns a new Taxonomy with merged entries and a
version string that names the extension, so scores stay reproducible per taxonomy version.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from talentscout.engine.taxonomy.family_skills import FamilySkills
from talentscout.engine.taxonomy.job_titles import UMBRELLA_FAMILIES, JobTitleReading
from talentscout.engine.taxonomy.matcher import (
    PhraseMatch,
    PhraseMatcher,
    alias_key,
    coordinated_matches,
)
from talentscout.engine.taxonomy.model import (
    DEFAULT_LADDER,
    DEFAULT_SENIORITY_NEUTRAL,
    LANGUAGE_CATEGORY,
    SeniorityLevel,
    Skill,
    TitleFamily,
)
from talentscout.engine.taxonomy.seniority import SeniorityReading, seniority_key
from talentscout.engine.taxonomy.senses import ACRONYM, SharedAliasReading
from talentscout.engine.taxonomy.skill_patterns import pattern_matches


def _version_key(version: str) -> tuple[tuple[int, str], ...]:
    """Orders "2026.11.29" after "2026.11.5": numeric parts compare as numbers."""
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in version.split("."))


_WORD = re.compile(r"[^\W\d_]+")


class Taxonomy(SeniorityReading, JobTitleReading, FamilySkills, SharedAliasReading):
    """Lookup tables plus one compiled matcher for skills and one for titles."""

    def __init__(
        self,
        skills: Iterable[Skill] = (),
        families: Iterable[TitleFamily] = (),
        seniority: Iterable[SeniorityLevel] = (),
        version: str = "empty",
        seniority_neutral: Iterable[str] | None = None,
    ) -> None:
        merged: dict[str, Skill] = {}
        for skill in skills:
            key = alias_key(skill.name)
            merged[key] = merged[key].merged(skill) if key in merged else skill
        self._skills = merged
        fams: dict[str, TitleFamily] = {}
        for family in families:
            fams[family.id] = fams[family.id].merged(family) if family.id in fams else family
        self._families = fams
        ladder = sorted(seniority, key=lambda s: s.rank) or list(DEFAULT_LADDER)
        self.ladder: tuple[SeniorityLevel, ...] = tuple(ladder)
        neutral = DEFAULT_SENIORITY_NEUTRAL if seniority_neutral is None else seniority_neutral
        self.seniority_neutral: tuple[str, ...] = tuple(
            dict.fromkeys(k for p in neutral if (k := seniority_key(p)))
        )
        self.version = version

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(cls, data_dir: Path | Traversable | None = None) -> Taxonomy:
        """Read ``skills/*.json`` and ``titles.json`` under ``data_dir`` (default: package data)."""
        root: Path | Traversable = (
            data_dir if data_dir is not None else resources.files(__package__ or "") / "data"
        )
        skills: list[Skill] = []
        versions: list[str] = []
        skills_dir = root / "skills"
        if skills_dir.is_dir():
            for item in sorted(skills_dir.iterdir(), key=lambda t: t.name):
                if not item.name.endswith(".json"):
                    continue
                data = _read_json(item)
                if data is None:
                    continue
                category = str(data.get("category") or item.name.removesuffix(".json"))
                versions.append(str(data.get("version") or ""))
                for raw in data.get("skills") or []:
                    if isinstance(raw, Mapping) and raw.get("name"):
                        skills.append(Skill.from_json(raw, category))
        families: list[TitleFamily] = []
        ladder: list[SeniorityLevel] = []
        neutral: list[str] | None = None
        titles = root / "titles.json"
        data = _read_json(titles) if titles.is_file() else None
        if data is not None:
            versions.append(str(data.get("version") or ""))
            families = [TitleFamily.from_json(f) for f in data.get("families") or [] if f.get("id")]
            ladder = [SeniorityLevel.from_json(s) for s in data.get("seniority") or []]
            if isinstance(data.get("seniority_neutral"), list):
                neutral = [str(p) for p in data["seniority_neutral"] if isinstance(p, str)]
        version = max((v for v in versions if v), default="empty", key=_version_key)
        return cls(skills, families, ladder, version, neutral)

    def extend(
        self,
        skills: Iterable[Skill | Mapping[str, Any]] = (),
        titles: Iterable[TitleFamily | Mapping[str, Any]] = (),
    ) -> Taxonomy:
        """A new Taxonomy with extra entries merged in (same name or id → union of aliases)."""
        extra_skills = [s if isinstance(s, Skill) else Skill.from_json(s) for s in skills]
        extra_titles = [
            t if isinstance(t, TitleFamily) else TitleFamily.from_json(t) for t in titles
        ]
        digest = hashlib.sha1(
            repr((sorted(map(repr, extra_skills)), sorted(map(repr, extra_titles)))).encode()
        ).hexdigest()[:8]
        return Taxonomy(
            [*self._skills.values(), *extra_skills],
            [*self._families.values(), *extra_titles],
            self.ladder,
            f"{self.version}+ext.{digest}",
            self.seniority_neutral,
        )

    # ----------------------------------------------------------------- skills
    @cached_property
    def skill_matcher(self) -> PhraseMatcher:
        pairs: list[tuple[str, str]] = []
        plurals: list[tuple[str, str]] = []
        for skill in self._skills.values():
            for alias in (skill.name, *skill.aliases):
                pairs.append((alias, skill.name))
                if ACRONYM.fullmatch(alias):  # "GPUs", "CDNs", "LLMs"
                    plurals.append((alias + "s", skill.name))
        taken = {alias_key(alias) for alias, _ in pairs}
        plurals = [p for p in plurals if alias_key(p[0]) not in taken]
        return PhraseMatcher(pairs + plurals, exact_only=[alias for alias, _ in plurals])

    @property
    def skills(self) -> Sequence[Skill]:
        return tuple(self._skills.values())

    def skill(self, name: str) -> Skill | None:
        canonical = self.canonical_skill(name)
        return self._skills.get(alias_key(canonical)) if canonical else None

    def canonical_skill(self, alias: str) -> str | None:
        """Canonical name for any alias, case-insensitively ("js" → "JavaScript")."""
        return self.skill_matcher.lookup(alias)

    def related_skills(self, name: str) -> tuple[str, ...]:
        """Related skills, canonicalised, in both directions of the ``related`` lists."""
        return self._related.get(self.canonical_skill(name) or name, ())

    def included_skills(self, name: str) -> tuple[str, ...]:
        """Narrower skills that each show ``name``, canonicalised, and theirs in turn: "Data
        Pipelines" → ETL → AWS Glue, …"""
        canonical = self.canonical_skill(name)
        return self._included.get(canonical, ()) if canonical else ()

    def with_broader(self, skills: Iterable[str]) -> tuple[str, ...]:
        """The skills and every broader one they show, sorted: Django shows Python, PostgreSQL
        shows SQL and Relational Databases (the reverse of included_skills)."""
        out = {self.canonical_skill(s) or s for s in skills}
        for skill in list(out):
            out.update(self._broader.get(skill, ()))
        return tuple(sorted(out))

    def kinds(self, skill: str) -> frozenset[str]:
        """The umbrellas that list ``skill`` itself among alternatives of one kind (``peers``):
        PostgreSQL → Relational Databases, AWS → Cloud Computing; Django → none
        ("Python" and "Backend Development" group skills of different kinds), Amazon S3 → none
        (it is in Cloud Computing only through AWS, an ecosystem)."""
        return self._kinds.get(skill, frozenset())

    @cached_property
    def _kinds(self) -> dict[str, frozenset[str]]:
        kinds: dict[str, set[str]] = {}
        for name, narrower in self._direct_included.items():
            if (entry := self.skill(name)) is not None and entry.peers:
                for skill in narrower:
                    kinds.setdefault(skill, set()).add(name)
        return {k: frozenset(v) for k, v in kinds.items()}

    @cached_property
    def _broader(self) -> dict[str, tuple[str, ...]]:
        broader: dict[str, list[str]] = {}
        for name, narrower in sorted(self._included.items()):
            for skill in narrower:
                broader.setdefault(skill, []).append(name)
        return {k: tuple(v) for k, v in broader.items()}

    @cached_property
    def _direct_included(self) -> dict[str, list[str]]:
        direct: dict[str, list[str]] = {}
        for skill in self._skills.values():
            found = (self.canonical_skill(s) for s in skill.includes)
            direct[skill.name] = [s for s in dict.fromkeys(found) if s and s != skill.name]
        return direct

    @cached_property
    def _included(self) -> dict[str, tuple[str, ...]]:
        direct = self._direct_included
        closure: dict[str, tuple[str, ...]] = {}
        for name, first in direct.items():
            seen: dict[str, None] = {}
            todo = list(first)
            while todo:
                narrower = todo.pop(0)
                if narrower != name and narrower not in seen:
                    seen[narrower] = None
                    todo.extend(direct.get(narrower, ()))
            if seen:
                closure[name] = tuple(seen)
        return closure

    @cached_property
    def _related(self) -> dict[str, tuple[str, ...]]:
        graph: dict[str, dict[str, None]] = {}
        for skill in self._skills.values():
            for rel in skill.related:
                other = self.canonical_skill(rel)
                if other and other != skill.name:
                    graph.setdefault(skill.name, {})[other] = None
                    graph.setdefault(other, {})[skill.name] = None
        return {k: tuple(v) for k, v in graph.items()}

    def category(self, name: str) -> str | None:
        skill = self.skill(name)
        return skill.category if skill else None

    @cached_property
    def language_words(self) -> frozenset[str]:
        """Every word of a spoken language's name or one-word alias, lower case ("german",
        "deutsch", "deutschkenntnisse"): a text with none of them names no language."""
        return frozenset(
            word
            for skill in self._skills.values()
            if skill.category == LANGUAGE_CATEGORY
            for name in (skill.name, *skill.aliases)
            if " " not in name or name == skill.name
            for word in _WORD.findall(name.lower())
        )

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(sorted({s.category for s in self._skills.values()}))

    def find_skills(self, text: str, *, structured: bool = False) -> list[PhraseMatch]:
        """Every skill mention in ``text``; an alias with several senses means the one the
        text's other skills stand nearest to (``SharedAliasReading``)."""
        matcher = self.skill_matcher
        found = coordinated_matches(text, matcher.find(text, structured=structured), matcher)
        found = self.resolve_senses(found)
        if extra := [m for m in pattern_matches(text) if not _overlaps(m, found)]:
            return sorted([*found, *extra], key=lambda m: (m.start, m.end))
        return found

    # ----------------------------------------------------------------- titles
    @cached_property
    def title_matcher(self) -> PhraseMatcher:
        pairs: list[tuple[str, str]] = []
        for family in self._families.values():
            pairs.append((family.name, family.id))
            pairs.extend((syn, family.id) for syn in (*family.synonyms, *family.standalone))
        return PhraseMatcher(
            pairs, whole_only=(s for f in self._families.values() for s in f.standalone)
        )

    @property
    def families(self) -> Sequence[TitleFamily]:
        return tuple(self._families.values())

    def family(self, family_id: str | None) -> TitleFamily | None:
        return self._families.get(family_id) if family_id else None

    def find_titles(self, text: str) -> list[PhraseMatch]:
        return self.title_matcher.find(text)

    def family_for_title(self, title: str) -> TitleFamily | None:
        """Family of a job title: the longest title phrase found in it (exact lookup first), or
        the one a qualifier set apart names with it ("Systems Engineer - Satellite")."""
        exact = self.title_matcher.lookup(title)
        if exact:
            return self._families.get(exact)
        found = self.find_titles(title)
        if not found:
            return None
        best = max(found, key=lambda m: (m.end - m.start, -m.start))
        if best.value in UMBRELLA_FAMILIES:
            best_id = self.specialised_family(title, best) or best.value
            return self._families.get(best_id)
        return self._families.get(self.qualified_family(title, best) or best.value)

    def related_families(self, family_id: str) -> tuple[str, ...]:
        """Related family ids, symmetric; a family and those it is a kind of are related."""
        return self._related_families.get(family_id, ())

    @cached_property
    def _related_families(self) -> dict[str, tuple[str, ...]]:
        graph: dict[str, dict[str, None]] = {}
        for family in self._families.values():
            for rel in (*family.related, *family.kind_of):
                if rel in self._families and rel != family.id:
                    graph.setdefault(family.id, {})[rel] = None
                    graph.setdefault(rel, {})[family.id] = None
        return {k: tuple(v) for k, v in graph.items()}

    def narrower_families(self, family_id: str) -> tuple[str, ...]:
        """The families that are kinds of this one (``TitleFamily.kind_of``), and kinds of
        those in turn: registered-nurse → icu-nurse, er-nurse, … Sorted; empty for most."""
        return self._narrower_families.get(family_id, ())

    @cached_property
    def _narrower_families(self) -> dict[str, tuple[str, ...]]:
        direct: dict[str, set[str]] = {}
        for family in self._families.values():
            for broader in family.kind_of:
                if broader in self._families and broader != family.id:
                    direct.setdefault(broader, set()).add(family.id)
        closure: dict[str, tuple[str, ...]] = {}
        for broader in direct:
            seen: set[str] = set()
            todo = list(direct[broader])
            while todo:  # a cycle in the data ends here rather than looping
                narrower = todo.pop()
                if narrower != broader and narrower not in seen:
                    seen.add(narrower)
                    todo.extend(direct.get(narrower, ()))
            closure[broader] = tuple(sorted(seen))
        return closure


def _read_json(item: Path | Traversable) -> dict[str, Any] | None:
    try:
        data = json.loads(item.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


_default: Taxonomy | None = None
_default_lock = threading.Lock()


def default_taxonomy() -> Taxonomy:
    """The process-wide taxonomy: the package data, loaded once on first use, unless a caller
    installed another (e.g. the package data extended with an O*NET/ESCO import)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Taxonomy.load()
    return _default


def set_default_taxonomy(taxonomy: Taxonomy | None) -> None:
    """Install the taxonomy every engine function uses by default (None: back to package data).
    Call at start-up, before parsing or scoring: parsed profiles record the version they used."""
    global _default
    with _default_lock:
        _default = taxonomy


def _overlaps(match: PhraseMatch, found: Sequence[PhraseMatch]) -> bool:
    """Whether an alias mention of the same skill already covers part of ``match``."""
    return any(
        f.value == match.value and f.start < match.end and match.start < f.end for f in found
    )
