"""Schemathesis fuzzing of the real app's OpenAPI schema with two companies' keys.

Company A's objects (profiles, a completed run, a preview, an enrichment run, a webhook) are
seeded first; then every operation is fuzzed — positive and negative cases, with A's key and with
B's, and with B's key aimed at A's ids. Asserted: no answer is a 5xx, and no answer to B ever
carries one of A's ids or values that B did not send itself (a 404's ``resourceId`` echoes the id
asked for, which is not a leak); afterwards A's objects are all still there.

Why the cases are sent from a worker thread back onto the test's event loop instead of through
schemathesis's own ASGI transport: that transport runs the app on a private event loop, and the
app's database pool and the job queue belong to the loop of the test session. Generation stays
Hypothesis's (``@given`` in a sync function); only the sending is ours. Shrinking is off: it
would replay the app hundreds of times, and the failure message already names the exact request.

``TALENTSCOUT_FUZZ_EXAMPLES`` sets the examples per operation (default 25, about 15-30 s);
``TALENTSCOUT_FUZZ_DERANDOMIZE=0`` draws new cases on every run instead of replaying the same ones.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from talentscout.app import create_app
from talentscout.db.engine import Database
from talentscout.settings import Settings
from tests.conftest import QueueDrainer
from tests.factories import Tenant, import_profiles, make_profile, make_tenant

EXAMPLES = int(os.environ.get("TALENTSCOUT_FUZZ_EXAMPLES", "25"))
#: Same code, same cases (a red CI run replays); set to 0 to explore new cases on each run.
DERANDOMIZE = os.environ.get("TALENTSCOUT_FUZZ_DERANDOMIZE", "1") != "0"
BASE_URL = "http://testserver"
#: Which seeded id of A each path parameter is aimed at, per path.
PATH_TARGETS: dict[str, dict[str, str]] = {
    "/sourcing/{run_id}/results": {"run_id": "run"},
    "/sourcing/{run_id}": {"run_id": "run"},
    "/sourcing/preview/{run_id}/results": {"run_id": "preview"},
    "/sourcing/enrich/{run_id}/results": {"run_id": "enrichment"},
    "/pool/profiles/{profile_id}": {"profile_id": "profile"},
}
WEBHOOK_PARAM = "webhook_id"


@asynccontextmanager
async def fuzz_app(
    base: Settings, database: Database
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The real app with limits raised (fuzzing is not a rate-limit test) and loopback webhooks."""
    fuzz_settings = base.model_copy(
        update={
            "rate_limit_per_minute": 1_000_000,
            "rate_limit_per_hour": 1_000_000,
            "rate_limit_results_per_minute": 1_000_000,
            "allow_private_webhooks": True,
        }
    )
    app = create_app(fuzz_settings, database)
    async with app.router.lifespan_context(app):
        # A crash must come back as the 500 a client would see, not as an exception here.
        transport = httpx.ASGITransport(
            app=app, client=("127.0.0.1", 5555), raise_app_exceptions=False
        )
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
            yield app, http


async def seed(http: httpx.AsyncClient, tenant: Tenant, drain: QueueDrainer) -> dict[str, Any]:
    """A's objects, with a unique marker in every value B must never see."""
    marker = f"Qzx{uuid.uuid4().hex[:10]}"
    profiles = [
        make_profile(
            name=f"{marker} Person {n}", title="Senior Backend Engineer", company=f"{marker} Ltd"
        )
        for n in range(3)
    ]
    profile_ids = (await import_profiles(http, tenant, profiles))["profileIds"]
    job = {
        "title": "Senior Backend Engineer",
        "jobDescription": "Python and Kafka, 5+ years.",
        "limit": 3,
    }

    async def post(path: str, body: dict[str, Any], status: int) -> dict[str, Any]:
        response = await http.post(path, json=body, headers=tenant.headers)
        assert response.status_code == status, response.text
        data: dict[str, Any] = response.json()
        return data

    run = (await post("/sourcing", job, 202))["requestId"]
    await drain()
    preview = (await post("/sourcing/preview", job, 202))["requestId"]
    enrichment = (await post("/sourcing/enrich", {"profileIds": profile_ids[:1]}, 202))["requestId"]
    hook_body = {"url": "http://127.0.0.1:9/hook", "events": ["ping"], "name": f"{marker} hook"}
    webhook = (await post("/webhooks", hook_body, 201))["data"]["id"]
    return {
        "marker": marker,
        "run": run,
        "preview": preview,
        "enrichment": enrichment,
        "profile": profile_ids[0],
        "profiles": profile_ids,
        "webhook": webhook,
    }


def secrets_of(seeded: dict[str, Any]) -> list[str]:
    values = [seeded[k] for k in ("marker", "run", "preview", "enrichment", "webhook")]
    return [*values, *seeded["profiles"]]


