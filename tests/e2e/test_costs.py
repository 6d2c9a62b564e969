"""What each kind of run costs, in requests: part of the contract, like what it delivers.

A scheduled user pays every request out of an hourly budget shared with every other tool
on the same key (1,000 an hour on Smartlead's Standard plan). Each test names its budget
as a constant, so a change that makes a kind of run cost more fails here, and a change
that must cost more says so in its diff. Counts come from the sandbox's own request log;
no test here asserts on time.

A count can hang on timing (the requests sent past the end while the last page's answer is
on its way), so the tap runs as a process here (run_tap_process), as users run it and as the
README's figures were measured: never slowed by the sandbox it shares an interpreter with.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest

from benchmarks.recheck_cost_benchmark import requests_per_run
from tap_smartlead_inbox.core.timeutil import UTC, iso
from tests.conftest import run_tap_process, tap_config, write_state
from tests.support.doc_pages import page, section

# A full export of N replied leads: ceil(N / 20) pages, plus at most this many requests
# (the probe that sizes windows, the empty page that shows the end, requests already
# sent past it, at rps x latency here about one), plus the one read of the category list.
FULL_EXPORT_OVERHEAD = 4
CATEGORY_READS = 1
# An incremental run with nothing new: the window's first page and the head of the inbox
# by sent time (the leads we emailed since the last run).
NOTHING_NEW = 2
# A resumed backfill: the pages left after its checkpoint (less the re-check window),
# times this, plus RESUME_EXTRA.
RESUME_FACTOR = 1.15
RESUME_EXTRA = 5
# An hourly incremental run with the default re-check window (P1D): requests per run at
# 50, 500 and 5,000 replies a day, as the table in "Keeping labels current" says
# (docs/incremental-and-labels.md), within RECHECK_TOLERANCE (or one request, for the small ones).
RECHECK_PAGE = "incremental-and-labels.md"
RECHECK_COSTS = {50: 7, 500: 32, 5_000: 272}
RECHECK_TOLERANCE = 0.10


def inbox_requests(sandbox) -> int:
    return len(sandbox.requests_to("/master-inbox/inbox-replies"))


def category_reads(sandbox) -> int:
    return len(sandbox.requests_to("/leads/fetch-categories"))


@pytest.mark.parametrize("leads", [1_500, 1_537])
def test_a_full_export_costs_one_request_a_page_plus_the_full_export_overhead(make_sandbox, tmp_path, leads):
    # Without total_count the requests sent while the last page's answer is on its way go
    # past the end: about rps x latency of them. Here that is about one (the performance
    # table in docs/performance.md gives the count at 5 a second and 0.8 s a page).
    sandbox = make_sandbox(leads=leads, latency=0.05, rate_limit=None)
    run = run_tap_process(tap_config(sandbox, rps=20), tmp_path)
    assert len(run.records("inbox_replies")) == leads
    assert inbox_requests(sandbox) <= math.ceil(leads / 20) + FULL_EXPORT_OVERHEAD
    assert category_reads(sandbox) == CATEGORY_READS


def test_an_incremental_run_with_nothing_new_costs_its_documented_count(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=300, rate_limit=None)
    first = run_tap_process(tap_config(sandbox), tmp_path)
    sandbox.log.clear()
    state = write_state(tmp_path, first.states()[-1])
    second = run_tap_process(tap_config(sandbox, recheck_window="PT0S"), tmp_path, "--state", state)
    assert second.records("inbox_replies", allow_empty=True) == []
    assert inbox_requests(sandbox) == NOTHING_NEW
    assert category_reads(sandbox) == CATEGORY_READS


@pytest.mark.parametrize("window_pages", [40, 400])
def test_a_resumed_backfill_costs_what_is_left_after_its_checkpoint(make_sandbox, tmp_path, window_pages):
    sandbox = make_sandbox(leads=2_500, latency=0.05, rate_limit=None)
    now = datetime.now(UTC)
    # We emailed every lead two days ago, before the backfill began: its threads changed then.
    for lead in sandbox.inbox.leads:
        lead["last_sent_time"] = iso(now - timedelta(days=2))
    times = sorted((lead["last_reply_time"] for lead in sandbox.expected()), reverse=True)
    # A checkpoint a backfill cut short an hour ago wrote: a window's end, a fifth of the inbox past it.
    checkpoint = times[len(times) // 5]
    state = {
        "bookmarks": {
            "inbox_replies": {
                "replication_key": "last_reply_time",
                "replication_key_value": checkpoint,
                "run_started_at": iso(now - timedelta(hours=1)),
            }
        }
    }
    # Answers 0.1 s apart: on a loaded machine (make test runs three workers on two cores) answers
    # sent 25 ms apart came back out of order, and a boundary so answered is read again by design.
    config = tap_config(sandbox, rps=10, window_pages=window_pages)
    run = run_tap_process(config, tmp_path, "--state", write_state(tmp_path, state))

    reread_from = iso(datetime.fromisoformat(checkpoint) - timedelta(days=1))
    left = [t for t in times if t >= reread_from]
    assert {r["email_lead_map_id"] for r in run.records("inbox_replies")} >= {
        lead["email_lead_map_id"] for lead in sandbox.expected() if lead["last_reply_time"] >= reread_from
    }
    pages_left = math.ceil(len(left) / 20)
    assert inbox_requests(sandbox) <= pages_left * RESUME_FACTOR + RESUME_EXTRA
    # The sent-time pass reads what we emailed since the cut-short run began (a day's margin
    # before it), among leads replied before the span the windows read: nothing here, one page.
    assert len(sandbox.sent_time_pages) == 1


def test_a_resumed_backfill_still_reads_the_threads_we_emailed_since_it_was_cut_short(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=300, rate_limit=None)
    times = sorted((lead["last_reply_time"] for lead in sandbox.expected()), reverse=True)
    checkpoint = times[len(times) // 5]
    answered = next(lead for lead in sandbox.expected() if lead["last_reply_time"] < times[-10])
    answered["last_sent_time"] = iso(datetime.now(UTC) - timedelta(minutes=5))
    started = iso(datetime.now(UTC) - timedelta(hours=1))
    state = {
        "bookmarks": {
            "inbox_replies": {
                "replication_key": "last_reply_time",
                "replication_key_value": checkpoint,
                "run_started_at": started,
            }
        }
    }
    run = run_tap_process(tap_config(sandbox), tmp_path, "--state", write_state(tmp_path, state))
    assert answered["email_lead_map_id"] in {r["email_lead_map_id"] for r in run.records("inbox_replies")}
    assert "run_started_at" not in run.states()[-1]["bookmarks"]["inbox_replies"], "a completed run drops it"


@pytest.mark.slow  # the benchmark runs the tap on inboxes of up to 15,000 leads
@pytest.mark.parametrize("per_day", sorted(RECHECK_COSTS))
def test_an_hourly_incremental_run_costs_what_the_docs_table_says(per_day):
    requests, _ = requests_per_run(per_day, "P1D")
    budget = RECHECK_COSTS[per_day]
    slack = max(budget * RECHECK_TOLERANCE, 1)  # a request past the end more or less
    assert requests <= budget + slack, f"{requests} requests, the docs say {budget}"
    assert requests >= budget - slack, f"{requests} requests: update the docs' table"


def test_the_docs_table_of_recheck_costs_is_the_budget_held_here():
    """The default rows of the table users plan their hourly budget by are RECHECK_COSTS."""
    table = section(page(RECHECK_PAGE), "## Keeping labels current")
    rows = [line.split("|")[1:-1] for line in table.splitlines() if "| P1D (default) |" in line]
    documented = {int(cells[0].strip().replace(",", "")): int(cells[2].split()[0]) for cells in rows}
    assert documented == RECHECK_COSTS
