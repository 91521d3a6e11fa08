"""Which title a title fit point quotes: the most recent one the score could credit.

Why: a profile's title evidence for a family is in the parser's order, and the family the score
credits may be one the person held years ago; a recruiter reads the quote as what the person
does now, so it should be the latest title of the job's or a related family. A kind of the
job's family (an "ICU Nurse" for a Registered Nurse opening) is the job: its titles fit it.
"""

from __future__ import annotations

from talentscout.engine.icp_model import ICP
from talentscout.engine.profile import Evidence, ParsedProfile


def _recency(profile: ParsedProfile, ev: Evidence) -> tuple[int, int]:
    """How recent a title is: its role's place (0: the latest role); the headline beside the
    latest role, after it; a mere mention after every title."""
    if ev.source == "headline":
        return 0, 1
    for i, role in enumerate(profile.roles):
        if ev.source == role.source and role.title and ev.text in role.title:
            return i, 0
    return len(profile.roles) + (0 if ev.holds_title else 1), 0


def latest_first(icp: ICP, profile: ParsedProfile, evidence: list[Evidence]) -> list[Evidence]:
    """Title evidence with the most recent title first: the credited family's quotes by recency,
    led by a title of the job's or a related family that is more recent still (a "Nurse
    Practitioner" now, credited through an earlier "Staff Nurse" for a Registered Nurse opening).
    The score is the credited family's; the quote says what the person does now."""
    ordered = sorted(evidence, key=lambda ev: _recency(profile, ev))
    families = [f for f in (icp.title_family, *icp.narrower_families, *icp.related_families) if f]
    held = [
        ev
        for family in families
        if profile.family_scores.get(family, 0.0) > 0
        for ev in profile.title_evidence.get(family, ())
        if ev.holds_title
    ]
    latest = min(held, key=lambda ev: _recency(profile, ev), default=None)
    if latest is not None and (
        not ordered or _recency(profile, latest) < _recency(profile, ordered[0])
    ):
        ordered.insert(0, latest)
    return ordered


def job_titles(icp: ICP, profile: ParsedProfile) -> list[Evidence]:
    """The person's title evidence of the job's family and of the kinds of it (an "ICU Nurse"
    for a Registered Nurse opening): titles that fit the job, not merely related ones."""
    if not icp.title_family:
        return []
    families = (icp.title_family, *icp.narrower_families)
    return [ev for family in families for ev in profile.title_evidence.get(family, ())]


def held_job_title(icp: ICP, profile: ParsedProfile) -> Evidence | None:
    """A title of the job's family or a kind of it that the person holds (a role's title or
    the headline, not a mere mention): it shows what the job's title is named after."""
    return next((ev for ev in job_titles(icp, profile) if ev.holds_title), None)
