"""VALIDATION_ERROR messages are plain English that names the field as sent (spec §2 envelope):
no pydantic wording ("Value error, …", "Input should be a valid UUID, invalid character…")."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from talentscout.db.engine import Database
from talentscout.sourcing import preview
from tests.factories import Tenant, make_tenant

JOB = {"title": "Backend Engineer", "jobDescription": "Python and Kafka."}
PYDANTIC_WORDING = ("Value error", "Input should", "Field required", "should have", "valid dict")


async def invalid(
    client: httpx.AsyncClient,
    tenant: Tenant,
    method: str,
    path: str,
    body: Any = None,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    response = await client.request(
        method, path, json=body, headers={**tenant.headers, **(headers or {})}
    )
    assert response.status_code == 400, response.text
    payload: dict[str, Any] = response.json()
    assert payload["success"] is False
    assert set(payload) == {"success", "error", "timestamp"}
    error: dict[str, Any] = payload["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert set(error) == {"code", "message", "details"}
    for text in [error["message"], *(e["message"] for e in error["details"]["errors"])]:
        assert not any(words in text for words in PYDANTIC_WORDING), text
    return error


@pytest.mark.parametrize(
    ("method", "path", "body", "field", "message"),
    [
        (
            "POST",
            "/sourcing",
            {**JOB, "webhookId": "zzz"},
            "webhookId",
            "webhookId must be a UUID.",
        ),
        ("POST", "/sourcing", {"title": "x"}, "jobDescription", "jobDescription is required."),
        (
            "POST",
            "/sourcing",
            {**JOB, "query": "q" * 501},
            "query",
            "query must be at most 500 characters long.",
        ),
        ("POST", "/sourcing", {**JOB, "limit": "5"}, "limit", "limit must be an integer."),
        ("POST", "/sourcing", {**JOB, "limit": 101}, "limit", "limit must be at most 100."),
        (
            "POST",
            "/sourcing",
            {**JOB, "title": "   "},
            "title",
            "title must be 1-200 characters after trimming.",
        ),
        (
            "POST",
            "/sourcing",
            {**JOB, "title": "a\u0000b"},
            "title",
            "title must not contain NUL characters (\\u0000).",
        ),
        ("POST", "/sourcing", [1, 2], "body", "The body must be a JSON object."),
        (
            "POST",
            "/sourcing/enrich",
            {"profileIds": []},
            "profileIds",
            "profileIds must have at least 1 item.",
        ),
        (
            "POST",
            "/sourcing/render-html",
            {"profileIds": ["p"], "theme": "blue"},
            "theme",
            "theme must be 'dark' or 'light'.",
        ),
        (
            "POST",
            "/webhooks",
            {"url": "https://hooks.example.com/x", "events": ["ping"], "timeoutMs": 5},
            "timeoutMs",
            "timeoutMs must be at least 1000.",
        ),
        (
            "POST",
            "/webhooks",
            {
                "url": "https://hooks.example.com/x",
                "events": ["ping"],
                "headers": [{"name": "bad name", "value": "v"}],
            },
            "headers.0.name",
            "headers.0.name must be an HTTP token (letters, digits, -, _ …).",
        ),
        ("GET", "/pool/profiles?limit=abc", None, "limit", "limit must be an integer."),
        (
            "GET",
            "/billing/usage?start=yesterday",
            None,
            "start",
            "start must be an ISO 8601 date or date-time (2026-01-31 or 2026-01-31T09:00:00Z).",
        ),
    ],
)
async def test_one_invalid_field_reads_as_plain_english(
    client: httpx.AsyncClient,
    database: Database,
    method: str,
    path: str,
    body: Any,
    field: str,
    message: str,
) -> None:
    tenant = await make_tenant(database)
    error = await invalid(client, tenant, method, path, body)
    assert error["details"] == {"errors": [{"field": field, "message": message}]}
    assert error["message"] == message


async def test_several_invalid_fields_are_each_listed(
    client: httpx.AsyncClient, database: Database
) -> None:
    tenant = await make_tenant(database)
    error = await invalid(client, tenant, "POST", "/sourcing", {})
    assert error["details"]["errors"] == [
        {"field": "title", "message": "title is required."},
        {"field": "jobDescription", "message": "jobDescription is required."},
    ]
    assert error["message"] == (
        "The request is invalid: title is required. jobDescription is required."
    )


@pytest.mark.parametrize("path", ["/sourcing", "/sourcing/preview"])
@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("k" * 256, "Idempotency-Key must be at most 255 characters long."),
        ("", "Idempotency-Key must not be empty."),
    ],
)
async def test_an_invalid_idempotency_key_is_worded_like_any_invalid_field(
    client: httpx.AsyncClient, database: Database, path: str, key: str, message: str
) -> None:
    tenant = await make_tenant(database)
    error = await invalid(client, tenant, "POST", path, JOB, {"Idempotency-Key": key})
    assert error == {
        "code": "VALIDATION_ERROR",
        "message": message,
        "details": {"errors": [{"field": "Idempotency-Key", "message": message}]},
    }
    accepted = await client.post(
        path, json=JOB, headers={**tenant.headers, "Idempotency-Key": "k" * 255}
    )
    assert accepted.status_code == 202
    await preview.wait_inline()  # a preview runs in process right away: let it finish
