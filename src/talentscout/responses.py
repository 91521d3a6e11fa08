"""Response helpers: camelCase JSON of a model with any status, and the OpenAPI documentation of
the error envelope for each route's documented statuses."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel


def model_json(
    model: BaseModel, status_code: int, headers: dict[str, str] | None = None
) -> JSONResponse:
    """For routes whose status depends on the state (202 while processing, 200 when done)."""
    return JSONResponse(model.model_dump(mode="json", by_alias=True), status_code, headers)


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: dict[str, Any]


class ErrorEnvelope(BaseModel):
    success: bool = False
    error: ErrorDetail
    timestamp: str


ERRORS: dict[int, str] = {
    400: "Invalid request (VALIDATION_ERROR, EMPTY_PATCH)",
    401: "Missing, invalid or suspended API key",
    402: "Insufficient credits",
    403: "Scope, IP allow-list or tenant access denied",
    404: "Unknown id (or another company's)",
    409: "Conflict (run in progress, idempotency key in use)",
    413: "Payload too large",
    422: "Webhook not subscribed or idempotency key mismatch",
    429: "Rate limit exceeded",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorEnvelope, "description": ERRORS[status]} for status in statuses}


BEARER = {"bearerAuth": {"type": "http", "scheme": "bearer", "description": "sk_live_… API key"}}


def documented(schema: dict[str, Any]) -> dict[str, Any]:
    """FastAPI's OpenAPI document as the API answers: no route ever answers FastAPI's default
    422 ``HTTPValidationError`` (invalid input is a 400 in the error envelope, documented per
    route), and every route takes the bearer key. Idempotent; edits in place."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            responses = operation.get("responses", {})
            default_422 = responses.get("422", {}).get("content", {}).get("application/json", {})
            if default_422.get("schema", {}).get("$ref", "").endswith("/HTTPValidationError"):
                del responses["422"]
    components = schema.setdefault("components", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.get("schemas", {}).pop(name, None)
    components["securitySchemes"] = BEARER
    schema["security"] = [{"bearerAuth": []}]
    return schema
