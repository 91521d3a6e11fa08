"""Credits: pre-flight reservation and settlement on an append-only ledger (spec §7).

A prepaid run reserves its maximum cost up front under a per-company lock, so concurrent runs can
never drive the balance below zero; delivery releases what was not used.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.auth.repository import CompanyRepository
from talentscout.billing.repository import LedgerRepository
from talentscout.errors import InsufficientCredits

RESERVATION = "reservation"


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
    ledger = LedgerRepository.from_session(session)
    await ledger.lock_company(company_id)
    await ledger.append(company_id, amount, "topup", "admin")
    return await ledger.balance(company_id)
