"""How the person's level and years fit the job's: ladder steps between the levels
(``level_gap``, ``far_level``) and the level and years fits the seniority and experience
criteria score (``seniority_fit``). Split from features.py: the one place that reads the
seniority ladder against the job.
"""

from __future__ import annotations

from talentscout.engine.experience import job_years
from talentscout.engine.icp_model import ICP
from talentscout.engine.profile import ParsedProfile


def level_gap(icp: ICP, profile: ParsedProfile) -> int | None:
    """Ladder steps between the person and the levels the job accepts: 0 inside the span,
    negative below it, positive above it; None when either level is unknown. A level the job
    only implies by its years ("5+ years") is a minimum: being above it is no gap."""
    want, have = icp.seniority_rank, profile.seniority_rank
    if want is None or have is None:
        return None
    floor = want if icp.seniority_floor_rank is None else icp.seniority_floor_rank
    if have > want:
        return 0 if icp.seniority_from_years else have - want
    return min(0, have - floor)


def far_level(icp: ICP, profile: ParsedProfile) -> bool:
    """Two or more steps from the levels the job's title names. A job level implied by years
    is a minimum, weighed by the years criterion: never "far". A person's level read off their
    years stops at senior, so it can show them far above a junior opening but never far below
    a principal one (17 years with no level in any title is not two steps short)."""
    gap = level_gap(icp, profile)
    if icp.seniority_from_years or gap is None:
        return False
    return gap >= 2 or (gap <= -2 and not profile.seniority_from_years)


def seniority_fit(
    icp: ICP, profile: ParsedProfile, years: tuple[float, bool] | None = None
) -> tuple[float | None, float | None]:
    """(level fit, years fit). Under-qualification costs more than over-qualification.
    ``years`` is ``job_years(icp, profile)`` when the caller has it already."""
    level_fit: float | None = None
    if icp.seniority_rank is not None:
        diff = level_gap(icp, profile)
        if diff is None:
            level_fit = 0.5
        else:
            level_fit = (
                1.0
                if diff == 0
                else max(0.0, 1.0 - 0.35 * -diff)
                if diff < 0
                else max(0.3, 1.0 - 0.15 * diff)
            )
            if icp.seniority_strict and diff != 0:
                level_fit *= 0.5
    years_fit: float | None = None
    if icp.min_years:
        counted, relevant_only = years or job_years(icp, profile)
        if counted <= 0 and not relevant_only:
            years_fit = 0.4  # undated: unknown
        else:
            ratio = counted / icp.min_years
            years_fit = 1.0 if ratio >= 1.0 else max(0.0, ratio) ** 1.5
    return level_fit, years_fit
