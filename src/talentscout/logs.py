"""structlog JSON logs with the request id bound by middleware."""

from __future__ import annotations

import logging

import structlog


def configure_logging(level: int = logging.INFO) -> None:
    """Route stdlib and structlog records at ``level`` and above to stderr.

    ``force``: a library may configure the root logger on import (wordllama calls
    ``basicConfig(level=INFO)``), and ``basicConfig`` is otherwise a no-op once a handler exists,
    which would leave, say, alembic's INFO lines in the output of a command meant to be quiet.
    """
    logging.basicConfig(level=level, format="%(message)s", force=True)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        cache_logger_on_first_use=True,
    )
