"""The key before the body (API.md §1: 401 → 403 → … → handler).

FastAPI reads and decodes a request's body before it runs the route's dependencies, and the body
limit is enforced while the body streams in, so a malformed (400) or oversized (413) body would
be answered before the key is looked at: a caller with no key, or a key lacking the route's
scope, would learn about the body instead of being refused. The handlers of those two errors ask
``key_error`` first; it runs the same ``authenticate`` the route's dependency would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.datastructures import Headers, QueryParams
from starlette.routing import BaseRoute
from starlette.types import Scope

from talentscout.auth.service import authenticate
from talentscout.errors import AppError

#: A ``require_scope`` dependency → the scope it requires (filled as routers are declared).
SCOPE_OF: dict[Callable[..., Any], str] = {}


def _required_scope(route: BaseRoute | None) -> str | None:
    pending = [getattr(route, "dependant", None)]
    while pending:
        dependant = pending.pop()
        if dependant is None:
            continue
        if dependant.call in SCOPE_OF:
            return SCOPE_OF[dependant.call]
        pending.extend(dependant.dependencies)
    return None


async def key_error(scope: Scope) -> AppError | None:
    """The 401/403 the route's key check gives this request, or None (the key passes, or the
    route takes no key)."""
    required = _required_scope(scope.get("route"))  # set once the request was routed
    app = scope.get("app")
    if required is None or app is None:
        return None
    client = scope.get("client")
    query = QueryParams(scope.get("query_string", b""))
    try:
        async with app.state.database.unit_of_work() as session:
            await authenticate(
                session,
                Headers(scope=scope).get("authorization"),
                client[0] if client else None,
                required,
                query.get("companyId"),
            )
    except AppError as exc:
        return exc
    return None
