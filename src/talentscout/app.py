"""FastAPI application factory: routers (bare and under /v1), error handlers, middleware."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from talentscout import runtime
from talentscout.auth.precheck import key_error
from talentscout.billing.router import router as billing_router
from talentscout.db.engine import Database
from talentscout.enrichment.router import router as enrichment_router
from talentscout.errors import (
    MALFORMED_JSON,
    AppError,
    PayloadTooLarge,
    ValidationError,
    error_body,
    invalid_request,
    validation_errors,
)
from talentscout.metrics import install_metrics
from talentscout.openapi import finish
from talentscout.pool.router import router as pool_router
from talentscout.ratelimit import RateLimitMiddleware, limiter_from_settings
from talentscout.responses import documented
from talentscout.settings import Settings, get_settings
from talentscout.sourcing.preview_router import router as preview_router
from talentscout.sourcing.router import router as sourcing_router
from talentscout.webhooks.router import router as webhooks_router

log = structlog.get_logger(__name__)
# Preview and enrichment first: their fixed paths must not be captured by /sourcing/{run_id}.
ROUTERS = (
    preview_router,
    enrichment_router,
    sourcing_router,
    pool_router,
    billing_router,
    webhooks_router,
)

# Swagger UI's and ReDoc's own files, served by the app (see create_app).
DOCS_ASSETS = "/docs/assets"
DOC_PAGES = frozenset({"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"})


def _error_response(exc: AppError) -> JSONResponse:
    return JSONResponse(exc.body(), exc.status_code, headers=exc.headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def app_error(_: Request, exc: AppError) -> JSONResponse:
        return _error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        # A body FastAPI could not decode stopped the request before the route's key check.
        if not hasattr(request.state, "principal") and (denied := await key_error(request.scope)):
            return _error_response(denied)
        # FastAPI leaves a body of another content type undecoded: it fails as "not an object".
        not_json = "json" not in request.headers.get("content-type", "")
        errors = validation_errors(exc.errors(), not_json=not_json)
        return _error_response(invalid_request(errors))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc.__cause__, PayloadTooLarge):  # FastAPI wraps a failed body read
            return _error_response(await key_error(request.scope) or exc.__cause__)
        if exc.status_code == 400 and exc.__cause__ is not None:  # undecodable: bad UTF-8,
            unreadable = ValidationError.single("body", MALFORMED_JSON)  # too deep
            return _error_response(await key_error(request.scope) or unreadable)
        code = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}.get(exc.status_code, "HTTP_ERROR")
        return JSONResponse(error_body(code, str(exc.detail)), exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("request.unhandled", path=request.url.path)
        return JSONResponse(error_body("INTERNAL_ERROR", "An unexpected error occurred."), 500)


class RequestGuardMiddleware:
    """413 for bodies over the limit (pool imports get a larger one), checked while streaming,
    after the key (``auth.precheck``): a caller the route would refuse is refused first.

    It also refuses NUL characters in the path or query string: no id or filter can hold one,
    and PostgreSQL would reject them as a server error instead of a client one.
    """

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if "\x00" in path or b"%00" in scope.get("query_string", b""):
            where = "path" if "\x00" in path else "query"
            await _send_error(
                send, ValidationError.single(where, "NUL characters (%00) are not allowed in URLs.")
            )
            return
        limit = (
            self.settings.max_pool_body_bytes
            if path.removeprefix("/v1").startswith("/pool")
            else self.settings.max_body_bytes
        )
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        too_large = declared is not None and declared.isdigit() and int(declared) > limit
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            if too_large:  # refused unread, when the route reads it: after routing, so the
                raise PayloadTooLarge()  # error handler can check the key first
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise PayloadTooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send)
        except PayloadTooLarge as exc:
            await _send_error(send, exc)


async def _send_error(send: Send, exc: AppError) -> None:
    response = _error_response(exc)
    await send(
        {
            "type": "http.response.start",
            "status": response.status_code,
            "headers": response.raw_headers,
        }
    )
    await send({"type": "http.response.body", "body": response.body})


class RequestIdMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        structlog.contextvars.bind_contextvars(request_id=request_id)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            structlog.contextvars.unbind_contextvars("request_id", "company_id")


def serve_docs_under_v1(app: FastAPI) -> None:
    """Every route is served at /v1 too (API.md conventions): the document and its pages as well.
    The pages are the same (they load /openapi.json); only their address differs."""
    for route in list(app.routes):
        if not isinstance(route, Route) or route.path not in DOC_PAGES:
            continue
        path, methods = "/v1" + route.path, sorted(route.methods or {"GET"})
        if isinstance(route, APIRoute):  # FastAPI injects what these endpoints ask for
            app.add_api_route(path, route.endpoint, methods=methods, include_in_schema=False)
        else:
            app.add_route(path, route.endpoint, methods=methods, include_in_schema=False)


def create_app(
    settings: Settings | None = None,
    database: Database | None = None,
    *,
    run_worker: bool = False,
) -> FastAPI:
    settings = settings or get_settings()
    limiter = limiter_from_settings(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = database if database is not None else await asyncio.to_thread(runtime.get_database)
        runtime.set_database(db)
        app.state.database = db
        app.state.embedder = await asyncio.to_thread(runtime.embedder)
        await asyncio.to_thread(runtime.install_taxonomy, settings)
        worker_task: asyncio.Task[Any] | None = None
        if run_worker:
            from talentscout.worker import run_worker as start_worker

            worker_task = asyncio.create_task(
                start_worker(db.url, settings, install_signal_handlers=False)
            )
        try:
            yield
        finally:
            if worker_task is not None:
                worker_task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await worker_task
            await limiter.aclose()
            if database is None:
                await db.dispose()

    # Swagger UI and ReDoc from assets installed with the package (fastapi-offline), not a CDN:
    # self-hosted servers are often offline, and /docs must not be a blank page there.
    app = FastAPIOffline(
        static_url=DOCS_ASSETS,
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
        title="TalentScout",
        version="0.1.0",
        description="Self-hostable AI candidate sourcing, wire-compatible with InstaView's "
        "Sourcing API.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    build_openapi = app.openapi  # FastAPI caches the document after the first build
    app.openapi = lambda: finish(documented(build_openapi()))  # type: ignore[method-assign]
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
        app.include_router(router, prefix="/v1", include_in_schema=False)
    serve_docs_under_v1(app)

    @app.get("/health", include_in_schema=False)
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    app.add_middleware(RequestGuardMiddleware, settings=settings)
    # Outside the body limit (a 413 is still a counted, header-carrying answer), inside the
    # request id (a 429 still carries X-Request-Id).
    app.state.rate_limiter = limiter
    app.add_middleware(RateLimitMiddleware, limiter=limiter, settings=settings)
    app.add_middleware(RequestIdMiddleware)
    if settings.metrics_enabled:  # last, so outermost: 413s and 429s are counted and timed too
        install_metrics(app)
    return app
