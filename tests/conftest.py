"""Fixtures: a sandbox API per test, and the tap run as users run it (its CLI)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.sandbox import SANDBOX_KEY, Sandbox, SandboxConfig

ROOT = Path(__file__).resolve().parent.parent


class FakeClock:
    """A clock for the limiter that moves only when something sleeps."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class TapRun:
    returncode: int
    stdout: str
    stderr: str
    messages: list[dict[str, Any]] = field(default_factory=list)

    def records(self, stream: str) -> list[dict[str, Any]]:
        return [m["record"] for m in self.messages if m["type"] == "RECORD" and m["stream"] == stream]

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
) -> TapRun:
    """Run `python -m tap_smartlead_inbox --config …` and parse its Singer messages."""
    config_file = tmp_path / "config.json"
    config_file.write_text(json.dumps(config))
    process = subprocess.run(
        [sys.executable, "-m", "tap_smartlead_inbox", "--config", str(config_file), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    messages = [json.loads(line) for line in process.stdout.splitlines() if line.startswith("{")]
    return TapRun(process.returncode, process.stdout, process.stderr, messages)


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
    for sandbox in started:
        sandbox.stop()


@pytest.fixture
def sandbox(make_sandbox: Any) -> Sandbox:
    sandbox: Sandbox = make_sandbox()
    return sandbox


def emails_of(leads: list[dict[str, Any]]) -> int:
    return sum(len(lead["email_history"]) for lead in leads)
