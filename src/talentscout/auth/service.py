"""Companies, API keys and request authentication (the order of checks of spec §1)."""

from __future__ import annotations

import ipaddress
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.auth import keys
from talentscout.auth.repository import ApiKeyRepository, CompanyRepository
from talentscout.auth.secret import server_secret
from talentscout.db.models import ApiKey, Company, CreditEntry
from talentscout.errors import (
    ApiKeySuspended,
    InsufficientPermissions,
    InvalidApiKey,
    IpNotAllowed,
    ResourceAccessDenied,
    ValidationError,
)
from talentscout.timeutil import iso, utcnow

LAST_USED_RESOLUTION = timedelta(seconds=30)


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key, and the company every tenant query is scoped to."""

    key_id: uuid.UUID
    company_id: str
    scopes: frozenset[str]
    kind: str
    rate_limit_per_minute: int | None
    rate_limit_per_hour: int | None
    needs_touch: bool = False


@dataclass(frozen=True)
class NewKey:
    key: ApiKey
    secret: str


async def create_company(
    session: AsyncSession,
    name: str,
    *,
    billing_mode: str = "postpaid",
    credits: int = 0,
    is_demo: bool = False,
) -> Company:
    if billing_mode not in {"prepaid", "postpaid"}:
        raise ValidationError.single("billing", "billing must be 'prepaid' or 'postpaid'.")
    if not name.strip():
        raise ValidationError.single("name", "name must not be empty.")
    if credits < 0:
        raise ValidationError.single("credits", "credits must not be negative.")
    if credits and billing_mode != "prepaid":
        # A postpaid company is billed for its usage and never spends credits.
        raise ValidationError.single(
            "credits", "credits are only for a prepaid company: add --billing prepaid."
        )
    company = Company(
        id=f"cmp_{uuid.uuid4().hex}", name=name.strip(), billing_mode=billing_mode, is_demo=is_demo
    )
    await CompanyRepository.from_session(session).add(company)
    if credits:
        session.add(
            CreditEntry(
                company_id=company.id, amount=credits, cost_key="topup", reference="initial"
            )
        )
        await session.flush()
    return company


async def create_key(
    session: AsyncSession,
    company_id: str,
    scopes: list[str],
    *,
    kind: str = "standard",
    name: str = "",
    mode: str = "live",
    expires_at: datetime | None = None,
    ip_allowlist: list[str] | None = None,
    managed_company_ids: list[str] | None = None,
) -> NewKey:
    unknown = sorted(set(scopes) - set(keys.ALL_SCOPES))
    if unknown:
        raise ValidationError.single(
            "scopes",
            f"scopes must each be one of {', '.join(keys.ALL_SCOPES)}; "
            f"got {', '.join(repr(scope) for scope in unknown)}.",
        )
    if kind not in {"standard", "ats"}:
        raise ValidationError.single("kind", "kind must be 'standard' or 'ats'.")
    others = set(managed_company_ids or []) - {company_id}
    # Spec §1: an ATS key manages several companies and names one on every call; one managing
    # only its own company would just be a standard key that fails without ?companyId=.
    if kind == "ats" and not others:
        raise ValidationError.single(
            "manages",
            "manages must name at least one other company for an ATS key (--manages ID,…).",
        )
    if kind != "ats" and others:
        raise ValidationError.single("manages", "manages is only for an ATS key: add --kind ats.")
    for cidr in ip_allowlist or []:
        try:
            ipaddress.ip_network(cidr, strict=False)
        except ValueError as exc:
            raise ValidationError.single(
                "ipAllowlist", f"ipAllowlist must hold IP addresses or CIDR ranges; got {cidr!r}."
            ) from exc
    companies = CompanyRepository.from_session(session)
    if await companies.get(company_id) is None:
        raise ValidationError.single("company", f"company {company_id} does not exist.")
    managed = list(dict.fromkeys([company_id, *(managed_company_ids or [])]))
    for managed_id in managed:
        if await companies.get(managed_id) is None:
            raise ValidationError.single(
                "companies", f"managed company {managed_id} does not exist."
            )
    secret = keys.generate_key(mode)
    key = ApiKey(
        company_id=company_id,
        kind=kind,
        name=name,
        prefix=keys.display_prefix(secret),
        key_hash=keys.hash_key(secret, server_secret()),
        scopes=sorted(set(scopes)),
        ip_allowlist=ip_allowlist or [],
        managed_company_ids=managed if kind == "ats" else [],
        expires_at=expires_at,
    )
    await ApiKeyRepository.from_session(session).add(key)
    return NewKey(key=key, secret=secret)


async def authenticate(
    session: AsyncSession,
    authorization: str | None,
    client_ip: str | None,
    required_scope: str | None,
    company_param: str | None,
) -> Principal:
    raw = _bearer(authorization)
    if raw is None or not keys.is_well_formed(raw):
        raise InvalidApiKey()
    repo = ApiKeyRepository.from_session(session)
    key = await repo.by_hash(keys.hash_key(raw, server_secret()))
    now = utcnow()
    if key is None or key.revoked_at is not None or (key.expires_at and key.expires_at <= now):
        raise InvalidApiKey()
    if key.suspended_at is not None:
        raise ApiKeySuspended(
            details={"suspendedAt": iso(key.suspended_at), "reason": key.suspended_reason}
        )
    if key.ip_allowlist and not _ip_allowed(client_ip, key.ip_allowlist):
        raise IpNotAllowed()
    if required_scope and required_scope not in key.scopes:
        raise InsufficientPermissions(details={"requiredScope": required_scope})
    company_id = key.company_id
    if key.kind == "ats":
        if not company_param:
            raise ValidationError.single(
                "companyId",
                "companyId is required: an ATS key names the company it acts for with ?companyId=.",
            )
        if company_param not in key.managed_company_ids:
            raise ResourceAccessDenied()
        company_id = company_param
    return Principal(
        key_id=key.id,
        company_id=company_id,
        scopes=frozenset(key.scopes),
        kind=key.kind,
        rate_limit_per_minute=key.rate_limit_per_minute,
        rate_limit_per_hour=key.rate_limit_per_hour,
        needs_touch=key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION,
    )


def key_state(key: ApiKey, now: datetime) -> str:
    """What a call with the key meets, in the order :func:`authenticate` checks: "revoked",
    "expired", "suspended" or "active"."""
    if key.revoked_at is not None:
        return "revoked"
    if key.expires_at is not None and key.expires_at <= now:
        return "expired"
    if key.suspended_at is not None:
        return "suspended"
    return "active"


async def revoke_named_keys(session: AsyncSession, company_id: str, name: str) -> int:
    """Revoke the company's live keys called ``name``; answers how many."""
    revoked = 0
    for key in await ApiKeyRepository.from_session(session).list(company_id):
        if key.name == name and key.revoked_at is None:
            key.revoked_at = utcnow()
            revoked += 1
    await session.flush()
    return revoked


