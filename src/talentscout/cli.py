"""The ``talentscout`` command: serve, worker, demo, admin, pool, eval."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from talentscout import runtime
from talentscout.errors import AppError
from talentscout.settings import get_settings

app = typer.Typer(help="TalentScout: self-hostable AI candidate sourcing.", no_args_is_help=True)
admin = typer.Typer(help="Administer companies, API keys and credits.", no_args_is_help=True)
company_cli = typer.Typer(help="Companies (tenants).", no_args_is_help=True)
key_cli = typer.Typer(help="API keys.", no_args_is_help=True)
credits_cli = typer.Typer(help="Prepaid credits.", no_args_is_help=True)
pool_cli = typer.Typer(help="The talent pool.", no_args_is_help=True)
taxonomy_cli = typer.Typer(help="The skills and job-title taxonomy.", no_args_is_help=True)
app.add_typer(admin, name="admin")
admin.add_typer(company_cli, name="company")
admin.add_typer(key_cli, name="key")
admin.add_typer(credits_cli, name="credits")
app.add_typer(pool_cli, name="pool")
app.add_typer(taxonomy_cli, name="taxonomy")

console = Console()
err = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")


def _run(action: Callable[[], Awaitable[T]]) -> T:
    """Run one async admin action in a unit of work; AppErrors become a clean exit 1."""

    async def main() -> T:
        try:
            return await action()
        finally:
            await runtime.get_database().dispose()

    try:
        return asyncio.run(main())
    except AppError as exc:
        err.print(f"[red]error:[/red] {exc.message} {exc.details or ''}")
        raise typer.Exit(1) from exc


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(value, default=str))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    worker: Annotated[bool, typer.Option(help="Run an in-process worker.")] = True,
) -> None:
    """Run the HTTP API (with an in-process worker by default)."""
    import uvicorn

    from talentscout.app import create_app
    from talentscout.logs import configure_logging

    configure_logging()
    runtime.get_database()
    options = get_settings().server_options
    uvicorn.run(create_app(run_worker=worker), host=host, port=port, log_config=None, **options)


@app.command()
def worker() -> None:
    """Run a worker alone (start as many as you like, on any machine sharing the database)."""
    from talentscout.logs import configure_logging
    from talentscout.worker import run_worker

    configure_logging()
    settings = get_settings()
    url = runtime.prepare_database(settings)
    asyncio.run(run_worker(url, settings))


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    size: Annotated[int, typer.Option(help="Demo pool size.")] = 3000,
    serve_api: Annotated[bool, typer.Option("--serve/--no-serve", help="Keep serving.")] = True,
) -> None:
    """Load the demo talent pool, show an example sourcing run, then serve the API."""
    from talentscout.demo_run import run_demo

    run_demo(host=host, port=port, size=size, serve_api=serve_api)


@company_cli.command("create")
def company_create(
    name: str,
    billing: Annotated[str, typer.Option(help="prepaid or postpaid")] = "postpaid",
    credits: Annotated[int, typer.Option(help="Initial prepaid credits.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create a company (tenant)."""
    from talentscout.auth import service

    async def action() -> dict[str, Any]:
        async with runtime.get_database().unit_of_work() as session:
            company = await service.create_company(
                session, name, billing_mode=billing, credits=credits
            )
            return {
                "id": company.id,
                "name": company.name,
                "billing": company.billing_mode,
                "credits": credits,
            }

    result = _run(action)
    if as_json:
        _print_json(result)
    else:
        console.print(f"Created company [bold]{result['name']}[/bold]: {result['id']}")


