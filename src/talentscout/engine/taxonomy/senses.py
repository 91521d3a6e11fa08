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


Part = tuple[str, bool]  # a piece of a document and whether it is a structured skills field


class _Document:
    """The whole profile or posting being read: its parts, matched for skills only when a
    shared alias turns up and its own text cannot settle it, once per document."""

    def __init__(self, parts: Callable[[], Iterable[Part]]) -> None:
        self.parts = parts
        self.skills: set[str] | None = None
        self.chosen: dict[str, str | None] = {}  # alias key → the sense it settles, if any


_DOCUMENT: ContextVar[_Document | None] = ContextVar("talentscout_document", default=None)
MAX_DOCUMENT_CHARS = 100_000  # of a document read for context; a resume is a few thousand


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
    def reading(self, parts: Callable[[], Iterable[Part]]) -> Iterator[None]:
        """Within this block every ``find_skills`` call reads a part of one document (a
        profile, a posting; ``parts`` builds it only when needed). A shared alias whose own
        text does not settle its sense ("Shipped AR features", a title "AR Developer") takes
        the sense the whole document supports, the same for every such mention."""
        token = _DOCUMENT.set(_Document(parts))
        try:
            yield
        finally:
            _DOCUMENT.reset(token)

    @contextmanager
    def reading_nothing(self) -> Iterator[None]:
        """A block that reads no document: taxonomy-wide tables must not depend on which
        profile happened to be read when they were first built."""
        token = _DOCUMENT.set(None)
        try:
            yield
        finally:
            _DOCUMENT.reset(token)

    def resolve_senses(self, found: list[PhraseMatch]) -> list[PhraseMatch]:
        """``found`` with each mention of a shared alias given the sense its context picks:
        skills of the same text that stand close to one sense (related, narrower or broader);
        else the document being read (``reading``), closeness then field; else the same
        text's field; else the owner's sense. One generic skill of a field in the same line
        ("AR aging reports with SQL") does not outvote an accountant's whole profile."""
        shared = [self._shared_key(m) for m in found]
        if not any(shared):
            return found
        local = {m.value for m, key in zip(found, shared, strict=True) if key is None}
        chosen: dict[str, str] = {}
        for key in dict.fromkeys(k for k in shared if k):
            senses = self._senses[key]
            chosen[key] = (
                self._clear_sense(local, senses, by_field=False)
                or self._document_sense(key, senses)
                or self._clear_sense(local, senses, by_field=True)
                or senses[0]
            )
        return [
            m._replace(value=chosen[key]) if key else m
            for m, key in zip(found, shared, strict=True)
        ]

    def _document_sense(self, key: str, senses: tuple[str, ...]) -> str | None:
        document = _DOCUMENT.get()
        if document is None:
            return None
        if key not in document.chosen:
            if document.skills is None:
                document.skills = self._skills_of(document)
            document.chosen[key] = self._clear_sense(document.skills, senses, by_field=True)
        return document.chosen[key]

    def _skills_of(self, document: _Document) -> set[str]:
        skills: set[str] = set()
        budget = MAX_DOCUMENT_CHARS
        for text, structured in document.parts():
            if budget <= 0:
                break
            text = text[:budget]
            budget -= len(text)
            found = self.skill_matcher.find(text, structured=structured)
            skills.update(m.value for m in found if not self._shared_key(m))
        return skills

    def is_shared_alias(self, text: str) -> bool:
        """``text`` is an alias with several senses ("AR", "EVM")."""
        return alias_key(text) in self._senses

    def _shared_key(self, match: PhraseMatch) -> str | None:
        if match.value not in self._sense_owners:
            return None
        key = alias_key(match.text)
        return key if key in self._senses else None

    def _clear_sense(
        self, context: set[str], senses: tuple[str, ...], *, by_field: bool
    ) -> str | None:
        """The sense with the most context skills close to it (related, narrower or broader),
        then (``by_field``) the most of its own field — when one sense leads; None on a tie."""

        def support(sense: str) -> tuple[int, int]:
            near, field = self._sense_near[sense]
            if not by_field:
                return len(context & near), 0
            same_field = sum(1 for c in context if field_of(self.category(c) or "") == field)
            return len(context & near), same_field

        ranked = sorted(((support(sense), sense) for sense in senses), reverse=True)
        best, runner_up = ranked[0][0], ranked[1][0]
        return ranked[0][1] if best > runner_up else None

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
