"""Fixtures: a sandbox API per test, and the tap run as users run it (its CLI)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from smartlead_sandbox import SANDBOX_KEY, Sandbox, SandboxConfig
from tap_smartlead_inbox.client.limiter import RateLimiter
from tap_smartlead_inbox.client.transport import Transport
from tests.support.paths import ROOT

# What makes a test slow, as markers (registered in pyproject.toml); `make test-fast` runs
# `-m "not slow"`. Whole modules that run Meltano, PostgreSQL or a package build:
MODULE_MARKS = {
    "test_csv_pipeline": ("pipeline",),
    "test_readme_commands": ("pipeline",),
    "test_plugin_definitions": ("pipeline",),
    "test_warehouse": ("pipeline", "warehouse"),
    "test_packaging": ("build",),
}
# Elsewhere, a test that calls one of these starts the tap as a process of its own.
TAP_RUNNERS = frozenset(
    {"run_tap", "run_tap_measured", "RunningTap", "tap_command", "_run_until_states", "selecting", "discover"}
)


def _starts_the_tap(code: Any) -> bool:
    """Whether a test calls a tap runner, or runs `python -m tap_smartlead_inbox` itself."""
    commands = [c for c in code.co_consts if isinstance(c, str)]
    as_arguments = "-m" in commands and "tap_smartlead_inbox" in commands
    return (
        bool(TAP_RUNNERS & set(code.co_names))
        or as_arguments
        or any("-m tap_smartlead_inbox" in c for c in commands)
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by what it starts: ``tap``, ``pipeline``, ``warehouse``, ``build``; any of
    them is ``slow`` too. A test can also be marked ``slow`` by hand."""
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if isinstance(item, pytest.Function) else ""
        marks = list(MODULE_MARKS.get(module, ()))
        function = getattr(item, "function", None)
        if not marks and function is not None and _starts_the_tap(function.__code__):
            marks.append("tap")
        for mark in marks:
            item.add_marker(mark)
        if marks:
            item.add_marker("slow")


class FakeClock:
    """A clock for the limiter that moves only when something sleeps."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


class ThreadClock:
    """A fake clock for code that sleeps in several real threads at once: ``sleep`` blocks its
    thread until the test moves the clock past its wake time; ``run`` moves it, each time all
    the threads it was given sleep, to the earliest wake time, until they have all ended."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self._changed = threading.Condition()
        self._wakes: list[float] = []  # one per sleeping thread

    def __call__(self) -> float:
        with self._changed:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._changed:
            wake = self.now + seconds
            self._wakes.append(wake)
            self._changed.notify_all()
            while self.now < wake:
                self._changed.wait()
            self._wakes.remove(wake)
            self._changed.notify_all()

    def sleeping(self) -> int:
        with self._changed:
            return len(self._wakes)

    def wait_until_sleeping(self, count: int) -> None:
        """Block until ``count`` threads sleep (real time bounds only the wait, never a result)."""
        with self._changed:
            assert self._changed.wait_for(lambda: len(self._wakes) >= count, timeout=10), self._wakes

    def run(self, threads: list[threading.Thread]) -> None:
        deadline = time.monotonic() + 30
        while any(thread.is_alive() for thread in threads):
            assert time.monotonic() < deadline, "the threads never ended"
            with self._changed:
                alive = sum(thread.is_alive() for thread in threads)
                if self._wakes and len(self._wakes) >= alive:
                    self.now = max(self.now, min(self._wakes))
                    self._changed.notify_all()
                self._changed.wait(0.01)
        for thread in threads:
            thread.join()


@dataclass
class TapRun:
    returncode: int
    stdout: str
    stderr: str
    messages: list[dict[str, Any]] = field(default_factory=list)

    def records(self, stream: str, *, allow_empty: bool = False) -> list[dict[str, Any]]:
        """The stream's records; none is a failure unless the test says it checks for none."""
        found = [m["record"] for m in self.messages if m["type"] == "RECORD" and m["stream"] == stream]
        assert found or allow_empty, f"the run wrote no {stream} record:\n{self.stderr[-2000:]}"
        return found

    def states(self) -> list[dict[str, Any]]:
        return [m["value"] for m in self.messages if m["type"] == "STATE"]

    def checkpoints(self) -> list[dict[str, Any]]:
        """The STATE messages that carry a bookmark (the SDK writes one before the first window)."""
        return [
            s for s in self.states() if "replication_key_value" in s["bookmarks"].get("inbox_replies", {})
        ]

    @property
    def last_stderr_line(self) -> str:
        lines = self.stderr.strip().splitlines()
        return lines[-1] if lines else ""


