"""Talent pool: validated bulk upsert with identity resolution, reads and erasure."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError as PydanticValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.db.models import Profile
from talentscout.engine.parse import ParsedProfile, parse_profile
from talentscout.engine.profile_records import date_warnings, location_warnings
from talentscout.enrichment.service import erase_profile_copies
from talentscout.errors import ResourceNotFound, ValidationError, validation_message
from talentscout.pool.identity import identity_keys
from talentscout.pool.removals import removed_fields
from talentscout.pool.repository import ProfileRepository, ProfileRow
from talentscout.pool.schemas import ItemError, ItemWarning, ProfileIn, UpsertResult
from talentscout.schemas import NUL_MESSAGE, nesting_depth, nul_path
from talentscout.search.embedder import Embedder
from talentscout.timeutil import iso, utcnow


@dataclass
class PreparedProfile:
    index: int
    data: dict[str, Any]
    parsed: ParsedProfile
    keys: list[tuple[str, str]]
    content_hash: str
    embedding: list[float]
    warnings: list[ItemWarning]  # stored as sent, but the sender should know (see ItemWarning)


Prepared = tuple[list[PreparedProfile], list[ItemError]]
# A resume nests a handful of levels; far deeper data (kept by ``extra="allow"``) cannot be
# serialised and would fail its whole batch instead of itself.
MAX_PROFILE_DEPTH = 32
NO_IDENTITY = (
    "no external id, email or profile URL: nothing identifies this person, so importing "
    "this profile again adds another copy instead of updating this one"
)


def prepare_profiles(
    items: Sequence[tuple[int, dict[str, Any] | str]], embedder: Embedder, as_of: datetime
) -> Prepared:
    """CPU-bound part of an import (validate, parse, embed): run it off the event loop."""
    prepared, errors = parse_items(items, as_of)
    embed_prepared(prepared, embedder)
    return prepared, errors


def parse_items(items: Sequence[tuple[int, dict[str, Any] | str]], as_of: datetime) -> Prepared:
    """Validate and parse (no embedding): plain data in and out, so bulk imports can run it in
    worker processes (see pool.bulk)."""
    prepared: list[PreparedProfile] = []
    errors: list[ItemError] = []
    for index, item in items:
        if isinstance(item, str):
            errors.append(ItemError(index=index, field="", message=item))
            continue
        if nesting_depth(item, MAX_PROFILE_DEPTH) > MAX_PROFILE_DEPTH:
            message = f"profile nests deeper than {MAX_PROFILE_DEPTH} levels"
            errors.append(ItemError(index=index, field="", message=message))
            continue
        hidden = nul_path(item)
        if hidden is not None:
            field = hidden.replace("\x00", "\\u0000")  # a NUL in a key names the field
            errors.append(ItemError(index=index, field=field, message=NUL_MESSAGE))
            continue
        try:
            model = ProfileIn.model_validate(item)
        except PydanticValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(part) for part in first["loc"])
            message = validation_message(field, first)
            errors.append(ItemError(index=index, field=field, message=message))
            continue
        if not model.has_content():
            errors.append(
                ItemError(
                    index=index,
                    field="",
                    message="profile has no resumeText, work, skills or basics",
                )
            )
            continue
        data = model.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        data.pop("profileId", None)
        try:
            parsed = parse_profile(data, as_of=as_of.date())
            found = [*date_warnings(data, as_of.date()), *location_warnings(data)]
            warnings = [ItemWarning(index=index, field=path, message=m) for path, m in found]
            keys = identity_keys(data, parsed.emails)
        except Exception as exc:  # a parser bug must not lose the other profiles
            errors.append(
                ItemError(index=index, field="", message=f"could not parse profile: {exc}")
            )
            continue
        if not keys:
            warnings.append(ItemWarning(index=index, field="", message=NO_IDENTITY))
        canonical = json.dumps(data, sort_keys=True, ensure_ascii=False)
        prepared.append(
            PreparedProfile(
                index=index,
                data=data,
                parsed=parsed,
                keys=keys,
                content_hash=hashlib.sha256(canonical.encode()).hexdigest(),
                embedding=[],
                warnings=warnings,
            )
        )
    return prepared, errors


def embed_prepared(prepared: Sequence[PreparedProfile], embedder: Embedder) -> None:
    vectors = embedder.embed([p.parsed.search_text[:20_000] for p in prepared])
    for profile, vector in zip(prepared, vectors, strict=True):
        profile.embedding = [float(x) for x in vector]


def new_profile_id(company_id: str, keys: list[tuple[str, str]]) -> str:
    if keys:
        kind, value = keys[0]
        digest = hashlib.sha256(f"{company_id}\x00{kind}\x00{value}".encode()).hexdigest()
        return f"prof_{digest[:24]}"
    return f"prof_{uuid.uuid4().hex[:24]}"


async def upsert_profiles(
    session: AsyncSession,
    company_id: str,
    items: Sequence[tuple[int, dict[str, Any] | str]],
    embedder: Embedder,
    *,
    already_parsed: Prepared | None = None,
    now: datetime | None = None,
) -> UpsertResult:
    """Create or update profiles; ``already_parsed`` is ``parse_items(items, now)`` when the
    caller parsed them (bulk imports parse in other processes); embedding happens here either
    way. ``now`` (default: the current time) stamps the rows and dates the parse."""
    now = now or utcnow()
    if already_parsed is None:
        prepared, errors = await asyncio.to_thread(prepare_profiles, items, embedder, now)
    else:
        prepared, errors = already_parsed
        await asyncio.to_thread(embed_prepared, prepared, embedder)
    repo = ProfileRepository.from_session(session)
    all_keys = [key for p in prepared for key in p.keys]
    known = await repo.resolve_identities(company_id, all_keys)
    existing_hashes = await repo.content_hashes(company_id, list(set(known.values())))
    position = {index: pos for pos, (index, _) in enumerate(items)}
    result = UpsertResult(profile_ids=[None] * len(items))
    seen_in_batch: dict[str, str] = {}
    rows: dict[str, ProfileRow] = {}  # one row per id: a later item of the batch wins
    identities: list[tuple[str, str, str]] = []
    replacing: list[tuple[PreparedProfile, str]] = []  # updates of a stored profile
    for profile in prepared:
        result.warnings.extend(profile.warnings)  # every prepared item is accepted
        profile_id = next((known[k] for k in profile.keys if k in known), None)
        if profile_id is None:
            profile_id = new_profile_id(company_id, profile.keys)
        if profile_id in existing_hashes or profile_id in seen_in_batch:
            previous = seen_in_batch.get(profile_id, existing_hashes.get(profile_id))
            if previous == profile.content_hash:
                result.unchanged += 1
                result.profile_ids[position[profile.index]] = profile_id
                continue
            result.updated += 1
            if profile_id not in seen_in_batch:
                replacing.append((profile, profile_id))
        else:
            result.created += 1
        rows[profile_id] = ProfileRow.from_parsed(
            profile_id,
            profile.data,
            profile.parsed,
            source=str(profile.data.get("source") or "pool"),
            content_hash=profile.content_hash,
            embedding=profile.embedding,
        )
        identities.extend((kind, value, profile_id) for kind, value in profile.keys)
        for key in profile.keys:
            known.setdefault(key, profile_id)
        seen_in_batch[profile_id] = profile.content_hash
        result.profile_ids[position[profile.index]] = profile_id
    stored = await repo.documents(company_id, [profile_id for _, profile_id in replacing])
    for profile, profile_id in replacing:
        result.warnings.extend(
            ItemWarning(index=profile.index, field=path, message=message)
            for path, message in removed_fields(stored.get(profile_id, {}), profile.data)
        )
    await repo.upsert_many(company_id, list(rows.values()), now)
    await repo.add_identities(company_id, identities)
    result.errors = sorted(errors, key=lambda e: e.index)
    result.warnings.sort(key=lambda w: w.index)
    await session.flush()
    return result


def reparse(profile: Profile) -> ParsedProfile:
    """A stored profile parsed afresh, dated as its import was: as of its last change."""
    return parse_profile(profile.data, as_of=profile.updated_at.date())


def _reparse(
    profiles: Sequence[Profile], embedder: Embedder
) -> list[tuple[ParsedProfile, list[float]]]:
    parsed = [reparse(p) for p in profiles]
    vectors = embedder.embed([p.search_text[:20_000] for p in parsed])
    return [(facts, [float(x) for x in v]) for facts, v in zip(parsed, vectors, strict=True)]


async def reindex_profiles(
    session: AsyncSession, company_id: str, profiles: Sequence[Profile], embedder: Embedder
) -> int:
    """Re-parse, re-embed and re-index stored profiles in place (same ids, same content), e.g.
    after ``talentscout taxonomy import`` or an engine upgrade changed how text is read.
    Answers how many were refreshed: a profile whose content changed meanwhile (an import
    committed while this one parsed) keeps its own, newer parse."""
    fresh = await asyncio.to_thread(_reparse, profiles, embedder)
    rows = [
        ProfileRow.from_parsed(
            profile.id,
            profile.data,
            facts,
            source=profile.source,
            content_hash=profile.content_hash,
            embedding=vector,
        )
        for profile, (facts, vector) in zip(profiles, fresh, strict=True)
    ]
    refreshed = await ProfileRepository.from_session(session).refresh_parses(company_id, rows)
    return len(refreshed)


def profile_document(profile: Profile) -> dict[str, Any]:
    return {
        **profile.data,
        "profileId": profile.id,
        "createdAt": iso(profile.created_at),
        "updatedAt": iso(profile.updated_at),
    }


async def get_profile(session: AsyncSession, company_id: str, profile_id: str) -> dict[str, Any]:
    profile = await ProfileRepository.from_session(session).get(company_id, profile_id)
    if profile is None:
        raise ResourceNotFound.of("profile", profile_id)
    return profile_document(profile)


async def list_profiles(
    session: AsyncSession, company_id: str, cursor: str | None, limit: int
) -> tuple[list[dict[str, Any]], str | None]:
    after = decode_cursor(cursor) if cursor else None
    rows = await ProfileRepository.from_session(session).page(company_id, limit + 1, after)
    next_cursor = encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return [profile_document(p) for p in rows[:limit]], next_cursor


async def erase_profile(session: AsyncSession, company_id: str, profile_id: str) -> None:
    """Spec §8 erasure: the profile, its ranked copies in runs and previews, and its
    enrichment results (contacts included) go in the same transaction."""
    if not await ProfileRepository.from_session(session).delete(company_id, profile_id):
        raise ResourceNotFound.of("profile", profile_id)
    await erase_profile_copies(session, company_id, profile_id)


def encode_cursor(profile: Profile) -> str:
    raw = json.dumps([profile.created_at.isoformat(), profile.id])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created, ident = json.loads(base64.urlsafe_b64decode(padded))
        return datetime.fromisoformat(created), str(ident)
    except (ValueError, TypeError) as exc:
        raise ValidationError.single("cursor", "invalid cursor") from exc
