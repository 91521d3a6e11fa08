"""Skills, title families and seniority: the vocabulary the parser, the ICP and the scorer share."""

from talentscout.engine.taxonomy.loader import Taxonomy, default_taxonomy, set_default_taxonomy
from talentscout.engine.taxonomy.matcher import PhraseMatch, PhraseMatcher, alias_key
from talentscout.engine.taxonomy.model import (
    ANY_FIELD,
    CREDENTIAL_CATEGORY,
    LANGUAGE_CATEGORY,
    WORKPLACE_CATEGORY,
    SeniorityLevel,
    Skill,
    TitleFamily,
    field_of,
    typical_share,
)

__all__ = [
    "ANY_FIELD",
    "CREDENTIAL_CATEGORY",
    "LANGUAGE_CATEGORY",
    "PhraseMatch",
    "PhraseMatcher",
    "SeniorityLevel",
    "Skill",
    "Taxonomy",
    "TitleFamily",
    "WORKPLACE_CATEGORY",
    "alias_key",
    "default_taxonomy",
    "field_of",
    "set_default_taxonomy",
    "typical_share",
]
