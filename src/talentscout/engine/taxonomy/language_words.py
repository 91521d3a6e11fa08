"""A language's name used as an adjective: "German labour law" says nothing of speaking German.

Why: postings and resumes name a country's law, market or qualification by its language's
adjective ("German GAAP", "German CPA"); read as the language, each was quoted as proof of a
language must-have. The matcher (``matcher.PhraseMatcher``) drops such a mention in running
text; in a skills field or a languages list every mention is the language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# A language's bare name ("German") before a noun is the adjective ("German labour law", "German
# CPA", "the German market"), not the language; before these words, a bracket, punctuation or
# the end it is the language ("German (C1)", "German-speaking", "fluent German and English",
# "German communication skills").
_LANGUAGE_AFTER = frozenset(
    "language languages lang speaker speakers speaking spoken written native natively mother "
    "tongue fluent fluency fluently proficiency proficient skills skill level levels business "
    "communication working conversational basic basics elementary beginner intermediate advanced "
    "upper professional full limited bilingual certificate certification course courses classes "
    "lessons teacher teaching tutor translation translator translations interpreter "
    "interpreting and or as at in on with for to is are was from by of plus also well "
    "required preferred desirable essential a an the".split()
)
_LEVEL_CODE = re.compile(r"[ABC][12]\b|TestDaF|Goethe|DELF|DALF|DELE|JLPT|HSK|IELTS|TOEFL")
_NEXT_WORD = re.compile(r"[ \t]*-?[ \t]*([^\W\d_][\w']*)")


def adjective_use(text: str, end: int) -> bool:
    """Whether a language's bare name ending at ``end`` qualifies the noun after it ("German
    labour law", "German-based"), rather than naming the language ("German (C1)", "German,
    English", "German-speaking", "German C1")."""
    following = _NEXT_WORD.match(text, end)
    if following is None or _LEVEL_CODE.match(following.group(1)):
        return False
    return following.group(1).lower() not in _LANGUAGE_AFTER


def language_names(values: Mapping[str, str]) -> frozenset[str]:
    """The alias keys that are a language's bare name: the same value also goes by "<name>
    Language" ("german" beside "germanlanguage"; keys as ``matcher.alias_key`` writes them)."""
    suffix = "language"
    return frozenset(
        key[: -len(suffix)]
        for key, value in values.items()
        if key.endswith(suffix) and values.get(key[: -len(suffix)]) == value
    )
