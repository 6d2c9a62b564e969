"""Export benchmark: the tap against the sandbox, measured the way SMARTLEAD_API.md measured
the replaced exporter (about 750 replied leads, 0.8 s per request, 10 requests per 2 s).

For each run it prints achieved requests per second against `rps`, wall time against
the physical limit (pages / rps + one latency), requests past the last page, 429s,
the tap's CPU time per email row and its peak memory. A fault-mix scenario adds what a
live API does (10% 5xx, 3% dropped connections, 5% cut-off bodies and 5% stray 429s
that our rate did not cause) and checks every lead arrived. A last scenario puts the
sandbox on a slower plan (10 requests per 5 s, announced only in 429 bodies) and
prints the rate the tap settles at with default settings.

A "rate limit lifted" scenario (no sandbox limit, no latency, rps 1000) is CPU-bound
and prints the tap's CPU per email row alone; --cpu-only runs just that one.

Run: .venv/bin/python -m benchmarks.export_benchmark [--leads N] [--latency S] [--cpu-only]
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smartlead_sandbox import SANDBOX_KEY, Sandbox, SandboxConfig

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    sandbox: Sandbox
    rows: int
    leads: int
    wall: float
    export_wall: float  # first request to the end of the run, without Python start-up
    cpu: float
    stderr: str

    @property
    def log(self) -> list[Any]:
        return self.sandbox.log


def run_tap(sandbox_config: SandboxConfig, tap_settings: dict[str, Any]) -> Run:
    sandbox = Sandbox(sandbox_config).start()
    config = {"api_key": SANDBOX_KEY, "api_url": sandbox.url, "default_filters": False, **tap_settings}
    with tempfile.TemporaryDirectory() as tmp:
        config_file = Path(tmp) / "config.json"
        config_file.write_text(json.dumps(config))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        started_epoch = time.time()
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
    rows = process.stdout.count('{"type":"RECORD","stream":"email_history"')
    leads = process.stdout.count('{"type":"RECORD","stream":"inbox_replies"')
    first_request = sandbox.log[0].at if sandbox.log else started_epoch
    export_wall = started_epoch + wall - first_request
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(sandbox, rows, leads, wall, export_wall, cpu, process.stderr)


def startup_cpu() -> float:
    """CPU of a run that exports nothing: Python, the SDK and one request."""
    quiet = run_tap(SandboxConfig(leads=20, rate_limit=None), {"filters": {"search": "no-such-lead"}})
    return quiet.cpu


def fetch_span(log: list[Any], leads: int) -> float:
    """From the first request's arrival to the moment the last answer the export needed
    (any request for an offset before the end) had been written."""
    needed: list[float] = [
        r.done for r in log if r.body is None or r.body["offset"] < leads or r.body["limit"] == 1
    ]  # a request without a body is the category list's GET, which the export needs too
    return max(needed) - float(log[0].at)


def report_limit_run(name: str, run: Run, rps: float, latency: float, limit: int, base_cpu: float) -> None:
    leads = len(run.sandbox.expected())
    pages = math.ceil(leads / limit)
    physical = pages / rps + latency
    # Every request that reached the server counts, answered or abandoned when the tap finished.
    past_end = sum(1 for r in run.sandbox.pages if r.body["offset"] >= leads and r.body["limit"] > 1)
    failed = sum(1 for r in run.log if r.status != 200)
    if run.leads != leads:
        sys.exit(f"{name}: the tap exited 0 with {run.leads} of {leads} leads")
    print(f"\n{name}")
    print(f"  {leads} leads, {run.rows} email rows, {pages} pages, every lead delivered")
    print(
        f"  requests: {len(run.log)} ({len(run.log) - pages} beyond the minimum; {past_end} past the last "
        f"page; {failed} failed), 429s: {sum(1 for r in run.log if r.status == 429)}"
    )
    arrivals = [r.at for r in run.log]
    sending = (len(arrivals) - 1) / (arrivals[-1] - arrivals[0]) if len(arrivals) > 1 else 0.0
    print(
        f"  achieved {sending:.2f} req/s while sending ({len(run.log) / run.export_wall:.2f} over the "
        f"whole export) against rps {rps}"
    )
    print(
        f"  wall {run.wall:.1f} s (export {run.export_wall:.1f} s after Python start-up) vs physical "
        f"limit {physical:.1f} s: {run.wall / physical:.2f}x ({run.export_wall / physical:.2f}x)"
    )
    span = fetch_span(run.log, leads)
    print(f"  fetch span (first request to the last page's answer) {span:.1f} s: {span / physical:.2f}x")
    print(
        f"  tap CPU per email row: {1000 * run.cpu / run.rows:.3f} ms all in, "
        f"{1000 * (run.cpu - base_cpu) / run.rows:.3f} ms beyond start-up ({base_cpu:.2f} s)"
    )


def report_lifted_run(leads: int, base_cpu: float) -> None:
    """The tap's CPU per email row when nothing waits: no rate limit, no latency."""
    run = run_tap(SandboxConfig(leads=leads, rate_limit=None), {"rps": 1000.0})
    if run.leads != len(run.sandbox.expected()):
        sys.exit(f"rate limit lifted: the tap exited 0 with {run.leads} leads")
    print("\nrate limit lifted (no sandbox limit, no latency, rps 1000)")
    print(f"  {run.leads} leads, {run.rows} email rows, wall {run.wall:.1f} s")
    print(
        f"  tap CPU per email row: {1000 * run.cpu / run.rows:.3f} ms all in, "
        f"{1000 * (run.cpu - base_cpu) / run.rows:.3f} ms beyond start-up ({base_cpu:.2f} s)"
    )


