"""Fixtures: a sandbox API per test, and the tap run as users run it (its CLI)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import coverage
import pytest
from hypothesis import settings

from smartlead_sandbox import SANDBOX_KEY, Sandbox, SandboxConfig
from tap_smartlead_inbox.client.limiter import RateLimiter
from tap_smartlead_inbox.client.transport import Transport
from tests.support.examples import examples
from tests.support.in_process import run_cli
from tests.support.paths import ROOT

# hypothesis's default count, scaled like every test's own (tests/support/examples.py); and no
# deadline, a wall-clock limit on each example that a loaded machine breaks (the suite never
# times what it tests).
settings.register_profile("scaled", max_examples=examples(100), deadline=None)
settings.load_profile("scaled")

# What makes a test slow, as markers (registered in pyproject.toml); `make test-fast` runs
# `-m "not slow"`. Whole modules that run Meltano, PostgreSQL or a package build:
MODULE_MARKS = {
    "test_csv_pipeline": ("pipeline",),
    "test_readme_commands": ("pipeline",),
    "test_plugin_definitions": ("pipeline",),
    "test_warehouse": ("pipeline", "warehouse"),
    "test_dbt_duckdb": ("pipeline",),
    "test_dbt_postgres": ("pipeline", "warehouse"),
    "test_report": ("pipeline",),
    "test_packaging": ("build",),
}
# `make test` runs the tests in parallel (pytest-xdist, --dist loadgroup); the tests of a group
# run one after another in one worker, so that a module's fixture is made once.
XDIST_GROUPS = {
    "test_csv_pipeline": "test_csv_pipeline",  # one export, read by most of its tests
    "test_questions": "test_questions",  # one load into DuckDB
    "test_dbt_duckdb": "test_dbt_duckdb",  # one load (two runs), read by every test
    "test_dbt_postgres": "test_dbt_postgres",  # the same, on PostgreSQL
    "test_report": "test_report",  # one load, one page, one browser visit
    "test_report_page": "test_report_page",  # vl-convert bundles Vega's JavaScript once a process
    "test_readme_commands": "test_readme_commands",  # one project copy, its commands in order
    "test_packaging": "test_packaging",  # one build
}
# Coverage (`make test`) doubles the CPU of what it traces. It is paused (pytest-cov's no_cover),
# and so are the taps these tests start (run_tap_file_process), in the cost tests: their runs
# are counted, not covered, and the sandbox serves them inboxes of up to 15,000 leads.
UNMEASURED = frozenset({"test_costs"})
# Meltano keeps the config, catalog and state file of a run in its system folder (.meltano),
# so two runs of a plugin at once must not share one: each test process has its own
# (_meltano_system_folder below), its plugins those `make install` installed in .meltano.
MELTANO_INSTALLS = ("extractors", "loaders", "mappers", "utilities", "orchestrators", "transformers", "files")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """--dist loadgroup with the groups of XDIST_GROUPS: pytest 9.2's node ids no longer carry
    an xdist_group mark to pytest-xdist's scheduler, which then spreads a group's tests over
    every worker (pytest-dev/pytest-xdist#1386). The marks stay, for when it carries them."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class ByModule(LoadGroupScheduling):  # type: ignore[misc]  # pytest-xdist is untyped
        def _split_scope(self, nodeid: str) -> str:
            group = XDIST_GROUPS.get(Path(nodeid.split("::", 1)[0]).stem)
            return group or str(super()._split_scope(nodeid))

    return ByModule(config, log)


# Elsewhere, a test is marked by how it runs the tap, if it does (itself, through a helper of
# its module or through a fixture): ``run``, the CLI in the test process (run_tap), or ``tap``,
# a process of its own (run_tap_process, or `python -m tap_smartlead_inbox` in its arguments).
IN_PROCESS_RUNNERS = frozenset({"run_tap", "run_tap_file"})
PROCESS_RUNNERS = frozenset({"run_tap_process", "run_tap_file_process"})
PYTHON_M = re.compile(r"-m['\",\s]*tap_smartlead_inbox\b")  # in a command line or a script


def _runs_the_tap(code: Any, namespace: dict[str, Any], seen: set[Any] | None = None) -> set[str]:
    """How ``code`` runs the tap: ``{"run"}``, ``{"tap"}``, both or neither, following the
    functions and classes of the test modules it calls (not the runners' own code)."""
    seen = set() if seen is None else seen
    if code in seen:
        return set()
    seen.add(code)
    found: set[str] = set()
    names = set(code.co_names)
    commands = [c for c in code.co_consts if isinstance(c, str)]
    if (
        names & PROCESS_RUNNERS
        or ("-m" in commands and "tap_smartlead_inbox" in commands)
        or any(PYTHON_M.search(c) for c in commands)
    ):
        found.add("tap")
    if names & IN_PROCESS_RUNNERS:
        found.add("run")
    for const in code.co_consts:  # nested functions, comprehensions, lambdas
        if hasattr(const, "co_names"):
            found |= _runs_the_tap(const, namespace, seen)
    for name in names - IN_PROCESS_RUNNERS - PROCESS_RUNNERS:
        for inner in _own_code(namespace.get(name)):
            found |= _runs_the_tap(inner, namespace, seen)
    return found


def _is_test_module(name: str) -> bool:
    """A module of tests (tests/**/test_*.py), not of their support code."""
    return name.startswith("tests.") and name.rsplit(".", 1)[-1].startswith("test_")


def _own_code(obj: Any) -> list[Any]:
    """The code of a function or class the test modules define (their own helpers)."""
    if not _is_test_module(getattr(obj, "__module__", "") or ""):
        return []
    if isinstance(obj, type):
        return [f.__code__ for f in vars(obj).values() if hasattr(f, "__code__")]
    code = getattr(obj, "__code__", None)
    return [code] if code is not None else []


def _how_it_runs_the_tap(item: pytest.Function) -> set[str]:
    found = _runs_the_tap(item.function.__code__, item.module.__dict__)
    for name in item.fixturenames:  # a fixture can run it for the test
        for fixturedef in item._fixtureinfo.name2fixturedefs.get(name, ()):
            func = getattr(fixturedef.func, "__wrapped__", fixturedef.func)
            module = sys.modules.get(getattr(func, "__module__", ""))
            if module is not None and _is_test_module(module.__name__):
                found |= _runs_the_tap(func.__code__, module.__dict__)
    return found


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by what it starts: ``run``, ``tap``, ``pipeline``, ``warehouse``,
    ``build``; any of them is ``slow`` too. A test can also be marked ``slow`` by hand."""
    for item in items:
        if not isinstance(item, pytest.Function):
            continue
        module = item.module.__name__.rsplit(".", 1)[-1]
        marks = list(MODULE_MARKS.get(module, ())) or sorted(_how_it_runs_the_tap(item))
        for mark in marks:
            item.add_marker(mark)
        if marks:
            item.add_marker("slow")
        if module in XDIST_GROUPS:
            item.add_marker(pytest.mark.xdist_group(XDIST_GROUPS[module]))
        if module in UNMEASURED:
            item.add_marker("no_cover")


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
    """Run the tap's CLI (`python -m tap_smartlead_inbox --config …`) in this process and
    parse its Singer messages (tests/support/in_process.py says how it matches a process).

    An exit other than ``expect_exit`` fails the test; a test that expects a failure says
    which exit code, and ``None`` (any exit) is for a test that then asserts the code itself.
    """
    config_file = _config_file(config, tmp_path)
    return run_tap_file(config_file, *args, env=env, timeout=timeout, expect_exit=expect_exit)


def run_tap_process(
    config: dict[str, Any],
    tmp_path: Path,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    expect_exit: int | None = 0,
) -> TapRun:
    """run_tap as a process of its own: for a test whose behaviour is the process (what
    everything it writes holds, signals, exit codes the interpreter sets)."""
    config_file = _config_file(config, tmp_path)
    return run_tap_file_process(config_file, *args, env=env, timeout=timeout, expect_exit=expect_exit)


def _config_file(config: dict[str, Any], tmp_path: Path) -> Path:
    config_file = tmp_path / "config.json"
    config_file.write_text(json.dumps(config))
    return config_file


def run_tap_file(
    config_file: Path | str,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    expect_exit: int | None = 0,
) -> TapRun:
    """run_tap with a config file written by the test itself (which need not hold settings),
    or "ENV". ``TAP_TEST_RUNS=process`` in the environment runs it as a process instead
    (to check that both ways give the same results)."""
    if os.environ.get("TAP_TEST_RUNS") == "process":
        return run_tap_file_process(config_file, *args, env=env, timeout=timeout, expect_exit=expect_exit)
    ran = run_cli(["--config", str(config_file), *args], env=env, cwd=ROOT, timeout=timeout)
    return _tap_run(ran.returncode, ran.stdout, ran.stderr, expect_exit, args)


# What coverage's .pth file looks for to measure a Python process (coverage/pth_file.py).
COVERAGE_CHILD = ("COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START")


def run_tap_file_process(
    config_file: Path | str,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    expect_exit: int | None = 0,
) -> TapRun:
    """run_tap_file as `python -m tap_smartlead_inbox`, a process of its own. Under `make
    test` coverage measures it too (patch = subprocess) while it measures the test that
    starts it: not in a test where it is paused (no_cover, UNMEASURED above)."""
    environ = {**os.environ, **(env or {})}
    if coverage.Coverage.current() is None:
        for variable in COVERAGE_CHILD:
            environ.pop(variable, None)
    process = subprocess.run(
        [sys.executable, "-m", "tap_smartlead_inbox", "--config", str(config_file), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=environ,
    )
    return _tap_run(process.returncode, process.stdout, process.stderr, expect_exit, args)


def _tap_run(
    returncode: int, stdout: str, stderr: str, expect_exit: int | None, args: tuple[str, ...]
) -> TapRun:
    check_exit(returncode, expect_exit, stderr)
    # Singer messages, one a line (--discover and --about print one document, over many lines).
    lines = [] if {"--discover", "--about"} & set(args) else stdout.splitlines()
    messages = [json.loads(line) for line in lines if line.startswith("{")]
    return TapRun(returncode, stdout, stderr, messages)


def check_exit(returncode: int, expect_exit: int | None, stderr: str) -> None:
    """Fail the test unless a process exited as expected (``None``: any exit will do)."""
    if expect_exit is not None:
        assert returncode == expect_exit, f"exit {returncode}, expected {expect_exit}:\n{stderr[-3000:]}"


def eventually(check: Callable[[], Any], timeout: float = 10) -> Any:
    """``check()`` once it holds (or its last value after ``timeout`` seconds): a sandbox logs
    an answer once it is written or its client has gone, which can be a moment after the run
    that sent it has ended (a process's exit closes its connections, a run in this process
    leaves them to be collected)."""
    deadline = time.monotonic() + timeout
    while not (result := check()) and time.monotonic() < deadline:
        time.sleep(0.01)
    return result


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

    # Stopping a sandbox waits out its server's poll (edge.POLL_INTERVAL): done in the
    # background, the next test starts meanwhile, and the session waits for every stop at its end.
    def stop_all() -> None:
        for sandbox in started:
            sandbox.stop()

    stopping = threading.Thread(target=stop_all, daemon=True)
    stopping.start()
    _STOPPING.append(stopping)


_STOPPING: list[threading.Thread] = []


@pytest.fixture(scope="session", autouse=True)
def _meltano_system_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """MELTANO_SYS_DIR_ROOT for every Meltano the tests start: a folder of this test process's
    own (runs, logs, the system database), the plugins' installs linked from .meltano."""
    installed = ROOT / ".meltano"
    if "MELTANO_SYS_DIR_ROOT" in os.environ or not installed.is_dir():
        yield
        return
    own = tmp_path_factory.mktemp("meltano-system")
    for kind in MELTANO_INSTALLS:
        if (installed / kind).is_dir():
            (own / kind).symlink_to(installed / kind, target_is_directory=True)
    os.environ["MELTANO_SYS_DIR_ROOT"] = str(own)
    try:
        yield
    finally:
        del os.environ["MELTANO_SYS_DIR_ROOT"]


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