def strategy_for(operation: Any, seeded: dict[str, Any]) -> st.SearchStrategy[tuple[str, Any]]:
    """(who, case): free cases with either key, and B's cases aimed at A's ids."""
    free = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )
    options = [st.tuples(st.sampled_from(["a", "b"]), free)]
    names = {p.name for p in operation.path_parameters}
    targets = {
        name: seeded[target]
        for name, target in PATH_TARGETS.get(operation.path, {}).items()
        if name in names
    }
    if WEBHOOK_PARAM in names:
        targets[WEBHOOK_PARAM] = seeded["webhook"]
    if targets:
        aimed = operation.as_strategy(GenerationMode.POSITIVE, path_parameters=targets)
        options.append(st.tuples(st.just("b"), aimed))
    return st.one_of(options)


def to_httpx(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Schemathesis's requests-style arguments as httpx arguments (latin-1 header bytes)."""
    request: dict[str, Any] = {
        "method": kwargs["method"],
        "url": kwargs["url"],
        "params": kwargs.get("params") or None,
        "headers": [
            (name.encode("latin-1"), value.encode("latin-1"))
            for name, value in kwargs.get("headers", {}).items()
        ],
    }
    if "json" in kwargs:
        request["json"] = kwargs["json"]
    elif isinstance(kwargs.get("data"), bytes | str):
        request["content"] = kwargs["data"]
    elif kwargs.get("data") is not None:
        request["data"] = kwargs["data"]
    return request


def fuzz_operations(
    schema: Any,
    seeded: dict[str, Any],
    send: Callable[[dict[str, Any]], httpx.Response],
    keys: dict[str, str],
) -> list[str]:
    """Run every operation's cases; answers the failures found (empty when all is well)."""
    failures: list[str] = []
    secrets = secrets_of(seeded)
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(
            max_examples=EXAMPLES,
            derandomize=DERANDOMIZE,
            deadline=None,
            database=None,
            # No shrinking: a shrink replays the app hundreds of times; the failing case is
            # reported as found (method, URL, key, answer), which is enough to reproduce it.
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(drawn=strategy_for(operation, seeded))
        def check(drawn: tuple[str, Any]) -> None:
            who, case = drawn
            kwargs = case.as_transport_kwargs(
                base_url=BASE_URL, headers={"Authorization": f"Bearer {keys[who]}"}
            )
            response = send(to_httpx(kwargs))
            sent_body = kwargs.get("json", kwargs.get("data"))
            label = (
                f"{kwargs['method']} {kwargs['url']} as {who} "
                f"params={kwargs.get('params')!r} body={sent_body!r:.300}"
            )
            assert response.status_code < 500, f"{label}: {response.status_code} {response.text}"
            if who != "b":
                return
            sent = repr(kwargs)
            leaked = [s for s in secrets if s in response.text and s not in sent]
            assert not leaked, f"{label} leaked {leaked}: {response.text[:500]}"
            aimed = any(s in kwargs["url"] for s in secrets)
            assert not (aimed and 200 <= response.status_code < 300), (
                f"{label} reached A's object: {response.status_code} {response.text[:500]}"
            )

        try:
            check()
        except AssertionError as exc:
            failures.append(str(exc))
        except ExceptionGroup as group:  # Hypothesis reports distinct failures together
            failures.extend(str(exc) for exc in group.exceptions)
    return failures


async def assert_intact(http: httpx.AsyncClient, tenant: Tenant, seeded: dict[str, Any]) -> None:
    paths: Iterable[str] = (
        f"/sourcing/{seeded['run']}/results",
        f"/pool/profiles/{seeded['profile']}",
        f"/webhooks/{seeded['webhook']}",
    )
    for path in paths:
        response = await http.get(path, headers=tenant.headers)
        assert response.status_code == 200, (path, response.text)


async def test_fuzzing_finds_no_server_error_and_no_cross_tenant_read(
    settings: Settings, database: Database, drain_queue: QueueDrainer
) -> None:
    company_a, company_b = await make_tenant(database), await make_tenant(database)
    async with fuzz_app(settings, database) as (app, http):
        seeded = await seed(http, company_a, drain_queue)
        schema = schemathesis.openapi.from_dict(app.openapi())
        loop = asyncio.get_running_loop()

        def send(request: dict[str, Any]) -> httpx.Response:
            future = asyncio.run_coroutine_threadsafe(http.request(**request), loop)
            return future.result(timeout=60)

        keys = {"a": company_a.key, "b": company_b.key}
        failures = await asyncio.to_thread(fuzz_operations, schema, seeded, send, keys)
        assert not failures, "\n\n".join(failures)
        await assert_intact(http, company_a, seeded)
