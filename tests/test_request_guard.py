"""NUL characters (which PostgreSQL text cannot hold) are a client error, never a 500."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from talentscout.db.engine import Database
from tests.factories import import_profiles, make_profile, make_tenant


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/sourcing", {"title": "Eng\u0000ineer", "jobDescription": "Python", "limit": 3}, "title"),
        (
            "/sourcing/preview",
            {"title": "Engineer", "jobDescription": "Py\u0000thon"},
            "jobDescription",
        ),
        (
            "/webhooks",
            {"url": "http://127.0.0.1:9/h", "events": ["ping"], "name": "a\u0000"},
            "name",
        ),
    ],
)
async def test_a_nul_in_a_request_body_is_a_400_naming_the_field(
    client: httpx.AsyncClient, database: Database, path: str, body: dict[str, object], field: str
) -> None:
    tenant = await make_tenant(database)
    response = await client.post(path, json=body, headers=tenant.headers)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert error["details"]["errors"][0]["field"] == field
    assert "NUL" in error["details"]["errors"][0]["message"]


async def test_a_nul_in_one_profile_rejects_only_that_profile(
    client: httpx.AsyncClient, database: Database
) -> None:
    tenant = await make_tenant(database)
    good = make_profile(title="Data Engineer")
    bad = {"resumeText": "Python \u0000 developer"}
    result = await import_profiles(client, tenant, [good, bad])
    assert result["created"] == 1
    assert result["profileIds"][1] is None
    assert result["errors"] == [
        {
            "index": 1,
            "field": "resumeText",
            "message": "text must not contain NUL characters (\\u0000)",
        }
    ]


async def test_a_nul_in_a_key_of_one_profile_rejects_only_that_profile(
    client: httpx.AsyncClient, database: Database
) -> None:
    tenant = await make_tenant(database)
    bad = {"resumeText": "Python developer", "basics": {"na\u0000me": "x"}}
    result = await import_profiles(client, tenant, [make_profile(), bad])
    assert result["created"] == 1
    assert result["errors"][0]["field"] == "basics.na\\u0000me"


@pytest.mark.parametrize(
    "url", ["/pool/profiles/abc%00", "/sourcing/req%00/results", "/pool/profiles?cursor=%00"]
)
async def test_a_nul_in_the_url_is_a_400(
    client: httpx.AsyncClient, database: Database, url: str
) -> None:
    tenant = await make_tenant(database)
    response = await client.get(url, headers=tenant.headers)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"
    error = response.json()["error"]
    assert error["details"]["errors"][0]["message"].startswith("NUL characters")


async def _chunks(total: int) -> AsyncIterator[bytes]:
    """A body streamed without a Content-Length (chunked), as a proxy may forward it."""
    yield b'{"title": "Engineer", "jobDescription": "'
    for _ in range(total // 65536 + 1):
        yield b"x" * 65536
    yield b'"}'


class TestTheKeyIsCheckedBeforeTheBody:
    """API.md §1: key (401) → scope (403) → … → handler; a bad body is the handler's business."""

    async def test_a_malformed_body_without_a_key_is_a_401(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        headers = {"Content-Type": "application/json"}
        response = await client.post("/sourcing", content=b"{not json", headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "INVALID_API_KEY"

    async def test_a_malformed_body_with_a_key_lacking_the_scope_is_a_403(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        reader = await make_tenant(database, scopes=["sourcing:read"])
        headers = {**reader.headers, "Content-Type": "application/json"}
        response = await client.post("/sourcing", content=b"{not json", headers=headers)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "INSUFFICIENT_PERMISSIONS"
        writer = await make_tenant(database)
        headers = {**writer.headers, "Content-Type": "application/json"}
        response = await client.post("/sourcing", content=b"{not json", headers=headers)
        assert response.status_code == 400
        assert response.json()["error"]["details"]["errors"][0]["field"] == "body"

    async def test_an_oversized_body_without_a_key_is_a_401(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        body = {"title": "t", "jobDescription": "x" * (1024 * 1024 + 10)}
        response = await client.post("/sourcing", json=body)
        assert response.status_code == 401

    @pytest.mark.parametrize("with_key", [True, False])
    async def test_an_oversized_chunked_body_is_a_413_after_the_key(
        self, client: httpx.AsyncClient, database: Database, with_key: bool
    ) -> None:
        tenant = await make_tenant(database)
        headers = {"Content-Type": "application/json", **(tenant.headers if with_key else {})}
        response = await client.post(
            "/sourcing", content=_chunks(1024 * 1024 + 10), headers=headers
        )
        assert "content-length" not in response.request.headers
        expected = (413, "PAYLOAD_TOO_LARGE") if with_key else (401, "INVALID_API_KEY")
        assert (response.status_code, response.json()["error"]["code"]) == expected


async def test_a_body_not_sent_as_json_says_so(
    client: httpx.AsyncClient, database: Database
) -> None:
    """A JSON body without Content-Type: application/json is refused with a message that names
    the header, not pydantic's "Input should be a valid dictionary"."""
    tenant = await make_tenant(database)
    body = b'{"title": "Engineer", "jobDescription": "Python"}'
    headers = {**tenant.headers, "Content-Type": "text/plain"}
    response = await client.post("/sourcing", content=body, headers=headers)
    assert response.status_code == 400
    [error] = response.json()["error"]["details"]["errors"]
    assert error == {
        "field": "body",
        "message": "The body must be JSON, sent with Content-Type: application/json.",
    }


async def test_a_profile_nested_too_deeply_fails_alone(
    client: httpx.AsyncClient, database: Database
) -> None:
    """Unknown fields are kept as sent; one nested hundreds of levels deep cannot be stored
    and must fail only its own profile, not the batch (it was a 500 for all of them)."""
    tenant = await make_tenant(database)
    deep: dict[str, object] = {}
    for _ in range(300):
        deep = {"a": deep}
    result = await import_profiles(
        client, tenant, [make_profile(), {**make_profile(), "meta": deep}]
    )
    assert result["created"] == 1
    assert result["errors"] == [
        {"index": 1, "field": "", "message": "profile nests deeper than 32 levels"}
    ]


@pytest.mark.parametrize(
    "body",
    [b'{"title": "\xff", "jobDescription": "x"}', b'{"z": ' + b"[" * 1500 + b"]" * 1500 + b"}"],
)
async def test_an_undecodable_body_is_a_validation_error_after_the_key(
    client: httpx.AsyncClient, database: Database, body: bytes
) -> None:
    """Invalid UTF-8 or JSON nested past the decoder's depth: 400 VALIDATION_ERROR (never the
    undocumented HTTP_ERROR), and only for a caller the route accepts."""
    tenant = await make_tenant(database)
    json_type = {"Content-Type": "application/json"}
    response = await client.post("/sourcing", content=body, headers=json_type)
    assert response.status_code == 401
    response = await client.post("/sourcing", content=body, headers={**tenant.headers, **json_type})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"
    assert response.json()["error"]["details"]["errors"] == [
        {"field": "body", "message": "Malformed JSON body."}
    ]