@company_cli.command("list")
def company_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List companies."""
    from talentscout.auth.repository import CompanyRepository

    async def action() -> list[dict[str, Any]]:
        async with runtime.get_database().unit_of_work() as session:
            rows = await CompanyRepository.from_session(session).list()
            return [
                {"id": c.id, "name": c.name, "billing": c.billing_mode, "demo": c.is_demo}
                for c in rows
            ]

    rows = _run(action)
    if as_json:
        _print_json(rows)
        return
    table = Table("id", "name", "billing", "demo")
    for row in rows:
        table.add_row(row["id"], row["name"], row["billing"], "yes" if row["demo"] else "")
    console.print(table)


@key_cli.command("create")
def key_create(
    company: Annotated[str, typer.Option(help="Company id.")],
    scopes: Annotated[str, typer.Option(help="Comma-separated scopes.")] = "",
    kind: Annotated[str, typer.Option(help="standard or ats")] = "standard",
    name: Annotated[str, typer.Option(help="A label for the key.")] = "",
    mode: Annotated[str, typer.Option(help="live or test")] = "live",
    expires_at: Annotated[datetime | None, typer.Option(help="Expiry (ISO 8601, UTC).")] = None,
    ip_allow: Annotated[str, typer.Option(help="Comma-separated CIDRs allowed.")] = "",
    manages: Annotated[str, typer.Option(help="ATS keys: comma-separated company ids.")] = "",
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Create an API key; the key is printed once and never stored."""
    from talentscout.auth import service
    from talentscout.auth.keys import ALL_SCOPES

    scope_list = [s.strip() for s in scopes.split(",") if s.strip()] or list(ALL_SCOPES)

    async def action() -> dict[str, Any]:
        async with runtime.get_database().unit_of_work() as session:
            new = await service.create_key(
                session,
                company,
                scope_list,
                kind=kind,
                name=name,
                mode=mode,
                expires_at=expires_at.astimezone() if expires_at else None,
                ip_allowlist=[c.strip() for c in ip_allow.split(",") if c.strip()],
                managed_company_ids=[c.strip() for c in manages.split(",") if c.strip()],
            )
            return {
                "id": str(new.key.id),
                "key": new.secret,
                "companyId": company,
                "kind": kind,
                "scopes": new.key.scopes,
                "name": name,
            }

    result = _run(action)
    if as_json:
        _print_json(result)
    else:
        console.print(f"Key id {result['id']} ({', '.join(result['scopes'])})")
        console.print(f"[bold]{result['key']}[/bold]  (shown once; store it now)")


