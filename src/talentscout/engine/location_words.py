"""What the location criterion's value means, in a recruiter's words: a fit point when the
person is where the job is, a red flag otherwise.

Why: location_fit gives partial credit (0.7) to the same country or region but another city,
and RELOCATE_CREDIT (0.5) to someone elsewhere who says they would move; neither "suits" an
on-site or hybrid job, and both are worth saying: "Hamburg, DE: same country, another city —
the job is on site in Berlin", "Warsaw, PL: open to relocation — the job is on site in Berlin".
"""

from __future__ import annotations

import re

from talentscout.engine.features import RELOCATE_CREDIT
from talentscout.engine.icp_model import ICP
from talentscout.engine.location import CITY, STATE, STATE_NAMES
from talentscout.engine.location_reach import reach_words
from talentscout.engine.profile import ParsedProfile
from talentscout.engine.scored import ScoredCandidate
from talentscout.engine.wording import join_or

_SAME_AREA = 70  # location_fit's same country or region, another place (0.7)
_POLICY = {"onsite": "on site in", "hybrid": "hybrid in"}


def _job_place(icp: ICP) -> str:
    """The narrowest place the job names, as the posting spells it ("Berlin" of "Berlin,
    Germany (hybrid)"); the whole location when no city or state is marked."""
    text = icp.location or ""
    marked = [t.split(":", 1)[1] for t in icp.location_terms if t.startswith((CITY, STATE))]
    for name in sorted(marked, key=lambda t: (not t.startswith(CITY), t)):
        if found := re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I):
            return found.group()
    return text


def _job_is(icp: ICP) -> str:
    """ "the job is on site in Berlin", "the job is hybrid in Berlin", "the job is in Berlin";
    a remote job's city is its office, so it is remote within its region or country ("the job
    is remote within the EU"), or just remote."""
    if icp.remote_policy == "remote":
        reach = reach_words(icp.location_terms, icp.location_countries)
        return f"the job is remote within {join_or(reach)}" if reach else "the job is remote"
    place = _job_place(icp)
    if not place:
        return f"the job is {icp.remote_policy or 'elsewhere'}"
    return f"the job is {_POLICY.get(icp.remote_policy or '', 'in')} {place}"


def location_points(icp: ICP, p: ParsedProfile, s: ScoredCandidate) -> tuple[list[str], list[str]]:
    """(fit points, red flags) about the person's place; none when the job names no place."""
    value = s.scores.get("location")
    if value is None:
        return [], []
    where = f'"{p.location}"' if p.location else "no location given"
    if value >= 100:
        if not p.location:
            return [], []
        return [f"Location: {where} suits {icp.location or icp.remote_policy}"], []
    if value == _SAME_AREA and p.location:
        named = any(t.startswith(CITY) for t in p.location_terms)
        state = set(icp.location_terms) & set(p.location_terms) & STATE_NAMES
        in_country = p.country and p.country in icp.location_countries
        same = "same state" if state else "same country" if in_country else "same area"
        other = "another city" if named else "no city given"
        return [], [f"Location: {where}: {same}, {other} — {_job_is(icp)}"]
    if value == round(RELOCATE_CREDIT * 100) and p.relocate:
        return [], [f"Location: {where}: open to relocation — {_job_is(icp)}"]
    if value < 50:
        return [], [f"Location: {where}, job is {icp.location or icp.remote_policy}"]
    return [], []
