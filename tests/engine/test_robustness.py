"""Whatever text arrives, the engine reads it without failing, quotes only what is there and
gives the same answer twice: generated resumes and postings built from the pieces real ones
are made of (headers, bullets, dates, skills, places) and from arbitrary characters."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentscout.engine.explain import explain
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.taxonomy import default_taxonomy
from tests.engine.conftest import AS_OF

_PIECES = [
    "Experience", "Education", "Skills", "Requirements:", "Nice to have:",
    "Preferred Qualifications", "About Acme", "Benefits", "• ", "· ", "- ", "* ", "\n",
    "\n\n", ", ", "; ", " | ", " – ",
    "Senior Software Engineer", "Data Scientist", "Registered Nurse", "Sales Manager",
    "Jan 2019 – Present", "2015 - 2018", "03/2020 to till date", "5+ years of", "10 yrs",
    "Python", "Java", "C++", "Go", "Kubernetes", "SQL (Postgres, MySQL)", "React/Redux",
    "Node.js", ".NET", "AWS, GCP or Azure", "required", "a plus", "must have", "e.g.",
    "Berlin, Germany", "Austin, TX", "Remote (EU)", "Hybrid", "Accra, Ghana", "HSBC Guangzhou",
    "Bachelor's degree in Computer Science", "PhD", "(", ")", "[", "]", ":", ".", "/", "&",
    "NAME REDACTED", "alex@example.com", "https://github.com/alex", "+1 555 0100", "ü", "日本",
]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), max_size=60).map("".join)
_SETTINGS = settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


@_SETTINGS
@given(resume=_TEXT, title=_TEXT, description=_TEXT)
def test_any_resume_and_posting_are_read_scored_and_explained(
    resume: str, title: str, description: str
) -> None:
    taxonomy = default_taxonomy()
    profile = parse_profile({"resumeText": resume}, as_of=AS_OF, taxonomy=taxonomy)
    for items in profile.skill_evidence.values():
        for evidence in items:
            assert evidence.text in resume  # quotes are the resume's own words
    assert parse_profile({"resumeText": resume}, as_of=AS_OF, taxonomy=taxonomy) == profile
    icp = build_icp(title or "Engineer", description, None, taxonomy=taxonomy)
    (scored,) = score_profiles(icp, [profile], [0.5], as_of=AS_OF)
    assert 0 <= scored.match_score <= 100
    first = json.dumps(explain(icp, profile, scored).to_dict(), sort_keys=True)
    again = score_profiles(icp, [profile], [0.5], as_of=AS_OF)[0]
    assert again == scored
    assert json.dumps(explain(icp, profile, again).to_dict(), sort_keys=True) == first
