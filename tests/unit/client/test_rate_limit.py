"""Exporting at the API's rate limit: concurrency, order, speculation and an adaptive limiter."""

from __future__ import annotations

import itertools
import logging

import pytest

from tap_smartlead_inbox.client.limiter import SETTLE_FACTOR, RateLimiter
from tap_smartlead_inbox.client.transport import TransportStats
from tap_smartlead_inbox.run.progress import RunProgress
from tests.conftest import FakeClock, ThreadClock, emails_of, run_tap, tap_config


def windows_over(arrivals: list[float], window: float) -> int:
    """The most requests any sliding window of ``window`` seconds held."""
    arrivals = sorted(arrivals)
    return max(sum(1 for t in arrivals[i:] if t < start + window) for i, start in enumerate(arrivals))


def test_default_rps_never_exceeds_ten_per_two_seconds_at_the_server(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=100, history_latency=0.3, jitter=0.2, rate_limit=(10, 2.0))
    config = tap_config(sandbox, limit_per_page=5)
    del config["rps"]  # the default, 5 per second
    run_tap(config, tmp_path)
    assert [r.status for r in sandbox.log].count(429) == 0
    assert windows_over([r.at for r in sandbox.log], 2.0) <= 10
    assert len(sandbox.pages) >= 21


def test_records_stay_in_page_order_under_concurrency(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=120, history_latency=0.05, jitter=0.4, fault_seed=5)
    run = run_tap(tap_config(sandbox, limit_per_page=5, max_concurrency=8), tmp_path)
    completion_order = [r.body["offset"] for r in sandbox.pages]  # the log is kept as answers finish
    assert completion_order != sorted(completion_order), "answers must really arrive out of order"
    expected = [lead["email_lead_map_id"] for lead in sandbox.expected()]
    assert [r["email_lead_map_id"] for r in run.records("inbox_replies")] == expected
    emails = run.records("email_history")
    assert len(emails) == emails_of(sandbox.expected())
    first_seen = list(dict.fromkeys(r["email_lead_map_id"] for r in emails))
    assert first_seen == expected


@pytest.mark.parametrize("max_concurrency", [1, 2])
def test_no_more_requests_are_out_at_once_than_max_concurrency(make_sandbox, tmp_path, max_concurrency):
    # Pages, the window probes, re-reads and the catch-up pass all share the slots.
    sandbox = make_sandbox(leads=400, latency=0.05, jitter=0.05, churn_every=2, churn_pick="behind")
    config = tap_config(sandbox, max_concurrency=max_concurrency, window_pages=3)
    run_tap(config, tmp_path)
    assert {r.body["limit"] for r in sandbox.pages} == {1, 20}, "probes and pages were both sent"
    assert len(sandbox.pages) > 20
    assert 1 <= sandbox.most_in_flight <= max_concurrency


