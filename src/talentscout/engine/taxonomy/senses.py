"""Aliases with several senses: "AR" is accounts receivable beside a general ledger and
augmented reality beside Unity. A mixin of ``Taxonomy``.

The matcher keeps one value per alias (its owner's skill). A skill that may also go by that
alias lists it in ``shared_aliases``; a mention is then re-read as the sense the other skills
of the same text stand nearest to — related, narrower or broader skills first, then skills of
the sense's own field — and stays the owner's when nothing says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property
from typing import TYPE_CHECKING

from talentscout.engine.taxonomy.matcher import PhraseMatch, PhraseMatcher, alias_key
from talentscout.engine.taxonomy.model import Skill, field_of

# An acronym of three to five capitals is also written in the plural ("GPUs", "CDNs"), matched
# only as spelled ("BY ALL MEANS" is no MEAN stack); two letters are left alone ("ITs", "PRs").
ACRONYM = re.compile(r"[A-Z]{3,5}")


class _Document:
    """The whole text being read (a profile, a posting), read for skills only when a shared
    alias turns up in one of its parts."""

    def __init__(self, text: Callable[[], str]) -> None:
        self.text = text
        self.skills: set[str] | None = None


_DOCUMENT: ContextVar[_Document | None] = ContextVar("talentscout_document", default=None)


class SharedAliasReading:
    """``resolve_senses`` over the skills ``Taxonomy`` holds."""

    _skills: dict[str, Skill]

    if TYPE_CHECKING:

        def canonical_skill(self, alias: str) -> str | None: ...
        def category(self, name: str) -> str | None: ...
        def related_skills(self, name: str) -> tuple[str, ...]: ...
        def included_skills(self, name: str) -> tuple[str, ...]: ...
        def with_broader(self, skills: Iterable[str]) -> tuple[str, ...]: ...
        @property
        def skill_matcher(self) -> PhraseMatcher: ...

    @contextmanager
    def reading(self, document: Callable[[], str]) -> Iterator[None]:
        """Within this block every ``find_skills`` call reads a part of ``document`` (the whole
        profile or posting, built only if needed): a shared alias takes the sense the whole
        document supports, so a title, a bullet and a skills line agree on what "AR" means."""
        token = _DOCUMENT.set(_Document(document))
        try:
            yield
        finally:
            _DOCUMENT.reset(token)

    def resolve_senses(self, found: list[PhraseMatch]) -> list[PhraseMatch]:
        """``found`` with each mention of a shared alias given the sense its context picks:
        the skills of the document being read (``reading``), else those beside it in the
        same text."""
        shared = [self._shared_key(m) for m in found]
        if not any(shared):
            return found
        document = _DOCUMENT.get()
        if document is None:
            context = {m.value for m, key in zip(found, shared, strict=True) if key is None}
        else:
            if document.skills is None:
                everything = self.skill_matcher.find(document.text())
                document.skills = {m.value for m in everything if not self._shared_key(m)}
            context = document.skills
        chosen: dict[str, str] = {}
        return [
            m._replace(value=chosen.setdefault(key, self._sense_in(context, self._senses[key])))
            if key
            else m
            for m, key in zip(found, shared, strict=True)
        ]

    def _shared_key(self, match: PhraseMatch) -> str | None:
        if match.value not in self._sense_owners:
            return None
        key = alias_key(match.text)
        return key if key in self._senses else None

    def _sense_in(self, context: set[str], senses: tuple[str, ...]) -> str:
        """The sense with the most context skills around it (related, narrower or broader),
        then the most of its own field; the owner's on a tie."""

        def support(sense: str) -> tuple[int, int]:
            near, field = self._sense_near[sense]
            same_field = sum(1 for c in context if field_of(self.category(c) or "") == field)
            return len(context & near), same_field

        return max(senses, key=lambda sense: (support(sense), -senses.index(sense)))

    @cached_property
    def _sense_near(self) -> dict[str, tuple[frozenset[str], str]]:
        """Each sense's neighbourhood (related, narrower and broader skills) and field."""
        out: dict[str, tuple[frozenset[str], str]] = {}
        for sense in {s for senses in self._senses.values() for s in senses}:
            near = {*self.related_skills(sense), *self.included_skills(sense)}
            near.update(self.with_broader([sense]))
            out[sense] = (frozenset(near), field_of(self.category(sense) or "general"))
        return out

    @cached_property
    def _sense_owners(self) -> frozenset[str]:
        return frozenset(senses[0] for senses in self._senses.values())

    @cached_property
    def _senses(self) -> dict[str, tuple[str, ...]]:
        """Alias key → (the owner's skill, the other senses), for aliases shared on purpose."""
        senses: dict[str, tuple[str, ...]] = {}
        for skill in self._skills.values():
            for alias in skill.shared_aliases:
                owner = self.canonical_skill(alias)
                if owner is None or owner == skill.name:
                    continue
                keys = [alias_key(alias)]
                if ACRONYM.fullmatch(alias):
                    keys.append(alias_key(alias + "s"))
                for key in keys:
                    senses[key] = (*senses.get(key, (owner,)), skill.name)
        return senses
