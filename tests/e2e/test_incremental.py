"""Incremental, resumable and consistent syncs: bookmarks, reply-time windows, and no lead
lost or doubled while the inbox changes under the tap."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta
from itertools import pairwise

import pytest

from tap_smartlead_inbox.core.timeutil import UTC, iso
from tests.conftest import emails_of, run_tap, tap_config, write_state
from tests.support.paths import ROOT

EPOCH = "1970-01-01T00:00:00.000Z"


def bookmark(state: dict) -> str:
    return str(state["bookmarks"]["inbox_replies"]["replication_key_value"])


def windows_read(sandbox) -> list[list[str]]:
    """The reply-time windows of the page requests, in the order first asked."""
    seen: list[list[str]] = []
    for request in sandbox.window_pages:
        between = request.body["filters"]["replyTimeBetween"]
        if request.body["limit"] > 1 and between not in seen:
            seen.append(between)
    return seen


def lead_ids(run, *, allow_empty: bool = False) -> list[str]:
    return [r["email_lead_map_id"] for r in run.records("inbox_replies", allow_empty=allow_empty)]


# --- backfill in windows ---------------------------------------------------------


def test_a_full_export_walks_windows_oldest_first_with_a_state_after_each(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=300)
    before = datetime.now(UTC)
    run = run_tap(tap_config(sandbox, window_pages=3), tmp_path)
    after = datetime.now(UTC)
    assert run.returncode == 0, run.stderr[-800:]

    assert sorted(lead_ids(run)) == sorted(lead["email_lead_map_id"] for lead in sandbox.expected())
    assert len(run.records("email_history")) == emails_of(sandbox.expected())

    windows = windows_read(sandbox)[1:]  # the first request reads the newest page of the whole span
    assert len(windows) >= 4
    assert windows[0][0] == EPOCH
    assert [w[0] for w in windows] == sorted(w[0] for w in windows), "oldest window first"
    assert all(a[1] == b[0] for a, b in pairwise(windows)), "windows meet end to end"

    written = [bookmark(s) for s in run.checkpoints()]
    assert written == sorted(written)
    assert sorted(set(written)) == [w[1] for w in windows[:-1]] + [written[-1]], "a checkpoint per window"
    assert iso(before) <= written[-1] <= iso(after), "the final bookmark is the sync start"
    assert windows[-1][1] > iso(after), "the newest window is open past the sync start"


def test_windows_hold_a_bounded_number_of_pages(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=300, shape="documented")
    run_tap(tap_config(sandbox, window_pages=3), tmp_path)
    pages = Counter(
        json.dumps(r.body["filters"]["replyTimeBetween"]) for r in sandbox.pages if r.body["limit"] > 1
    )
    whole_span = json.dumps(sandbox.pages[0].body["filters"]["replyTimeBetween"])
    del pages[whole_span]
    assert pages and max(pages.values()) <= 3 + 1, pages  # one more where a cut ties


def test_state_is_small_and_has_one_bookmark_per_stream_and_no_partitions(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=300)
    run = run_tap(tap_config(sandbox, window_pages=2), tmp_path)
    states = run.states()
    assert len(states) >= 5
    assert max(len(json.dumps(s)) for s in states) < 10_000
    final = states[-1]
    assert set(final["bookmarks"]) == {"inbox_replies", "email_history", "lead_categories"}
    assert final["bookmarks"].pop("lead_categories") == {}, "a FULL_TABLE stream keeps no bookmark"
    for stream_state in final["bookmarks"].values():
        assert stream_state == {
            "replication_key": "last_reply_time",
            "replication_key_value": bookmark(final),
        }
    assert "partitions" not in json.dumps(states) and "progress_markers" not in json.dumps(states)
    # A checkpoint before the last says when its run began, for a resumed run's sent-time pass.
    inbox_states = [s["bookmarks"].get("inbox_replies", {}) for s in states]
    last = final["bookmarks"]["inbox_replies"]["replication_key_value"]
    earlier = [b for b in inbox_states if b.get("replication_key_value", last) < last]
    started = {stream_state.get("run_started_at") for stream_state in earlier}
    assert len(earlier) >= 4 and len(started) == 1 and None not in started


def test_start_and_end_date_bound_every_window(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=300)
    config = tap_config(sandbox, window_pages=2, start_date="2025-03-01", end_date="2025-08-31")
    run = run_tap(config, tmp_path)
    for low, high in windows_read(sandbox):
        assert "2025-03-01T00:00:00.000Z" <= low <= high <= "2025-08-31T23:59:59.999Z"
    expected = sandbox.expected({"replyTimeBetween": ["2025-03-01T00:00:00Z", "2025-08-31T23:59:59.999Z"]})
    assert sorted(lead_ids(run)) == sorted(lead["email_lead_map_id"] for lead in expected)
    assert bookmark(run.states()[-1]) == "2025-08-31T23:59:59.999Z"


# --- incremental runs --------------------------------------------------------------


def test_a_second_run_returns_only_the_leads_that_changed_with_their_whole_threads(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=200)
    first = run_tap(tap_config(sandbox), tmp_path)
    changed = [lead["email_lead_map_id"] for lead in sandbox.expected()[50:53]]
    for map_id in changed:
        sandbox.inbox.add_reply(map_id)
    sandbox.log.clear()

    second = run_tap(tap_config(sandbox), tmp_path, "--state", write_state(tmp_path, first.states()[-1]))
    assert sorted(lead_ids(second)) == sorted(changed)
    assert len(sandbox.window_pages) == len(sandbox.sent_time_pages) == 1
    low, _ = sandbox.window_pages[0].body["filters"]["replyTimeBetween"]
    # The default re-check window (a day) is read again, for labels set after the reply.
    assert low == iso(datetime.fromisoformat(bookmark(first.states()[-1])) - timedelta(days=1))

    threads = Counter(r["email_lead_map_id"] for r in second.records("email_history"))
    assert threads == {m: len(sandbox.inbox.by_map_id(m)["email_history"]) for m in changed}
    old_keys = {(r["email_lead_map_id"], r["email_key"]) for r in first.records("email_history")}
    new_keys = {(r["email_lead_map_id"], r["email_key"]) for r in second.records("email_history")}
    assert len(new_keys - old_keys) == len(changed), "old emails keep their keys, so targets upsert"


def test_a_run_with_nothing_new_makes_one_page_request_a_pass_and_moves_the_bookmark(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=200)
    first = run_tap(tap_config(sandbox), tmp_path)
    sandbox.log.clear()
    second = run_tap(tap_config(sandbox), tmp_path, "--state", write_state(tmp_path, first.states()[-1]))
    assert second.records("inbox_replies", allow_empty=True) == []
    # One window by reply time, and the head of the inbox by sent time (leads we emailed).
    assert len(sandbox.window_pages) == len(sandbox.sent_time_pages) == 1
    assert bookmark(second.states()[-1]) > bookmark(first.states()[-1])


@pytest.mark.parametrize(("lookback", "found"), [("PT15M", True), ("PT0S", False)])
def test_a_reply_recorded_late_is_caught_within_the_lookback(make_sandbox, tmp_path, lookback, found):
    sandbox = make_sandbox(leads=100)
    first = run_tap(tap_config(sandbox), tmp_path)
    late = sandbox.expected()[40]["email_lead_map_id"]
    # Smartlead saw the reply after the first run, but it is dated five minutes before it.
    sandbox.inbox.add_reply(late, datetime.fromisoformat(bookmark(first.states()[-1])) - timedelta(minutes=5))
    state = write_state(tmp_path, first.states()[-1])
    config = tap_config(sandbox, lookback=lookback, recheck_window="PT0S")
    second = run_tap(config, tmp_path, "--state", state)
    assert (late in lead_ids(second, allow_empty=not found)) is found


def test_a_bookmark_past_end_date_reads_nothing(make_sandbox, tmp_path):
    sandbox = make_sandbox()
    state = {
        "bookmarks": {
            "inbox_replies": {
                "replication_key": "last_reply_time",
                "replication_key_value": "2025-12-01T00:00:00.000Z",
            }
        }
    }
    config = tap_config(sandbox, end_date="2025-06-30")
    run = run_tap(config, tmp_path, "--state", write_state(tmp_path, state))
    assert sandbox.pages == [] and run.records("inbox_replies", allow_empty=True) == []
    assert "bookmark is past end_date" in run.stderr


# --- resuming after an interruption -------------------------------------------------


def test_a_killed_backfill_resumes_from_its_last_window_and_loses_nothing(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=400, latency=0.05)
    config_file = tmp_path / "config.json"
    config_file.write_text(json.dumps(tap_config(sandbox, window_pages=2, rps=20)))
    killed = _run_until_states(config_file, states=3)
    completed = [json.loads(line)["value"] for line in killed if '"type":"STATE"' in line.replace(" ", "")]
    first_records = [
        json.loads(line)["record"]
        for line in killed
        if '"stream":"inbox_replies"' in line and '"type":"RECORD"' in line.replace(" ", "")
    ]
    last_state = completed[-1]
    requests_before = len(sandbox.pages)
    sandbox.log.clear()

    rerun = run_tap(
        tap_config(sandbox, window_pages=2, rps=20), tmp_path, "--state", write_state(tmp_path, last_state)
    )
    assert rerun.returncode == 0
    union = {r["email_lead_map_id"] for r in first_records} | set(lead_ids(rerun))
    assert union == {lead["email_lead_map_id"] for lead in sandbox.expected()}
    resumed_from = iso(datetime.fromisoformat(bookmark(last_state)) - timedelta(days=1))
    assert min(low for low, _ in windows_read(sandbox)) == resumed_from, "completed windows are skipped"
    assert requests_before > 0 and len(lead_ids(rerun)) < len(sandbox.expected())


def _run_until_states(config_file, states: int) -> list[str]:
    """Run the tap and SIGKILL it once it has written ``states`` STATE messages."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tap_smartlead_inbox", "--config", str(config_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    lines: list[str] = []
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        if sum('"type":"STATE"' in seen.replace(" ", "") for seen in lines) >= states:
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    return lines


# --- consistency while the inbox changes -------------------------------------------


@pytest.mark.parametrize(
    ("shape", "sort_by", "window_pages", "churn_pick"),
    [
        ("flat", "REPLY_TIME_DESC", 200, "lower-half"),
        ("documented", "REPLY_TIME_DESC", 3, "lower-half"),
        ("flat", "REPLY_TIME_DESC", 3, "behind"),
        ("documented", "REPLY_TIME_DESC", 3, "behind"),
        ("flat", "SENT_TIME_DESC", 3, "behind"),
    ],
)
def test_with_a_lead_jumping_to_the_top_every_other_page_nothing_is_lost_or_doubled(
    make_sandbox, tmp_path, shape, sort_by, window_pages, churn_pick
):
    # "behind": two leads just above the next page reply, so a plain offset reader skips two.
    sandbox = make_sandbox(leads=400, shape=shape, churn_every=2, churn_pick=churn_pick, churn_burst=2)
    at_start = {lead["email_lead_map_id"] for lead in sandbox.expected()}
    config = tap_config(sandbox, window_pages=window_pages, sort_by=sort_by, max_concurrency=4)
    run = run_tap(config, tmp_path)

    ids = lead_ids(run)
    assert len(ids) == len(set(ids)), "no lead is emitted twice"
    assert at_start <= set(ids), f"lost: {sorted(at_start - set(ids))[:5]}"
    email_keys = [(r["email_lead_map_id"], r["email_key"]) for r in run.records("email_history")]
    assert len(email_keys) == len(set(email_keys)), "no email row repeats"
    churned = {lead["email_lead_map_id"] for lead in sandbox.expected() if "churn" in json.dumps(lead)}
    assert churned, "the inbox changed during the run"
    if churn_pick == "behind":  # leads leave the window being read, right above the next page
        assert "Re-read" in run.stderr, "the run saw pages shift and read those stretches again"
