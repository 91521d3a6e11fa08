"""Which requirements are spoken languages, read off the ICP's own tables.

Why: a language is met by speaking it, and by nothing else: a job that needs German is not
partly met by Dutch or French. The taxonomy relates no language to another (since 2026.12.15);
this refusal of related-skill credit keeps holding for an extended taxonomy that does.
"""

from __future__ import annotations

from talentscout.engine.icp_model import ICP


def is_language(icp: ICP, skill: str) -> bool:
    """Whether a requirement is a spoken language: the taxonomy spells every language also as
    "<name> Language" ("German Language", "Chinese Language" for Mandarin Chinese); a skill
    whose full name only ends so ("Unified Modeling Language") is none."""
    names = {skill.casefold(), *(a.casefold() for a in icp.skill_aliases.get(skill, ()))}
    return any(f"{name} language" in names for name in names)