def test_speculation_stops_within_three_requests_of_the_end(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=150, history_latency=0.5, rate_limit=(10, 2.0))
    config = tap_config(sandbox)
    del config["rps"]
    run_tap(config, tmp_path)
    span = sandbox.pages[0].body["filters"]["replyTimeBetween"]
    offsets = [r.body["offset"] for r in sandbox.pages if r.body["filters"]["replyTimeBetween"] == span]
    pages = -(-150 // 20)
    past_end = [o for o in offsets if pages * 20 <= o < 200 * 19]  # the window-sizing probe aside
    assert len(past_end) <= 3
    assert len(set(offsets)) == len(offsets), "no page is asked twice"


def test_with_total_count_the_exact_pages_are_planned(make_sandbox, tmp_path):
    sandbox = make_sandbox(shape="documented", leads=200, history_latency=0.2)
    run_tap(tap_config(sandbox), tmp_path)
    span = sandbox.pages[0].body["filters"]["replyTimeBetween"]
    offsets = sorted(
        r.body["offset"]
        for r in sandbox.pages
        if r.body["filters"]["replyTimeBetween"] == span and r.body["limit"] > 1  # not the window probe
    )
    # No filter a lead can leave, so pages do not overlap; total_count is known from the first
    # page, so past it requests go one at a time: one page (empty) shows the end.
    assert offsets == list(range(0, 201, 20))


def test_a_slower_plan_is_learned_from_429_bodies(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=150, history_latency=0.1, rate_limit=(6, 2.0), rate_limit_hint="body")
    config = tap_config(sandbox, limit_per_page=5)
    del config["rps"]
    run = run_tap(config, tmp_path)
    assert len(run.records("inbox_replies")) == 150
    refused = [r for r in sandbox.log if r.status == 429]
    # A lone 429 is sent again at once; it takes a run of three to show the plan.
    assert 1 <= len(refused) <= 8
    assert "Slowing to" in run.stderr


def simulate_plan(limit: int, window: float, requests: int, rps: float = 5.0):
    """Drive the limiter against a sliding-window server; return (rate, 429 count, arrivals)."""
    clock = FakeClock()
    limiter = RateLimiter(rps, clock=clock, sleep=clock.sleep)
    accepted: list[float] = []
    refused = 0
    while len(accepted) < requests:
        limiter.acquire()
        recent = [t for t in accepted if t > clock.now - window]
        if len(recent) >= limit:
            refused += 1
            wait = float(int(recent[0] + window - clock.now) + 1)  # whole seconds, like the API
            limiter.record_rate_limited(wait)
        else:
            accepted.append(clock.now)
            limiter.record_accepted()
    return limiter, refused, accepted


def test_the_limiter_settles_just_under_a_plan_it_was_never_told():
    _, refused, accepted = simulate_plan(limit=10, window=5.0, requests=200)
    assert refused <= 8  # one to learn, then a probe over the line about every half minute
    late = [t for t in accepted if t > accepted[20]]
    rate = (len(late) - 1) / (late[-1] - late[0])
    assert 0.9 * 2.0 <= rate <= 2.0
    assert windows_over(accepted, 5.0) <= 10


def test_sixty_a_minute_is_learned_too():
    _, refused, accepted = simulate_plan(limit=60, window=60.0, requests=400)
    late = [t for t in accepted if t > accepted[80]]
    rate = (len(late) - 1) / (late[-1] - late[0])
    assert 0.85 <= rate <= 1.0
    assert refused <= 10


def test_at_the_configured_rate_nothing_is_learned_and_nothing_refused():
    limiter, refused, accepted = simulate_plan(limit=10, window=2.0, requests=300)
    assert refused == 0
    assert limiter.rate == 5.0
    assert windows_over(accepted, 2.0) <= 10


def test_probing_never_goes_above_the_configured_rate():
    clock = FakeClock()
    limiter = RateLimiter(3.0, clock=clock, sleep=clock.sleep)
    for _ in range(2000):
        limiter.acquire()
        limiter.record_accepted()
    assert limiter.rate == 3.0


def test_a_short_sample_does_not_change_the_rate():
    clock = FakeClock()
    limiter = RateLimiter(5.0, clock=clock, sleep=clock.sleep)
    limiter.acquire()
    limiter.record_rate_limited(2.0)
    assert limiter.rate == 5.0
    limiter.acquire()
    assert clock.now >= 2.0, "everyone waits out the pause"


def test_settling_is_below_what_was_measured():
    limiter, _, _ = simulate_plan(limit=10, window=5.0, requests=25)  # two 429s: a plan, not luck
    assert limiter.rate <= 2.0 * SETTLE_FACTOR + 1e-9


def test_progress_is_logged_off_a_terminal_with_counts_and_eta(caplog, monkeypatch):
    monkeypatch.setattr("tap_smartlead_inbox.run.progress.LOG_INTERVAL", 0.0)
    stats = TransportStats(requests=4, rate_limited=2)  # an earlier stream's
    progress = RunProgress(stats, RateLimiter(5.0), logging.getLogger("test"), interactive=False)
    stats.requests, stats.rate_limited = 11, 3
    progress.add_total(100, 20)
    with caplog.at_level(logging.INFO):
        progress.page_done(20, 85)
        progress.page_done(20, 90)
        progress.finish(dry_run=False)
    lines = [r.getMessage() for r in caplog.records]
    assert any("2 pages, 175 email rows, 40 leads" in line and "2/5 pages" in line for line in lines)
    summary = lines[-1]
    assert summary.startswith("Summary: 175 email rows, 40 leads, 2 pages")
    assert "7 requests" in summary and "1 x 429" in summary and "waiting on the limiter" in summary


def test_the_live_bar_writes_to_stderr_only(capsys):
    progress = RunProgress(TransportStats(), RateLimiter(5.0), logging.getLogger("test"), interactive=True)
    progress.page_done(20, 80)
    progress.finish(dry_run=False)
    captured = capsys.readouterr()
    assert captured.out == ""


def test_dry_run_summary_names_both_streams(caplog):
    progress = RunProgress(TransportStats(), RateLimiter(5.0), logging.getLogger("test"), interactive=False)
    progress.page_done(3, 9)
    with caplog.at_level(logging.INFO):
        progress.finish(dry_run=True)
    assert "would get: inbox_replies 3, email_history 9; none were written" in caplog.text


def test_callers_already_waiting_for_a_slot_also_wait_out_a_pause():
    import threading

    clock = ThreadClock()
    limiter = RateLimiter(5.0, clock=clock, sleep=clock.sleep)
    grants: list[float] = []

    def caller() -> None:
        limiter.acquire()
        grants.append(clock())

    threads = [threading.Thread(target=caller) for _ in range(6)]
    for thread in threads:
        thread.start()
    clock.wait_until_sleeping(5)  # the first caller is through; the others hold later slots
    assert grants == [clock.now]
    paused_at = clock.now
    limiter.record_rate_limited(1.0)
    clock.run(threads)
    assert len(grants) == 6
    assert [at for at in grants if at < paused_at + 1.0] == [paused_at], "the five waited out the pause"
    later = sorted(grants[1:])
    assert all(b - a >= 0.2 - 1e-9 for a, b in itertools.pairwise(later)), "spaced at the rate after it"


def test_one_off_429s_do_not_drag_the_rate_to_nothing():
    import random

    clock = FakeClock()
    limiter = RateLimiter(5.0, clock=clock, sleep=clock.sleep)
    rng = random.Random(1)
    for _ in range(1000):
        limiter.acquire()
        if rng.random() < 0.05:
            limiter.record_rate_limited(1.0)
        else:
            limiter.record_accepted()
    assert limiter.rate >= 1.5


def test_a_retry_goes_ahead_of_callers_still_waiting_and_the_spacing_holds():
    import threading

    clock = ThreadClock()
    limiter = RateLimiter(5.0, clock=clock, sleep=clock.sleep)
    grants: list[tuple[float, str]] = []
    lock = threading.Lock()

    def caller(name: str, ahead: bool = False) -> None:
        limiter.acquire(ahead=ahead)
        with lock:
            grants.append((clock(), name))

    limiter.acquire()  # the first slot is taken: the waiting callers book the next ones
    waiting = [threading.Thread(target=caller, args=(f"page {i}",)) for i in range(4)]
    for thread in waiting:
        thread.start()
    clock.wait_until_sleeping(4)  # all four have booked their slots and sleep
    retry = threading.Thread(target=caller, args=("retry", True))
    retry.start()
    clock.wait_until_sleeping(5)
    clock.run([*waiting, retry])
    order = [name for _, name in sorted(grants)]
    assert order[0] == "retry", order
    times = sorted(at for at, _ in grants)
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert min(gaps) >= 0.2 - 1e-9, "going ahead never squeezes two requests closer than the rate"
