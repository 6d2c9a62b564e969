"""The tap's CLI run inside the test process, as `python -m tap_smartlead_inbox` runs it.

Starting the tap as a process costs most of a second (the SDK's imports, plus coverage's
own start-up); most tests check what a run writes, not the process, so they run it here:
``tap_smartlead_inbox.cli.main`` with ``sys.argv`` set, stdout and stderr captured as the
bytes a pipe would carry, and ``SystemExit`` taken as the exit code.

A process starts from a clean slate and a run here must too, so everything a run changes
in the interpreter is put back afterwards, and what a fresh process would not carry over
is reset before: the logging tree (levels, handlers, filters; the SDK adds a handler to the
root logger at every run, and ``cli._fail`` holds every handler's lock for good),
``logging.disable``, captured warnings and their filters, ``sys.excepthook``, the SIGINT and
SIGTERM handlers (``interrupts.finish`` ignores both), the run's interrupt record, the
redaction registry, the log filter that passes repeating lines once, the environment, the
working directory and ``__main__`` (click names the program from it).

What stays a process (tests/conftest.py ``process=True``): signals and exit codes they
cause, the key in everything a process writes, memory, ``python -m`` itself.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import signal
import sys
import threading
import traceback
import types
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tap_smartlead_inbox

# Loaded once, before any run: what a module does when it is first imported (deadline.py
# sets urllib3's level, say) is then part of the state every run starts from.
from tap_smartlead_inbox.core import redaction
from tap_smartlead_inbox.run import interrupts, log_noise

MAIN = Path(tap_smartlead_inbox.__file__).with_name("__main__.py")
SIGNALS = (signal.SIGINT, signal.SIGTERM)


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run_cli(
    args: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 120
) -> Ran:
    """``python -m tap_smartlead_inbox *args`` in this process: its exit code and output.

    A run that has not ended after ``timeout`` seconds fails the test with every thread's
    stack, as a hung process would be killed by the subprocess timeout.
    """
    stdout, stderr = _pipe(errors="strict"), _pipe(errors="backslashreplace")
    with _fresh_interpreter_state(args, env, cwd), _captured(stdout, stderr), _watchdog(timeout):
        code = _call_main()
    return Ran(code, _text(stdout), _text(stderr))


class RunTimedOut(BaseException):
    """The run took longer than its timeout (a BaseException: the CLI's ``except Exception``
    must not report it as the run's failure)."""


def _call_main() -> int:
    from tap_smartlead_inbox.cli import main

    try:
        main()
    except SystemExit as exc:
        return _exit_code(exc.code)
    except RunTimedOut:
        raise
    except BaseException:
        # What the interpreter does with an exception nobody caught: the excepthook
        # (the SDK's, once its command has started), then exit 1.
        sys.excepthook(*sys.exc_info())
        return 1
    finally:
        _join_new_threads()
        sys.stdout.flush()
        sys.stderr.flush()
    return 0


def _exit_code(code: Any) -> int:
    """The exit status a process would have for ``sys.exit(code)``."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


# The threads alive before the run (set by _fresh_interpreter_state): a process waits
# for every non-daemon thread it started before it exits.
_before: set[threading.Thread] = set()


def _join_new_threads() -> None:
    for thread in threading.enumerate():
        if thread not in _before and not thread.daemon and thread is not threading.current_thread():
            thread.join()


def _pipe(*, errors: str) -> io.TextIOWrapper:
    """A text stream over bytes, as Python sets up stdout or stderr on a pipe."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer
    assert isinstance(raw, io.BytesIO)
    return raw.getvalue().decode("utf-8")  # as subprocess.run(text=True) decodes a pipe


@contextlib.contextmanager
def _captured(stdout: io.TextIOWrapper, stderr: io.TextIOWrapper) -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextlib.contextmanager
def _watchdog(timeout: float) -> Iterator[None]:
    """Raise RunTimedOut in the main thread after ``timeout`` seconds, wherever it waits (a
    signal interrupts a blocked lock or sleep, and its handler raises there)."""

    def expire(signum: int, frame: types.FrameType | None) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        stacks = "\n".join(
            f"Thread {ident}:\n{''.join(traceback.format_stack(stack))}"
            for ident, stack in sys._current_frames().items()
        )
        raise RunTimedOut(f"the run took more than {timeout} s; its threads were at:\n{stacks}")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _fresh_interpreter_state(
    args: Sequence[str], env: dict[str, str] | None, cwd: Path | None
) -> Iterator[None]:
    global _before
    _before = set(threading.enumerate())
    saved_argv, saved_main, saved_hook = sys.argv, sys.modules["__main__"], sys.excepthook
    saved_environ, saved_cwd = dict(os.environ), os.getcwd()
    saved_signals = {signum: signal.getsignal(signum) for signum in SIGNALS}
    saved_secrets = set(redaction._secrets)
    saved_seen = set(log_noise._FILTER._seen)
    loggers = _LoggingState.take()
    # What a fresh process starts with.
    sys.argv = [str(MAIN), *args]
    sys.modules["__main__"] = _main_module()
    os.environ.update(env or {})
    if cwd is not None:
        os.chdir(cwd)
    interrupts._run = interrupts._Run()
    redaction._secrets.clear()
    log_noise._FILTER._seen.clear()
    try:
        with warnings.catch_warnings():  # the SDK's CLI changes the filters and captures warnings
            try:
                yield
            finally:
                logging.captureWarnings(False)
    finally:
        loggers.restore()
        interrupts._run = interrupts._Run()
        redaction._secrets.clear()
        redaction._secrets.update(saved_secrets)
        log_noise._FILTER._seen.clear()
        log_noise._FILTER._seen.update(saved_seen)
        for signum, handler in saved_signals.items():
            signal.signal(signum, handler)
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_environ)
        sys.argv, sys.modules["__main__"], sys.excepthook = saved_argv, saved_main, saved_hook


