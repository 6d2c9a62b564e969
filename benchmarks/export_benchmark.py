"""Export benchmark: the tap against the sandbox, measured the way SMARTLEAD_API.md measured
the replaced exporter (about 750 replied leads, 0.8 s per request, 10 requests per 2 s).

Prints wall time against the physical limit (pages / rps + one latency), requests made
past the last page, 429s, the tap's CPU time per email row and its peak memory.
Run: .venv/bin/python -m benchmarks.export_benchmark [--leads N] [--latency S]
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.sandbox import SANDBOX_KEY, Sandbox, SandboxConfig

ROOT = Path(__file__).resolve().parent.parent


def run_once(leads: int, latency: float, extra: dict[str, object]) -> dict[str, float]:
    sandbox = Sandbox(SandboxConfig(leads=leads, history_latency=latency, rate_limit=(10, 2.0))).start()
    config = {"api_key": SANDBOX_KEY, "api_url": sandbox.url, "default_filters": False, **extra}
    with tempfile.TemporaryDirectory() as tmp:
        config_file = Path(tmp) / "config.json"
        config_file.write_text(json.dumps(config))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = subprocess.run(
            [sys.executable, "-m", "tap_smartlead_inbox", "--config", str(config_file)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sandbox.stop()
    if process.returncode != 0:
        sys.exit(f"tap failed: {process.stderr.strip().splitlines()[-1]}")
    rows = sum(
        1
        for line in process.stdout.splitlines()
        if line.startswith('{"type":"RECORD","stream":"email_history"')
    )
    expected_leads = len(sandbox.expected())
    limit = int(extra.get("limit_per_page", 20))  # type: ignore[call-overload]
    pages = math.ceil(expected_leads / limit)
    ok = [r for r in sandbox.log if r.status == 200]
    past_end = sum(1 for r in ok if r.body["offset"] >= expected_leads)
    rps = float(extra.get("rps", 5.0))  # type: ignore[arg-type]
    physical = pages / rps + latency
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "leads": expected_leads,
        "rows": rows,
        "pages": pages,
        "requests": len(sandbox.log),
        "past_end": past_end,
        "rate_limited": sum(1 for r in sandbox.log if r.status == 429),
        "wall": wall,
        "physical": physical,
        "achieved_rps": len(sandbox.log) / wall,
        "cpu_ms_per_row": 1000 * cpu / max(rows, 1),
        "peak_mb": after.ru_maxrss / 1024,
    }


def report(name: str, result: dict[str, float], rps: float) -> None:
    print(f"\n{name}")
    print(f"  leads {result['leads']:.0f}, email rows {result['rows']:.0f}, pages {result['pages']:.0f}")
    print(
        f"  requests {result['requests']:.0f} ({result['past_end']:.0f} past the last page), "
        f"429s {result['rate_limited']:.0f}"
    )
    print(
        f"  wall {result['wall']:.1f} s vs physical limit {result['physical']:.1f} s "
        f"({result['wall'] / result['physical']:.2f}x); "
        f"achieved {result['achieved_rps']:.2f} req/s of rps {rps}"
    )
    print(
        f"  tap CPU {result['cpu_ms_per_row']:.3f} ms per email row; peak memory "
        f"{result['peak_mb']:.0f} MB (largest child process)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, default=750)
    parser.add_argument("--latency", type=float, default=0.8)
    args = parser.parse_args()
    for name, extra in [
        ("default settings (rps 5, max_concurrency 10)", {}),
        ("max_concurrency 1", {"max_concurrency": 1}),
    ]:
        report(name, run_once(args.leads, args.latency, extra), float(extra.get("rps", 5.0)))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
