"""A language must-have is met by that language only: a related language earns nothing."""

from __future__ import annotations

from typing import Any

from talentscout.engine.dates import MonthDate
from talentscout.engine.features import compute
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.taxonomy import default_taxonomy
from tests.engine.conftest import AS_OF

JOB = "Requirements: Python. Business fluent German is required."


def _profile(summary: str) -> Any:
    data = {
        "basics": {"label": "Backend Engineer", "summary": summary},
        "work": [{"name": "Nordwind", "position": "Backend Engineer", "startDate": "2019-01",
                  "summary": "Python services."}],
    }  # fmt: skip
    return parse_profile(data, as_of=AS_OF, taxonomy=default_taxonomy())


def test_another_language_is_no_partial_credit_for_a_language() -> None:
    icp = build_icp("Backend Engineer", JOB)
    assert "German" in icp.must_have
    french = compute(
        icp, _profile("Languages: French (fluent), English."), None, MonthDate.of(AS_OF)
    )
    assert "German" not in french.partial_must
    assert "German" in french.missing_must
    german = compute(
        icp, _profile("Languages: German (fluent), English."), None, MonthDate.of(AS_OF)
    )
    assert german.must is not None
    assert french.must is not None
    assert german.must > french.must