def _main_module() -> types.ModuleType:
    """``__main__`` as `python -m tap_smartlead_inbox` has it (click names the program
    "python -m tap_smartlead_inbox" from its ``__package__``)."""
    main = types.ModuleType("__main__")
    main.__file__ = str(MAIN)
    main.__package__ = "tap_smartlead_inbox"
    return main


@dataclass
class _LoggerState:
    level: int
    handlers: list[logging.Handler]
    filters: list[Any]
    propagate: bool
    disabled: bool


class _LoggingState:
    """Every logger's configuration and logging's registry of handlers, to put back after a
    run. During the run the registry holds only the run's own handlers, as a fresh process's
    would: an SDK logging config (SINGER_SDK_LOG_CONFIG) shuts down every handler in it."""

    def __init__(self) -> None:
        self.loggers: dict[str, _LoggerState] = {}
        self.handlers: set[logging.Handler] = set()  # every handler there was before the run
        self.registry = list(logging._handlerList)  # type: ignore[attr-defined]
        self.named = dict(logging._handlers)  # type: ignore[attr-defined]
        self.disable = logging.root.manager.disable
        self.raise_exceptions = logging.raiseExceptions

    @classmethod
    def take(cls) -> _LoggingState:
        """The state now; the registry of handlers is then emptied for the run."""
        state = cls()
        for name, logger in _loggers():
            state.loggers[name] = _LoggerState(
                logger.level, list(logger.handlers), list(logger.filters), logger.propagate, logger.disabled
            )
            state.handlers.update(logger.handlers)
        state.handlers.update(_registered(state.registry))
        del logging._handlerList[:]  # type: ignore[attr-defined]
        logging._handlers.clear()  # type: ignore[attr-defined]
        return state

    def restore(self) -> None:
        attached = {handler for _, logger in _loggers() for handler in logger.handlers}
        made = attached | set(_registered(logging._handlerList))  # type: ignore[attr-defined]
        # cli._fail holds every attached handler's lock (its last line must be the last): let go.
        for handler in self.handlers | made:
            _release(handler)
        for handler in made - self.handlers:
            handler.close()  # as the process's exit would (a FileHandler's file)
        for name, logger in _loggers():
            kept = self.loggers.get(name)
            if kept is None:
                # A logger the run made: as a fresh process would have it before the run.
                # Its level is left alone: a module imported in the run may have set it.
                logger.handlers, logger.filters = [], []
                logger.propagate, logger.disabled = True, False
                continue
            logger.setLevel(kept.level)
            logger.handlers, logger.filters = list(kept.handlers), list(kept.filters)
            logger.propagate, logger.disabled = kept.propagate, kept.disabled
        logging._handlerList[:] = self.registry  # type: ignore[attr-defined]
        logging._handlers.clear()  # type: ignore[attr-defined]
        logging._handlers.update(self.named)  # type: ignore[attr-defined]
        logging.disable(self.disable)
        logging.raiseExceptions = self.raise_exceptions


def _loggers() -> Iterator[tuple[str, logging.Logger]]:
    yield "", logging.root
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger):
            yield name, logger


def _registered(refs: list[Any]) -> Iterator[logging.Handler]:
    """The handlers of logging's registry (weak references to every handler made)."""
    for ref in list(refs):
        handler = ref()
        if handler is not None:
            yield handler


def _release(handler: logging.Handler) -> None:
    """Release ``handler``'s lock as many times as this thread holds it."""
    lock = handler.lock
    if lock is None:
        return
    while True:
        try:
            lock.release()
        except RuntimeError:  # not held (any more) by this thread
            return
