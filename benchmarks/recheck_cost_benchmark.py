"""What the re-check window costs: requests per incremental run at 50, 500 and 5,000
replies a day.

Each scenario is an inbox whose replies arrive evenly, at that rate, over the last
three days, and an incremental run whose bookmark is one hour old (an hourly
schedule). It is run with the default re-check window (P1D), with a shorter one
(PT6H), and with none (PT0S, only the 15-minute lookback), against the sandbox
(flat shape, no total_count, no rate limit, 0.05 s a request at 20 a second: two
requests in flight, so the count does not hang on how fast this machine is).
Requests per day assume 24 such runs. tests/e2e/test_costs.py holds the P1D rows.

Run: .venv/bin/python -m benchmarks.recheck_cost_benchmark
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from smartlead_sandbox import Sandbox, SandboxConfig
from tap_smartlead_inbox.core.timeutil import UTC, iso
from tests.conftest import run_tap_process, tap_config, write_state

RATES = (50, 500, 5_000)  # replies a day
WINDOWS = ("P1D", "PT6H", "PT0S")
DAYS = 3
RPS, LATENCY = 20, 0.05


def spread_replies(sandbox: Sandbox, per_day: int, now: datetime) -> None:
    """The replied leads' last replies, evenly over the last DAYS days."""
    replied = [lead for lead in sandbox.inbox.leads if lead["last_reply_time"]]
    step = timedelta(days=1) / per_day
    for i, lead in enumerate(replied):
        lead["last_reply_time"] = iso(now - step * (i + 0.5))


def requests_per_run(per_day: int, window: str) -> tuple[int, int]:
    now = datetime.now(UTC)
    sandbox = Sandbox(SandboxConfig(leads=per_day * DAYS, rate_limit=None, latency=LATENCY)).start()
    try:
        spread_replies(sandbox, per_day, now)
        state = {
            "bookmarks": {
                "inbox_replies": {
                    "replication_key": "last_reply_time",
                    "replication_key_value": iso(now - timedelta(hours=1)),
                }
            }
        }
        with tempfile.TemporaryDirectory() as tmp:
            config = tap_config(sandbox, rps=RPS, recheck_window=window)
            run = run_tap_process(config, Path(tmp), "--state", write_state(Path(tmp), state), timeout=600)
        if run.returncode != 0:
            raise SystemExit(f"tap failed: {run.last_stderr_line}")
        return len(sandbox.log), len(run.records("inbox_replies"))
    finally:
        sandbox.stop()


def main() -> None:
    columns = ("replies a day", "recheck_window", "requests per run", "leads per run", "a day, hourly")
    print("| " + " | ".join(columns) + " |")
    print("| --- | --- | --- | --- | --- |")
    for per_day in RATES:
        for window in WINDOWS:
            requests, leads = requests_per_run(per_day, window)
            print(f"| {per_day:,} | {window} | {requests:,} | {leads:,} | {24 * requests:,} |")


if __name__ == "__main__":
    main()
