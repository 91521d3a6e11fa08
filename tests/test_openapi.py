"""The served OpenAPI document describes the API as it answers (API.md: OpenAPI 3.1)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from talentscout.db.engine import Database
from tests.conftest import QueueDrainer
from tests.factories import make_tenant
from tests.openapi_check import mismatches, resolve
from tests.sourcing.test_router import JOB, _seed, _start


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


# --- The document states the limits API.md states (§3-§8) ------------------------------------


def body_schema(document: dict[str, Any], path: str, method: str = "post") -> dict[str, Any]:
    content = document["paths"][path][method]["requestBody"]["content"]["application/json"]
    return resolve(document, content["schema"])


def field(document: dict[str, Any], schema: dict[str, Any], name: str) -> dict[str, Any]:
    """A property's schema, its non-null variant when it is nullable."""
    prop = resolve(document, schema["properties"][name])
    options = [o for o in prop.get("anyOf", [prop]) if o.get("type") != "null"]
    return {**prop, **resolve(document, options[0])}


def query_param(document: dict[str, Any], path: str, method: str, name: str) -> dict[str, Any]:
    [param] = [p for p in document["paths"][path][method]["parameters"] if p["name"] == name]
    return dict(param)


@pytest.fixture
async def document(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("path", ["/sourcing", "/sourcing/preview"])
async def test_sourcing_body_limits_are_the_ones_api_md_states(
    document: dict[str, Any], path: str
) -> None:
    """A generated SDK validating before it sends must not allow a 10,000-character title the
    server refuses, nor refuse anything the server accepts."""
    body = body_schema(document, path)
    assert set(body["required"]) == {"title", "jobDescription"}
    title = field(document, body, "title")
    assert (title["minLength"], title["maxLength"]) == (1, 200)
    description = field(document, body, "jobDescription")
    assert (description["minLength"], description["maxLength"]) == (1, 10_000)
    assert field(document, body, "location")["maxLength"] == 200
    assert field(document, body, "query")["maxLength"] == 500
    limit = field(document, body, "limit")
    assert (limit["type"], limit["minimum"], limit["maximum"], limit["default"]) == (
        "integer",
        1,
        100,
        20,
    )
    assert field(document, body, "webhookId")["format"] == "uuid"


async def test_patch_limit_is_1_to_50_with_default_10(document: dict[str, Any]) -> None:
    body = body_schema(document, "/sourcing/{runId}", "patch")
    limit = field(document, body, "limit")
    assert (limit["minimum"], limit["maximum"], limit["default"]) == (1, 50, 10)
    assert field(document, body, "query")["maxLength"] == 500


async def test_webhook_enrich_render_and_pool_limits(document: dict[str, Any]) -> None:
    webhook = body_schema(document, "/webhooks")
    assert set(webhook["required"]) == {"url", "events"}
    assert field(document, webhook, "url")["maxLength"] == 2048
    assert field(document, webhook, "events")["minItems"] == 1
    assert field(document, webhook, "name")["maxLength"] == 255
    assert field(document, webhook, "headers")["maxItems"] == 50
    header = resolve(document, field(document, webhook, "headers")["items"])
    name, value = field(document, header, "name"), field(document, header, "value")
    assert (name["minLength"], name["maxLength"]) == (1, 255)
    assert (value["minLength"], value["maxLength"]) == (1, 4096)
    retries, timeout = field(document, webhook, "maxRetries"), field(document, webhook, "timeoutMs")
    assert (retries["minimum"], retries["maximum"], retries["default"]) == (0, 10, 8)
    assert (timeout["minimum"], timeout["maximum"], timeout["default"]) == (1000, 30_000, 15_000)
    for path in ("/sourcing/enrich", "/sourcing/render-html"):
        ids = field(document, body_schema(document, path), "profileIds")
        assert (ids["minItems"], ids["maxItems"]) == (1, 10), path
    theme = field(document, body_schema(document, "/sourcing/render-html"), "theme")
    assert (sorted(theme["enum"]), theme["default"]) == (["dark", "light"], "dark")
    profiles = field(document, body_schema(document, "/pool/profiles"), "profiles")
    assert (profiles["minItems"], profiles["maxItems"]) == (1, 1000)
    page = query_param(document, "/pool/profiles", "get", "limit")["schema"]
    assert (page["minimum"], page["maximum"], page["default"]) == (1, 200, 50)


async def test_title_rule_as_documented_applies_after_trimming(
    client: httpx.AsyncClient, database: Database
) -> None:
    """The documented 200 counts trimmed characters: 200 plus surrounding spaces is accepted,
    201 is refused with a message that says so."""
    tenant = await make_tenant(database)
    job = {"jobDescription": "Python engineer."}
    ok = await client.post(
        "/sourcing", json={**job, "title": "  " + "a" * 200 + "  "}, headers=tenant.headers
    )
    assert ok.status_code == 202, ok.text
    long = await client.post("/sourcing", json={**job, "title": "a" * 201}, headers=tenant.headers)
    assert long.status_code == 400
    assert long.json()["error"]["message"] == "title must be 1-200 characters after trimming."


# --- companyId (ATS keys) --------------------------------------------------------------------


async def test_every_tenant_operation_documents_the_optional_company_id(
    document: dict[str, Any],
) -> None:
    """ATS keys must pass ?companyId= on every tenant route (API.md §1): an SDK without the
    parameter cannot be used with one."""
    operations = [(path, method) for path, ops in document["paths"].items() for method in ops]
    assert len(operations) >= 20
    for path, method in operations:
        param = query_param(document, path, method, "companyId")
        assert param["in"] == "query", (path, method)
        assert param["required"] is False
        assert param["schema"] == {"type": "string"}
        assert "ATS" in param["description"]
        assert "Ignored for standard keys" in param["description"]


# --- Typed responses: a real run's JSON conforms to the published schema ---------------------


def response_schema(document: dict[str, Any], path: str, method: str, status: str) -> Any:
    return document["paths"][path][method]["responses"][status]["content"]["application/json"][
        "schema"
    ]


def item_schema(document: dict[str, Any], component: str, name: str) -> dict[str, Any]:
    prop = document["components"]["schemas"][component]["properties"][name]
    assert prop["type"] == "array"
    return resolve(document, prop["items"])


async def test_result_items_are_typed_field_by_field(document: dict[str, Any]) -> None:
    """No more ``object, additionalProperties: true``: an SDK gets Candidate, PreviewCandidate,
    enrichment and card items with their fields, nullability and score range."""
    candidate = item_schema(document, "RunCompleted", "candidates")
    required = set(candidate["required"])
    assert {"profileId", "name", "matchScore", "skills", "aiFitPoints", "emails"} <= required
    assert "aiDetailedRationale" not in required  # omitted with ?view=summary
    score = field(document, candidate, "matchScore")
    assert (score["type"], score["minimum"], score["maximum"]) == ("integer", 0, 100)
    nullable = candidate["properties"]["linkedinUrl"]["anyOf"]
    assert {"type": "null"} in nullable
    breakdown = resolve(document, candidate["properties"]["scoreBreakdown"]["additionalProperties"])
    assert set(breakdown["required"]) == {"score", "weight", "evidence"}
    preview = item_schema(document, "PreviewCompleted", "candidates")
    assert set(preview["properties"]) == {
        "profileId",
        "fullName",
        "profileUrl",
        "title",
        "headline",
        "location",
        "country",
        "companyName",
        "companyUrl",
    }
    enriched = item_schema(document, "EnrichResults", "data")
    assert {"profileId", "success", "candidate", "errorCode"} <= set(enriched["properties"])
    card = item_schema(document, "RenderResponse", "data")
    assert {"profileId", "success", "name", "htmlContent", "errorCode"} <= set(card["properties"])


async def test_real_responses_conform_to_the_published_schemas(
    client: httpx.AsyncClient,
    database: Database,
    drain_queue: QueueDrainer,
    document: dict[str, Any],
) -> None:
    """The documentation is checked against what the server sends: a completed run (full and
    summary), a preview, an enrichment with a miss, and cards with a miss."""
    tenant = await make_tenant(database)
    ids = await _seed(client, tenant)
    run_id = await _start(client, tenant)
    preview = await client.post("/sourcing/preview", json=JOB, headers=tenant.headers)
    enrich = await client.post(
        "/sourcing/enrich", json={"profileIds": [*ids[:2], "prof_unknown"]}, headers=tenant.headers
    )
    await drain_queue()
    checks = [
        (f"/sourcing/{run_id}/results", "/sourcing/{runId}/results"),
        (f"/sourcing/{run_id}/results?view=summary", "/sourcing/{runId}/results"),
        (
            f"/sourcing/preview/{preview.json()['requestId']}/results",
            "/sourcing/preview/{runId}/results",
        ),
        (
            f"/sourcing/enrich/{enrich.json()['requestId']}/results",
            "/sourcing/enrich/{runId}/results",
        ),
    ]
    for url, path in checks:
        response = await client.get(url, headers=tenant.headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["status"] == "completed"
        assert body.get("candidates") or body.get("data"), url
        assert mismatches(document, response_schema(document, path, "get", "200"), body) == []
    cards = await client.post(
        "/sourcing/render-html",
        json={"profileIds": [ids[0], "prof_unknown"]},
        headers=tenant.headers,
    )
    schema = response_schema(document, "/sourcing/render-html", "post", "200")
    assert [item["success"] for item in cards.json()["data"]] == [True, False]
    assert mismatches(document, schema, cards.json()) == []


async def test_the_checker_catches_a_wrong_candidate(document: dict[str, Any]) -> None:
    """The conformance test above can fail: a score out of range, a missing field and an
    undocumented one are all reported."""
    schema = response_schema(document, "/sourcing/{runId}/results", "get", "200")
    candidate = {
        "profileId": "prof_1",
        "name": "A",
        "linkedinUrl": None,
        "matchScore": 101,
        "rationale": "r",
        "skills": [],
        "headline": None,
        "location": None,
        "currentCompany": None,
        "currentRole": None,
        "aiFitPoints": [],
        "aiRedFlags": [],
        "scoreBreakdown": {},
        "sources": ["pool"],
        "surprise": 1,
    }
    body = {
        "success": True,
        "requestId": "req_x",
        "status": "completed",
        "createdAt": "2026-01-01T00:00:00.000Z",
        "completedAt": None,
        "foundCount": 1,
        "scoredCount": 1,
        "candidates": [candidate],
    }
    assert mismatches(document, schema, body) == [f"$: {body!r} matches no anyOf option"]
    only = {"$ref": "#/components/schemas/RunCompleted"}
    assert mismatches(document, only, body) == [
        "$.candidates[0].emails: missing",
        "$.candidates[0].matchScore: 101 > 100",
        "$.candidates[0].surprise: not in the published schema",
    ]


# --- Enums, required fields, formats, names --------------------------------------------------


def schema_of(document: dict[str, Any], name: str) -> dict[str, Any]:
    return dict(document["components"]["schemas"][name])


async def test_closed_sets_of_values_are_enums(document: dict[str, Any]) -> None:
    dotted = ["sourcing.completed", "sourcing.failed", "enrich.completed", "enrich.failed", "ping"]
    upper = ["SOURCING_COMPLETED", "SOURCING_FAILED", "ENRICH_COMPLETED", "ENRICH_FAILED", "PING"]
    for name in ("WebhookCreate", "WebhookUpdate"):
        events = field(document, schema_of(document, name), "events")["items"]
        assert events["enum"] == dotted + upper, name  # input accepts both (API.md §5)
    assert field(document, schema_of(document, "WebhookOut"), "events")["items"]["enum"] == dotted
    statuses = {
        "RunAccepted": "processing",
        "RunProcessing": "processing",
        "RunCompleted": "completed",
        "RunFailed": "failed",
        "PreviewCompleted": "completed",
        "EnrichAccepted": "processing",
        "EnrichProcessing": "processing",
    }
    for name, status in statuses.items():
        assert schema_of(document, name)["properties"]["status"]["const"] == status, name
    failed = schema_of(document, "RunFailed")["properties"]["errorCode"]["enum"]
    assert failed == ["AGENT_ERROR", "SOURCE_UNAVAILABLE", "RUN_TIMEOUT", "NO_TALENT_POOL", None]
    assert field(document, schema_of(document, "Usage"), "billingMode")["enum"] == [
        "prepaid",
        "postpaid",
    ]
    assert field(document, schema_of(document, "CostKeyUsage"), "costKey")["enum"] == [
        "sourcing_candidate",
        "preview_page",
        "enrich_profile",
    ]
    view = query_param(document, "/sourcing/{runId}/results", "get", "view")
    assert view["schema"]["enum"] == ["summary"]


async def test_always_sent_fields_are_required_and_timestamps_are_date_times(
    document: dict[str, Any],
) -> None:
    for name in ("RunAccepted", "RunProcessing", "RunCompleted", "RunFailed", "PreviewCompleted"):
        assert {"success", "status"} <= set(schema_of(document, name)["required"]), name
    for name in ("UsageResponse", "WebhookResponse", "UpsertResponse", "TestResponse"):
        assert "success" in schema_of(document, name)["required"], name
    assert (
        field(document, schema_of(document, "RunCompleted"), "createdAt")["format"] == "date-time"
    )
    assert field(document, schema_of(document, "RunCompleted"), "completedAt")["format"] == (
        "date-time"
    )
    assert field(document, schema_of(document, "WebhookOut"), "circuitOpenedAt")["format"] == (
        "date-time"
    )
    assert field(document, schema_of(document, "Usage"), "periodStart")["format"] == "date-time"
    assert field(document, schema_of(document, "ErrorEnvelope"), "timestamp")["format"] == (
        "date-time"
    )


async def test_path_parameters_are_camel_case_and_pool_routes_list_429(
    document: dict[str, Any],
) -> None:
    paths = document["paths"]
    assert "/sourcing/{runId}/results" in paths
    assert "/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver" in paths
    assert "/pool/profiles/{profileId}" in paths
    for path, operations in paths.items():
        assert "_" not in path.replace("render-html", ""), path
        for method, operation in operations.items():
            names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "path"]
            assert ["{" + n + "}" for n in names] == [s for s in path.split("/") if "{" in s]
            assert "429" in operation["responses"], (path, method)


async def test_renamed_path_parameters_still_route(
    client: httpx.AsyncClient, database: Database
) -> None:
    """Only the documented placeholder's name changed: the URLs answer as before."""
    tenant = await make_tenant(database)
    response = await client.get("/sourcing/req_unknown/results", headers=tenant.headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "REQUEST_NOT_FOUND"


# --- Served at /v1 too -----------------------------------------------------------------------


async def test_the_document_and_docs_are_served_under_v1_too(client: httpx.AsyncClient) -> None:
    bare, prefixed = await client.get("/openapi.json"), await client.get("/v1/openapi.json")
    assert prefixed.status_code == 200
    assert prefixed.json() == bare.json()
    for page in ("/v1/docs", "/v1/redoc"):
        response = await client.get(page)
        assert response.status_code == 200, page
        assert response.headers["content-type"].startswith("text/html")
        assert "/openapi.json" in response.text
    assert (await client.get("/v1/docs/oauth2-redirect")).status_code == 200
