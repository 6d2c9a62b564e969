"""Expected failures: each carries one line that tells the user what went wrong."""

from __future__ import annotations

import signal


class TapError(Exception):
    """A failure the user can act on; the CLI prints it as one line, without a traceback."""

    exit_code = 1


class SettingsError(TapError):
    """A setting has a value the tap cannot use; raised before any request."""

    exit_code = 2

    def __init__(self, setting: str, problem: str) -> None:
        super().__init__(f"setting '{setting}' {problem}")
        self.setting = setting


class ConfigError(TapError):
    """The settings cannot be read at all: the config file is missing, not JSON, or not a
    JSON object. Raised before any request."""

    exit_code = 2

    def __init__(self, problem: str) -> None:
        super().__init__(f"cannot read the settings: {problem}")


class StateError(TapError):
    """The state a run was given (--state) cannot be used; raised before any request."""

    exit_code = 2

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source


class StreamFailed(TapError):
    """A stream that only adds to the others (lead_categories) could not be read, and every
    other stream was delivered in full: the run ends non-zero once it is over, saying which
    stream failed and how to leave it out."""

    def __init__(self, stream: str, cause: str) -> None:
        super().__init__(
            f"stream {stream} failed ({cause}); every other stream was delivered in full, with its "
            f"final STATE. To run without it, deselect it: meltano select tap-smartlead-inbox --exclude "
            f'{stream} "*", or "selected": false on {stream} in the catalog'
        )
        self.stream = stream


class Interrupted(TapError):
    """SIGTERM or SIGINT (a scheduler's timeout, Ctrl-C): a partial export, never a success.

    The exit code is the shell's for a signal, 128 + its number (143, 130).
    """

    def __init__(self, signum: int, *, state_written: bool = True) -> None:
        name = signal.Signals(signum).name
        if state_written:
            text = "the output ends on the last checkpoint STATE, and the next run resumes from there"
        else:
            text = "no STATE was written yet, so the next run starts where this one did"
        super().__init__(f"interrupted by {name}; {text}")
        self.signum = signum
        self.exit_code = 128 + signum


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


class ComeBackLater(ApiError):
    """The server asked for a longer wait than ``max_server_wait`` allows (an hourly request
    budget used up): the run stops at its last checkpoint and says when to run again.

    The exit code is sysexits' EX_TEMPFAIL, which schedulers read as "try again later".
    """

    exit_code = 75


class PagingError(ApiError):
    """The API's pages cannot be walked to an end (offsets ignored or clamped)."""


class ListKeptChanging(PagingError):
    """A list read whole (no time order to cut) changed under every re-read, so it could
    not be confirmed complete. Nothing short of reading it again can tell what was
    missed: the run stops, and the next one reads the whole list again.
    """

    exit_code = 75


class MalformedResponse(Exception):
    """A 200 whose body is cut off or is not the JSON the API documents; retryable."""
