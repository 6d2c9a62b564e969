"""The layers contract (pyproject's [tool.importlinter], run by `make lint`) holds, and breaks
when a module imports a layer above its own: a contract that cannot fail checks nothing."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=root, capture_output=True, text=True, check=False
    )


@pytest.fixture
def copy_of_the_package(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "tap_smartlead_inbox", tmp_path / "tap_smartlead_inbox")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_every_layer_imports_only_the_layers_below_it():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout
    assert "Contracts: 2 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong_way", "broken"),
    [
        ("reading/pages.py", "from tap_smartlead_inbox.config import filters", "only the layers below"),
        ("client/transport.py", "from tap_smartlead_inbox.reading import pages", "only the layers below"),
        ("mailtext/body_text.py", "from tap_smartlead_inbox.inbox import normalize", "only the layers below"),
        ("run/progress.py", "from tap_smartlead_inbox.inbox import anomalies", "only the layers below"),
        ("core/errors.py", "import singer_sdk", "work without singer-sdk"),
    ],
)
def test_an_import_the_wrong_way_breaks_the_contract(copy_of_the_package, module, wrong_way, broken):
    path = copy_of_the_package / "tap_smartlead_inbox" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{wrong_way}  # noqa\n", encoding="utf-8")
    result = _lint_imports(copy_of_the_package)
    assert result.returncode == 1, result.stdout
    (line,) = [line for line in result.stdout.splitlines() if "BROKEN" in line]
    assert broken in line


PACKAGE = ROOT / "tap_smartlead_inbox"
LAYERS = ("config", "client", "reading", "inbox", "mailtext", "run", "core")


def test_the_root_keeps_at_most_ten_modules_and_the_layers_are_folders():
    root_modules = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(root_modules) <= 10, root_modules
    folders = sorted(path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file())
    assert folders == sorted(LAYERS)


@pytest.mark.parametrize("layer", LAYERS)
def test_each_layer_says_what_it_owns_and_what_it_may_import(layer):
    docstring = ast.get_docstring(ast.parse((PACKAGE / layer / "__init__.py").read_text(encoding="utf-8")))
    assert docstring, f"{layer}/__init__.py has no docstring"
    assert "import" in docstring.lower(), f"{layer}/__init__.py does not say what it may import"
