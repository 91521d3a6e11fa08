"""GET /metrics: Prometheus counters and latency by route template, sourcing run counters, and the
TALENTSCOUT_METRICS_ENABLED switch. Each test builds its own app, so counts start at zero."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families

from talentscout.app import create_app
from talentscout.db.engine import Database
from talentscout.metrics import Metrics, MetricsMiddleware
from talentscout.settings import Settings
from tests.conftest import QueueDrainer
from tests.factories import import_profiles, make_profile, make_tenant

REQUESTS = "talentscout_http_requests_total"
DURATION_COUNT = "talentscout_http_request_duration_seconds_count"


@asynccontextmanager
async def app_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(
            app=app, client=("127.0.0.1", 5555), raise_app_exceptions=False
        )
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


async def scrape(http: httpx.AsyncClient) -> tuple[str, dict[tuple[str, frozenset[str]], float]]:
    """The exposition text and every sample as (name, {label=value, ...}) → value."""
    response = await http.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    samples = {
        (sample.name, frozenset(f"{k}={v}" for k, v in sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }
    return response.text, samples


def labels(method: str, route: str, status: int) -> frozenset[str]:
    return frozenset({f"method={method}", f"route={route}", f"status={status}"})


async def test_requests_are_counted_and_timed_by_route_template_and_status(
    settings: Settings, database: Database
) -> None:
    tenant = await make_tenant(database)
    run_id = f"req_{uuid.uuid4()}"
    profile_id = f"missing-{uuid.uuid4().hex}"
    async with app_client(create_app(settings, database)) as http:
        assert (await http.get("/pool/profiles")).status_code == 401
        assert (await http.get("/pool/profiles", headers=tenant.headers)).status_code == 200
        assert (await http.get("/pool/profiles", headers=tenant.headers)).status_code == 200
        missing = await http.get(f"/v1/sourcing/{run_id}/results", headers=tenant.headers)
        assert missing.status_code == 404
        missing = await http.get(f"/pool/profiles/{profile_id}", headers=tenant.headers)
        assert missing.status_code == 404
        assert (await http.get(f"/no/such/{run_id}")).status_code == 404
        text, samples = await scrape(http)

    expected = {
        labels("GET", "/pool/profiles", 401): 1,
        labels("GET", "/pool/profiles", 200): 2,
        labels("GET", "/v1/sourcing/{run_id}/results", 404): 1,
        labels("GET", "/pool/profiles/{profile_id}", 404): 1,
        labels("GET", "<unmatched>", 404): 1,
    }
    for label_set, count in expected.items():
        assert samples[(REQUESTS, label_set)] == count, sorted(label_set)
        assert samples[(DURATION_COUNT, label_set)] == count, sorted(label_set)
    duration_sum = "talentscout_http_request_duration_seconds_sum"
    assert samples[(duration_sum, labels("GET", "/pool/profiles", 200))] > 0
    requests = {key: value for key, value in samples.items() if key[0] == REQUESTS}
    assert sum(requests.values()) == sum(expected.values())  # this scrape is counted after it
    assert run_id not in text
    assert profile_id not in text
    assert "/no/such" not in text


async def test_answers_given_before_routing_and_crashes_keep_their_route_template(
    settings: Settings, database: Database
) -> None:
    app = create_app(settings, database)

    @app.get("/boom/{thing_id}")
    async def boom(thing_id: str) -> None:
        raise RuntimeError("boom")

    tenant = await make_tenant(database)
    async with app_client(app) as http:
        too_large = await http.post(
            "/sourcing",
            content=b"x" * (settings.max_body_bytes + 1),
            headers={**tenant.headers, "Content-Type": "application/json"},
        )
        assert too_large.status_code == 413
        assert (await http.get("/boom/abc123")).status_code == 500
        assert (await http.request("BREW", "/health")).status_code == 405
        text, samples = await scrape(http)

    assert samples[(REQUESTS, labels("POST", "/sourcing", 413))] == 1
    assert samples[(REQUESTS, labels("GET", "/boom/{thing_id}", 500))] == 1
    assert samples[(REQUESTS, labels("OTHER", "/health", 405))] == 1
    assert "abc123" not in text


async def test_sourcing_runs_accepted_completed_and_failed_are_counted(
    settings: Settings, database: Database, drain_queue: QueueDrainer
) -> None:
    with_pool = await make_tenant(database)
    without_pool = await make_tenant(database)
    job = {"title": "Backend Engineer", "jobDescription": "Python and Kafka.", "limit": 2}
    async with app_client(create_app(settings, database)) as http:
        _, before = await scrape(http)
        await import_profiles(http, with_pool, [make_profile(), make_profile()])
        run_ids = []
        for tenant in (with_pool, without_pool):
            accepted = await http.post("/sourcing", json=job, headers=tenant.headers)
            assert accepted.status_code == 202, accepted.text
            run_ids.append(accepted.json()["requestId"])
        await drain_queue()
        for run_id, tenant, status in zip(
            run_ids, (with_pool, without_pool), ("completed", "failed"), strict=True
        ):
            result = await http.get(f"/sourcing/{run_id}/results", headers=tenant.headers)
            assert result.json()["status"] == status
        text, after = await scrape(http)

    def count(event: str, samples: dict[tuple[str, frozenset[str]], float]) -> float:
        return samples[(f"talentscout_sourcing_runs_{event}_total", frozenset())]

    assert count("accepted", before) == count("completed", before) == count("failed", before) == 0
    assert count("accepted", after) == 2
    # At least ours: the drain also runs any job another test left queued.
    assert count("completed", after) >= 1
    assert count("failed", after) >= 1
    assert after[(REQUESTS, labels("POST", "/sourcing", 202))] == 2
    assert after[(REQUESTS, labels("GET", "/sourcing/{run_id}/results", 200))] == 2
    assert not any(run_id in text for run_id in run_ids)


async def test_metrics_are_public_and_not_in_the_schema(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    assert isinstance(app.state.metrics, Metrics)
    assert "/metrics" not in app.openapi()["paths"]
    response = await client.get("/metrics", headers={"Authorization": "Bearer nonsense"})
    assert response.status_code == 200
    assert "python_gc_objects_collected_total" in response.text


async def test_disabled_metrics_are_a_404_and_install_no_middleware(
    settings: Settings, database: Database
) -> None:
    app = create_app(settings.model_copy(update={"metrics_enabled": False}), database)
    assert not any(middleware.cls is MetricsMiddleware for middleware in app.user_middleware)
    assert getattr(app.state, "metrics", None) is None
    async with app_client(app) as http:
        response = await http.get("/metrics")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "NOT_FOUND"
        assert (await http.get("/health")).status_code == 200
