"""Wire shapes of the billing API (spec §7)."""

from __future__ import annotations

from pydantic import Field

from talentscout.schemas import CamelModel


class CostKeyUsage(CamelModel):
    cost_key: str = Field(
        description="sourcing_candidate, preview_page or enrich_profile",
        json_schema_extra={"enum": ["sourcing_candidate", "preview_page", "enrich_profile"]},
    )
    events: int = Field(description="Charges recorded under this cost key in the period.")
    credits_used: int


class Usage(CamelModel):
    company_id: str
    billing_mode: str = Field(
        description="prepaid or postpaid", json_schema_extra={"enum": ["prepaid", "postpaid"]}
    )
    balance: int = Field(
        ge=0,
        description=(
            "Credits available now: top-ups minus charges and holds, never below 0. A postpaid "
            "company has no top-ups, so its balance is 0 and what it used (totalCreditsUsed) is "
            "invoiced instead."
        ),
    )
    total_credits_used: int
    breakdown_by_cost_key: list[CostKeyUsage]
    period_start: str = Field(description="(extension) start of the period, inclusive")
    period_end: str = Field(description="(extension) end of the period, exclusive")


class UsageResponse(CamelModel):
    success: bool = True
    data: Usage
