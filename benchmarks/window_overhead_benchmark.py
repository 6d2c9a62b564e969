"""What reply-time windows and the consistency checks cost, in requests.

A full export against the sandbox (flat shape: no total_count, so nothing is known
in advance) is compared with one plain pass over the same leads, ceil(leads / 20)
pages. The extra requests are split into: pages that overlap by one lead, probes
that size the windows, a window's last short page, requests past the end, and the
catch-up pass. A last scenario has leads replying during the run, right above the
next page, to show what the re-reads cost.

Run: .venv/bin/python -m benchmarks.window_overhead_benchmark
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

from benchmarks.export_benchmark import run_tap
from smartlead_sandbox import SandboxConfig
from tap_smartlead_inbox.core.timeutil import UTC, iso

LATENCY = 0.05


def report(name: str, sandbox_config: SandboxConfig, settings: dict[str, Any]) -> None:
    started = iso(datetime.now(UTC))
    run = run_tap(sandbox_config, {"rps": 100, **settings})
    leads = len(run.sandbox.expected())
    one_pass = math.ceil(leads / 20) + (leads % 20 == 0)
    log = run.sandbox.pages  # paging alone: the run's one GET of the category list is not a page
    probes = [r for r in log if r.body["limit"] == 1]
    catch_up = [r for r in log if r.body["limit"] > 1 and r.body["filters"]["replyTimeBetween"][0] >= started]
    sizes: dict[str, int] = {}

    def size(between: list[str]) -> int:  # leads in a window, as the inbox ended
        key = "|".join(between)
        if key not in sizes:
            sizes[key] = len(run.sandbox.expected({"replyTimeBetween": between}))
        return sizes[key]

    pages = [r for r in log if r.body["limit"] > 1]
    past_end = [r for r in pages if r.body["offset"] >= size(r.body["filters"]["replyTimeBetween"])]
    windows = re.search(r"in (\d+) reply-time windows", run.stderr)
    rereads = re.search(r"Re-read (\d+) stretches", run.stderr)
    extra = len(log) - one_pass
    print(f"\n{name}")
    print(f"  {leads} leads: one plain pass is {one_pass} pages; the tap made {len(log)} requests")
    print(
        f"  {windows[1] if windows else 1} windows, {len(probes)} probes, {len(past_end)} past the end, "
        f"{len(catch_up)} catch-up requests, {rereads[1] if rereads else 0} stretches re-read; "
        f"{run.rows} email rows"
    )
    print(f"  overhead: {extra} requests = {100 * extra / one_pass:.1f}% over one pass")
    print(f"  wall {run.wall:.2f} s, export {run.export_wall:.2f} s after Python start-up")
    # Requests past the end are what any pass pays when the API gives no total_count.
    own = extra - len(past_end)
    print(f"  of which windows and checks: {own} requests = {100 * own / one_pass:.1f}%")


def main() -> None:
    for leads in (750, 5000, 20000):
        report(
            f"{leads} leads, default settings (window_pages 400)",
            SandboxConfig(leads=leads, latency=LATENCY, rate_limit=None),
            {},
        )
    report(
        "5000 leads, window_pages 20 (a checkpoint every 20 pages)",
        SandboxConfig(leads=5000, latency=LATENCY, rate_limit=None),
        {"window_pages": 20},
    )
    report(
        "5000 leads, window_pages 20, two leads reply above the next page every other page",
        SandboxConfig(
            leads=5000, latency=LATENCY, rate_limit=None, churn_every=2, churn_pick="behind", churn_burst=2
        ),
        {"window_pages": 20},
    )


if __name__ == "__main__":
    main()
