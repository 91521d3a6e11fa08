"""Years of experience that count for a job: the related ones when the profile shows others.

The issue a recruiter has with a plain total: ten years as a nurse and one as a developer is not
"5+ years" for a developer opening. A dated role is related when its title family is the job's
or a related one, or in the same field of work (a Java Developer's years count for a Python
opening), or when it shows a must-have (or a narrower skill that shows one). It is other work
only when its title family is known and of another field. Only when some dated role is other
work do the related roles alone count; otherwise the total stands, including years the person
states ("8 years of experience") that no role accounts for. A job with no title family, or a
related role with no dates, leaves the total too: nothing to tell the years apart by.
"""

from __future__ import annotations

from talentscout.engine.dates import union_months
from talentscout.engine.icp_model import ICP
from talentscout.engine.profile import ParsedProfile


def job_years(icp: ICP, profile: ParsedProfile) -> tuple[float, bool]:
    """(years that count for this job, whether they are the related roles' alone)."""
    if icp.title_family is None or icp.job_field is None:
        return profile.total_years, False
    families = {icp.title_family, *icp.related_families}
    must = icp.must_shown_by
    related: list[tuple[int, int]] = []
    elsewhere = False
    for role in profile.roles:
        if (
            role.family in families
            or (role.field is not None and role.field == icp.job_field)
            or not must.isdisjoint(role.skills)
        ):
            if role.interval is None:
                return profile.total_years, False
            related.append(role.interval)
        elif role.field is not None and role.interval is not None:
            elsewhere = True
    if not elsewhere:
        return profile.total_years, False
    return round(union_months(related) / 12.0, 2), True
