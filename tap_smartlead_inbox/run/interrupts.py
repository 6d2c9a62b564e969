"""SIGTERM and SIGINT end a run as a failure that resumes, never as a success.

A scheduler's timeout or Ctrl-C stops the export part-way; cron, Airflow or a shell
``&&`` must not record that as done. The first signal raises :class:`Interrupted` in
the main thread (wherever it waits, on a worker's page or a rate-limit pause), the
output is made to end on the last STATE the run wrote (output.py), and the CLI
prints one line and exits 128 + the signal number. Any later signal is ignored: the run is already
on its way out, and a second Ctrl-C must not print a traceback from the shutdown.

The singer-sdk installs its own handlers, which end the run with ``sys.exit(0)``;
the tap skips them (``sdk_signal_handlers = False``, see sdk_seam.py).

Two things keep the output whole:

- A Singer message being written is finished before the interrupt is raised, so
  stdout never ends on half a line and the writer knows what it last wrote.
- Code that catches every ``Exception`` (the reply-text parser's last resort, a log
  call) can swallow the interrupt; the next message written raises it again, so no
  record read after the signal is written.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Protocol

from tap_smartlead_inbox.core.errors import Interrupted

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class EndsOnState(Protocol):
    """What this module needs of the process's Singer writer (output.ResumableWriter, which
    loads the SDK: this module must load fast, see cli.main)."""

    def end_on_last_state(self) -> None: ...


@dataclass
class _Run:
    received: int | None = None  # the first signal
    finished: bool = False  # the run has ended; a signal now changes nothing
    writing: bool = False  # a Singer message is being written
    pending: bool = False  # a signal came while writing: raise once the message is out
    state_written: bool = False
    writer: EndsOnState | None = None  # the process's Singer output


_run = _Run()


def install() -> None:
    """Handle SIGTERM and SIGINT for the rest of the process (main thread only)."""
    if threading.current_thread() is threading.main_thread():
        for signum in SIGNALS:
            signal.signal(signum, _on_signal)


def received() -> int | None:
    """The signal that interrupted this run, if one did."""
    return _run.received


def finish() -> None:
    """The run is over (its outcome decided): signals from now on are ignored.

    Ignored by the OS, not only by the handler: while the interpreter shuts down it
    puts back the default action (die by the signal) for signals with a handler.
    """
    _run.finished = True
    if threading.current_thread() is threading.main_thread():
        for signum in SIGNALS:
            signal.signal(signum, signal.SIG_IGN)


def interruption() -> Interrupted | None:
    """The failure to report for the signal received, if any."""
    if _run.received is None:
        return None
    return Interrupted(_run.received, state_written=_run.state_written)


def _on_signal(signum: int, frame: FrameType | None) -> None:
    if _run.received is not None or _run.finished:
        return  # the run is already ending (or has ended): no second exception, no traceback
    _run.received = signum
    # A log call that the interrupt lands in swallows it (and would print a traceback).
    logging.raiseExceptions = False
    if _run.writing:
        _run.pending = True
        return
    raise Interrupted(signum)


def raise_if_swallowed() -> None:
    """Raise the interrupt again if something caught it and carried on.

    Not while an exception is being handled: the failure paths that end the output
    on its last checkpoint write from an ``except`` block.
    """
    if _run.received is not None and not _run.finished and sys.exc_info()[1] is None:
        raise Interrupted(_run.received)


@contextmanager
def whole_message() -> Iterator[None]:
    """Write one Singer message without an interrupt cutting it; raise it after."""
    _run.writing = True
    try:
        yield
    finally:
        _run.writing = False
    if _run.pending and _run.received is not None:
        _run.pending = False
        raise Interrupted(_run.received)


def note_state_written() -> None:
    """A STATE is out: an interrupted run can be resumed from it."""
    _run.state_written = True


def register(writer: EndsOnState) -> None:
    """The writer of this process's Singer output (see :func:`end_on_last_state`)."""
    _run.writer = writer


def end_on_last_state() -> None:
    """After any failure (an error in the reads, or a signal, which can also land while
    the SDK writes a record or syncs the child stream): make the Singer output end on
    the last STATE it holds."""
    if _run.writer is not None:
        _run.writer.end_on_last_state()
