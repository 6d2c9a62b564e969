"""`meltano run tap-smartlead-inbox <loader>` against a sandbox, for the pipeline tests."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smartlead_sandbox import SANDBOX_KEY
from tests.conftest import check_exit
from tests.support.paths import ROOT
from tests.support.postgres_server import in_ci

# make passes a path relative to the project; some runs start elsewhere.
MELTANO = ROOT / os.environ.get("MELTANO", ".meltano-venv/bin/meltano")

needs_meltano = pytest.mark.skipif(
    not MELTANO.exists() and not in_ci(),
    reason="run `make test` to install Meltano (CI always runs this)",
)


def meltano_run(sandbox: Any, loader: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The pipeline into ``loader``, its settings and Meltano's own given by ``env``. A run
    that fails fails the test (no test expects one to: give this an expected exit then)."""
    done = subprocess.run(
        [str(MELTANO), "run", "tap-smartlead-inbox", loader, *args],
        cwd=ROOT,
        env={
            **os.environ,
            "SMARTLEAD_API_KEY": SANDBOX_KEY,
            "TAP_SMARTLEAD_INBOX_API_URL": sandbox.url,
            "TAP_SMARTLEAD_INBOX_DEFAULT_FILTERS": "false",
            "MELTANO_SEND_ANONYMOUS_USAGE_STATS": "false",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=600,
    )
    check_exit(done.returncode, 0, done.stderr)
    return done


def system_folder() -> Path:
    """Meltano's system folder for this checkout: the test process's own (tests/conftest.py)."""
    return Path(os.environ.get("MELTANO_SYS_DIR_ROOT", ROOT / ".meltano"))


def own_state(tmp_path: Path) -> dict[str, str]:
    """A Meltano system database (and so state) of the test's own, apart from the demo's."""
    return {"MELTANO_DATABASE_URI": f"sqlite:///{tmp_path / 'meltano.db'}"}


Query = Callable[[str], list[list[str]]]  # SQL in, rows of text out


def duckdb_query(path: Path) -> Query:
    """Queries through the DuckDB the loader itself runs on (the duckdb pinned in meltano.yml)."""
    python = ROOT / ".meltano" / "loaders" / "target-duckdb" / "venv" / "bin" / "python"
    script = (
        "import duckdb, json, sys\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "print(json.dumps([[str(v) for v in row] for row in con.execute(sys.argv[2]).fetchall()]))\n"
    )

    def query(sql: str) -> list[list[str]]:
        out = subprocess.run(
            [str(python), "-c", script, str(path), sql], capture_output=True, text=True, check=True
        ).stdout
        rows: list[list[str]] = json.loads(out)
        return rows

    return query
