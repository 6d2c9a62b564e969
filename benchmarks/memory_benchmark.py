"""Peak memory of the tap as the inbox grows: it should stay flat.

Run: .venv/bin/python -m benchmarks.memory_benchmark
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.sandbox import SANDBOX_KEY, Sandbox, SandboxConfig

ROOT = Path(__file__).resolve().parent.parent


def peak_mb(leads: int) -> tuple[float, int]:
    sandbox = Sandbox(SandboxConfig(leads=leads, rate_limit=None)).start()
    config = {"api_key": SANDBOX_KEY, "api_url": sandbox.url, "default_filters": False, "rps": 200}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "config.json"
        path.write_text(json.dumps(config))
        # A fresh parent per size, so RUSAGE_CHILDREN sees only this tap.
        measure = (
            "import resource, subprocess, sys;"
            f"p = subprocess.run([sys.executable, '-m', 'tap_smartlead_inbox', '--config', {str(path)!r}],"
            " capture_output=True, text=True, check=True);"
            'print(p.stdout.count(\'"stream":"email_history"\'));'
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        process = subprocess.run(
            [sys.executable, "-c", measure], capture_output=True, text=True, cwd=ROOT, check=True
        )
    sandbox.stop()
    rows, kilobytes = (int(line) for line in process.stdout.split())
    return kilobytes / 1024, rows


def main() -> None:
    for leads in (500, 2000, 5000):
        mb, rows = peak_mb(leads)
        print(f"{leads:>5} replied leads, {rows:>6} Singer lines for email_history: peak RSS {mb:.0f} MB")


if __name__ == "__main__":
    main()
