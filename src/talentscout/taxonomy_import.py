"""Extend the curated taxonomy from public sources: the O*NET database (tab-separated release)
and the ESCO skills CSV.

The curated taxonomy ships in the package; an import writes an *extension* file into the data
directory (``<data_dir>/taxonomy/extension.json``) that every process merges in at start-up with
``Taxonomy.extend``. Curated entries win: an imported alias already used by a curated skill or
title family is dropped, so imports can only add vocabulary, never re-route existing matches.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from talentscout.engine.taxonomy import Taxonomy, alias_key, default_taxonomy

EXTENSION_FILE = Path("taxonomy") / "extension.json"

# SOC major groups → the taxonomy's categories.
_SOC_CATEGORY = {
    "11": "operations", "13": "finance", "15": "software", "17": "engineering",
    "19": "engineering", "21": "healthcare", "23": "legal", "25": "education", "27": "design",
    "29": "healthcare", "31": "healthcare", "33": "operations", "35": "operations",
    "37": "operations", "39": "operations", "41": "sales", "43": "operations", "45": "operations",
    "47": "engineering", "49": "engineering", "51": "engineering", "53": "operations",
}  # fmt: skip
_MIN_OCCUPATIONS = 3  # a technology named by fewer occupations is too obscure to match on


@dataclass
class Extension:
    skills: list[dict[str, Any]] = field(default_factory=list)
    titles: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"skills": self.skills, "titles": self.titles}


def _read_tsv(path: Path) -> Iterable[dict[str, str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t")


def _known_aliases(taxonomy: Taxonomy) -> set[str]:
    known: set[str] = set()
    for skill in taxonomy.skills:
        known.add(alias_key(skill.name))
        known.update(alias_key(alias) for alias in skill.aliases)
    for family in taxonomy.families:
        known.add(alias_key(family.name))
        known.update(alias_key(s) for s in family.synonyms)
    return known


def import_onet(directory: Path, taxonomy: Taxonomy) -> Extension:
    """Technology Skills → skills; Occupation Data + Alternate Titles → title families."""
    known = _known_aliases(taxonomy)
    tech_rows = list(_read_tsv(directory / "Technology Skills.txt"))
    occupations_per_example: dict[str, set[str]] = defaultdict(set)
    hot: set[str] = set()
    by_occupation: dict[str, list[str]] = defaultdict(list)
    for row in tech_rows:
        example = (row.get("Example") or "").strip()
        code = (row.get("O*NET-SOC Code") or "").strip()
        if not example or not code:
            continue
        occupations_per_example[example].add(code)
        if row.get("Hot Technology") == "Y" or row.get("In Demand") == "Y":
            hot.add(example)
            by_occupation[code].append(example)
    skills: list[dict[str, Any]] = []
    for example in sorted(occupations_per_example):
        codes = occupations_per_example[example]
        if example not in hot and len(codes) < _MIN_OCCUPATIONS:
            continue
        if alias_key(example) in known or len(example) < 2:
            continue
        skills.append({"name": example, "aliases": [], "category": "software", "related": []})
        known.add(alias_key(example))
    titles = _onet_families(directory, by_occupation, known)
    return Extension(skills=skills, titles=titles)


def _onet_families(
    directory: Path, by_occupation: dict[str, list[str]], known: set[str]
) -> list[dict[str, Any]]:
    alternates: dict[str, list[str]] = defaultdict(list)
    for row in _read_tsv(directory / "Alternate Titles.txt"):
        code = (row.get("O*NET-SOC Code") or "").strip()
        for column in ("Alternate Title", "Short Title"):
            value = (row.get(column) or "").strip()
            if value and value.lower() != "n/a":
                alternates[code].append(value)
    families: list[dict[str, Any]] = []
    for row in _read_tsv(directory / "Occupation Data.txt"):
        code = (row.get("O*NET-SOC Code") or "").strip()
        title = (row.get("Title") or "").strip()
        if not code or not title:
            continue
        synonyms: list[str] = []
        for candidate in [title, *alternates.get(code, [])]:
            phrase = _clean_title(candidate)
            if phrase and alias_key(phrase) not in known:
                synonyms.append(phrase)
                known.add(alias_key(phrase))
        if not synonyms:
            continue
        top_skills = [name for name, _ in Counter(by_occupation.get(code, [])).most_common(12)]
        families.append(
            {
                "id": f"onet-{code}",
                "name": title,
                "category": _SOC_CATEGORY.get(code[:2], "general"),
                "synonyms": synonyms,
                "related": [],
                "skills": top_skills,
            }
        )
    return families


def _clean_title(title: str) -> str:
    title = re.sub(r"\(.*?\)", " ", title).lower()
    title = re.sub(r"[^a-z0-9+#./& -]+", " ", title)
    return re.sub(r"\s+", " ", title).strip()


def _usable_esco_label(label: str) -> bool:
    """Two to four words. ESCO's one-word labels ("editor", "server", "app") are too generic to
    match on and would tag half the pool; longer ones never occur verbatim in a resume."""
    return 2 <= len(label.split()) <= 4


def import_esco(path: Path, taxonomy: Taxonomy) -> Extension:
    """ESCO skills with their alternative labels (one per line inside the quoted field)."""
    known = _known_aliases(taxonomy)
    skills: list[dict[str, Any]] = []
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            name = (row.get("preferredLabel") or "").strip()
            if not _usable_esco_label(name) or alias_key(name) in known:
                continue
            known.add(alias_key(name))
            aliases = []
            for alt in (row.get("altLabels") or "").splitlines():
                alt = alt.strip()
                if _usable_esco_label(alt) and alias_key(alt) not in known:
                    aliases.append(alt)
                    known.add(alias_key(alt))
            skills.append({"name": name, "aliases": aliases, "category": "general", "related": []})
    return Extension(skills=skills)


def run_import(
    data_dir: Path, onet: Path | None, esco: Path | None, taxonomy: Taxonomy | None = None
) -> dict[str, int]:
    """Import, merge with any earlier extension, write it, and report counts."""
    base = taxonomy or default_taxonomy()
    target = data_dir / EXTENSION_FILE
    existing = load_extension(data_dir)
    combined = Extension(skills=list(existing.skills), titles=list(existing.titles))
    base = base.extend(existing.skills, existing.titles)
    counts = {"skills": 0, "titles": 0}
    for part in (
        import_onet(onet, base) if onet else None,
        import_esco(esco, base) if esco else None,
    ):
        if part is None:
            continue
        combined.skills.extend(part.skills)
        combined.titles.extend(part.titles)
        counts["skills"] += len(part.skills)
        counts["titles"] += len(part.titles)
        base = base.extend(part.skills, part.titles)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(combined.to_json(), ensure_ascii=False), encoding="utf-8")
    counts["total_skills"] = len(base.skills)
    counts["total_titles"] = len(base.families)
    return counts


def load_extension(data_dir: Path) -> Extension:
    path = data_dir / EXTENSION_FILE
    if not path.is_file():
        return Extension()
    data = json.loads(path.read_text(encoding="utf-8"))
    return Extension(skills=list(data.get("skills") or []), titles=list(data.get("titles") or []))
