"""scripts/ensure_chromium.sh, which `make test` runs before the report's browser tests: it finds
the browser, or says in one line why the tests will be skipped, and under CI fails instead."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.support.paths import ROOT

SCRIPT = ROOT / "scripts" / "ensure_chromium.sh"
BASH = "/bin/bash"


def ensure(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The script with nothing on PATH (no browser, no apt-get) and / moved to ``tmp_path``."""
    empty = tmp_path / "bin"
    empty.mkdir(exist_ok=True)
    base = {k: v for k, v in os.environ.items() if k not in ("CI", "CHROMIUM")}
    return subprocess.run(
        [BASH, str(SCRIPT), *args],
        env={**base, "PATH": str(empty), "CHROMIUM_SEARCH_ROOT": str(tmp_path), **env},
        capture_output=True,
        text=True,
        check=False,
    )


def executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_it_finds_the_browser_chromium_names_first_then_debians(tmp_path):
    debian = executable(tmp_path / "usr" / "bin" / "chromium")
    assert ensure(tmp_path, "--find").stdout == f"{debian}\n"
    chosen = executable(tmp_path / "elsewhere" / "chrome")
    found = ensure(tmp_path, "--find", CHROMIUM=str(chosen))
    assert (found.returncode, found.stdout) == (0, f"{chosen}\n")
    assert "Chromium for the report's browser tests: " in ensure(tmp_path).stdout


def test_without_a_browser_find_fails_with_one_line_and_never_installs(tmp_path):
    found = ensure(tmp_path, "--find")
    assert found.returncode == 1 and found.stdout == ""
    assert len(found.stderr.splitlines()) == 1 and "Chromium not found" in found.stderr


def test_without_a_browser_or_apt_get_the_tests_skip_but_ci_fails(tmp_path):
    here = ensure(tmp_path)
    assert here.returncode == 0
    assert here.stdout.startswith("report browser tests will be skipped: Chromium not found and no apt-get")
    ci = ensure(tmp_path, CI="true")
    assert ci.returncode == 1 and "cannot run under CI" in ci.stderr
