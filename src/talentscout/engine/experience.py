"""Years of experience that count for a job: the relevant ones when the profile shows others.

The issue a recruiter has with a plain total: ten years as a nurse and one as a developer is not
"5+ years" for a developer opening. A dated role is relevant when its title family is the job's
or a related one, or when it shows a skill the job asks for (or a narrower one that shows it).
Only when the profile also has a dated role that is clearly about something else (a known
family or skills, none relevant) do the relevant roles alone count; otherwise the total stands,
including years the person states ("8 years of experience"), which no role accounts for.
"""

from __future__ import annotations

from talentscout.engine.dates import union_months
from talentscout.engine.icp_model import ICP
from talentscout.engine.profile import ParsedProfile


def job_years(icp: ICP, profile: ParsedProfile) -> tuple[float, bool]:
    """(years that count for this job, whether they are the relevant roles' alone)."""
    families = {icp.title_family, *icp.related_families} - {None}
    wanted = icp.skills_shown_by
    if not families and not wanted:
        return profile.total_years, False
    relevant: list[tuple[int, int]] = []
    elsewhere = False
    for role in profile.roles:
        if not (role.family or role.skills) or (span := role.interval) is None:
            continue
        if role.family in families or not wanted.isdisjoint(role.skills):
            relevant.append(span)
        else:
            elsewhere = True
    if not elsewhere:
        return profile.total_years, False
    return round(union_months(relevant) / 12.0, 2), True
