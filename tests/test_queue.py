"""A failing job is retried until its last attempt, which marks the run failed instead."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from talentscout.queue import retry_or_give_up


async def _fail(attempts_so_far: int, given_up: list[int]) -> None:
    context: Any = SimpleNamespace(job=SimpleNamespace(attempts=attempts_so_far))

    async def give_up() -> None:
        given_up.append(attempts_so_far)

    try:
        raise RuntimeError("provider down")
    except RuntimeError:
        await retry_or_give_up(context, 3, give_up, "test.failed", run_id="r1")


async def test_early_attempts_reraise_for_a_retry() -> None:
    given_up: list[int] = []
    for attempts_so_far in (0, 1):
        with pytest.raises(RuntimeError, match="provider down"):
            await _fail(attempts_so_far, given_up)
    assert given_up == []


async def test_the_last_attempt_gives_up_without_raising() -> None:
    given_up: list[int] = []
    await _fail(2, given_up)
    assert given_up == [2]
