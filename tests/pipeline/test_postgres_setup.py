"""Finding PostgreSQL for the warehouse tests: `scripts/ensure_postgres.sh` run for real, with a
PATH of a few tools and its fixed folders (Debian, Homebrew, Postgres.app) looked for under a
temporary POSTGRES_SEARCH_ROOT, so that it sees what each test lays out there and nothing else."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.postgres_server import (
    BASH,
    ENSURE_POSTGRES,
    PostgresUnavailable,
    find_postgres,
    require_postgres,
)

TOOLS = ("initdb", "pg_ctl", "postgres", "psql")
SKIPPED = (
    "warehouse tests will be skipped: PostgreSQL not found and no apt-get to install it; "
    "install PostgreSQL (e.g. brew install postgresql@16) to run them\n"
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A PATH folder with only what the script runs besides bash's builtins: no apt-get, no
    PostgreSQL, and an `id` that says the user is not root, whoever runs the tests."""
    folder = tmp_path / "path"
    folder.mkdir()
    found = shutil.which("readlink")
    assert found
    (folder / "readlink").symlink_to(found)
    fake_id(folder, uid=1000, postgres_user=True)
    return folder


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "root"
    folder.mkdir()
    return folder


def ensure(path: Path, root: Path, *args: str, ci: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(path), "POSTGRES_SEARCH_ROOT": str(root), **({"CI": ci} if ci is not None else {})}
    return subprocess.run(
        [BASH, str(ENSURE_POSTGRES), *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def binaries(folder: Path, target: str | None = None, tools: tuple[str, ...] = TOOLS) -> Path:
    """``folder`` holding the tools, as symlinks to ``target``'s (a stand-in executable if none)."""
    folder.mkdir(parents=True)
    for tool in tools:
        (folder / tool).symlink_to(Path(target) / tool if target else shutil.which("true") or "/bin/true")
    return folder


def fake_id(path: Path, uid: int, postgres_user: bool) -> None:
    """An `id` that gives ``uid`` as the user's and says whether a `postgres` user exists."""
    (path / "id").unlink(missing_ok=True)
    postgres = "echo 101" if postgres_user else 'echo "id: postgres: no such user" >&2; exit 1'
    (path / "id").write_text(f'#!/bin/sh\n[ "$*" = -u ] && echo {uid} && exit 0\n{postgres}\n')
    (path / "id").chmod(0o755)


def test_without_postgresql_or_apt_get_it_says_so_in_one_line_and_lets_the_tests_run(path, root):
    done = ensure(path, root)
    assert (done.returncode, done.stdout, done.stderr) == (0, SKIPPED, "")


@pytest.mark.parametrize("ci", ["true", "1"])
def test_under_ci_a_missing_postgresql_fails(path, root, ci):
    done = ensure(path, root, ci=ci)
    assert done.returncode != 0
    assert done.stderr == "warehouse tests cannot run under CI: " + SKIPPED.split(": ", 1)[1]


def test_ci_false_is_not_ci(path, root):
    assert ensure(path, root, ci="false").stdout == SKIPPED


def test_find_says_where_it_looked(path, root):
    done = ensure(path, root, "--find")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("PostgreSQL not found (looked in Debian's /usr/lib/postgresql/*/bin, ")
    assert "brew install postgresql@16" in done.stderr
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("layout", "versions", "newest"),
    [
        ("usr/lib/postgresql/{}/bin", ["9.6", "13", "16"], "16"),
        ("opt/homebrew/opt/postgresql@{}/bin", ["14", "9.6", "17"], "17"),
        ("usr/local/opt/postgresql@{}/bin", ["15", "10"], "15"),
        ("Applications/Postgres.app/Contents/Versions/{}/bin", ["latest", "16"], "16"),
        ("Applications/Postgres.app/Contents/Versions/{}/bin", ["latest"], "latest"),
    ],
)
def test_it_finds_the_newest_version_in_each_known_layout(path, root, layout, versions, newest):
    for version in versions:
        binaries(root / layout.format(version))
    done = ensure(path, root, "--find")
    assert (done.returncode, done.stdout) == (0, f"{root / layout.format(newest)}\n"), done.stderr


def test_a_folder_missing_a_tool_is_passed_over(path, root):
    binaries(root / "opt/homebrew/opt/postgresql@17/bin", tools=("initdb", "pg_ctl", "postgres"))
    binaries(root / "opt/homebrew/opt/postgresql@16/bin")
    assert ensure(path, root, "--find").stdout == f"{root}/opt/homebrew/opt/postgresql@16/bin\n"


def test_debian_comes_before_homebrew(path, root):
    binaries(root / "opt/homebrew/opt/postgresql@17/bin")
    binaries(root / "usr/lib/postgresql/15/bin")
    assert ensure(path, root, "--find").stdout == f"{root}/usr/lib/postgresql/15/bin\n"


def test_on_path_it_follows_symlinks_to_the_folder_holding_every_tool(path, root, tmp_path):
    real = binaries(tmp_path / "cellar" / "bin")
    (path / "initdb").symlink_to(real / "initdb")  # as /usr/local/bin/initdb on some Debian images
    done = ensure(path, root)
    assert (done.returncode, done.stdout) == (0, f"PostgreSQL for the warehouse tests: {real}\n")


def test_pg_config_bindir_is_used(path, root, tmp_path):
    real = binaries(tmp_path / "pg" / "bin")
    (path / "pg_config").write_text(f'#!/bin/sh\n[ "$1" = --bindir ] && echo "{real}"\n')
    (path / "pg_config").chmod(0o755)
    assert ensure(path, root, "--find").stdout == f"{real}\n"


def test_as_root_without_a_postgres_user_it_says_so(path, root):
    binaries(root / "usr/lib/postgresql/16/bin")
    fake_id(path, uid=0, postgres_user=False)
    done = ensure(path, root)
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1].startswith(
        "warehouse tests will be skipped: running as root, which PostgreSQL refuses, "
        "and there is no 'postgres' user to run it as"
    )
    assert ensure(path, root, ci="true").returncode != 0
    assert "no 'postgres' user" in ensure(path, root, "--find").stderr


