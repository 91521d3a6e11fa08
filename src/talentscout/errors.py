"""One error hierarchy, rendered by one handler into the envelope of spec/API.md §2."""

from __future__ import annotations

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