def run_tap(
    config: dict[str, Any],
    tmp_path: Path,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    expect_exit: int | None = 0,
) -> TapRun:
    """Run `python -m tap_smartlead_inbox --config …` and parse its Singer messages.

    An exit other than ``expect_exit`` fails the test; a test that expects a failure says
    which exit code, and ``None`` (any exit) is for a test that then asserts the code itself.
    """
    config_file = tmp_path / "config.json"
    config_file.write_text(json.dumps(config))
    return run_tap_file(config_file, *args, env=env, timeout=timeout, expect_exit=expect_exit)


def run_tap_file(
    config_file: Path,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    expect_exit: int | None = 0,
) -> TapRun:
    """run_tap with a config file written by the test itself (which need not hold settings)."""
    process = subprocess.run(
        [sys.executable, "-m", "tap_smartlead_inbox", "--config", str(config_file), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    check_exit(process.returncode, expect_exit, process.stderr)
    messages = [json.loads(line) for line in process.stdout.splitlines() if line.startswith("{")]
    return TapRun(process.returncode, process.stdout, process.stderr, messages)


def check_exit(returncode: int, expect_exit: int | None, stderr: str) -> None:
    """Fail the test unless a process exited as expected (``None``: any exit will do)."""
    if expect_exit is not None:
        assert returncode == expect_exit, f"exit {returncode}, expected {expect_exit}:\n{stderr[-3000:]}"


def write_state(tmp_path: Path, state: dict[str, Any]) -> str:
    """A STATE message's value as a file for --state."""
    path = tmp_path / "state.json"
    path.write_text(json.dumps(state))
    return str(path)


def tap_config(sandbox: Sandbox, **overrides: Any) -> dict[str, Any]:
    config: dict[str, Any] = {
        "api_key": SANDBOX_KEY,
        "api_url": sandbox.url,
        "default_filters": False,
        "rps": 50,
    }
    config.update(overrides)
    return config


@pytest.fixture
def make_sandbox() -> Iterator[Any]:
    started: list[Sandbox] = []

    def factory(**settings: Any) -> Sandbox:
        settings.setdefault("leads", 60)
        settings.setdefault("rate_limit", None)
        sandbox = Sandbox(SandboxConfig(**settings)).start()
        started.append(sandbox)
        return sandbox

    yield factory

    # Stopping a sandbox waits out its server's half-second poll: done in the background,
    # the next test starts meanwhile, and the session waits for every stop at its end.
    def stop_all() -> None:
        for sandbox in started:
            sandbox.stop()

    stopping = threading.Thread(target=stop_all, daemon=True)
    stopping.start()
    _STOPPING.append(stopping)


_STOPPING: list[threading.Thread] = []


@pytest.fixture(scope="session", autouse=True)
def _sandboxes_stopped() -> Iterator[None]:
    yield
    for stopping in _STOPPING:
        stopping.join(timeout=30)


@pytest.fixture
def sandbox(make_sandbox: Any) -> Sandbox:
    sandbox: Sandbox = make_sandbox()
    return sandbox


def emails_of(leads: list[dict[str, Any]]) -> int:
    return sum(len(lead["email_history"]) for lead in leads)


class OfflineTransport(Transport):
    """The real transport (limiter, slots, retries, reading of the body) with no HTTP:
    a subclass answers ``_send`` from a stand-in list held in memory."""

    def __init__(self, name: str, *, max_in_flight: int, max_retries: int) -> None:
        super().__init__(
            api_url=f"http://{name}.invalid/api/v1",
            api_key=f"{name}-key-0000",
            limiter=RateLimiter(100_000.0),
            max_retries=max_retries,
            max_in_flight=max_in_flight,
        )
