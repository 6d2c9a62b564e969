"""`make export`'s second step on the sandbox: the same inbox loaded into DuckDB and the dbt
package's marts built on it, `meltano run tap-smartlead-inbox target-duckdb dbt-duckdb:build`.

Meltano's lines (one per dbt model and test) stay off the screen unless the run fails; the
report is one line of what dbt did and one per mart with its rows."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
# A file of the demo's own: a real warehouse at target-duckdb's default path is never touched.
DATABASE = ROOT / "output" / "sandbox_demo.duckdb"
TARGET = ROOT / "transform" / "target" / "duckdb"  # the dbt-duckdb utility's target_path
SCHEMA = "smartlead_marts"  # its schema setting


def build(meltano: str, env: dict[str, str]) -> tuple[int, str]:
    """Load the sandbox (``env`` points the tap at it) into a fresh demo file and build the marts."""
    DATABASE.parent.mkdir(exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    print("Loading the same inbox into DuckDB and building the dbt marts…", file=sys.stderr, flush=True)
    env = {**env, "TARGET_DUCKDB_FILEPATH": str(DATABASE), "DBT_DUCKDB_PATH": str(DATABASE)}
    command = [meltano, "run", "--full-refresh", "--no-state-update"]
    command += ["tap-smartlead-inbox", "target-duckdb", "dbt-duckdb:build"]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    return done.returncode, done.stderr


def report() -> list[str]:
    """What dbt did, and the rows of each mart."""
    results = json.loads((TARGET / "run_results.json").read_text(encoding="utf-8"))["results"]
    kinds = Counter(r["unique_id"].split(".")[0] for r in results)
    statuses = Counter(r["status"] for r in results if r["unique_id"].startswith("test."))
    tests = ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
    lines = [f"dbt build: {kinds['model']} models, {kinds['test']} tests ({tests}), marts in {SCHEMA}:"]
    # .venv's duckdb is the loader's 1.1.3 (pyproject's report extra), so it reads the file as is.
    with duckdb.connect(str(DATABASE), read_only=True) as con:
        tables = "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1"
        for (name,) in con.execute(tables, [SCHEMA]).fetchall():
            if name.startswith("smartlead__"):
                (rows,) = con.execute(f"SELECT count(*) FROM {SCHEMA}.{name}").fetchone() or (0,)
                lines.append(f"{rows:>7} rows  {name}")
    lines.append(f"in {DATABASE.relative_to(ROOT)} (docs/dbt-package.md says what each mart answers)")
    return lines


def failed(stderr: str) -> str:
    """The end of a failed run's lines, where dbt says what broke."""
    return "\n".join(stderr.strip().splitlines()[-40:])
