"""SIGTERM and SIGINT (a scheduler's timeout, Ctrl-C) are never success: the run ends on its
last checkpoint STATE, says so in one line, and exits 128 + the signal number; a rerun from
that STATE loses nothing."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TapRun, check_exit, run_tap, tap_config, write_state
from tests.support.paths import ROOT

INTERRUPTED = "tap-smartlead-inbox: error: interrupted by {}; "
RESUMES = "the output ends on the last checkpoint STATE, and the next run resumes from there"
SLOW_POINT = "--- slow point reached ---"


class RunningTap:
    """The tap as a subprocess, its stdout and stderr lines collected as they come."""

    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
        )
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self._changed = threading.Condition()
        assert self.process.stdout is not None and self.process.stderr is not None
        self._readers = [
            threading.Thread(target=self._collect, args=(self.process.stdout, self.stdout), daemon=True),
            threading.Thread(target=self._collect, args=(self.process.stderr, self.stderr), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def _collect(self, stream: Any, lines: list[str]) -> None:
        for line in stream:
            with self._changed:
                lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def wait_for(self, condition: Callable[[], bool], timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition():
                assert self.process.poll() is None, "the run ended before it could be interrupted"
                left = deadline - time.monotonic()
                assert left > 0, "timed out waiting for the run"
                self._changed.wait(min(left, 0.1))

    def states_written(self) -> int:
        return sum(_is_state(line) for line in self.stdout)

    def signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def finish(self, *, expect_exit: int | None, timeout: float = 60) -> TapRun:
        """The run once it ended; an exit other than ``expect_exit`` fails the test."""
        self.process.wait(timeout=timeout)
        for reader in self._readers:
            reader.join(timeout=10)
        stdout, stderr = "".join(self.stdout), "".join(self.stderr)
        check_exit(self.process.returncode, expect_exit, stderr)
        messages = [json.loads(line) for line in self.stdout if line.startswith("{")]
        return TapRun(self.process.returncode, stdout, stderr, messages)


def _is_state(line: str) -> bool:
    return '"type":"STATE"' in line.replace(" ", "")


def tap_command(config_file: Path, *args: str, patch: str = "") -> list[str]:
    """The tap's CLI; with ``patch``, Python run first that slows one point of the run down."""
    if not patch:
        return [sys.executable, "-m", "tap_smartlead_inbox", "--config", str(config_file), *args]
    script = f"import sys, time\n{patch}\nfrom tap_smartlead_inbox.cli import main\nmain()\n"
    return [sys.executable, "-c", script, "--config", str(config_file), *args]


def slow_point(target: str, seconds: float) -> str:
    """Replace ``module:Class.method`` by one that says so on stderr, waits, then runs it."""
    module, attribute = target.split(":")
    owner, method = attribute.split(".")
    return (
        f"from {module} import {owner}\n"
        f"_original = {owner}.{method}\n"
        f"def _slow(*args, **kwargs):\n"
        f"    print({SLOW_POINT!r}, file=sys.stderr, flush=True)\n"
        # Short sleeps: a signal that lands between the print and a sleep's system call
        # runs its handler only when that sleep returns, so one long sleep would race.
        f"    for _ in range({int(seconds * 10)}):\n"
        f"        time.sleep(0.1)\n"
        f"    return _original(*args, **kwargs)\n"
        f"{owner}.{method} = _slow\n"
    )


def write_config(tmp_path: Path, config: dict[str, Any]) -> Path:
    config_file = tmp_path / "config.json"
    config_file.write_text(json.dumps(config))
    return config_file


def assert_interrupted(run: TapRun, signum: signal.Signals, tail: str = RESUMES) -> None:
    assert run.returncode == 128 + signum, run.stderr[-2000:]
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.last_stderr_line == INTERRUPTED.format(signum.name) + tail
    assert run.stderr.count("tap-smartlead-inbox: error:") == 1


def assert_ends_on_last_checkpoint(run: TapRun) -> dict[str, Any]:
    """The last Singer message is a STATE that holds the last checkpoint's bookmarks: records
    after a checkpoint move no bookmark. (The SDK also writes a STATE when a page's
    email_history ends, after its records, with the child's starting value set; a signal
    can land right after one.)"""
    assert run.messages[-1]["type"] == "STATE"
    last: dict[str, Any] = run.messages[-1]["value"]
    assert "replication_key_value" in last["bookmarks"]["inbox_replies"], "a checkpoint, not the first STATE"
    if run.messages[-2]["type"] != "STATE":  # else the signal came right after a STATE was written
        written_before = [m["value"] for m in run.messages[:-1] if m["type"] == "STATE"]
        assert bookmarks(last) == bookmarks(written_before[-1])
    return last