@key_cli.command("list")
def key_list(
    company: Annotated[str | None, typer.Option(help="Only this company.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List API keys (prefixes only)."""
    from talentscout.auth.repository import ApiKeyRepository
    from talentscout.timeutil import iso

    async def action() -> list[dict[str, Any]]:
        async with runtime.get_database().unit_of_work() as session:
            keys = await ApiKeyRepository.from_session(session).list(company)
            return [
                {
                    "id": str(k.id),
                    "companyId": k.company_id,
                    "prefix": k.prefix,
                    "kind": k.kind,
                    "name": k.name,
                    "scopes": k.scopes,
                    "revoked": k.revoked_at is not None,
                    "suspended": k.suspended_at is not None,
                    "lastUsedAt": iso(k.last_used_at),
                }
                for k in keys
            ]

    rows = _run(action)
    if as_json:
        _print_json(rows)
        return
    table = Table("id", "company", "prefix", "kind", "scopes", "state", "last used")
    for r in rows:
        state = "revoked" if r["revoked"] else "suspended" if r["suspended"] else "active"
        table.add_row(
            r["id"],
            r["companyId"],
            r["prefix"],
            r["kind"],
            ",".join(r["scopes"]),
            state,
            r["lastUsedAt"] or "",
        )
    console.print(table)


@key_cli.command("revoke")
def key_revoke(key_id: uuid.UUID) -> None:
    """Revoke a key for good."""
    from talentscout.auth import service

    async def action() -> None:
        async with runtime.get_database().unit_of_work() as session:
            await service.revoke_key(session, key_id)

    _run(action)
    console.print(f"Revoked {key_id}")


@key_cli.command("suspend")
def key_suspend(
    key_id: uuid.UUID,
    reason: Annotated[str | None, typer.Option(help="Shown to the caller.")] = None,
    undo: Annotated[bool, typer.Option("--undo", help="Lift the suspension.")] = False,
) -> None:
    """Suspend a key (401 API_KEY_SUSPENDED) or lift a suspension with --undo."""
    from talentscout.auth import service

    async def action() -> None:
        async with runtime.get_database().unit_of_work() as session:
            if undo:
                await service.unsuspend_key(session, key_id)
            else:
                await service.suspend_key(session, key_id, reason)

    _run(action)
    console.print(f"{'Unsuspended' if undo else 'Suspended'} {key_id}")


@credits_cli.command("add")
def credits_add(
    amount: int,
    company: Annotated[str, typer.Option(help="Company id.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Top up a company's prepaid credits."""
    from talentscout.billing import service

    async def action() -> int:
        async with runtime.get_database().unit_of_work() as session:
            return await service.add_credits(session, company, amount)

    balance = _run(action)
    if as_json:
        _print_json({"companyId": company, "balance": balance})
    else:
        console.print(f"Balance of {company}: {balance}")


@pool_cli.command("import")
def pool_import(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    company: Annotated[str, typer.Option(help="Company id.")],
    batch: Annotated[int, typer.Option(help="Profiles per transaction.")] = 200,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Import JSON Resume (.json), JSON Lines (.jsonl) or CSV profiles into a company's pool."""
    from talentscout.pool.bulk import import_file

    result = _run(lambda: import_file(file, company, batch, show_progress=not as_json))
    if as_json:
        _print_json(result)
        return
    console.print(
        f"created {result['created']}, updated {result['updated']}, "
        f"unchanged {result['unchanged']}, rejected {len(result['errors'])}, "
        f"warnings {len(result['warnings'])}"
    )
    for error in result["errors"][:50]:
        console.print(f"  row {error['index']}: {error['field'] or '-'}: {error['message']}")
    if len(result["errors"]) > 50:
        console.print(f"  … and {len(result['errors']) - 50} more")
    for warning in result["warnings"][:50]:  # imported as sent; a field not read as written
        line = f"  row {warning['index']}: warning: {warning['field']}: {warning['message']}"
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    if len(result["warnings"]) > 50:
        console.print(f"  … and {len(result['warnings']) - 50} more warnings")


@pool_cli.command("reindex")
def pool_reindex(
    company: Annotated[str, typer.Option(help="Company id.")],
    all_profiles: Annotated[
        bool, typer.Option("--all", help="Every profile, not only stale parses.")
    ] = False,
    batch: Annotated[int, typer.Option(help="Profiles per transaction.")] = 200,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Re-parse, re-embed and re-index a pool after a taxonomy import or an upgrade."""
    from talentscout.pool.bulk import reindex_company

    counts = _run(
        lambda: reindex_company(
            company, batch, stale_only=not all_profiles, show_progress=not as_json
        )
    )
    if as_json:
        _print_json(counts)
    else:
        console.print(f"checked {counts['checked']}, reindexed {counts['reindexed']}")


@taxonomy_cli.command("import")
def taxonomy_import(
    onet: Annotated[
        Path | None, typer.Option(help="O*NET database folder (tab-separated text release).")
    ] = None,
    esco: Annotated[Path | None, typer.Option(help="ESCO skills_en_labels.csv.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Extend the taxonomy from O*NET and/or ESCO; every process picks it up at start-up."""
    from talentscout.taxonomy_import import run_import

    if onet is None and esco is None:
        err.print("[red]error:[/red] give --onet DIR and/or --esco FILE")
        raise typer.Exit(2)
    for path, kind in ((onet, "dir"), (esco, "file")):
        if path is not None and not (path.is_dir() if kind == "dir" else path.is_file()):
            err.print(f"[red]error:[/red] {path} is not a {'folder' if kind == 'dir' else 'file'}")
            raise typer.Exit(2)
    counts = run_import(get_settings().data_dir, onet, esco)
    if as_json:
        _print_json(counts)
    else:
        console.print(
            f"imported {counts['skills']} skills and {counts['titles']} title families; "
            f"taxonomy now has {counts['total_skills']} skills, {counts['total_titles']} families"
        )
        console.print(
            "restart the API and workers to use it; the first worker to start re-indexes "
            "stored profiles in the background (or run `talentscout pool reindex`)"
        )


@app.command("eval")
def evaluate(
    directory: Annotated[Path, typer.Argument(exists=True, file_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    details: Annotated[
        Path | None, typer.Option(help="Also write per-query results and spreads to this file.")
    ] = None,
) -> None:
    """Measure ranking quality on a task directory, beside lexical and embedding baselines."""
    from talentscout.evaluation.runner import evaluate as run_evaluation

    def progress(message: str) -> None:
        if not as_json:
            err.print(f"[dim]{message}[/dim]")

    try:
        result = asyncio.run(run_evaluation(directory, runtime.embedder(), progress))
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if details is not None:
        details.write_text(json.dumps(result, indent=1))
    if as_json:
        _print_json({k: result[k] for k in ("task", "metrics", "baselines")})
        return
    from talentscout.evaluation.report import metrics_table, summary_lines

    console.print(metrics_table(result))
    for line in summary_lines(result):
        console.print(line)