async def record_use(session: AsyncSession, key_id: uuid.UUID) -> None:
    await ApiKeyRepository.from_session(session).touch(key_id, utcnow())


async def revoke_key(session: AsyncSession, key_id: uuid.UUID) -> ApiKey:
    key = await _get_key(session, key_id)
    key.revoked_at = key.revoked_at or utcnow()
    await session.flush()
    return key


async def suspend_key(session: AsyncSession, key_id: uuid.UUID, reason: str | None) -> ApiKey:
    key = await _get_key(session, key_id)
    key.suspended_at = utcnow()
    key.suspended_reason = reason
    await session.flush()
    return key


async def unsuspend_key(session: AsyncSession, key_id: uuid.UUID) -> ApiKey:
    key = await _get_key(session, key_id)
    key.suspended_at = None
    key.suspended_reason = None
    await session.flush()
    return key


async def _get_key(session: AsyncSession, key_id: uuid.UUID) -> ApiKey:
    key = await ApiKeyRepository.from_session(session).get(key_id)
    if key is None:
        raise ValidationError.single("id", f"API key {key_id} does not exist.")
    return key


def _bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip() or None


def _ip_allowed(client_ip: str | None, allowlist: list[str]) -> bool:
    if not client_ip:
        return False
    try:
        address = ipaddress.ip_address(client_ip)
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(cidr, strict=False) for cidr in allowlist)