def bookmarks(state: dict[str, Any]) -> dict[str, Any]:
    """Each stream's bookmark and the run's start mark: where a run resumed from it starts."""
    keys = ("replication_key_value", "run_started_at", "progress_markers")
    return {stream: [entry.get(key) for key in keys] for stream, entry in state["bookmarks"].items()}


def lead_ids(run: TapRun) -> set[str]:
    return {record["email_lead_map_id"] for record in run.records("inbox_replies")}


@pytest.mark.parametrize(
    ("signum", "exit_code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["SIGTERM", "SIGINT"]
)
def test_a_signal_mid_export_ends_on_the_last_checkpoint_non_zero_and_the_rerun_loses_nothing(
    make_sandbox, tmp_path, signum, exit_code
):
    sandbox = make_sandbox(leads=400, latency=0.05)
    config = tap_config(sandbox, window_pages=2, rps=20)
    tap = RunningTap(tap_command(write_config(tmp_path, config)))
    tap.wait_for(lambda: tap.states_written() >= 3)
    tap.signal(signum)
    interrupted = tap.finish(expect_exit=exit_code)

    assert_interrupted(interrupted, signum)
    last_state = assert_ends_on_last_checkpoint(interrupted)
    assert lead_ids(interrupted) < {lead["email_lead_map_id"] for lead in sandbox.expected()}, "stopped early"

    rerun = run_tap(config, tmp_path, "--state", write_state(tmp_path, last_state))
    assert lead_ids(interrupted) | lead_ids(rerun) == {
        lead["email_lead_map_id"] for lead in sandbox.expected()
    }


def test_a_signal_while_the_main_thread_waits_on_a_page_ends_the_run_at_once(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=60, latency=8.0)
    tap = RunningTap(tap_command(write_config(tmp_path, tap_config(sandbox))))
    tap.wait_for(lambda: sandbox.most_in_flight >= 1)  # the first page is on its way
    sent = time.monotonic()
    tap.signal(signal.SIGTERM)
    run = tap.finish(expect_exit=128 + signal.SIGTERM)
    assert time.monotonic() - sent < 4, "the run did not wait for the page"
    assert_interrupted(
        run, signal.SIGTERM, "no STATE was written yet, so the next run starts where this one did"
    )
    assert run.records("inbox_replies", allow_empty=True) == []


def test_a_signal_before_the_first_request_ends_on_the_state_given(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=60)
    state = {
        "bookmarks": {
            "inbox_replies": {
                "replication_key": "last_reply_time",
                "replication_key_value": "2025-06-01T00:00:00.000Z",
            }
        }
    }
    # The stream's first step, before its first request, takes a while.
    patch = slow_point("tap_smartlead_inbox.tap:TapSmartleadInbox.announce_filters", 30)
    command = tap_command(
        write_config(tmp_path, tap_config(sandbox)), "--state", write_state(tmp_path, state), patch=patch
    )
    tap = RunningTap(command)
    tap.wait_for(lambda: SLOW_POINT in "".join(tap.stderr))
    tap.signal(signal.SIGTERM)
    run = tap.finish(expect_exit=128 + signal.SIGTERM, timeout=20)
    assert_interrupted(run, signal.SIGTERM)
    assert sandbox.log == []
    assert run.messages[-1]["type"] == "STATE"
    assert run.messages[-1]["value"]["bookmarks"]["inbox_replies"]["replication_key_value"] == (
        "2025-06-01T00:00:00.000Z"
    ), "a rerun starts where this one did"


def test_a_signal_during_discovery_is_an_interruption_too(tmp_path):
    config = {"api_key": "k" * 12, "api_url": "http://127.0.0.1:9/api/v1"}
    patch = slow_point("tap_smartlead_inbox.tap:TapSmartleadInbox.run_discovery", 30)
    tap = RunningTap(tap_command(write_config(tmp_path, config), "--discover", patch=patch))
    tap.wait_for(lambda: SLOW_POINT in "".join(tap.stderr))
    tap.signal(signal.SIGINT)
    run = tap.finish(expect_exit=128 + signal.SIGINT, timeout=20)
    assert_interrupted(
        run, signal.SIGINT, "no STATE was written yet, so the next run starts where this one did"
    )


def test_a_second_signal_while_shutting_down_changes_nothing(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=400, latency=0.05)
    config = tap_config(sandbox, window_pages=2, rps=20)
    # Shutting down (the stream's closing summary) takes a while.
    patch = slow_point("tap_smartlead_inbox.run.progress:RunProgress.finish", 1.0)
    tap = RunningTap(tap_command(write_config(tmp_path, config), patch=patch))
    tap.wait_for(lambda: tap.states_written() >= 3)
    tap.signal(signal.SIGTERM)
    tap.wait_for(lambda: SLOW_POINT in "".join(tap.stderr))
    tap.signal(signal.SIGINT)
    run = tap.finish(expect_exit=128 + signal.SIGTERM)
    assert_interrupted(run, signal.SIGTERM)
    assert_ends_on_last_checkpoint(run)
