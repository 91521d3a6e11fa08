"""Enrichment providers behind one interface (``EnrichmentProvider``), chosen by name in
settings."""

from __future__ import annotations

from talentscout.enrichment.providers.base import (
    EmailFinding,
    EnrichmentProvider,
    Findings,
    LinkFinding,
    ProviderError,
    ProviderFailure,
    ProviderTimeout,
    Subject,
)
from talentscout.enrichment.providers.github import GitHubProvider, github_client
from talentscout.enrichment.providers.pool import PoolProvider

__all__ = [
    "EmailFinding",
    "EnrichmentProvider",
    "Findings",
    "GitHubProvider",
    "LinkFinding",
    "PoolProvider",
    "ProviderError",
    "ProviderFailure",
    "ProviderTimeout",
    "Subject",
    "github_client",
]
