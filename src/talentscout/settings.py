"""One typed settings object for the whole service (env prefix ``TALENTSCOUT_``).

Every timeout, retry count and limit lives here so tests can shrink it instead of sleeping.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "TALENTSCOUT_"
# Settings whose value may hold a secret (a password in a URL, a token): never echoed in errors.
_SECRET_HINTS = ("secret", "token", "url", "password")


class ConfigurationError(Exception):
    """A setting the process cannot run with (a malformed value, an unreachable database, a
    missing optional package). Not an :class:`~talentscout.errors.AppError`: it is the operator's
    to fix, never a request's fault, so the CLI reports it in one line and exits non-zero instead
    of an API answering it."""


def env_name(field: str) -> str:
    """The environment variable that sets ``field``."""
    return ENV_PREFIX + field.upper()


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("talentscout", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_file=".env", extra="ignore")

    env: str = "development"
    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str | None = None
    db_pool_size: int = 10
    # How long one attempt to connect to the database waits for the server to answer (startup,
    # migrations, requests, the job queue); without it a host that accepts connections but never
    # speaks hangs them. PostgreSQL's connect_timeout: whole seconds, at least 2.
    db_connect_timeout_seconds: int = Field(default=10, ge=2)
    # HMAC key for API-key hashes. Generated and kept in the data dir when unset.
    secret_key: str | None = None

    # Addresses whose X-Forwarded-For / -Proto are believed (a reverse proxy), comma-separated,
    # or "*". Empty: none, so a key's IP allow-list sees the connecting address and a local
    # client cannot claim another one.
    trusted_proxies: str = ""

    max_body_bytes: int = 1024 * 1024
    max_pool_body_bytes: int = 32 * 1024 * 1024
    idempotency_ttl_seconds: int = 24 * 3600
    # GET /metrics (Prometheus); when false the route is absent (404) and nothing is measured.
    metrics_enabled: bool = True

    # Sourcing pipeline
    retrieval_depth: int = 300
    rrf_k: int = 60
    run_timeout_seconds: float = 600.0
    scoring_chunk: int = 100
    job_max_attempts: int = 5

    # Worker
    worker_concurrency: int = 4
    worker_polling_interval: float = 1.0
    worker_heartbeat_interval: float = 5.0
    worker_stalled_timeout: float = 30.0
    stalled_check_interval: float = 10.0
    # After a taxonomy import, a starting worker queues a re-index of stale pools.
    reindex_on_start: bool = True
    reindex_batch_size: int = 200
    # A worker on another version hands a reindex job on this many times, this far apart.
    reindex_handoffs: int = 30
    reindex_handoff_seconds: float = 60.0
    # Processes parsing a `pool import` file (0 = one per CPU core; 1 = in the importing process).
    import_workers: int = 0

    embedder: str = "wordllama"

    # Rate limits (defaults per key)
    rate_limit_per_minute: int = 60
    rate_limit_per_hour: int = 2000
    rate_limit_results_per_minute: int = 120
    redis_url: str | None = None
    # Redis key namespace (several deployments, or tests, can share one Redis).
    rate_limit_key_prefix: str = "talentscout:ratelimit"
    # How long a key's resolved limits are cached per process before the database is asked again.
    rate_limit_key_cache_seconds: float = 10.0
    # Redis socket timeout; past it the request fails open.
    rate_limit_store_timeout_seconds: float = 0.25
    # After a store failure, requests pass unlimited this long before Redis is tried again.
    rate_limit_store_retry_seconds: float = 5.0

    # Webhooks
    allow_private_webhooks: bool = False
    webhook_retry_schedule: str = "5,300,1800,7200,18000,36000,36000"
    webhook_circuit_breaker_threshold: int = 10
    webhook_max_response_excerpt: int = 2048
    webhook_dns_timeout_seconds: float = 5.0
    # A 429/503 Retry-After longer than this ends the delivery instead of waiting.
    webhook_max_retry_after_seconds: int = 86400

    # Preview: also run the (idempotent) preview job in the API process right after its row
    # commits, instead of waiting for a worker slot; the queued job stays the durable fallback.
    preview_inline: bool = True
    preview_inline_max: int = 4  # concurrent in-process previews; beyond that the worker runs them

    # Enrichment (spec §4): per-profile budget; providers by name, in order.
    enrichment_timeout_seconds: float = 10.0
    enrichment_providers: str = "pool,github"
    github_api_url: str = "https://api.github.com"
    github_token: str | None = None

    @field_validator("data_dir", mode="before")
    @classmethod
    def _expand(cls, value: object) -> object:
        return Path(str(value)).expanduser() if value else value

    @property
    def server_options(self) -> dict[str, Any]:
        """uvicorn's proxy-header options for ``trusted_proxies`` (its own default trusts
        127.0.0.1, which would let any local process claim any client address)."""
        if not self.trusted_proxies.strip():
            return {"proxy_headers": False}
        return {"proxy_headers": True, "forwarded_allow_ips": self.trusted_proxies}

    @property
    def is_development(self) -> bool:
        return self.env in {"development", "dev", "test"}


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        raise ConfigurationError(describe_invalid_settings(exc)) from exc


def describe_invalid_settings(exc: ValidationError) -> str:
    """One line per wrong setting, named as the operator sets it (``TALENTSCOUT_X``), with what
    was wrong and what to do (pydantic's own text names the field and links to its docs)."""
    lines = []
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else ""
        shown = "" if any(hint in field for hint in _SECRET_HINTS) else f"={error['input']!r}"
        lines.append(f"{env_name(field)}{shown}: {error['msg']}")
    return "; ".join(lines) + " (fix or unset it in the environment or .env)"
