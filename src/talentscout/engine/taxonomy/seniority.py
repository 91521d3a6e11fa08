"""Reading seniority out of titles: the ladder's words, where a word stands in a title (a
modifier, a role noun, a neutral phrase), the highest level a title names, the span of levels
it offers, and the level years reach. A mixin of ``Taxonomy``, which holds the ladder."""

from __future__ import annotations

import re
from functools import cached_property

from talentscout.engine.taxonomy.model import SeniorityLevel

# Where one role phrase of a title ends and the next begins: "VP, Engineering", "Head of Sales",
# "Sales & Marketing Executive", "Engineer (Platform)", "Founder / CEO".
_PHRASE_BREAK = re.compile(
    r"\s*[,;:/|&()\[\]@+]\s*|\s+[-–—]\s+|\s*—\s*"
    r"|\s+(?:of|for|at|in|and|to|with|on|from)\s+",
    re.IGNORECASE,
)
_TITLE_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'.-]*")


#: What stands between two ladder words offered as alternatives: "Senior, Staff, or Principal",
#: "Sr. to Lead", "Senior/Staff", "Mid-Senior".
_ALTERNATIVE_LEVELS = re.compile(
    r"\.?\s*(?:[,/&–-]|\bor\b|\bto\b|\band\b|,\s*(?:or|and)\b)\s*", re.I
)


