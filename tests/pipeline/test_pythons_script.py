"""`scripts/test_pythons.sh`, which `make test` runs: the fast suite under every Python the
classifiers claim. Here only its finding of interpreters and its one-line skips are run, with a
PATH of a few tools and a PYENV_ROOT laid out under a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # tomllib is new in 3.11; tomli is the same parser
    import tomli as tomllib

SCRIPT = ROOT / "scripts" / "test_pythons.sh"
BASH = shutil.which("bash") or "/bin/bash"
VERSION = f"{sys.version_info[0]}.{sys.version_info[1]}"  # the interpreter the fakes run
PYTHON = os.path.realpath(sys.executable)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A PATH folder with what the script runs besides bash's builtins, and no Python."""
    folder = tmp_path / "path"
    folder.mkdir()
    for tool in ("dirname", "grep", "sort", "sed"):
        found = shutil.which(tool)
        assert found, tool
        (folder / tool).symlink_to(found)
    return folder


@pytest.fixture
def pyenv(tmp_path: Path) -> Path:
    root = tmp_path / "pyenv"
    (root / "versions").mkdir(parents=True)
    return root


def interpreter(pyenv: Path, name: str, target: str = PYTHON) -> Path:
    """``<pyenv>/versions/<name>/bin/pythonX.Y``, running ``target``."""
    binary = pyenv / "versions" / name / "bin" / f"python{VERSION}"
    binary.parent.mkdir(parents=True)
    binary.symlink_to(target)
    return binary


def broken(folder: Path) -> str:
    """An executable that fails, as pyenv's shim does for a version it has not selected."""
    script = folder / "broken"
    script.write_text("#!/bin/sh\necho 'pyenv: python3.X: command not found' >&2\nexit 127\n")
    script.chmod(0o755)
    return str(script)


def script(path: Path, pyenv: Path, *args: str, ci: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": str(path),
        "PYENV_ROOT": str(pyenv),
        "HOME": str(pyenv.parent),
        "VENV": sys.prefix,  # the Python whose whole suite `make test` runs: not run here
        **({"CI": ci} if ci is not None else {}),
    }
    return subprocess.run(
        [BASH, str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_a_python_on_path_is_found_first(path, pyenv):
    (path / f"python{VERSION}").symlink_to(PYTHON)
    interpreter(pyenv, f"{VERSION}.1")
    found = script(path, pyenv, "--find", VERSION)
    assert (found.returncode, found.stdout, found.stderr) == (0, f"{path}/python{VERSION}\n", "")


def test_else_the_newest_working_pyenv_version_and_never_a_free_threaded_one(path, pyenv):
    """A shim on PATH that answers for another version is passed over, and so is a build
    that does not run."""
    (path / f"python{VERSION}").symlink_to(broken(pyenv.parent))
    interpreter(pyenv, f"{VERSION}.2")
    newest = interpreter(pyenv, f"{VERSION}.10")
    interpreter(pyenv, f"{VERSION}.11t")
    interpreter(pyenv, f"{VERSION}.12", target=broken(pyenv.parent))
    found = script(path, pyenv, "--find", VERSION)
    assert (found.returncode, found.stdout, found.stderr) == (0, f"{newest}\n", "")


def test_a_python_that_is_not_found_is_said_in_one_line(path, pyenv):
    interpreter(pyenv, f"{VERSION}.1")  # the wrong version for 3.99
    found = script(path, pyenv, "--find", "3.99")
    assert (found.returncode, found.stdout) == (1, "")
    assert found.stderr == f"Python 3.99 not found: no python3.99 on PATH, none in {pyenv}/versions\n"


def test_a_missing_python_is_skipped_in_one_line_and_a_failure_under_ci(path, pyenv):
    skipped = script(path, pyenv, "3.99")
    assert (skipped.returncode, skipped.stdout) == (0, "")
    assert skipped.stderr == (
        f"test-pythons: Python 3.99 skipped: no python3.99 on PATH, none in {pyenv}/versions\n"
    )
    failed = script(path, pyenv, "3.99", ci="true")
    assert (failed.returncode, failed.stdout) == (1, "")
    assert failed.stderr == (
        f"test-pythons: Python 3.99 not found (no python3.99 on PATH, none in {pyenv}/versions): "
        "CI tests every Python the classifiers claim\n"
    )


def test_every_python_the_classifiers_claim_is_tested(path, pyenv):
    """Without versions the script takes the classifiers': each but the one the whole suite
    runs under (VENV's), none found here, is named in its skip line."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    prefix = "Programming Language :: Python :: 3."
    claimed = {c.rsplit(" :: ", 1)[1] for c in project["classifiers"] if c.startswith(prefix)}
    skipped = script(path, pyenv)
    assert skipped.returncode == 0, skipped.stderr
    lines = skipped.stderr.splitlines()
    named = {line.split()[2] for line in lines}
    assert named == claimed - {VERSION}
    assert len(lines) == len(named)
    assert VERSION in claimed
