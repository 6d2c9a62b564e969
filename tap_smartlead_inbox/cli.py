"""Command-line entry point: the SDK's CLI, with expected failures as one clear line."""

from __future__ import annotations

import sys
import traceback

from tap_smartlead_inbox.errors import TapError
from tap_smartlead_inbox.redaction import redact
from tap_smartlead_inbox.tap import TapSmartleadInbox

PROG = "tap-smartlead-inbox"


def main() -> None:
    """Run the tap; exit non-zero with a one-line cause on an expected failure."""
    try:
        TapSmartleadInbox.cli()
    except TapError as exc:
        _fail(redact(str(exc)), exc.exit_code)
    except Exception as exc:
        if type(exc).__name__ == "JSONDecodeError":  # the SDK parses config files and env JSON
            _fail(f"cannot read the settings: not valid JSON ({getattr(exc, 'msg', exc)})", 2)
        # Unexpected: keep the traceback for a bug report, minus the key.
        sys.stderr.write(redact(traceback.format_exc()))
        _fail(f"unexpected {type(exc).__name__}: {redact(str(exc))}", 1)


def _fail(message: str, code: int) -> None:
    sys.stderr.write(f"{PROG}: error: {message}\n")
    sys.stderr.flush()
    raise SystemExit(code)
