"""Sourcing routes (spec §3)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse
from pydantic import WithJsonSchema

from talentscout.auth.deps import SessionDep, require_scope
from talentscout.auth.service import Principal
from talentscout.responses import errors, model_json
from talentscout.sourcing import service
from talentscout.sourcing.schemas import (
    RunAccepted,
    RunCompleted,
    RunFailed,
    RunProcessing,
    SourcingCreate,
    SourcingPatch,
)

router = APIRouter(prefix="/sourcing", tags=["sourcing"])
Writer = Annotated[Principal, Depends(require_scope("sourcing:write"))]
Reader = Annotated[Principal, Depends(require_scope("sourcing:read"))]
# Documented as its one meaningful value; any other value answers the full results.
View = Annotated[
    str | None,
    WithJsonSchema({"type": "string", "enum": ["summary"]}),
    Query(description="(extension) summary: omit detailedExperience and aiDetailedRationale."),
]


@router.post(
    "",
    status_code=202,
    response_model=RunAccepted,
    responses=errors(400, 401, 402, 403, 404, 409, 413, 422, 429),
)
async def start_run(
    body: SourcingCreate,
    request: Request,
    principal: Writer,
    session: SessionDep,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> JSONResponse:
    """Start a sourcing run; the run and its job are committed together before the 202."""
    accepted = await service.create_run(
        session, principal.company_id, body, request.app.state.settings, idempotency_key
    )
    return model_json(accepted, 202)


@router.get(
    "/{run_id}/results",
    response_model=RunCompleted | RunFailed,
    responses={202: {"model": RunProcessing}, **errors(401, 403, 404, 429)},
)
async def get_results(
    run_id: str, principal: Reader, session: SessionDep, view: View = None
) -> JSONResponse:
    """Poll a run: 202 while processing, 200 with candidates or the failure when done."""
    result = await service.get_results(
        session, principal.company_id, run_id, summary=view == "summary"
    )
    if isinstance(result, RunProcessing):
        return model_json(result, 202, {"Retry-After": "10"})
    return model_json(result, 200)


@router.patch(
    "/{run_id}",
    status_code=202,
    response_model=RunAccepted,
    responses=errors(400, 401, 402, 403, 404, 409, 429),
)
async def refine_run(
    run_id: str, body: SourcingPatch, principal: Writer, session: SessionDep
) -> JSONResponse:
    """Refine a finished run's criteria and extend it with new candidates; re-ranks all."""
    return model_json(await service.patch_run(session, principal.company_id, run_id, body), 202)
