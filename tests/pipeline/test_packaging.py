"""The sdist and wheel are ready to publish: they build, pass `twine check --strict`, hold the
package and its entry point at the one version `tap_smartlead_inbox.__version__` gives, and
carry nothing of a developer's machine (virtualenvs, Meltano's state, exports, .env).

The build runs without isolation (hatchling comes with the dev extras), so it needs no network.
"""

from __future__ import annotations

import configparser
import json
import subprocess
import sys
import tarfile
import zipfile
from email.message import Message
from email.parser import HeaderParser
from importlib import metadata
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from tap_smartlead_inbox import __version__
from tests.support.paths import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # tomllib is new in 3.11; tomli is the same parser
    import tomli as tomllib

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

# Nothing under these may reach the sdist: local environments, caches, outputs, secrets.
LOCAL_DIRS = (
    ".venv/", ".meltano/", ".meltano-venv/", "exports/", "output/", ".hypothesis/", ".pytest_cache/",
    ".mypy_cache/", ".ruff_cache/", ".sandbox/", "plugins/", ".git/", ".venv-", "site/",
    ".grimp_cache/", ".import_linter_cache/",
)  # fmt: skip


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


def build(source: Path, out: Path, *targets: str) -> None:
    done = run(sys.executable, "-m", "build", "--no-isolation", *targets, "--outdir", str(out), str(source))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build(ROOT, out, "--sdist", "--wheel")
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (path,) = dist.glob("*.whl")
    return path


@pytest.fixture(scope="module")
def sdist(dist: Path) -> Path:
    (path,) = dist.glob("*.tar.gz")
    return path


def wheel_metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return HeaderParser().parsestr(archive.read(name).decode("utf-8"))


def sdist_names(sdist: Path) -> list[str]:
    """The sdist's paths below its top folder."""
    with tarfile.open(sdist) as archive:
        return [member.name.split("/", 1)[1] for member in archive.getmembers() if "/" in member.name]


# --- one version -------------------------------------------------------------------------------


def test_pyproject_reads_the_version_from_the_package_alone():
    assert "version" not in PYPROJECT["project"]
    assert "version" in PYPROJECT["project"]["dynamic"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "tap_smartlead_inbox/__init__.py"


def test_version_and_about_report___version__():
    installed = metadata.version("tap-smartlead-inbox")
    assert installed == __version__, "the installed metadata is stale: run `make install`"
    shown = run(sys.executable, "-m", "tap_smartlead_inbox", "--version")
    assert shown.stdout.startswith(f"tap-smartlead-inbox v{__version__},"), shown.stdout + shown.stderr
    about = json.loads(run(sys.executable, "-m", "tap_smartlead_inbox", "--about", "--format=json").stdout)
    assert about["version"] == __version__


# --- the built files --------------------------------------------------------------------------


def test_sdist_and_wheel_pass_twine_check_strict(dist):
    checked = run(sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir())))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2


def test_the_readme_renders_as_markdown_on_pypi():
    from readme_renderer.markdown import render

    html = render((ROOT / "README.md").read_text(encoding="utf-8"))
    assert html is not None, "install readme-renderer[md] (dev extras): without it nothing is rendered"
    assert "<h2" in html and "tap-smartlead-inbox" in html
    # The markers that let the docs site include the README's tables stay hidden comments.
    assert "--8&lt;--" not in html and "--8<--" not in html


def test_the_wheel_is_named_and_versioned_by___version__(wheel):
    assert wheel.name == f"tap_smartlead_inbox-{__version__}-py3-none-any.whl"
    info = wheel_metadata(wheel)
    assert info["Name"] == "tap-smartlead-inbox"
    assert info["Version"] == __version__


def test_the_wheel_holds_the_package_and_no_tests(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    package = {n for n in names if n.startswith("tap_smartlead_inbox/")}
    expected = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tap_smartlead_inbox").rglob("*.py")}
    assert package == expected
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "scripts/"))]


def test_the_wheel_installs_the_tap_smartlead_inbox_command(wheel):
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
        text = archive.read(name).decode("utf-8")
    entry_points = configparser.ConfigParser()
    entry_points.read_string(text)
    assert dict(entry_points["console_scripts"]) == {"tap-smartlead-inbox": "tap_smartlead_inbox.cli:main"}


def test_the_metadata_describes_the_project_for_pypi(wheel):
    info = wheel_metadata(wheel)
    assert info["Description-Content-Type"] == "text/markdown"
    body = info.get_payload()
    assert isinstance(body, str)
    assert body.strip() == (ROOT / "README.md").read_text(encoding="utf-8").strip()
    assert info["License-Expression"] == "MIT"
    assert SpecifierSet(info["Requires-Python"]) == SpecifierSet(">=3.10,<3.14")
    urls = dict(value.split(", ", 1) for value in info.get_all("Project-URL", []))
    assert set(urls) == {"Homepage", "Repository", "Issues", "Changelog"}
    assert all(
        url.startswith("https://github.com/tap-smartlead-inbox/tap-smartlead-inbox") for url in urls.values()
    )


def test_the_classifiers_are_known_and_name_python_3_10_to_3_13(wheel):
    from trove_classifiers import classifiers as known

    listed = wheel_metadata(wheel).get_all("Classifier", [])
    assert set(listed) <= known
    versions = {
        c.rsplit(" :: ", 1)[1] for c in listed if c.startswith("Programming Language :: Python :: 3.")
    }
    assert versions == {"3.10", "3.11", "3.12", "3.13"}  # each tested: scripts/test_pythons.sh
    assert any(c.startswith("Development Status :: ") for c in listed)
    # PyPI refuses a License :: classifier next to a License-Expression (PEP 639).
    assert not [c for c in listed if c.startswith("License :: ")]


def test_the_sdist_holds_the_sources_and_docs(sdist):
    names = set(sdist_names(sdist))
    for required in (
        "PKG-INFO",
        "pyproject.toml",
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
        "mkdocs.yml",
        "docs/index.md",
        "docs/architecture.md",
        "meltano.yml",
        "meltano-hub/extractors/tap-smartlead-inbox.yml",
        "tap_smartlead_inbox/__init__.py",
        "tap_smartlead_inbox/tap.py",
        "tests/conftest.py",
    ):
        assert required in names, required


def test_the_sdist_carries_nothing_of_the_developers_machine(sdist):
    names = sdist_names(sdist)
    assert not [n for n in names if n.startswith(LOCAL_DIRS)]
    assert not [n for n in names if n.split("/")[-1] == ".env" or "__pycache__" in n or n.endswith(".pyc")]
    # Only what git tracks (and the metadata the build writes): a stray file or folder shows,
    # however many modules the package grows.
    tracked = set(run("git", "ls-files").stdout.splitlines())
    assert set(names) - tracked - {"PKG-INFO"} == set()
    assert sdist.stat().st_size < 1_000_000  # about 0.8 MB today; a stray export would show


def test_the_sdist_alone_builds_the_same_wheel(sdist, wheel, tmp_path):
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    (source,) = tmp_path.iterdir()
    build(source, tmp_path / "out", "--wheel")
    (rebuilt,) = (tmp_path / "out").glob("*.whl")
    with zipfile.ZipFile(rebuilt) as again, zipfile.ZipFile(wheel) as first:
        assert sorted(again.namelist()) == sorted(first.namelist())
