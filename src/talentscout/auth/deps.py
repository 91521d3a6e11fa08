"""FastAPI dependencies: the request's unit of work and the authenticated principal."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated

import structlog
from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.auth.precheck import SCOPE_OF
from talentscout.auth.service import Principal, authenticate, record_use
from talentscout.db.engine import Database


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One transaction per request: commit on success, roll back on any error."""
    database: Database = request.app.state.database
    async with database.unit_of_work() as session:
        yield session


# scope="function": the transaction commits before the response is sent, so a client that
# got 202 can immediately read what it created.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


def require_scope(scope: str) -> Callable[..., Awaitable[Principal]]:
    async def dependency(request: Request, session: SessionDep) -> Principal:
        principal = await authenticate(
            session,
            request.headers.get("authorization"),
            request.client.host if request.client else None,
            scope,
            request.query_params.get("companyId"),
        )
        request.state.principal = principal
        structlog.contextvars.bind_contextvars(company_id=principal.company_id)
        if principal.needs_touch:
            # Its own short transaction: usage is recorded even when the request then fails.
            database: Database = request.app.state.database
            async with database.unit_of_work() as own:
                await record_use(own, principal.key_id)
        return principal

    SCOPE_OF[dependency] = scope
    return dependency
