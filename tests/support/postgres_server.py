"""A throwaway PostgreSQL server for the warehouse tests: a fresh cluster in a temporary
folder, on a free port of 127.0.0.1, stopped and removed afterwards.

`scripts/ensure_postgres.sh` is the one place that knows where PostgreSQL's binaries are
(Debian, `pg_config`, PATH, Homebrew, Postgres.app): `make test` runs it to find them or
install them with apt-get, and `find_postgres` asks it (`--find`) for their folder. The
server runs as the current user; PostgreSQL refuses to run as root, so under root (CI) it
runs as the `postgres` system user the Debian package creates (the script says so when that
user is missing).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.paths import ROOT

USER = "smartlead_loader"
PASSWORD = "pg-secret-5f1d"
DATABASE = "warehouse"


ENSURE_POSTGRES = ROOT / "scripts" / "ensure_postgres.sh"
BASH = shutil.which("bash") or "/bin/bash"  # looked up once: a test may narrow PATH


class PostgresUnavailable(Exception):
    """PostgreSQL cannot run here; the message says why, in one line."""


def find_postgres() -> Path:
    """The folder of PostgreSQL's binaries, as `scripts/ensure_postgres.sh --find` finds it."""
    done = subprocess.run(
        [BASH, str(ENSURE_POSTGRES), "--find"], capture_output=True, text=True, timeout=60, check=False
    )
    if done.returncode:
        raise PostgresUnavailable(done.stderr.strip() or f"{ENSURE_POSTGRES.name} --find failed")
    return Path(done.stdout.strip())


def postgres_bin() -> Path | None:
    """The folder of PostgreSQL's binaries, if it can run here."""
    try:
        return find_postgres()
    except PostgresUnavailable:
        return None


def in_ci() -> bool:
    """As `scripts/ensure_postgres.sh` reads CI: set, and not empty, 0 or false (the pipeline
    tests read it the same way: under CI a missing Meltano fails them, never skips them)."""
    return os.environ.get("CI", "") not in ("", "0", "false", "False", "FALSE")


def require_postgres() -> Path:
    """The binaries' folder; else the warehouse tests skip, or fail under CI, which must run them."""
    try:
        return find_postgres()
    except PostgresUnavailable as missing:
        if in_ci():
            pytest.fail(f"warehouse tests cannot run under CI: {missing}")
        pytest.skip(f"warehouse tests skipped: {missing}")


@dataclass
class PostgresServer:
    bin: Path
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="pg-")))
    port: int = 0

    @property
    def env(self) -> dict[str, str]:
        """The connection as target-postgres reads it from the environment through Meltano."""
        return {
            "TARGET_POSTGRES_HOST": "127.0.0.1",
            "TARGET_POSTGRES_PORT": str(self.port),
            "TARGET_POSTGRES_USER": USER,
            "TARGET_POSTGRES_PASSWORD": PASSWORD,
            "TARGET_POSTGRES_DATABASE": DATABASE,
        }

    def start(self) -> PostgresServer:
        self.port = _free_port()
        data, password_file = self.root / "data", self.root / "password"
        password_file.write_text(PASSWORD)
        self._own(self.root)
        self._run(
            "initdb", "-D", str(data), "-U", USER, "--pwfile", str(password_file),
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync",
        )  # fmt: skip
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self.root / "log"), "-w", "start")
        self.sql(f"CREATE DATABASE {DATABASE}", database="postgres")
        return self

    def stop(self) -> None:
        if (self.root / "data" / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def sql(self, query: str, database: str = DATABASE) -> list[list[str]]:
        """Rows of a query, as text, through psql over the local socket."""
        out = self._run(
            "psql", "-h", str(self.root), "-p", str(self.port), "-U", USER, "-d", database,
            "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", query,
        )  # fmt: skip
        return [line.split("\t") for line in out.splitlines()]

    def _run(self, tool: str, *args: str) -> str:
        command = [str(self.bin / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd="/", timeout=120)
        if done.returncode:
            raise RuntimeError(f"{tool} failed: {done.stderr.strip() or done.stdout.strip()}")
        return done.stdout

    def _own(self, path: Path) -> None:
        if os.geteuid() == 0:
            shutil.chown(path, "postgres", "postgres")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
