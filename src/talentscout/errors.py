"""One error hierarchy, rendered by one handler into the envelope of spec/API.md §2."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from talentscout.timeutil import iso_now


class AppError(Exception):
    """An expected failure with a documented HTTP status and error code."""

    status_code = 500
    code = "INTERNAL_ERROR"
    default_message = "An unexpected error occurred."

    def __init__(
        self,
        message: str | None = None,
        *,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.details = details or {}
        self.headers = headers or {}
        super().__init__(self.message)

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.message, self.details)


def error_body(code: str, message: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "success": False,
        "error": {"code": code, "message": message, "details": details or {}},
        "timestamp": iso_now(),
    }


class ValidationError(AppError):
    status_code = 400
    code = "VALIDATION_ERROR"
    default_message = "The request is invalid."

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls(message, details={"errors": [{"field": field, "message": message}]})


class EmptyPatch(AppError):
    status_code = 400
    code = "EMPTY_PATCH"
    default_message = "Provide at least one of 'query' or 'limit'."


class InvalidApiKey(AppError):
    status_code = 401
    code = "INVALID_API_KEY"
    default_message = "The API key is missing, invalid, revoked or expired."


class ApiKeySuspended(AppError):
    status_code = 401
    code = "API_KEY_SUSPENDED"
    default_message = "This API key is suspended."


class InsufficientCredits(AppError):
    status_code = 402
    code = "INSUFFICIENT_CREDITS"
    default_message = "Not enough credits for this request."


class InsufficientPermissions(AppError):
    status_code = 403
    code = "INSUFFICIENT_PERMISSIONS"
    default_message = "This API key lacks the scope required for this operation."


class IpNotAllowed(AppError):
    status_code = 403
    code = "IP_NOT_ALLOWED"
    default_message = "Requests from this address are not allowed for this API key."


class WebhookOwnershipMismatch(AppError):
    status_code = 403
    code = "WEBHOOK_OWNERSHIP_MISMATCH"
    default_message = "The webhook belongs to another company."


class ResourceAccessDenied(AppError):
    status_code = 403
    code = "RESOURCE_ACCESS_DENIED"
    default_message = "This key does not manage the requested company."


class RequestNotFound(AppError):
    status_code = 404
    code = "REQUEST_NOT_FOUND"
    default_message = "No sourcing run with this id."  # API.md §2 example, word for word


class ResourceNotFound(AppError):
    status_code = 404
    code = "RESOURCE_NOT_FOUND"
    default_message = "The resource does not exist."

    @classmethod
    def of(cls, resource_type: str, resource_id: str) -> ResourceNotFound:
        return cls(
            f"No {resource_type} with this id.",
            details={"resourceType": resource_type, "resourceId": resource_id},
        )


class RunInProgress(AppError):
    status_code = 409
    code = "RUN_IN_PROGRESS"
    default_message = "The run is still processing; try again when it has finished."


class IdempotencyKeyInUse(AppError):
    status_code = 409
    code = "IDEMPOTENCY_KEY_IN_USE"
    default_message = "A request with this Idempotency-Key is still being processed."


class PayloadTooLarge(AppError):
    status_code = 413
    code = "PAYLOAD_TOO_LARGE"
    default_message = "The request body is too large."


class WebhookNotSubscribed(AppError):
    status_code = 422
    code = "WEBHOOK_NOT_SUBSCRIBED"
    default_message = "The webhook subscribes to none of the events this run can emit."


class IdempotencyKeyMismatch(AppError):
    status_code = 422
    code = "IDEMPOTENCY_KEY_MISMATCH"
    default_message = "This Idempotency-Key was used with a different request body."


class RateLimitExceeded(AppError):
    status_code = 429
    code = "RATE_LIMIT_EXCEEDED"
    default_message = "Rate limit exceeded."


# --- Validation messages -------------------------------------------------------------------
# pydantic's wording ("Input should be a valid UUID, invalid character: found `z` at 0",
# "Value error, …") is written for Python developers. API users get one plain sentence that names
# the field as they sent it (``webhookId``, ``profileIds.0``), so a client can show it as is.

MALFORMED_JSON = "Malformed JSON body."
NOT_JSON = "The body must be JSON, sent with Content-Type: application/json."
DATE_HINT = "an ISO 8601 date or date-time (2026-01-31 or 2026-01-31T09:00:00Z)"
_SIMPLE = {
    "missing": "is required",
    "uuid_parsing": "must be a UUID",
    "uuid_type": "must be a UUID",
    "uuid_version": "must be a UUID",
    "string_type": "must be a string",
    "string_pattern_mismatch": "contains characters that are not allowed",
    "int_type": "must be an integer",
    "int_parsing": "must be an integer",
    "int_from_float": "must be an integer",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list",
    "dict_type": "must be a JSON object",
    "model_type": "must be a JSON object",
    "model_attributes_type": "must be a JSON object",
    "datetime_type": f"must be {DATE_HINT}",
    "datetime_parsing": f"must be {DATE_HINT}",
    "datetime_from_date_parsing": f"must be {DATE_HINT}",
    "date_type": f"must be {DATE_HINT}",
    "date_parsing": f"must be {DATE_HINT}",
    "date_from_datetime_parsing": f"must be {DATE_HINT}",
}
_PYDANTIC_PREFIXES = ("Value error, ", "Assertion failed, ")
_PYDANTIC_SUBJECT = re.compile(r"^(?:Input|String|List|Value|Dictionary|Tuple|Set|Data) should ")


def _plural(count: Any, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _predicate(kind: str, ctx: dict[str, Any], message: str) -> str | None:
    """The message after the field name ("must be a UUID"), for pydantic's common types."""
    if kind in _SIMPLE:
        return _SIMPLE[kind]
    if kind == "string_too_short":
        if ctx.get("min_length") == 1:
            return "must not be empty"
        return f"must be at least {_plural(ctx.get('min_length'), 'character')} long"
    if kind == "string_too_long":
        return f"must be at most {_plural(ctx.get('max_length'), 'character')} long"
    if kind == "too_short":
        return f"must have at least {_plural(ctx.get('min_length'), 'item')}"
    if kind == "too_long":
        return f"must have at most {_plural(ctx.get('max_length'), 'item')}"
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "less_than_equal": ("at most", "le"),
        "greater_than": ("greater than", "gt"),
        "less_than": ("less than", "lt"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"must be {words} {ctx.get(key)}"
    if kind in ("literal_error", "enum"):
        return f"must be {ctx.get('expected')}"
    if message.startswith(("must ", "is ")):  # our own validators name no subject
        return message
    if _PYDANTIC_SUBJECT.match(message):
        return _PYDANTIC_SUBJECT.sub("must ", message, count=1)
    return None


def validation_message(field: str, error: Mapping[str, Any]) -> str:
    """One plain-English sentence for one pydantic error on ``field`` (a dotted path)."""
    message = str(error.get("msg") or "is invalid")
    for prefix in _PYDANTIC_PREFIXES:
        message = message.removeprefix(prefix)
    leaf = field.rsplit(".", 1)[-1]
    predicate = _predicate(str(error.get("type")), dict(error.get("ctx") or {}), message)
    subject = "The body" if field == "body" else field
    if predicate is not None:
        text = f"{subject} {predicate}"
    elif message.startswith((f"{field} ", f"{leaf} ")):  # already names its field
        text = message
    else:
        text = f"{subject}: {message}"
    return text if text.endswith((".", "?", "!")) else text + "."


def validation_errors(
    errors: Sequence[Mapping[str, Any]], *, not_json: bool
) -> list[dict[str, str]]:
    """``details.errors`` for pydantic's errors: ``{field, message}`` each (spec §2).

    ``not_json``: the body was not sent as JSON, so FastAPI left it undecoded and it fails as
    "not an object"; the answer says which header to set instead.
    """
    out = []
    for error in errors:
        raw = list(error.get("loc", ()))
        loc = raw[1:] if raw and raw[0] in ("body", "query", "header", "path") else raw
        field = ".".join(str(part) for part in loc) or "body"
        if error.get("type") == "json_invalid":
            out.append({"field": "body", "message": MALFORMED_JSON})
        elif not_json and not loc and raw[:1] == ["body"]:
            out.append({"field": "body", "message": NOT_JSON})
        else:
            out.append({"field": field, "message": validation_message(field, error)})
    return out


def invalid_request(errors: list[dict[str, str]]) -> ValidationError:
    """One error: its own message on top; several: the first few, the rest in the details."""
    messages = [error["message"] for error in errors]
    if len(messages) == 1:
        message = messages[0]
    else:
        shown = " ".join(messages[:3])
        more = f" ({len(messages) - 3} more in details.errors)" if len(messages) > 3 else ""
        message = f"The request is invalid: {shown}{more}"
    return ValidationError(message, details={"errors": errors})
