"""Talent pool routes (spec §8, an extension)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from talentscout.auth.deps import SessionDep, require_scope
from talentscout.auth.service import Principal
from talentscout.pool import service
from talentscout.pool.schemas import (
    BulkUpsertRequest,
    ProfileListResponse,
    ProfilePage,
    ProfileResponse,
    UpsertResponse,
)
from talentscout.responses import errors

router = APIRouter(prefix="/pool", tags=["talent pool"])
PoolRead = Annotated[Principal, Depends(require_scope("pool:read"))]
PoolWrite = Annotated[Principal, Depends(require_scope("pool:write"))]


@router.post("/profiles", response_model=UpsertResponse, responses=errors(400, 401, 403, 413, 429))
async def upsert_profiles(
    body: BulkUpsertRequest, request: Request, principal: PoolWrite, session: SessionDep
) -> UpsertResponse:
    """Create or update up to 1,000 profiles; identity resolution prevents duplicates."""
    result = await service.upsert_profiles(
        session,
        principal.company_id,
        [
            (i, p if isinstance(p, dict) else "profile must be a JSON object")
            for i, p in enumerate(body.profiles)
        ],
        request.app.state.embedder,
    )
    return UpsertResponse(data=result)


@router.get(
    "/profiles/{profile_id}", response_model=ProfileResponse, responses=errors(401, 403, 404, 429)
)
async def get_profile(profile_id: str, principal: PoolRead, session: SessionDep) -> ProfileResponse:
    """One profile of the caller's pool."""
    return ProfileResponse(
        data=await service.get_profile(session, principal.company_id, profile_id)
    )


@router.get("/profiles", response_model=ProfileListResponse, responses=errors(400, 401, 403, 429))
async def list_profiles(
    principal: PoolRead,
    session: SessionDep,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> ProfileListResponse:
    """The caller's pool in creation order, cursor-paginated."""
    items, next_cursor = await service.list_profiles(session, principal.company_id, cursor, limit)
    return ProfileListResponse(data=ProfilePage(items=items, next_cursor=next_cursor))


@router.delete("/profiles/{profile_id}", status_code=204, responses=errors(401, 403, 404, 429))
async def erase_profile(profile_id: str, principal: PoolWrite, session: SessionDep) -> Response:
    """Erase a person: the profile, its embedding and its copies in stored run results."""
    await service.erase_profile(session, principal.company_id, profile_id)
    return Response(status_code=204)
