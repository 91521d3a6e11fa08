"""The README's reference parts stay usable as written: every setting is spelled as the full
environment variable a user can copy, and every command it suggests has its required options."""

from __future__ import annotations

import re
from pathlib import Path

from talentscout.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_spelled_as_its_full_environment_variable() -> None:
    prefix = Settings.model_config.get("env_prefix", "")
    missing = [
        f"{prefix}{name.upper()}"
        for name in Settings.model_fields
        if f"`{prefix}{name.upper()}`" not in README
    ]
    assert missing == []
    assert not re.search(r"/ `_[A-Z]", README)  # no "/ `_PER_HOUR`" shorthand


def test_suggested_reindex_commands_name_the_company() -> None:
    commands = re.findall(r"`talentscout pool reindex[^`]*`", README)
    assert commands
    assert [c for c in commands if "--company" not in c] == []
