"""Job titles that name a field rather than a job ("Data Science", "Human Resources", "Health and
Fitness", "Database"): which title family they mean. A mixin of ``Taxonomy``.

Recruiters and ATS categories often send the department or field as the title. A field word
rarely names one family: "Database" fits a DBA, a database developer and a data architect. The
title narrows the families to those whose phrases cover every title word; the description, read
for each family's own words and typical skills, picks one of them. When neither settles it there
is no family: a wrong family costs more than none (the title's words still count).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING

from talentscout.engine.taxonomy.matcher import PhraseMatch, PhraseMatcher
from talentscout.engine.taxonomy.model import TitleFamily, field_of

_WORD = re.compile(r"[a-z0-9+#.]+")
# "Health and Fitness", "Sales & Marketing", "Legal/Compliance": fields offered side by side.
_FIELD_JOINER = re.compile(r"\s*(?:&|/|,|\band\b|\bor\b)\s*|\s\+\s", re.I)
MAX_FIELDS = 4  # fields read from one title ("A / B / C / D"); more is not a title
_STOPWORDS = frozenset("a an and or of the for in on to with at by".split())

#: Words that name a role's shape, not its field: alone they must not pick a family by stem
#: ("officer" would otherwise match "office manager", "team" a "red team" tester).
_GENERIC_TITLE_WORDS = frozenset(
    "officer officers team teams member members executive executives lead leader leaders head "
    "staff associate associates assistant person people worker workers group unit department "
    "professional professionals employee manager managers owner founder cofounder co-founder "
    "partner partners president director".split()
)
#: Role nouns shared by the families of many fields: "Principal Engineer" or "Senior Analyst"
#: names no field, and guessing one from the description's words is a gamble.
_ROLE_NOUNS = frozenset(
    "engineer engineers developer developers analyst analysts specialist specialists consultant "
    "consultants technician technicians programmer programmers architect architects scientist "
    "scientists administrator administrators coordinator coordinators representative agent "
    "advisor adviser".split()
)


# Words the prefix rule would join that mean unrelated things ("Store Colleague" is no college
# professor).
_FALSE_FRIENDS = frozenset(
    {frozenset(("colleague", "college")), frozenset(("colleagues", "college"))}
)


def same_stem(a: str, b: str) -> bool:
    """Equal, sharing a prefix of five letters that is most of the shorter word ("science" /
    "scientist", "management" / "manager"; not "electrical" / "electronics"), or one word of
    four or more letters starting the other with a short ending ("test" / "testing",
    "recruit" / "recruitment"; not "data" / "database", "sales" / "salesforce")."""
    if a == b:
        return True
    if frozenset((a, b)) in _FALSE_FRIENDS:
        return False
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    shorter, longer = sorted((len(a), len(b)))
    if n == shorter:  # one word starts the other: a short ending only ("sales"/"salesforce")
        return n >= 4 and longer - n <= (4 if n >= 5 else 3)
    return n >= 5 and n >= 0.65 * shorter


def _words(text: str) -> list[str]:
    words = (w.rstrip(".") for w in _WORD.findall(text.lower()))
    return [w for w in words if len(w) > 1 and w not in _STOPWORDS]


#: Families whose titles say only "writes software": a qualifier beside them ("Backend Software
#: Engineer", "Software Engineer, Machine Learning") names the actual job.
UMBRELLA_FAMILIES = frozenset({"software-engineer"})
_QUALIFIER_SPLIT = re.compile(r"[,|()\[\]/&:;]|\s[-–—]+\s|\s-|-\s")
# "Software Engineer @ Oracle", "… at Meta, Machine Learning": the employer, up to a separator
_EMPLOYER = re.compile(r"\s(?:@|at)\s(?:(?!\s[-–—]+\s)[^,|()\[\]/&:;])*", re.I)
_ROLE_NOUNS_OF_BUILDERS = ("Engineer", "Developer")
# A qualifier may name a software or data specialty only: "Software Engineer, Sales" is not a
# sales engineer, nor "Software Engineer - Manufacturing" a manufacturing engineer.
_SPECIALTY_CATEGORIES = frozenset({"software", "data"})


class JobTitleReading:
    """Reading job titles (``family_for_job_title``, ``find_titles_in_title``) over the families
    and skills that ``Taxonomy`` holds."""

    _families: dict[str, TitleFamily]

    if TYPE_CHECKING:

        def family_for_title(self, title: str) -> TitleFamily | None: ...
        def canonical_skill(self, alias: str) -> str | None: ...
        def category(self, name: str) -> str | None: ...
        @property
        def family_named_skills(self) -> dict[str, tuple[str, ...]]: ...
        def find_skills(self, text: str, *, structured: bool = False) -> list[PhraseMatch]: ...
        def _is_rank_word(self, word: str) -> bool: ...
        @property
        def family_skill_sets(self) -> dict[str, frozenset[str]]: ...
        @property
        def families_typical_of(self) -> dict[str, tuple[str, ...]]: ...
        @property
        def title_matcher(self) -> PhraseMatcher: ...
        def find_titles(self, text: str) -> list[PhraseMatch]: ...

    def find_titles_in_title(self, title: str) -> list[PhraseMatch]:
        """find_titles for a text that is meant as a job title (a role's title, a headline):
        typed on purpose, so when it is one title alias as a whole, any casing will do ("Hr",
        "Qa engineer"), as it will not for an acronym in running text."""
        found = self.find_titles(title)
        if not found and (value := self.title_matcher.lookup(title)) is not None:
            found = [PhraseMatch(value, 0, len(title), title)]
        return found

    def specialised_family(self, title: str, umbrella: PhraseMatch) -> str | None:
        """The one software or data family a qualifier beside an umbrella title names as an
        engineer or developer: "Senior Backend Software Engineer" → Backend Engineer, "Staff
        Software Engineer, Machine Learning - Fraud" → Machine Learning Engineer, "Lead
        Software Engineer - Java" → Java Developer. None when no qualifier names one, or
        several name different ones ("Software Engineer (Go / Rust / Java)" stays a software
        engineer); an employer after "@" or "at" is no qualifier."""
        if umbrella.text.split()[-1].lower() not in ("engineer", "developer", "programmer"):
            return None  # "SDE", "SWE": no role noun to join a qualifier to
        found: set[str] = set()
        for words in self._qualifiers(title, umbrella):
            for noun in _ROLE_NOUNS_OF_BUILDERS:
                family_id = self.title_matcher.lookup(f"{' '.join(words)} {noun}")
                family = self._families.get(family_id) if family_id else None
                if (
                    family is not None
                    and family.id != umbrella.value
                    and family.category in _SPECIALTY_CATEGORIES
                    and family.name.split()[-1] in _ROLE_NOUNS_OF_BUILDERS
                ):
                    found.add(family.id)
        return found.pop() if len(found) == 1 else None

    def qualified_family(self, title: str, found: PhraseMatch) -> str | None:
        """The family a qualifier set apart from a title names together with it, when that
        is a title of its own: "Systems Engineer - Satellite" is a satellite systems engineer
        (aerospace), not the systems administrator "Systems Engineer" alone means. None when
        no qualifier or several different ones do so."""
        named: set[str] = set()
        for words in self._qualifiers(title, found):
            family_id = self.title_matcher.lookup(f"{' '.join(words)} {found.text}")
            if family_id and family_id != found.value:
                named.add(family_id)
        return named.pop() if len(named) == 1 else None

    def _qualifiers(self, title: str, found: PhraseMatch) -> Iterator[list[str]]:
        """The words of each qualifier set apart from a title found in a job title (up to three,
        rank words aside), before or after it; an employer after "@" or "at" is none."""
        rest = f"{title[: found.start]} | {_EMPLOYER.sub('', title[found.end :])}"
        for piece in _QUALIFIER_SPLIT.split(rest):
            words = [w for w in piece.split() if not self._is_rank_word(w)]
            if words and len(words) <= 3:
                yield words

    def family_for_job_title(self, title: str, description: str = "") -> TitleFamily | None:
        """Like ``family_for_title``, plus a loose reading of titles that name the field rather
        than the job ("Data Science" → Data Scientist, "Web Designing" → Web Designer): every
        title word must share a stem with a word of one family phrase, and of the phrases with
        the fewest other words, one family must remain, alone or after the description is read
        (``_best_described``). Fields offered side by side ("Health and Fitness") are read one
        by one and their families pooled. A title that is one skill (".NET", "Java") means the
        families named after it, else those it is typical of ("Docker": DevOps, platform…)."""
        found = self.family_for_title(title)
        if found is not None:
            return found
        skill = self.canonical_skill(title)
        candidates = self._field_families(_words(title))
        if skill:  # a skill's own field only: "Docker" is not a "docket" clerk
            field = field_of(self.category(skill) or "general")
            candidates = (
                set(self._families_named_after.get(skill, ()))
                or {f for f in candidates if field_of(self._families[f].category) == field}
                or set(self.families_typical_of.get(skill, ()))
            )
        if not candidates and not skill:
            parts = list(dict.fromkeys(p.strip() for p in _FIELD_JOINER.split(title)))
            parts = [p for p in parts if p][:MAX_FIELDS]
            if len(parts) > 1:
                candidates = set().union(*(self._field_families(_words(p)) for p in parts))
        if len(candidates) == 1:
            return self._families[next(iter(candidates))]
        return self._best_described(candidates, description) if candidates else None

    def _field_families(self, words: list[str]) -> set[str]:
        """Families with a phrase covering every word (rank words aside), fewest extra words."""
        words = [w for w in words if not self._is_rank_word(w)]
        if all(w in _GENERIC_TITLE_WORDS or w in _ROLE_NOUNS for w in words):
            return set()  # "Team Lead", "Principal Engineer": no field named to match on
        best: dict[int, set[str]] = {}
        for family_id, phrases in self._family_phrases.items():
            for phrase in phrases:
                if all(any(same_stem(w, p) for p in phrase) for w in words):
                    extra = sum(1 for p in phrase if not any(same_stem(w, p) for w in words))
                    best.setdefault(extra, set()).add(family_id)
        return best[min(best)] if best else set()

    def _best_described(self, candidates: Iterable[str], description: str) -> TitleFamily | None:
        """The one candidate the description speaks of most: the family's own title words it
        uses (by stem, "recruiter"/"recruiting" once), plus the family's typical skills it names.
        None on a tie or when it names none of them."""
        by_start: dict[str, set[str]] = {}  # words that can share a stem share 4 letters
        for w in _words(description):
            by_start.setdefault(w[:4], set()).add(w)
        if not by_start:
            return None
        skills = {m.value for m in self.find_skills(description)}
        scored: list[tuple[int, str]] = []
        for family_id in candidates:
            own = self._family_words[family_id]
            hits = len(
                {o[:5] for o in own if any(same_stem(w, o) for w in by_start.get(o[:4], ()))}
            )
            scored.append((hits + len(skills & self.family_skill_sets[family_id]), family_id))
        scored.sort(reverse=True)
        if scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        return self._families[scored[0][1]]

    @cached_property
    def _families_named_after(self) -> dict[str, tuple[str, ...]]:
        named: dict[str, list[str]] = {}
        for family_id, skills in self.family_named_skills.items():
            for skill in skills:
                named.setdefault(skill, []).append(family_id)
        return {skill: tuple(ids) for skill, ids in named.items()}

    @cached_property
    def _family_phrases(self) -> dict[str, list[tuple[str, ...]]]:
        return {
            f.id: [tuple(_WORD.findall(p.lower())) for p in (f.name, *f.synonyms)]
            for f in self._families.values()
        }

    @cached_property
    def _family_words(self) -> dict[str, frozenset[str]]:
        """The words of a family's name and synonyms that say what the work is."""
        return {
            family_id: frozenset(
                w
                for phrase in phrases
                for w in phrase
                if len(w) > 2
                and w not in _STOPWORDS
                and w not in _GENERIC_TITLE_WORDS
                and not self._is_rank_word(w)
            )
            for family_id, phrases in self._family_phrases.items()
        }