def report_plan_run(run: Run, plan: tuple[int, float]) -> None:
    log = run.log
    limited = [r for r in log if r.status == 429]
    accepted = [r for r in log if r.status != 429]
    plan_rate = plan[0] / plan[1]
    print(
        f"\nslower plan: {plan[0]} requests per {plan[1]:g} s, announced only in 429 bodies, default settings"
    )
    print(f"  {len(accepted)} requests accepted, {len(limited)} x 429 in {run.export_wall:.1f} s")
    if limited:
        settled = [r for r in accepted if r.at > limited[0].at]
        span = settled[-1].at - settled[0].at if len(settled) > 1 else 0
        if span:
            rate = (len(settled) - 1) / span
            print(
                f"  sustained after the first 429: {rate:.2f} req/s = {100 * rate / plan_rate:.0f}% "
                f"of the plan's {plan_rate:g} req/s"
            )
    overall = len(accepted) / run.export_wall
    print(f"  overall: {overall:.2f} req/s = {100 * overall / plan_rate:.0f}% of the plan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, default=750)
    parser.add_argument("--latency", type=float, default=0.8)
    parser.add_argument("--seed", type=int, default=1, help="the sandbox's fault seed")
    parser.add_argument("--cpu-only", action="store_true", help="only the rate-limit-lifted CPU scenario")
    args = parser.parse_args()
    base_cpu = startup_cpu()
    report_lifted_run(args.leads, base_cpu)
    if args.cpu_only:
        return
    faults: dict[str, Any] = {"p_500": 0.10, "p_drop": 0.03, "p_truncate": 0.05, "p_429": 0.05}
    scenarios: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
        ("default settings (rps 5, max_concurrency 10)", {}, {}),
        ("max_concurrency 1", {"max_concurrency": 1}, {}),
        ("fault mix: 10% 5xx, 3% dropped, 5% cut off, 5% stray 429s; defaults", {}, faults),
    ]
    for name, settings, mix in scenarios:
        sandbox = SandboxConfig(
            leads=args.leads, history_latency=args.latency, rate_limit=(10, 2.0), fault_seed=args.seed, **mix
        )
        run = run_tap(sandbox, settings)
        report_limit_run(name, run, 5.0, args.latency, 20, base_cpu)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"  peak memory of the tap: {peak_mb:.0f} MB")
    plan = (10, 5.0)
    sandbox = SandboxConfig(
        leads=args.leads, history_latency=args.latency, rate_limit=plan, rate_limit_hint="body"
    )
    report_plan_run(run_tap(sandbox, {}), plan)


if __name__ == "__main__":
    main()
