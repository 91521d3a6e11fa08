"""The served OpenAPI document describes the API as it answers (API.md: OpenAPI 3.1)."""

from __future__ import annotations

import httpx


async def test_the_document_promises_no_422_the_api_never_gives_and_names_the_key(
    client: httpx.AsyncClient,
) -> None:
    """Invalid input is a 400 in the error envelope, never FastAPI's 422 ``HTTPValidationError``;
    a generated client must not expect that shape. The 422 that does exist (a webhook not
    subscribed) is the envelope. Every operation takes the bearer key."""
    document = (await client.get("/openapi.json")).json()
    assert document["openapi"].startswith("3.1")
    assert "HTTPValidationError" not in str(document)
    start = document["paths"]["/sourcing"]["post"]["responses"]
    assert start["422"]["content"]["application/json"]["schema"]["$ref"].endswith("ErrorEnvelope")
    assert start["400"]["content"]["application/json"]["schema"]["$ref"].endswith("ErrorEnvelope")
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert document["security"] == [{"bearerAuth": []}]
