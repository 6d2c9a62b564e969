"""Peak memory of the tap as the inbox grows: it should stay flat (20,000 leads at most
1.25 x what 2,000 use).

Run: .venv/bin/python -m benchmarks.memory_benchmark
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from smartlead_sandbox import SANDBOX_KEY, Sandbox, SandboxConfig

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
    peaks: dict[int, float] = {}
    for leads in (500, 2000, 5000, 20000):
        peaks[leads], rows = peak_mb(leads)
        print(f"{leads:>5} replied leads, {rows:>6} email_history lines: peak RSS {peaks[leads]:.0f} MB")
    print(f"20,000 leads use {peaks[20000] / peaks[2000]:.2f} x the memory of 2,000 (the bound is 1.25 x)")


if __name__ == "__main__":
    main()
