"""Shared pydantic base: camelCase on the wire, snake_case in Python."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic.alias_generators import to_camel

NUL_MESSAGE = "text must not contain NUL characters (\\u0000)"


def nesting_depth(value: Any, limit: int) -> int:
    """How deeply JSON-like data nests (a scalar is 0), counted without recursion and only up
    to ``limit + 1``: enough to refuse data too deep to serialise or store."""
    deepest = 0
    pending: list[tuple[Any, int]] = [(value, 0)]
    while pending and deepest <= limit:
        item, depth = pending.pop()
        if isinstance(item, dict | list | tuple):
            deepest = max(deepest, depth + 1)
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return deepest


def nul_path(value: Any, path: str = "") -> str | None:
    """Where the first NUL character hides in JSON-like data (``None`` when there is none).

    PostgreSQL text cannot store NUL, so such input is refused up front with a 400 that names
    the field, instead of failing later as a database error.
    """
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            child = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and "\x00" in key:
                return child
            found = nul_path(item, child)
            if found is not None:
                return found
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = nul_path(item, f"{path}.{index}" if path else str(index))
            if found is not None:
                return found
    return None


class NulFreeModel(BaseModel):
    """Refuses NUL characters anywhere in its input, nested dicts and lists included."""

    @field_validator("*", mode="before")
    @classmethod
    def _refuse_nul(cls, value: Any) -> Any:
        where = nul_path(value)
        if where is not None:
            # "must …": the error handler puts the field's name in front.
            inside = f" (at {where})" if where else ""
            raise ValueError(f"must not contain NUL characters (\\u0000){inside}")
        return value


class CamelModel(NulFreeModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)
