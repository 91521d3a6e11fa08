"""Engine fixtures: a small taxonomy shipped with the tests (the package data may be partial)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from talentscout.engine.taxonomy import Taxonomy

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = date(2024, 11, 15)


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return Taxonomy.load(FIXTURES / "taxonomy")


def backend_profile(**overrides: Any) -> dict[str, Any]:
    """A JSON Resume backend engineer; keyword overrides replace top-level sections."""
    profile: dict[str, Any] = {
        "basics": {
            "name": "Alex Morgan",
            "label": "Senior Backend Engineer",
            "email": "alex@example.com",
            "url": "https://alex.example.com",
            "summary": "Backend engineer with 8 years of experience building Python services.",
            "location": {"city": "Berlin", "countryCode": "DE"},
            "profiles": [{"network": "LinkedIn", "url": "https://linkedin.com/in/alexm"}],
        },
        "work": [
            {
                "name": "Acme",
                "position": "Senior Software Engineer",
                "startDate": "2020-03",
                "summary": "Built Kafka streaming pipelines and Django APIs.",
                "highlights": ["Migrated services to Docker and Kubernetes"],
            },
            {
                "name": "Globex",
                "position": "Software Engineer",
                "startDate": "2016-01",
                "endDate": "2020-02",
                "highlights": ["Wrote Python and JS tooling"],
            },
        ],
        "education": [
            {"institution": "TU Berlin", "area": "Computer Science", "studyType": "Master"}
        ],
        "skills": [{"name": "Backend", "keywords": ["Python", "Go", "PostgreSQL"]}],
    }
    profile.update(overrides)
    return profile
