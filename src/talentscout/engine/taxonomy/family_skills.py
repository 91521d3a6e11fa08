"""What a title family says about skills: the skills typical of it, the skills it is named after
("Python Developer" → Python), the practice its title names ("Data Scientist" → Data Science)
and its discipline. A mixin of ``Taxonomy``; every table is built once per taxonomy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from talentscout.engine.taxonomy.matcher import PhraseMatch
from talentscout.engine.taxonomy.model import TitleFamily

_ROLE_NOUN = re.compile(r"\b(?:engineer|developer|programmer)\b", re.I)
_ENGINEER = re.compile(r"\bengineer\b", re.I)
# A title's last word names the person; the practice is their discipline: "Data Scientist" →
# Data Science, "Project Manager" → Project Management, "Accountant" → Accounting.
_PRACTICE = {
    "scientist": "Science", "analyst": "Analysis", "designer": "Design",
    "manager": "Management", "accountant": "Accounting", "administrator": "Administration",
    "architect": "Architecture", "developer": "Development", "tester": "Testing",
    "consultant": "Consulting", "marketer": "Marketing", "recruiter": "Recruiting",
}  # fmt: skip
_PRACTITIONER = re.compile(rf"\b(?:{'|'.join(_PRACTICE)})$", re.I)


class FamilySkills:
    """Tables from title families to skills over the families and skills ``Taxonomy`` holds."""

    _families: dict[str, TitleFamily]

    if TYPE_CHECKING:

        def canonical_skill(self, alias: str) -> str | None: ...
        def find_skills(self, text: str, *, structured: bool = False) -> list[PhraseMatch]: ...
        @contextmanager
        def reading_nothing(self) -> Iterator[None]: ...

    @cached_property
    def family_skill_sets(self) -> dict[str, frozenset[str]]:
        """Canonical skills typical of each family (for inferring a family from skills)."""
        return {
            f.id: frozenset(c for s in f.skills if (c := self.canonical_skill(s)))
            for f in self._families.values()
        }

    def _find_alone(self, text: str) -> list[PhraseMatch]:
        """``find_skills`` outside any document: for tables built once per taxonomy."""
        with self.reading_nothing():
            return self.find_skills(text)

    @cached_property
    def family_named_skills(self) -> dict[str, tuple[str, ...]]:
        """Skills a family is named after: "Python Developer" → Python; an engineer's discipline
        ("Electrical Engineer" → Electrical Engineering); for software jobs also the field read
        as "<name> development" ("Full Stack Engineer" → Full Stack Development). Empty for
        families named after no skill ("Nurse", "Account Manager")."""
        out: dict[str, tuple[str, ...]] = {}
        for f in self._families.values():
            names = [f.name, _ENGINEER.sub("Engineering", f.name)]
            if f.category == "software":
                names.append(_ROLE_NOUN.sub("development", f.name))
            found = [m.value for text in names for m in self._find_alone(text)]
            out[f.id] = tuple(dict.fromkeys(found))
        return out

    @cached_property
    def family_practice_skills(self) -> dict[str, tuple[str, ...]]:
        """The practice a practitioner's title names, when it is not already a named skill:
        "Data Scientist" → Data Science, "Project Manager" → Project Management. Holding the
        title shows it; listing it does not make someone in a related family that title."""
        out: dict[str, tuple[str, ...]] = {}
        for f in self._families.values():
            if m := _PRACTITIONER.search(f.name):
                practice = f.name[: m.start()] + _PRACTICE[m.group(0).lower()]
                named = self.family_named_skills.get(f.id, ())
                found = [p.value for p in self._find_alone(practice) if p.value not in named]
                if found:
                    out[f.id] = tuple(dict.fromkeys(found))
        return out

    def title_skills(self, family: str | None) -> tuple[str, ...]:
        """What holding a title of the family shows: the skills it is named after and its
        practice ("Python Developer" → Python, "Data Scientist" → Data Science)."""
        if family is None:
            return ()
        named = self.family_named_skills.get(family, ())
        return (*named, *self.family_practice_skills.get(family, ()))

    @cached_property
    def family_literal_skills(self) -> dict[str, tuple[str, ...]]:
        """Skills a family's name spells out ("Java Developer" → Java, "DevOps Engineer" →
        DevOps; none for "Software Engineer"): the stacks a role's title can name."""
        out: dict[str, tuple[str, ...]] = {}
        for f in self._families.values():
            if found := tuple(dict.fromkeys(m.value for m in self._find_alone(f.name))):
                out[f.id] = found
        return out

    @cached_property
    def titled_stacks(self) -> frozenset[str]:
        """Every skill some family's name spells out (``family_literal_skills``)."""
        return frozenset(s for found in self.family_literal_skills.values() for s in found)

    @cached_property
    def family_field_skills(self) -> dict[str, tuple[str, ...]]:
        """A family's discipline, the skills its title stands for without naming them ("Software
        Engineer" → Software Engineering, "Data Scientist" → Data Science; not Python for a
        "Python Developer"): years of it are years of the job itself."""
        out: dict[str, tuple[str, ...]] = {}
        for f in self._families.values():
            literal = self.family_literal_skills.get(f.id, ())
            derived = [s for s in self.family_named_skills.get(f.id, ()) if s not in literal]
            derived += self.family_practice_skills.get(f.id, ())
            if derived:
                out[f.id] = tuple(derived)
        return out

    @cached_property
    def families_typical_of(self) -> dict[str, tuple[str, ...]]:
        """Skill → the families it is typical of (``family_skill_sets`` turned around), so a
        profile's skills reach their families without visiting every family."""
        typical_of: dict[str, list[str]] = {}
        for family_id, skills in self.family_skill_sets.items():
            for skill in skills:
                typical_of.setdefault(skill, []).append(family_id)
        return {skill: tuple(ids) for skill, ids in typical_of.items()}
