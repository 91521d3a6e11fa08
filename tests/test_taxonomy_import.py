"""``talentscout taxonomy import`` against the public O*NET and ESCO copies in ../shared."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from talentscout.db.models import Profile
from talentscout.engine.parse import ParsedProfile, parse_profile, parse_version
from talentscout.engine.taxonomy import Skill, Taxonomy, default_taxonomy, set_default_taxonomy
from talentscout.runtime import install_taxonomy
from talentscout.settings import Settings
from talentscout.sourcing.pipeline import current_facts
from talentscout.taxonomy_import import import_esco, load_extension, run_import
from tests.helpers import run_cli

TAXONOMY = Path(__file__).resolve().parents[2] / "shared" / "taxonomy"
ONET = TAXONOMY / "onet-29.2"
ESCO = TAXONOMY / "esco" / "skills_en_labels.csv"
needs_shared = pytest.mark.skipif(not ONET.is_dir(), reason="../shared/taxonomy is not present")


@needs_shared
def test_import_extends_the_taxonomy_and_keeps_curated_entries(tmp_path: Path) -> None:
    curated = Taxonomy([Skill(name="JavaScript", category="software", aliases=("JS",))])
    counts = run_import(tmp_path, ONET, ESCO, taxonomy=curated)
    assert counts["skills"] > 2000
    assert counts["titles"] > 900
    extension = load_extension(tmp_path)
    extended = curated.extend(extension.skills, extension.titles)
    assert extended.canonical_skill("JS") == "JavaScript"  # curated alias untouched
    names = {s["name"] for s in extension.skills}
    assert "JavaScript" not in names
    assert extended.canonical_skill("perform toxicological studies") is not None
    assert extended.family_for_title("Civil Engineer") is not None


@needs_shared
def test_reimport_adds_nothing_twice(tmp_path: Path) -> None:
    curated = Taxonomy([])
    first = run_import(tmp_path, None, ESCO, taxonomy=curated)
    second = run_import(tmp_path, None, ESCO, taxonomy=curated)
    assert first["skills"] > 0
    assert second["skills"] == 0
    assert second["total_skills"] == first["total_skills"]


def test_esco_alt_labels_become_aliases(tmp_path: Path) -> None:
    csv_file = tmp_path / "skills.csv"
    csv_file.write_text(
        "conceptUri,reuseLevel,preferredLabel,altLabels\n"
        'u1,cross-sector,manage budgets,"control budgets\nbudget management\nbudgets"\n'
        "u2,transversal,JavaScript,\n"
        "u3,transversal,editor,\n",
        encoding="utf-8",
    )
    curated = Taxonomy([Skill(name="JavaScript", category="software")])
    extension = import_esco(csv_file, curated)
    assert extension.skills == [
        {
            "name": "manage budgets",
            "aliases": ["control budgets", "budget management"],
            "category": "general",
            "related": [],
        }
    ]


@needs_shared
def test_cli_import(database_url: str, tmp_path: Path) -> None:
    result = run_cli(
        database_url,
        "taxonomy",
        "import",
        "--esco",
        str(ESCO),
        "--json",
        TALENTSCOUT_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert counts["skills"] > 1000
    assert (tmp_path / "taxonomy" / "extension.json").is_file()


def test_processes_merge_an_imported_extension_and_reparse_older_profiles(tmp_path: Path) -> None:
    extension = {
        "skills": [{"name": "Quuxlang", "aliases": ["quux lang"], "category": "software"}],
        "titles": [],
    }
    (tmp_path / "taxonomy").mkdir()
    (tmp_path / "taxonomy" / "extension.json").write_text(json.dumps(extension))
    profile = Profile(
        id="p1",
        company_id="c1",
        data={"resumeText": "Backend developer. Five years of Quuxlang and Python."},
        updated_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    profile.facts = parse_profile(profile.data).to_dict()  # parsed before the import
    assert "Quuxlang" not in ParsedProfile.from_dict(profile.facts).skills
    try:
        added = install_taxonomy(Settings(data_dir=tmp_path))
        assert added == 1
        assert default_taxonomy().canonical_skill("quux lang") == "Quuxlang"
        facts = current_facts(profile)
        assert "Quuxlang" in facts.skills
        assert "Python" in facts.skills
        assert facts.taxonomy_version == parse_version()
    finally:
        set_default_taxonomy(None)
    assert default_taxonomy().canonical_skill("quux lang") is None
