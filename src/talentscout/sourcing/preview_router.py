"""Preview routes (spec §3). Registered before the sourcing router so ``/sourcing/preview`` is
never taken for a run id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse

from talentscout.auth.deps import SessionDep, require_scope
from talentscout.auth.service import Principal
from talentscout.responses import errors, model_json
from talentscout.sourcing import preview
from talentscout.sourcing.schemas import RunAccepted, RunFailed, RunProcessing, SourcingCreate

router = APIRouter(prefix="/sourcing/preview", tags=["preview"])
Writer = Annotated[Principal, Depends(require_scope("sourcing:write"))]
Reader = Annotated[Principal, Depends(require_scope("sourcing:read"))]
# "The same 202/200 semantics" as a run's results (API.md §3): the 10 s its message states,
# though a preview is usually done within a second (a client may poll sooner).
RETRY_AFTER = "10"


@router.post(
    "",
    status_code=202,
    response_model=RunAccepted,
    responses=errors(400, 401, 402, 403, 404, 409, 413, 422, 429),
)
async def start_preview(
    body: SourcingCreate,
    request: Request,
    principal: Writer,
    session: SessionDep,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> JSONResponse:
    """Start a fast shallow search (no deep scoring); pre-flight ``ceil(limit / 20)`` credits."""
    accepted = await preview.create_preview(
        session, principal.company_id, body, request.app.state.settings, idempotency_key
    )
    return model_json(accepted, 202)


@router.get(
    "/{run_id}/results",
    response_model=preview.PreviewCompleted | RunFailed,
    responses={202: {"model": RunProcessing}, **errors(401, 403, 404, 429)},
)
async def get_preview_results(run_id: str, principal: Reader, session: SessionDep) -> JSONResponse:
    """Poll a preview: 202 while processing, 200 with nine-field candidates or the failure."""
    result = await preview.get_preview_results(session, principal.company_id, run_id)
    if isinstance(result, RunProcessing):
        return model_json(result, 202, {"Retry-After": RETRY_AFTER})
    return model_json(result, 200)
