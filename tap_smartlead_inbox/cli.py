"""Command-line entry point: the SDK's CLI, with expected failures as one clear line."""

from __future__ import annotations

import gc
import logging
import sys
import traceback

from tap_smartlead_inbox.core.errors import TapError
from tap_smartlead_inbox.core.redaction import redact
from tap_smartlead_inbox.run import interrupts

PROG = "tap-smartlead-inbox"


def main() -> None:
    """Run the tap; exit non-zero with a one-line cause on an expected failure.

    SIGTERM and SIGINT are failures too (see interrupts.py): one line, exit 128 + the
    signal number, whatever the run was doing when the signal came.
    """
    interrupts.install()  # first: a signal while the tap's modules load is handled too
    failure = _run()
    interrupts.finish()  # the outcome is decided: a signal from now on changes nothing
    # The streams' suspended generators close now, so their closing log lines
    # (the run's summary) come before the line that says how it ended.
    gc.collect()
    interruption = interrupts.interruption()
    if interruption is not None:
        failure = (str(interruption), interruption.exit_code)
    if failure is not None:
        # Worker threads still waiting on a request must not log after the line
        # that says how the run ended: it is the last line of stderr.
        logging.disable(logging.CRITICAL)
        interrupts.end_on_last_state()  # whoever reads the output last sees where to resume
        _fail(*failure)


def _run() -> tuple[str, int] | None:
    """The failure to report (line, exit code); None if the run was interrupted."""
    try:
        # Imported here, after the handlers: loading the SDK takes a good part of a second.
        from tap_smartlead_inbox.tap import TapSmartleadInbox

        TapSmartleadInbox.cli()
    except SystemExit:
        if interrupts.received() is None:  # click's own end: success, --help, a usage error
            interrupts.finish()
            raise
    except TapError as exc:
        return redact(str(exc)), exc.exit_code
    except Exception as exc:
        if interrupts.received() is None:  # one the interrupt caused needs no traceback
            return _unexpected(exc)
    return None


def _unexpected(exc: Exception) -> tuple[str, int]:
    if type(exc).__name__ == "JSONDecodeError":  # the SDK parses config files and env JSON
        return f"cannot read the settings: not valid JSON ({getattr(exc, 'msg', exc)})", 2
    if _is_mapping_error(exc):
        return f"setting 'stream_maps' is invalid: {_with_causes(exc)}", 2
    # Unexpected: keep the traceback for a bug report, minus the key.
    sys.stderr.write(redact(traceback.format_exc()))
    return f"unexpected {type(exc).__name__}: {redact(str(exc))}", 1


def _is_mapping_error(exc: Exception) -> bool:
    from singer_sdk.exceptions import MappingError  # loaded by now: the SDK raised it

    return isinstance(exc, MappingError)


def _with_causes(exc: BaseException) -> str:
    """The SDK's message and the one it wraps ("Failed to evaluate x(1)" says not why)."""
    messages: list[str] = []
    cause: BaseException | None = exc
    while cause is not None and len(messages) < 2:
        text = redact(str(cause)).strip().rstrip(".")
        if text and text not in messages:
            messages.append(text)
        cause = cause.__cause__ or cause.__context__
    return messages[0] + "".join(f" ({text})" for text in messages[1:])


def _fail(message: str, code: int) -> None:
    _hold_log_handlers()
    sys.stderr.write(f"{PROG}: error: {message}\n")
    sys.stderr.flush()
    raise SystemExit(code)


def _hold_log_handlers() -> None:
    """Let a log line a worker thread is writing finish, then keep every handler: with
    logging disabled no new line starts, and none may end after the last line."""
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        for handler in getattr(logger, "handlers", []):
            handler.acquire()
