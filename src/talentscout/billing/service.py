"""Credits: pre-flight reservation and settlement on an append-only ledger (spec §7).

A prepaid run reserves its maximum cost up front under a per-company lock, so concurrent runs can
never drive the balance below zero; delivery releases what was not used.

Reservations and their releases are internal bookkeeping (cost key ``reservation``) and top-ups
are credits in (``topup``): neither is usage, so ``usage`` reports only the real charges.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.auth.repository import CompanyRepository
from talentscout.billing.repository import LedgerRepository
from talentscout.billing.schemas import CostKeyUsage, Usage
from talentscout.errors import InsufficientCredits, ValidationError
from talentscout.timeutil import iso, utcnow

RESERVATION = "reservation"
TOPUP = "topup"
#: The billable cost keys of spec §7, always listed in usage (zero when unused).
COST_KEYS = ("sourcing_candidate", "preview_page", "enrich_profile")
DEFAULT_USAGE_PERIOD = timedelta(days=30)


async def reserve(
    session: AsyncSession, company_id: str, amount: int, cost_key: str, reference: str
) -> None:
    company = await CompanyRepository.from_session(session).get(company_id)
    if company is None or company.billing_mode != "prepaid" or amount <= 0:
        return
    ledger = LedgerRepository.from_session(session)
    await ledger.lock_company(company_id)
    balance = await ledger.balance(company_id)
    if balance < amount:
        raise InsufficientCredits(details={"required": amount, "balance": balance})
    await ledger.append(company_id, -amount, RESERVATION, reference)


async def settle(
    session: AsyncSession,
    company_id: str,
    *,
    reserved: int,
    used: int,
    cost_key: str,
    reference: str,
) -> None:
    """Turn a reservation into the real charge: release it and record what was used."""
    company = await CompanyRepository.from_session(session).get(company_id)
    if company is None:
        return
    ledger = LedgerRepository.from_session(session)
    if company.billing_mode == "prepaid" and reserved > 0:
        await ledger.append(company_id, reserved, RESERVATION, reference)
    if used > 0:
        await ledger.append(company_id, -used, cost_key, reference)


async def add_credits(session: AsyncSession, company_id: str, amount: int) -> int:
    """Top up a company's credits; answers the new balance."""
    if amount <= 0:
        raise ValidationError.single("amount", "amount must be a positive number of credits.")
    company = await CompanyRepository.from_session(session).get(company_id)
    if company is None:
        raise ValidationError.single("company", f"company {company_id} does not exist.")
    if company.billing_mode != "prepaid":
        # Credits would sit unused: a postpaid company's runs never reserve nor spend them.
        raise ValidationError.single(
            "company",
            f"company {company_id} is {company.billing_mode}: it is billed for its usage "
            "(GET /billing/usage) and has no credits to top up; only prepaid companies do.",
        )
    ledger = LedgerRepository.from_session(session)
    await ledger.lock_company(company_id)
    await ledger.append(company_id, amount, TOPUP, "admin")
    return await ledger.balance(company_id)


async def usage(
    session: AsyncSession,
    company_id: str,
    start: datetime | None = None,
    end: datetime | None = None,
) -> Usage:
    """Credits used per cost key in ``[start, end)`` (default: the last 30 days) and the balance.

    Naive datetimes are taken as UTC. Only charges count as usage, so a run still in flight shows
    its reservation in the balance but not in ``totalCreditsUsed`` until it delivers.

    The balance is the credits still available from top-ups, floored at 0 (spec §7: it never
    goes negative): a postpaid company's charges are recorded on the same ledger without credits
    behind them, to be invoiced, which would otherwise read as a debt in credits.
    """
    end = _utc(end, "end") if end is not None else utcnow()
    if start is None:
        if end - datetime.min.replace(tzinfo=UTC) < DEFAULT_USAGE_PERIOD:
            raise ValidationError.single(
                "end",
                f"end is too early for the default start {DEFAULT_USAGE_PERIOD.days} days before "
                "it: pass start as well.",
            )
        start = end - DEFAULT_USAGE_PERIOD
    start = _utc(start, "start")
    if start >= end:
        raise ValidationError.single("start", "start must be before end.")
    company = await CompanyRepository.from_session(session).get(company_id)
    if company is None:  # pragma: no cover - an authenticated principal's company exists
        raise ValidationError.single("company", f"company {company_id} does not exist.")
    ledger = LedgerRepository.from_session(session)
    totals = {
        row.cost_key: row
        for row in await ledger.usage_by_cost_key(company_id, start, end, (RESERVATION, TOPUP))
    }
    keys = [*COST_KEYS, *sorted(set(totals) - set(COST_KEYS))]
    breakdown = [
        CostKeyUsage(
            cost_key=key,
            events=totals[key].events if key in totals else 0,
            credits_used=totals[key].credits_used if key in totals else 0,
        )
        for key in keys
    ]
    return Usage(
        company_id=company_id,
        billing_mode=company.billing_mode,
        balance=max(0, await ledger.balance(company_id)),
        total_credits_used=sum(item.credits_used for item in breakdown),
        breakdown_by_cost_key=breakdown,
        period_start=iso(start) or "",
        period_end=iso(end) or "",
    )


def _utc(value: datetime, field: str) -> datetime:
    try:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:
        raise ValidationError.single(
            field, f"{field} is out of range: in UTC it must fall in the years 1 to 9999."
        ) from None
