"""Prometheus metrics: ``GET /metrics`` (no auth, not in the OpenAPI schema, never rate limited).

* ``talentscout_http_requests_total`` and ``talentscout_http_request_duration_seconds`` (histogram)
  by ``method``, ``route`` and ``status``. ``route`` is the route *template*
  (``/sourcing/{run_id}/results``, ``/v1/...`` kept apart), never the raw path, so ids cannot blow
  up the label cardinality; a path that matches no route is ``<unmatched>`` and an unusual method
  is ``OTHER``. Answers given before routing (413, 429) still get their route's template.
* ``talentscout_sourcing_runs_{accepted,completed,failed}_total``: sourcing passes (POST and each
  PATCH) accepted, and passes that ended ``completed`` or ``failed``. Completions are counted by
  the process that runs the pipeline job: the API process under ``talentscout serve`` (in-process
  worker). Standalone ``talentscout worker`` processes serve no ``/metrics``, so with
  ``serve --no-worker`` replicas those two counters stay at 0 there.
* The standard process, platform and GC collectors.

Each app gets its own ``CollectorRegistry`` (``app.state.metrics.registry``), so several apps in
one process (tests) never collide on metric names. There is no multiprocess mode: **each process
exposes its own numbers** (counters reset when it restarts), so scrape every API replica (or each
uvicorn worker process) separately and aggregate with ``sum()``/``rate()`` in Prometheus.
``TALENTSCOUT_METRICS_ENABLED=false`` leaves the route (404) and the middleware out.
"""

from __future__ import annotations

import re
import time
import weakref
from typing import Any, Literal

import fastapi.routing
from fastapi import FastAPI, Request
from fastapi.responses import Response
from prometheus_client import (
    CollectorRegistry,
    Counter,
    GCCollector,
    Histogram,
    PlatformCollector,
    ProcessCollector,
)
from prometheus_client.exposition import choose_encoder
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

UNMATCHED = "<unmatched>"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
RunEvent = Literal["accepted", "completed", "failed"]


class Metrics:
    """One app's registry and its metrics."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        GCCollector(registry=self.registry)
        labels = ("method", "route", "status")
        self.requests = Counter(
            "talentscout_http_requests",
            "HTTP requests answered, by method, route template and status code.",
            labels,
            registry=self.registry,
        )
        self.latency = Histogram(
            "talentscout_http_request_duration_seconds",
            "Time from request start to the app returning, by method, route template and status.",
            labels,
            registry=self.registry,
        )
        self.runs: dict[RunEvent, Counter] = {
            event: Counter(
                f"talentscout_sourcing_runs_{event}",
                f"Sourcing run passes {event} (by this process).",
                registry=self.registry,
            )
            for event in ("accepted", "completed", "failed")
        }
        self.route_template = RouteTemplates()

    def observe(self, scope: Scope, status: int, seconds: float) -> None:
        method = scope.get("method", "")
        route = self.route_template(scope)
        labels = (method if method in METHODS else "OTHER", route, str(status))
        self.requests.labels(*labels).inc()
        self.latency.labels(*labels).observe(seconds)


#: Every live app's metrics; the sourcing hooks below count into each (weak: apps can go away).
_live: weakref.WeakSet[Metrics] = weakref.WeakSet()


def count_sourcing_run(event: RunEvent) -> None:
    """Hook for the sourcing service and pipeline; a no-op in processes without an app."""
    for metrics in list(_live):
        metrics.runs[event].inc()


class RouteTemplates:
    """Maps a request to its full route template, ``/v1`` prefix included.

    Starlette records the matched route in ``scope["route"]``, but recent FastAPI versions put the
    route as declared there (without its ``include_router`` prefix), shared by ``/sourcing/...``
    and ``/v1/sourcing/...``. So the app's routes are flattened once (on the first request) into
    their full templates; a routed request is checked only against its own route's templates, and
    one answered before routing (413, 429) against all of them, in order.
    """

    def __init__(self) -> None:
        self._by_route: dict[int, list[tuple[re.Pattern[str], str]]] | None = None
        self._all: list[tuple[re.Pattern[str], frozenset[str] | None, str]] = []

    def _build(self, app: Any) -> dict[int, list[tuple[re.Pattern[str], str]]]:
        routes = list(getattr(app, "routes", ()))
        flatten = getattr(fastapi.routing, "iter_route_contexts", None)  # newer FastAPI
        by_route: dict[int, list[tuple[re.Pattern[str], str]]] = {}
        for entry in flatten(routes) if flatten is not None else routes:
            path, template = getattr(entry, "path", None), getattr(entry, "path_format", None)
            if not isinstance(path, str) or not isinstance(template, str):
                continue
            regex = compile_path(path)[0]
            methods = getattr(entry, "methods", None)
            self._all.append((regex, frozenset(methods) if methods else None, template))
            original = getattr(entry, "original_route", entry)
            by_route.setdefault(id(original), []).append((regex, template))
        return by_route

    def __call__(self, scope: Scope) -> str:
        if self._by_route is None:
            self._by_route = self._build(scope.get("app"))
        path: str = scope["path"]
        root: str = scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root) :] or "/"
        route = scope.get("route")
        if route is not None:
            for regex, template in self._by_route.get(id(route), ()):
                if regex.match(path):
                    return template
            declared = getattr(route, "path_format", None)  # a route added after startup
            if isinstance(declared, str):
                return declared
        partial: str | None = None
        for regex, methods, template in self._all:
            if regex.match(path):
                if methods is None or scope.get("method") in methods:
                    return template
                partial = partial or template
        return partial or UNMATCHED


class MetricsMiddleware:
    """Counts and times every HTTP answer (install it outermost)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500  # unless the app starts a response before failing
        start = time.perf_counter()

        async def send_with_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            self.metrics.observe(scope, status, time.perf_counter() - start)


async def metrics_endpoint(request: Request) -> Response:
    metrics: Metrics = request.app.state.metrics
    encoder, content_type = choose_encoder(request.headers.get("accept", ""))
    return Response(encoder(metrics.registry), media_type=content_type)


def install_metrics(app: FastAPI) -> Metrics:
    """Add ``GET /metrics`` and the middleware; call it after every other ``add_middleware`` so
    the middleware is the outermost one."""
    metrics = Metrics()
    _live.add(metrics)
    app.state.metrics = metrics
    app.add_api_route("/metrics", metrics_endpoint, methods=["GET"], include_in_schema=False)
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    return metrics
