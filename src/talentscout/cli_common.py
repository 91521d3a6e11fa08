"""What every ``talentscout`` command shares: the consoles, running an async action, and how
results and errors are printed."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from typer.core import TyperCommand

from talentscout import runtime
from talentscout.errors import AppError

console = Console()
err = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")


class Command(TyperCommand):
    """A command whose usage line reads as most tools write it: ``import [OPTIONS] FILE``.

    Typer writes a required argument as ``{FILE}``, which reads like literal braces to type;
    optional arguments keep their ``[FILE]``. Pass as ``cls=Command`` to commands with
    arguments."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:  # click.Context, as in _Commands
        pieces: list[str] = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


def fail(message: str, details: dict[str, Any] | None = None, *, code: int = 1) -> NoReturn:
    """Print ``error: <message>`` (and any details, one per line) on stderr and exit."""
    err.print("[red]error:[/red] ", end="")
    err.print(message, markup=False, highlight=False)
    for line in detail_lines(message, details or {}):
        err.print(f"  {line}", markup=False, highlight=False)
    raise typer.Exit(code)


def detail_lines(message: str, details: dict[str, Any]) -> list[str]:
    """An error envelope's ``details`` as readable lines: each field error as "field: message"
    (unless it only repeats the message), any other detail as "key: value"."""
    lines = []
    for key, value in details.items():
        if key == "errors" and isinstance(value, list):
            for item in value:
                text = str(item.get("message", "")) if isinstance(item, dict) else str(item)
                field = str(item.get("field", "")) if isinstance(item, dict) else ""
                if text != message:
                    lines.append(f"{field}: {text}" if field else text)
        elif value not in (None, "", [], {}):
            shown = value if isinstance(value, str) else json.dumps(value, default=str)
            lines.append(f"{key}: {shown}")
    return lines


def run(action: Callable[[], Awaitable[T]]) -> T:
    """Run one async action, then release the database; AppErrors become a clean exit 1."""

    async def main() -> T:
        try:
            return await action()
        finally:
            await runtime.dispose_database()

    try:
        return asyncio.run(main())
    except AppError as exc:
        fail(exc.message, exc.details)


def print_json(value: Any) -> None:
    typer.echo(json.dumps(value, default=str))


def print_table(table: Table) -> None:
    """Print ``table`` with its ``no_wrap`` columns (ids, prefixes, dates) whole and on one line.

    Rich fits a table to the console (80 columns when piped) by truncating cells with an
    ellipsis, which breaks copying an id. Here the console is widened for this table to at least
    its minimum width, in which every no-wrap column keeps its full text; the other columns still
    wrap within the terminal width when they can."""
    needed = Measurement.get(console, console.options.update_width(10**6), table).minimum
    width = console.width
    console.width = max(width, needed)
    try:
        console.print(table)
    finally:
        console.width = width


def id_table(*columns: str, wrap: tuple[str, ...] = ()) -> Table:
    """A table whose columns never wrap nor truncate, except those named in ``wrap``."""
    table = Table(*columns)
    for column, header in zip(table.columns, columns, strict=True):
        column.no_wrap = header not in wrap
        column.min_width = len(header)  # else rich may squeeze a header to "sc…"
    return table
