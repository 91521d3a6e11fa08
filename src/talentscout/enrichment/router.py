"""Enrichment and card routes (spec §4). Registered before the sourcing router so
``/sourcing/enrich`` and ``/sourcing/render-html`` are never taken for a run id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from talentscout.auth.deps import SessionDep, require_scope
from talentscout.auth.service import Principal
from talentscout.enrichment import service
from talentscout.enrichment.schemas import (
    EnrichAccepted,
    EnrichProcessing,
    EnrichRequest,
    EnrichResults,
    RenderRequest,
    RenderResponse,
)
from talentscout.responses import errors, model_json

router = APIRouter(prefix="/sourcing", tags=["enrichment"])
Enricher = Annotated[Principal, Depends(require_scope("enrich:write"))]
RETRY_AFTER = "3"


@router.post(
    "/enrich",
    status_code=202,
    response_model=EnrichAccepted,
    responses=errors(400, 401, 402, 403, 404, 413, 422, 429),
)
async def start_enrichment(
    body: EnrichRequest, principal: Enricher, session: SessionDep
) -> JSONResponse:
    """Enrich 1-10 profiles (contacts with provenance, public profile data, links); pre-flight
    one credit per profile, billed only for profiles enriched successfully."""
    return model_json(await service.create_enrichment(session, principal.company_id, body), 202)


@router.get(
    "/enrich/{run_id}/results",
    response_model=EnrichResults,
    responses={202: {"model": EnrichProcessing}, **errors(401, 403, 404, 429)},
)
async def get_enrichment_results(
    run_id: str, principal: Enricher, session: SessionDep
) -> JSONResponse:
    """Poll an enrichment run: 202 while processing, 200 with one result per profile."""
    result = await service.get_enrichment_results(session, principal.company_id, run_id)
    if isinstance(result, EnrichProcessing):
        return model_json(result, 202, {"Retry-After": RETRY_AFTER})
    return model_json(result, 200)


@router.post(
    "/render-html",
    response_model=RenderResponse,
    responses=errors(400, 401, 403, 413, 429),
)
async def render_html(
    body: RenderRequest, principal: Enricher, session: SessionDep
) -> JSONResponse:
    """Self-contained HTML candidate cards (inline styles, no scripts), dark or light; free."""
    return model_json(await service.render_cards(session, principal.company_id, body), 200)
