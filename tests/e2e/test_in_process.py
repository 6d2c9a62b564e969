"""A run of the tap in the test process (tests/support/in_process.py) is the run a process
makes: the same exit code, Singer messages and stderr lines; and it leaves the test process
as it found it, so no run sees what another left behind."""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import sys
import threading
import warnings
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

import pytest

from tap_smartlead_inbox.core import redaction
from tap_smartlead_inbox.core.timeutil import UTC
from tests.conftest import TapRun, run_tap, run_tap_file, run_tap_file_process, run_tap_process, tap_config

# A run's own times (when it started, when it read each record) differ from run to run.
TIME = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \| ")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def messages(run: TapRun, since: datetime) -> list[dict[str, Any]]:
    """The run's messages, any time from ``since`` on (the runs' own) written "NOW"."""

    def now_or_not(match: re.Match[str]) -> str:
        moment = datetime.fromisoformat(match.group(0).replace("Z", "+00:00"))
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return "NOW" if moment >= since else match.group(0)

    return [json.loads(TIME.sub(now_or_not, json.dumps(message))) for message in run.messages]


def masked(line: str) -> str:
    """A line of stderr, its time and figures (durations, ports) masked."""
    return NUMBER.sub("N", TIMESTAMP.sub("", line))


def stderr_lines(run: TapRun) -> Counter[str]:
    """The lines, in any order (the workers' lines interleave as they come)."""
    return Counter(masked(line) for line in run.stderr.splitlines())


def folder(tmp_path, name: str):
    path = tmp_path / name
    path.mkdir()
    return path


def assert_same_run(here: TapRun, process: TapRun, since: datetime) -> None:
    assert here.returncode == process.returncode
    assert messages(here, since) == messages(process, since)
    assert stderr_lines(here) == stderr_lines(process)
    assert masked(here.last_stderr_line) == masked(process.last_stderr_line)


# One request at a time and no rate limit: nothing in these runs hangs on timing.
SCENARIOS: dict[str, tuple[dict[str, Any], dict[str, str], int]] = {
    "a whole export": ({}, {}, 0),
    "a wrong key": ({"api_key": "wrong-key-123"}, {}, 1),
    "an invalid setting": ({"rps": 0}, {}, 2),
    "at debug level": ({}, {"LOGLEVEL": "DEBUG"}, 0),
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_run_here_is_the_run_a_process_makes(make_sandbox, tmp_path, scenario):
    overrides, env, code = SCENARIOS[scenario]
    sandbox = make_sandbox(leads=40)
    config = tap_config(sandbox, max_concurrency=1, **overrides)
    since = datetime.now(UTC) - timedelta(seconds=1)
    here = run_tap(config, folder(tmp_path, "here"), env=env, expect_exit=code)
    process = run_tap_process(config, folder(tmp_path, "process"), env=env, expect_exit=code)
    assert_same_run(here, process, since)


@pytest.mark.parametrize(
    "args",
    [["--discover"], ["--about", "--format=json"], ["--version"], ["--no-such-option"]],
    ids=["discover", "about", "version", "a usage error"],
)
def test_the_cli_answers_here_as_it_does_in_a_process(sandbox, tmp_path, args):
    config = tmp_path / "config.json"
    config.write_text(f'{{"api_key": "k0123456789", "api_url": "{sandbox.url}"}}')
    here = run_tap_file(config, *args, expect_exit=None)
    process = run_tap_file_process(config, *args, expect_exit=None)
    assert (here.returncode, here.stdout) == (process.returncode, process.stdout)
    assert stderr_lines(here) == stderr_lines(process)
    if args == ["--no-such-option"]:
        assert here.returncode == 2 and "Usage: python -m tap_smartlead_inbox" in here.stderr


def _state() -> dict[str, Any]:
    root = logging.getLogger()
    return {
        "argv": list(sys.argv),
        "environ": dict(os.environ),
        "cwd": os.getcwd(),
        "main": sys.modules["__main__"],
        "excepthook": sys.excepthook,
        "signals": {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGALRM)},
        "root": (root.level, list(root.handlers), list(root.filters)),
        "disable": logging.root.manager.disable,
        "warnings": list(warnings.filters),
        "showwarning": warnings.showwarning,
        "stdout": (sys.stdout, sys.stderr),
    }


@pytest.mark.parametrize("log_config", [False, True], ids=["the SDK's logging", "a logging config"])
def test_a_failed_run_leaves_the_test_process_as_it_found_it(make_sandbox, tmp_path, log_config):
    before = _state()
    registry = list(logging._handlerList)  # type: ignore[attr-defined]
    env = {"SMARTLEAD_TEST_ONLY": "1"}
    if log_config:  # which shuts down every handler logging knows of, pytest's too
        path = tmp_path / "logging.yml"
        path.write_text(
            "version: 1\n"
            "handlers:\n  console: {class: logging.StreamHandler, stream: 'ext://sys.stderr'}\n"
            "root: {handlers: [console], level: INFO}\n"
        )
        env["SINGER_SDK_LOG_CONFIG"] = str(path)
    sandbox = make_sandbox(forced_error=(503, {"message": "down"}))
    run = run_tap(tap_config(sandbox, max_retries=0), tmp_path, env=env, expect_exit=1)
    assert run.last_stderr_line.startswith("tap-smartlead-inbox: error: ")
    assert _state() == before
    assert logging._handlerList == registry  # type: ignore[attr-defined]
    closed = [ref() for ref in registry if ref() is not None and ref()._closed]
    assert closed == [], "the run closed handlers it did not make (pytest's)"

    # The CLI holds every log handler's lock as it ends a failed run: another thread can log.
    logged = threading.Event()

    def log() -> None:
        logging.getLogger("tap_smartlead_inbox.client.transport").warning("from another thread")
        logged.set()

    threading.Thread(target=log, daemon=True).start()
    assert logged.wait(10), "a handler's lock is still held"


def test_each_run_starts_afresh(sandbox, tmp_path):
    """What the package keeps for a run (the lines log_noise passes once, the secrets
    redaction masks) starts empty in each run here, and is put back after it."""
    before = set(redaction._secrets)
    redaction.register_secret("email_history")  # as a secret of this process would be
    try:
        runs = [run_tap(tap_config(sandbox), folder(tmp_path, name)) for name in ("first", "second")]
        assert redaction._secrets == before | {"email_history"}
    finally:
        redaction._secrets.discard("email_history")
    for run in runs:
        assert run.stderr.count("Beginning sync of 'email_history'") == 1
