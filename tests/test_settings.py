"""Settings that shape the server process itself."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
import uvicorn
from pydantic import ValidationError

from talentscout.settings import Settings, describe_invalid_settings


async def _echo_client(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """An ASGI app answering with the client address the server handed it."""
    if scope["type"] != "http":
        return
    host = (scope.get("client") or ("", 0))[0].encode()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": host})


async def _seen_client(settings: Settings) -> str:
    config = uvicorn.Config(
        _echo_client, host="127.0.0.1", port=0, log_level="error", **settings.server_options
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            await asyncio.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        async with httpx.AsyncClient() as client:
            answer = await client.get(
                f"http://127.0.0.1:{port}/", headers={"X-Forwarded-For": "10.1.1.1"}
            )
        return answer.text
    finally:
        server.should_exit = True
        await task


@pytest.mark.parametrize(
    ("trusted", "seen"), [("", "127.0.0.1"), ("127.0.0.1", "10.1.1.1"), ("*", "10.1.1.1")]
)
async def test_forwarded_addresses_are_believed_only_from_trusted_proxies(
    trusted: str, seen: str
) -> None:
    """By default a local process cannot claim another address (and pass a key's IP allow-list
    with a forged X-Forwarded-For); behind a reverse proxy, its address is configured."""
    assert await _seen_client(Settings(trusted_proxies=trusted)) == seen


def test_a_malformed_setting_is_named_as_the_operator_sets_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TALENTSCOUT_DB_POOL_SIZE", "abc")
    with pytest.raises(ValidationError) as raised:
        Settings()
    message = describe_invalid_settings(raised.value)
    assert message.startswith("TALENTSCOUT_DB_POOL_SIZE='abc': Input should be a valid integer")
    assert message.endswith("(fix or unset it in the environment or .env)")