class SeniorityReading:
    """Seniority lookups over ``ladder`` and ``seniority_neutral`` (set by ``Taxonomy``)."""

    ladder: tuple[SeniorityLevel, ...]
    seniority_neutral: tuple[str, ...]

    @cached_property
    def _seniority_words(self) -> tuple[re.Pattern[str], dict[str, tuple[SeniorityLevel, str]]]:
        """One pattern over every ladder word and neutral phrase (longest first), and what each
        word is: (level, "synonym" | "modifier" | "role_noun"). Neutral phrases are matched (so
        the words inside them are not) but have no entry. When one word is listed twice, a
        synonym beats a modifier beats a role noun, then the higher rank wins. Synonyms only: a
        level's id ("manager") is not necessarily a title word for it."""
        priority = {"role_noun": 0, "modifier": 1, "synonym": 2}
        table: dict[str, tuple[SeniorityLevel, str]] = {}
        for lvl in self.ladder:
            listed = (
                *((w, "synonym") for w in lvl.synonyms),
                *((w, "modifier") for w in lvl.modifiers),
                *((w, "role_noun") for w in lvl.role_nouns),
            )
            for word, kind in listed:
                key = seniority_key(word)
                old = table.get(key)
                if key and (
                    old is None or (priority[kind], lvl.rank) > (priority[old[1]], old[0].rank)
                ):
                    table[key] = (lvl, kind)
        keys = sorted({*table, *self.seniority_neutral}, key=lambda w: (-len(w), w))
        alternation = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in keys) or "(?!x)x"
        pattern = re.compile(
            r"(?<![A-Za-z0-9])(" + alternation + r")\.?(?![A-Za-z0-9])", re.IGNORECASE
        )
        return pattern, table

    def seniority_level(self, level: str | None) -> SeniorityLevel | None:
        for lvl in self.ladder:
            if level and lvl.level == level:
                return lvl
        return None

    def _is_rank_word(self, word: str) -> bool:
        """A word that only says how senior ("senior", "staff", "chief"), not which job."""
        found = self._seniority_words[1].get(seniority_key(word))
        return found is not None and found[1] != "role_noun"

    def seniority_in_title(self, title: str) -> SeniorityLevel | None:
        """Highest ladder level named in a title ("Senior Director" → director).

        A title is read as role phrases ("VP, Engineering" and "Head of Sales" are two each);
        the last word of a phrase is its role noun. Modifiers count in front of a role noun
        ("Staff Engineer") or alone ("principal", as a refinement says it), not as the role noun
        after other words ("Nursing Staff", "School Principal"); role nouns count only as the
        last word of a longer phrase ("Account Executive", not "Executive Chef"); and a neutral
        phrase ("Staff Nurse", "Lead Generation") hides the ladder words inside it. A title that
        names no level (a bare "Product Manager", a department such as "Engineering") gives
        None: the years then decide, and years alone never go beyond senior."""
        found = self._levels_in_title(title)
        return max(found, key=lambda m: m[2].rank)[2] if found else None

    def seniority_span_in_title(self, title: str) -> tuple[SeniorityLevel, SeniorityLevel] | None:
        """(lowest, highest) level a title accepts. Levels offered as alternatives ("Senior,
        Staff, or Principal", "Sr. to Lead", "Senior/Staff") widen the span down from the
        highest; levels that stack ("Senior Staff", "Senior Director") do not."""
        found: list[tuple[int, int, SeniorityLevel]] = []
        for start, end, level in self._levels_in_title(title):
            if found and not title[found[-1][1] : start].strip():  # stacked: "Senior Staff"
                prev = found.pop()
                level = max(prev[2], level, key=lambda lvl: lvl.rank)
                start = prev[0]
            found.append((start, end, level))
        if not found:
            return None
        top = max(range(len(found)), key=lambda i: found[i][2].rank)
        low = high = top
        while low > 0 and _ALTERNATIVE_LEVELS.fullmatch(title[found[low - 1][1] : found[low][0]]):
            low -= 1
        while high < len(found) - 1 and _ALTERNATIVE_LEVELS.fullmatch(
            title[found[high][1] : found[high + 1][0]]
        ):
            high += 1
        ranks = [m[2] for m in found[low : high + 1]]
        return min(ranks, key=lambda lvl: lvl.rank), found[top][2]

    def _levels_in_title(self, title: str) -> list[tuple[int, int, SeniorityLevel]]:
        """(start, end, level) of every ladder word that counts in a title, in order."""
        pattern, table = self._seniority_words
        phrases = _role_phrases(title)
        out: list[tuple[int, int, SeniorityLevel]] = []
        for m in pattern.finditer(title):
            found = table.get(seniority_key(m.group(1)))
            if found is None:  # a neutral phrase
                continue
            lvl, kind = found
            if kind != "synonym":
                words = next((w for w in phrases if w[0][0] <= m.start(1) < w[-1][1]), [])
                before = [w for w in words if w[1] <= m.start(1)]
                after = [w for w in words if w[0] >= m.end(1)]
                if kind == "modifier" and before and not after:
                    continue  # "Nursing Staff", "School Principal": the role noun itself
                if kind == "role_noun" and (after or not before):
                    continue  # "Executive Assistant", a bare "Executive": a modifier or unclear
            out.append((m.start(1), m.end(1), lvl))
        return out

    def seniority_for_years(self, years: float) -> SeniorityLevel | None:
        """The level whose ``min_years`` the years reach, among the individual-contributor steps
        (years alone never make someone a director)."""
        candidates = [lvl for lvl in self.ladder if 0 < lvl.rank <= 3]
        best: SeniorityLevel | None = None
        for lvl in candidates:
            if years >= lvl.min_years:
                best = lvl
        return best


def _role_phrases(title: str) -> list[list[tuple[int, int]]]:
    """The word spans of each role phrase of a title; phrases end at punctuation, spaced dashes
    and linking words ("of", "for", "at", "and" …)."""
    phrases: list[list[tuple[int, int]]] = []
    start = 0
    for end, nxt in [(m.start(), m.end()) for m in _PHRASE_BREAK.finditer(title)] + [
        (len(title), len(title))
    ]:
        words = [
            (start + w.start(), start + w.end()) for w in _TITLE_WORD.finditer(title[start:end])
        ]
        if words:
            phrases.append(words)
        start = nxt
    return phrases


def seniority_key(word: str) -> str:
    return " ".join(word.lower().replace("-", " ").rstrip(".").split())
