"""Billing routes (spec §7)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from talentscout.auth.deps import SessionDep, require_scope
from talentscout.auth.service import Principal
from talentscout.billing import service
from talentscout.billing.schemas import UsageResponse
from talentscout.responses import errors

router = APIRouter(prefix="/billing", tags=["billing"])
BillingReader = Annotated[Principal, Depends(require_scope("read:billing"))]


@router.get(
    "/usage",
    status_code=200,
    response_model=UsageResponse,
    responses=errors(400, 401, 403, 429),
)
async def get_usage(
    principal: BillingReader,
    session: SessionDep,
    start: Annotated[
        datetime | None, Query(description="ISO 8601; default: 30 days before `end`.")
    ] = None,
    end: Annotated[datetime | None, Query(description="ISO 8601, exclusive; default: now.")] = None,
) -> UsageResponse:
    """Credits used per cost key over a period, and the company's current balance."""
    usage = await service.usage(session, principal.company_id, start, end)
    return UsageResponse(data=usage)
