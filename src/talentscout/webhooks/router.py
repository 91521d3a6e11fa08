"""Webhook routes (spec §5): config CRUD, test ping, circuit reset, and (extension) the delivery log
with redelivery. Thin: validate, call one service function, shape the response."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse

from talentscout.auth.deps import SessionDep, require_scope
from talentscout.auth.service import Principal
from talentscout.responses import errors
from talentscout.webhooks import service
from talentscout.webhooks.schemas import (
    DeliveryListResponse,
    DeliveryResponse,
    TestResponse,
    WebhookCreate,
    WebhookCreatedResponse,
    WebhookListResponse,
    WebhookResponse,
    WebhookUpdate,
)

router = APIRouter(prefix="/webhooks", tags=["webhooks"])
MAX_OFFSET = 1_000_000
Reader = Annotated[Principal, Depends(require_scope("read:webhooks"))]
Writer = Annotated[Principal, Depends(require_scope("write:webhooks"))]


@router.post(
    "",
    status_code=201,
    response_model=WebhookCreatedResponse,
    responses=errors(400, 401, 403, 413, 429),
)
async def create_webhook(
    body: WebhookCreate, request: Request, principal: Writer, session: SessionDep
) -> WebhookCreatedResponse:
    """Register an endpoint. The answer carries `signingSecret` — the only time it is shown."""
    created = await service.create_webhook(
        session, principal.company_id, body, request.app.state.settings
    )
    return WebhookCreatedResponse(data=created)


@router.get("", response_model=WebhookListResponse, responses=errors(400, 401, 403, 429))
async def list_webhooks(
    principal: Reader,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> WebhookListResponse:
    """The caller's webhook configs, oldest first."""
    page = await service.list_webhooks(session, principal.company_id, limit=limit, offset=offset)
    return WebhookListResponse(data=page)


@router.get("/{webhook_id}", response_model=WebhookResponse, responses=errors(401, 403, 404, 429))
async def get_webhook(webhook_id: str, principal: Reader, session: SessionDep) -> WebhookResponse:
    """One config; header values are never returned (`isMasked`)."""
    return WebhookResponse(
        data=await service.get_webhook(session, principal.company_id, webhook_id)
    )


@router.patch(
    "/{webhook_id}", response_model=WebhookResponse, responses=errors(400, 401, 403, 404, 429)
)
async def update_webhook(
    webhook_id: str,
    body: WebhookUpdate,
    request: Request,
    principal: Writer,
    session: SessionDep,
) -> WebhookResponse:
    """Change some fields; `headers`, when given, replaces the whole list."""
    updated = await service.update_webhook(
        session, principal.company_id, webhook_id, body, request.app.state.settings
    )
    return WebhookResponse(data=updated)


@router.delete("/{webhook_id}", status_code=204, responses=errors(401, 403, 404, 429))
async def delete_webhook(webhook_id: str, principal: Writer, session: SessionDep) -> Response:
    """Delete the config; its pending deliveries are cancelled."""
    await service.delete_webhook(session, principal.company_id, webhook_id)
    return Response(status_code=204)


@router.post(
    "/{webhook_id}/test",
    response_model=TestResponse,
    responses=errors(401, 403, 404, 422, 429),
)
async def test_webhook(
    webhook_id: str, request: Request, principal: Writer, session: SessionDep
) -> JSONResponse:
    """Send a `ping` now and report how the endpoint answered (the config must subscribe to
    `ping`)."""
    result = await service.send_test(
        session, principal.company_id, webhook_id, request.app.state.settings
    )
    body = TestResponse(data=result).model_dump(mode="json", by_alias=True, exclude_none=True)
    return JSONResponse(body, 200)


@router.post(
    "/{webhook_id}/reset-circuit",
    response_model=WebhookResponse,
    responses=errors(401, 403, 404, 429),
)
async def reset_circuit(webhook_id: str, principal: Writer, session: SessionDep) -> WebhookResponse:
    """Close the circuit: `consecutiveFailures` 0, `circuitOpenedAt` null, `isActive` true."""
    return WebhookResponse(
        data=await service.reset_circuit(session, principal.company_id, webhook_id)
    )


@router.get(
    "/{webhook_id}/deliveries",
    response_model=DeliveryListResponse,
    responses=errors(400, 401, 403, 404, 429),
)
async def list_deliveries(
    webhook_id: str,
    principal: Reader,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> DeliveryListResponse:
    """*(extension)* Deliveries of this config, newest first, each with its attempt log."""
    page = await service.list_deliveries(
        session, principal.company_id, webhook_id, limit=limit, offset=offset
    )
    return DeliveryListResponse(data=page)


@router.post(
    "/{webhook_id}/deliveries/{delivery_id}/redeliver",
    status_code=202,
    response_model=DeliveryResponse,
    responses=errors(401, 403, 404, 429),
)
async def redeliver(
    webhook_id: str, delivery_id: str, principal: Writer, session: SessionDep
) -> DeliveryResponse:
    """*(extension)* Queue the delivery again (same `webhook-id`, fresh signature)."""
    return DeliveryResponse(
        data=await service.redeliver(session, principal.company_id, webhook_id, delivery_id)
    )