def test_as_root_without_runuser_it_says_so(path, root):
    binaries(root / "usr/lib/postgresql/16/bin")
    fake_id(path, uid=0, postgres_user=True)
    done = ensure(path, root, "--find")
    assert done.returncode == 1
    assert done.stderr.endswith(
        "running as root, which PostgreSQL refuses, and there is no runuser "
        "to run it as 'postgres': run the tests as another user\n"
    )
    (path / "runuser").symlink_to(shutil.which("true") or "/bin/true")
    assert ensure(path, root, "--find").stdout == f"{root}/usr/lib/postgresql/16/bin\n"


def test_the_real_binaries_are_found_under_other_names_and_run(path, root):
    try:
        real = find_postgres()
    except PostgresUnavailable as missing:
        pytest.skip(f"no PostgreSQL here to link to: {missing}")
    folder = binaries(root / "opt/homebrew/opt/postgresql@99/bin", target=str(real))
    done = ensure(path, root, "--find")
    assert done.stdout == f"{folder}\n", done.stderr
    version = subprocess.run([str(folder / "psql"), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("psql (PostgreSQL)")


def test_the_fixture_skips_with_the_reason_and_fails_under_ci(path, root, monkeypatch):
    monkeypatch.setenv("PATH", str(path))
    monkeypatch.setenv("POSTGRES_SEARCH_ROOT", str(root))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"^warehouse tests skipped: PostgreSQL not found"):
        require_postgres()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"^warehouse tests cannot run under CI: PostgreSQL not"):
        require_postgres()
    binaries(root / "usr/lib/postgresql/16/bin")
    assert require_postgres() == root / "usr/lib/postgresql/16/bin"
