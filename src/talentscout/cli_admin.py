"""``talentscout admin``: companies (tenants), API keys and prepaid credits."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

import typer

from talentscout import runtime
from talentscout.cli_common import Command, console, id_table, print_json, print_table, run

admin = typer.Typer(help="Administer companies, API keys and credits.", no_args_is_help=True)
company_cli = typer.Typer(help="Companies (tenants).", no_args_is_help=True)
key_cli = typer.Typer(help="API keys.", no_args_is_help=True)
credits_cli = typer.Typer(help="Prepaid credits.", no_args_is_help=True)
admin.add_typer(company_cli, name="company")
admin.add_typer(key_cli, name="key")
admin.add_typer(credits_cli, name="credits")


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


@company_cli.command("create", cls=Command)
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

    result = run(action)
    if as_json:
        print_json(result)
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

    rows = run(action)
    if as_json:
        print_json(rows)
        return
    table = id_table("id", "name", "billing", "demo", wrap=("name",))
    for row in rows:
        table.add_row(row["id"], row["name"], row["billing"], "yes" if row["demo"] else "")
    print_table(table)


@key_cli.command("create")
def key_create(
    company: Annotated[str, typer.Option(help="Company id.")],
    scopes: Annotated[str, typer.Option(help="Comma-separated scopes.")] = "",
    kind: Annotated[str, typer.Option(help="standard or ats")] = "standard",
    name: Annotated[str, typer.Option(help="A label for the key.")] = "",
    mode: Annotated[str, typer.Option(help="live or test")] = "live",
    expires_at: Annotated[datetime | None, typer.Option(help="Expiry (ISO 8601, UTC).")] = None,
    ip_allow: Annotated[str, typer.Option(help="Comma-separated CIDRs allowed.")] = "",
    manages: Annotated[
        str, typer.Option(help="ATS keys (required): comma-separated ids of the companies managed.")
    ] = "",
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Create an API key; the key is printed once and never stored."""
    from talentscout.auth import service
    from talentscout.auth.keys import ALL_SCOPES
    from talentscout.timeutil import iso

    scope_list = _csv(scopes) or list(ALL_SCOPES)

    async def action() -> dict[str, Any]:
        async with runtime.get_database().unit_of_work() as session:
            new = await service.create_key(
                session,
                company,
                scope_list,
                kind=kind,
                name=name,
                mode=mode,
                # typer parses no offset, and the option is documented as UTC
                expires_at=expires_at.replace(tzinfo=UTC) if expires_at else None,
                ip_allowlist=_csv(ip_allow),
                managed_company_ids=_csv(manages),
            )
            return {
                "id": str(new.key.id),
                "key": new.secret,
                "companyId": company,
                "kind": kind,
                "scopes": new.key.scopes,
                "name": name,
                "expiresAt": iso(new.key.expires_at),
                "ipAllowlist": new.key.ip_allowlist,
                "manages": new.key.managed_company_ids,
            }

    result = run(action)
    if as_json:
        print_json(result)
    else:
        console.print(f"Key id {result['id']} ({', '.join(result['scopes'])})", soft_wrap=True)
        console.print(f"[bold]{result['key']}[/bold]  (shown once; store it now)", soft_wrap=True)


@key_cli.command("list")
def key_list(
    company: Annotated[str | None, typer.Option(help="Only this company.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List API keys (prefixes only) and the state a call with each meets."""
    from talentscout.auth.keys import ALL_SCOPES
    from talentscout.auth.repository import ApiKeyRepository
    from talentscout.auth.service import key_state
    from talentscout.timeutil import iso, utcnow

    async def action() -> list[dict[str, Any]]:
        async with runtime.get_database().unit_of_work() as session:
            keys = await ApiKeyRepository.from_session(session).list(company)
            now = utcnow()
            return [
                {
                    "id": str(k.id),
                    "companyId": k.company_id,
                    "prefix": k.prefix,
                    "kind": k.kind,
                    "name": k.name,
                    "scopes": k.scopes,
                    "state": key_state(k, now),
                    "revoked": k.revoked_at is not None,
                    "suspended": k.suspended_at is not None,
                    "suspendedReason": k.suspended_reason,
                    "expiresAt": iso(k.expires_at),
                    "ipAllowlist": k.ip_allowlist,
                    "manages": k.managed_company_ids,
                    "lastUsedAt": iso(k.last_used_at),
                }
                for k in keys
            ]

    rows = run(action)
    if as_json:
        print_json(rows)
        return
    table = id_table(
        "id", "company", "prefix", "kind", "name", "scopes", "state", "last used",
        wrap=("name", "scopes"),
    )  # fmt: skip
    for r in rows:
        everything = set(r["scopes"]) == set(ALL_SCOPES)
        table.add_row(
            r["id"],
            r["companyId"],
            r["prefix"],
            r["kind"],
            r["name"],
            "all" if everything else ", ".join(r["scopes"]),
            r["state"],
            r["lastUsedAt"] or "",
        )
    print_table(table)


@key_cli.command("revoke", cls=Command)
def key_revoke(key_id: uuid.UUID) -> None:
    """Revoke a key for good."""
    from talentscout.auth import service

    async def action() -> None:
        async with runtime.get_database().unit_of_work() as session:
            await service.revoke_key(session, key_id)

    run(action)
    console.print(f"Revoked {key_id}")


@key_cli.command("suspend", cls=Command)
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

    run(action)
    console.print(f"{'Unsuspended' if undo else 'Suspended'} {key_id}")


@credits_cli.command("add", cls=Command)
def credits_add(
    amount: int,
    company: Annotated[str, typer.Option(help="Company id (a prepaid one).")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Top up a prepaid company's credits (a postpaid company is billed for usage instead)."""
    from talentscout.billing import service

    async def action() -> int:
        async with runtime.get_database().unit_of_work() as session:
            return await service.add_credits(session, company, amount)

    balance = run(action)
    if as_json:
        print_json({"companyId": company, "balance": balance})
    else:
        console.print(f"Balance of {company}: {balance}", soft_wrap=True)
