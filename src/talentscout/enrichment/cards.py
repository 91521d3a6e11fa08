"""Candidate cards for POST /sourcing/render-html: one Jinja2 template, autoescaped.

Why this shape: cards are pasted into e-mails and ATS pages we do not control, so they must be
inert (no scripts), self-contained (inline styles, no external CSS, fonts or images) and safe
with hostile profile data — every value is escaped by Jinja2's autoescape and a link is emitted
only for an absolute http(s) URL. The palettes keep body text at WCAG AA contrast or better.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from talentscout.enrichment.providers.base import Subject, public_url

Theme = Literal["dark", "light"]
TOP_SKILLS = 8


@dataclass(frozen=True)
class Palette:
    bg: str
    border: str
    text: str
    muted: str
    chip_bg: str
    chip_text: str
    link: str


PALETTES: dict[str, Palette] = {
    # text on bg: 17.1:1 / muted 12.0:1 / link 10.7:1 / chip text on chip 11.9:1
    "dark": Palette("#0f172a", "#334155", "#f8fafc", "#cbd5e1", "#1e293b", "#e2e8f0", "#7dd3fc"),
    # text on bg: 17.9:1 / muted 7.6:1 / link 6.7:1 / chip text on chip 13.4:1
    "light": Palette("#ffffff", "#e2e8f0", "#0f172a", "#475569", "#f1f5f9", "#1e293b", "#1d4ed8"),
}
# (minimum score, label, background); white text on each is at least 4.5:1.
BADGES = (
    (80, "Strong match", "#15803d"),
    (60, "Plausible match", "#a16207"),
    (40, "Partial match", "#475569"),
    (0, "Weak match", "#b91c1c"),
)


@lru_cache(maxsize=1)
def _template() -> Template:
    env = Environment(
        loader=PackageLoader("talentscout.enrichment", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("card.html")


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _badge(score: Any) -> dict[str, Any] | None:
    if isinstance(score, bool) or not isinstance(score, int | float):
        return None
    value = max(0, min(100, round(score)))
    label, background = next((lab, bg) for low, lab, bg in BADGES if value >= low)
    return {"score": value, "label": label, "bg": background, "fg": "#ffffff"}


def _profile_url(subject: Subject, delivered: Mapping[str, Any]) -> str | None:
    basics = subject.data.get("basics") or {}
    candidates: list[Any] = [delivered.get("linkedinUrl")]
    candidates += [p.get("url") for p in basics.get("profiles") or [] if isinstance(p, Mapping)]
    candidates += [basics.get("url"), *(subject.facts.get("links") or [])]
    urls = [url for url in (public_url(c) for c in candidates) if url]
    linkedin = [url for url in urls if "linkedin.com/" in url.lower()]
    chosen = linkedin or urls
    return chosen[0] if chosen else None


def card_context(
    subject: Subject, delivered: Mapping[str, Any] | None, theme: Theme
) -> dict[str, Any]:
    facts, basics = subject.facts, subject.data.get("basics") or {}
    delivered = delivered or {}
    name = _text(facts.get("name")) or _text(basics.get("name")) or "Unnamed candidate"
    role = _text(facts.get("current_role")) or _text(delivered.get("currentRole"))
    company = _text(facts.get("current_company")) or _text(delivered.get("currentCompany"))
    role_line = " at ".join(part for part in (role, company) if part) or None
    headline = _text(facts.get("headline")) or _text(basics.get("label"))
    skills = [s for s in (facts.get("skills") or delivered.get("skills") or []) if _text(s)]
    return {
        "c": PALETTES[theme],
        "name": name,
        "role_line": role_line,
        "location": _text(facts.get("location")) or _text(delivered.get("location")),
        "headline": headline if headline and headline != role else None,
        "badge": _badge(delivered.get("matchScore")),
        "rationale": _text(delivered.get("rationale")),
        "skills": skills[:TOP_SKILLS],
        "profile_url": _profile_url(subject, delivered),
    }


def render_card(
    subject: Subject, delivered: Mapping[str, Any] | None, theme: Theme = "dark"
) -> tuple[str, str]:
    """(display name, HTML fragment) for one profile."""
    context = card_context(subject, delivered, theme)
    return str(context["name"]), _template().render(**context).strip()
