"""Expected failures: each carries one line that tells the user what went wrong."""

from __future__ import annotations


class TapError(Exception):
    """A failure the user can act on; the CLI prints it as one line, without a traceback."""

    exit_code = 1


class SettingsError(TapError):
    """A setting has a value the tap cannot use; raised before any request."""

    exit_code = 2

    def __init__(self, setting: str, problem: str) -> None:
        super().__init__(f"setting '{setting}' {problem}")
        self.setting = setting


class ApiError(TapError):
    """The API refused a request in a way that retrying cannot fix."""

    def __init__(self, message: str, status: int | None = None, path: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.path = path


class InvalidApiKey(ApiError):
    """HTTP 401."""


class ApiValidationError(ApiError):
    """HTTP 422: the API's own message says which part of the request it rejected."""


class RetriesExhausted(ApiError):
    """Every attempt at one request failed with a retryable error."""


class MalformedResponse(Exception):
    """A 200 whose body is cut off or is not the JSON the API documents; retryable."""
