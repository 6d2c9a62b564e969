"""Run the export pipeline: `meltano run tap-smartlead-inbox target-csv`.

Against Smartlead when SMARTLEAD_API_KEY is set; otherwise against the bundled
sandbox API, started here, with every replied lead exported, and then loaded into
DuckDB with the dbt package's marts built on it (scripts/export_marts.py). Ends by
printing where the CSV files are and how many rows they hold, and the marts' rows.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXPORTS = ROOT / "exports"
MELTANO = os.environ.get("MELTANO", str(ROOT / ".meltano-venv" / "bin" / "meltano"))
BANNER = "=" * 72
# Meltano says this of every run that saves no state, the environment active or not: a demo
# run would show it right after "Environment 'dev' is active". The banner says it instead.
STATELESS = b"No active environment, proceeding with stateless run!"

import export_marts  # noqa: E402  (beside this script, which Python puts first on sys.path)

from smartlead_sandbox import SANDBOX_KEY, Sandbox, SandboxConfig  # noqa: E402  (needs ROOT on sys.path)


def main() -> int:
    started = time.time()
    env = {**os.environ, "MELTANO_SEND_ANONYMOUS_USAGE_STATS": "false"}
    command = [MELTANO, "run", "tap-smartlead-inbox", "target-csv"]
    sandbox = None
    if env.get("SMARTLEAD_API_KEY"):
        print("Exporting from Smartlead with SMARTLEAD_API_KEY.", file=sys.stderr)
    else:
        sandbox = Sandbox(SandboxConfig(leads=200)).start()
        _loud(
            f"SMARTLEAD_API_KEY is not set: exporting from the SANDBOX API at {sandbox.url}\n"
            "(generated data, every replied lead, default filter off).\n"
            "This demo run keeps no state: your first real export still reads the whole inbox.\n"
            "Set SMARTLEAD_API_KEY to export your real Master Inbox."
        )
        env.update(
            {
                "SMARTLEAD_API_KEY": SANDBOX_KEY,
                "TAP_SMARTLEAD_INBOX_API_URL": sandbox.url,
                "TAP_SMARTLEAD_INBOX_DEFAULT_FILTERS": "false",
            }
        )
        # The sandbox is new each time, so no bookmark applies; and its run saves none,
        # since a bookmark saved under the pipeline's state ID would make the first real
        # export read only the last few minutes of the real inbox.
        command += ["--full-refresh", "--no-state-update"]
    marts = (0, "")
    try:
        code = _meltano(command, env)
        if code == 0 and sandbox is not None:
            marts = export_marts.build(MELTANO, env)
    finally:
        if sandbox:
            sandbox.stop()
    if code != 0:
        print(f"export failed: meltano exited {code}", file=sys.stderr)
        return code
    if marts[0] != 0:
        print(f"{export_marts.failed(marts[1])}\nmarts failed: meltano exited {marts[0]}", file=sys.stderr)
        return marts[0]
    return _report(started, sandbox)


def _meltano(command: list[str], env: dict[str, str]) -> int:
    """Meltano's run, its lines passed on as they come but for its stateless-run warning."""
    if sys.stderr.isatty():  # Meltano colours only a terminal, and now writes to a pipe (NO_COLOR wins)
        env = {"FORCE_COLOR": "1", **env}
    with subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.PIPE) as meltano:
        assert meltano.stderr is not None
        for line in meltano.stderr:
            if STATELESS not in line:
                sys.stderr.buffer.write(line)
                sys.stderr.buffer.flush()
    return meltano.returncode


def _report(started: float, sandbox: Sandbox | None) -> int:
    files = sorted(
        p for p in EXPORTS.glob("smartlead_inbox_export_*.csv") if p.stat().st_mtime >= started - 1
    )
    if not files:
        print("export failed: no CSV was written", file=sys.stderr)
        return 1
    lines = [BANNER]
    counts = {}
    for path in files:
        with path.open(newline="", encoding="utf-8") as handle:
            counts[path] = sum(1 for _ in csv.DictReader(handle))
        lines.append(f"{counts[path]:>7} rows  {path.relative_to(ROOT)}")
    emails = next((n for p, n in counts.items() if p.stem.endswith("email_history")), None)
    if sandbox is not None and emails is not None:
        expected = sum(len(lead["email_history"]) for lead in sandbox.expected())
        verdict = "OK" if expected == emails else "MISMATCH"
        lines.append(f"sandbox check: {emails} email rows, {expected} emails in the inbox: {verdict}")
        if expected != emails:
            print("\n".join(lines), file=sys.stderr)
            return 1
        lines += export_marts.report()
    lines.append(BANNER)
    print("\n".join(lines))
    return 0


def _loud(message: str) -> None:
    print(f"{BANNER}\n{message}\n{BANNER}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
