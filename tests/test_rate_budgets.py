"""Rate limits as live keys see them: lone 429s from other integrations sharing the key,
storms of them, and hourly budgets whose 429 asks for a wait of up to an hour."""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime, timedelta

import pytest

from tap_smartlead_inbox.limiter import Limiter, RateLimiter
from tap_smartlead_inbox.pages import Query, iter_pages
from tap_smartlead_inbox.progress import RunProgress
from tap_smartlead_inbox.transport import Transport, TransportStats
from tests.conftest import FakeClock, run_tap, tap_config
from tests.sandbox import SANDBOX_KEY
from tests.test_edge_faults import assert_everything_delivered
from tests.test_errors import assert_one_line_failure

INBOX = "/master-inbox/inbox-replies"


def rate_changes(caplog) -> list[str]:
    """The limiter's "Slowing to …" and "Probing to …" lines."""
    return [r.getMessage() for r in caplog.records if r.name == "tap_smartlead_inbox.limiter"]


# --- the limiter: evidence of a rate, not bad luck -----------------------------------


def test_lone_429s_among_accepted_answers_neither_pause_nor_slow_anyone(caplog):
    caplog.set_level(logging.INFO, logger="tap_smartlead_inbox.limiter")
    clock = FakeClock()
    limiter = RateLimiter(5.0, clock=clock, sleep=clock.sleep)
    rng = random.Random(3)
    lone = 0
    for _ in range(2000):
        limiter.acquire()
        if rng.random() < 0.05:
            lone += not limiter.note_rate_limited(1.0)
        else:
            limiter.record_accepted()
    assert lone >= 60, "most stray 429s come alone"
    assert limiter.rate == 5.0 and rate_changes(caplog) == []
    # 2000 requests at 5 a second (with the 4% margin), plus the few clustered pauses.
    assert clock.now - 1000 < 2000 / 5 * 1.04 + 15


def test_a_run_of_429s_pauses_everyone():
    clock = FakeClock()
    limiter = RateLimiter(5.0, clock=clock, sleep=clock.sleep)
    limiter.acquire()
    limiter.record_accepted()
    assert limiter.note_rate_limited(3.0) is False
    limiter.record_accepted()
    assert limiter.note_rate_limited(3.0) is False
    assert limiter.note_rate_limited(3.0) is True, "three 429s among six answers"
    before = clock.now
    limiter.acquire()
    assert clock.now >= before + 3.0


def test_a_pause_for_a_budget_holds_every_later_caller_and_teaches_no_rate():
    clock = FakeClock()
    limiter: Limiter = RateLimiter(5.0, clock=clock, sleep=clock.sleep)  # the transport's contract
    assert isinstance(limiter, Limiter)
    ends = [limiter.pause_for(wait) for wait in (600.0, 10.0)]
    assert ends == [True, False], "an earlier end does not move the pause"
    grants = []
    for _ in range(3):
        limiter.acquire()
        grants.append(clock.now - 1000)
    assert grants[0] >= 600.0 and grants[1] - grants[0] >= 0.2
    assert limiter.rate == 5.0 and limiter.waited >= 600.0


def test_a_plan_is_still_learned_when_each_429_is_first_retried_alone():
    """A sliding-window plan (10 per 5 s) at rps 5, one request at a time: the first 429
    of a burst is retried at once, which meets the limit again, and that one counts."""
    clock = FakeClock()
    limiter = RateLimiter(5.0, clock=clock, sleep=clock.sleep)
    accepted: list[float] = []
    while len(accepted) < 200:
        limiter.acquire()
        recent = [t for t in accepted if t > clock.now - 5.0]
        if len(recent) >= 10:
            limiter.note_rate_limited(float(int(recent[0] + 5.0 - clock.now) + 1))
        else:
            accepted.append(clock.now)
            limiter.record_accepted()
    late = [t for t in accepted if t > accepted[40]]
    rate = (len(late) - 1) / (late[-1] - late[0])
    assert 0.85 * 2.0 <= rate <= 2.0


def test_after_a_storm_the_rate_recovers_toward_rps():
    clock = FakeClock()
    limiter = RateLimiter(5.0, clock=clock, sleep=clock.sleep)
    for _ in range(3):  # a storm: every answer refused, twice, a few seconds apart
        for _ in range(12):
            limiter.acquire()
            limiter.note_rate_limited(1.0)
        for _ in range(2):
            limiter.acquire()
            limiter.record_accepted()
    for _ in range(600):  # then two minutes of quiet
        limiter.acquire()
        limiter.record_accepted()
    assert limiter.rate == 5.0


# --- end to end: storms, budgets -----------------------------------------------------


def test_a_storm_of_429s_from_another_integration_loses_nothing(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=300, latency=0.05, storm=(4, 25))
    run = run_tap(tap_config(sandbox, rps=20), tmp_path)
    assert_everything_delivered(run, sandbox)
    assert [r.status for r in sandbox.log].count(429) == 25


def test_stray_429s_are_not_learned_as_a_slower_plan(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=600, latency=0.05, p_429=0.08, fault_seed=2)
    run = run_tap(tap_config(sandbox, rps=20), tmp_path)
    assert_everything_delivered(run, sandbox)
    assert [r.status for r in sandbox.log].count(429) >= 3
    assert "Slowing to" not in run.stderr


def test_a_used_up_hourly_budget_stops_at_the_checkpoint_and_says_when_to_run_again(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=300, hourly_budget=(25, 3600.0))
    run = run_tap(tap_config(sandbox, window_pages=4, max_server_wait="PT10M"), tmp_path, expect_exit=75)
    assert_one_line_failure(run, "Smartlead asked this key to wait ", "HTTP 429", "run again after")
    assert "longer than max_server_wait (10 minutes)" in run.last_stderr_line
    assert "0 x 429" not in run.stderr, "the refusal that stopped the run is counted"
    assert run.checkpoints(), "windows read before the budget ran out are checkpointed"
    assert run.messages[-1]["type"] == "STATE", "the output ends on the last checkpoint"
    assert SANDBOX_KEY not in run.stdout + run.stderr
    assert [r.status for r in sandbox.log].count(200) == 25


@pytest.mark.slow  # waits out real seconds
def test_a_budget_wait_within_max_server_wait_is_waited_out_and_everything_arrives(make_sandbox, caplog):
    sandbox = make_sandbox(leads=200, hourly_budget=(6, 3.0))
    limiter = RateLimiter(50.0)
    # long_wait lowered from a minute so that a 3-second "hour" counts as a budget.
    transport = Transport(
        sandbox.url, SANDBOX_KEY, limiter, long_wait=1.0, max_server_wait=timedelta(seconds=30)
    )
    query = Query(INBOX, {"fetch_message_history": "true"}, {}, "REPLY_TIME_DESC", 20)
    with caplog.at_level(logging.INFO):
        pages = list(iter_pages(transport, query, 4))
    leads = [row["email_lead_map_id"] for page in pages for row in page.rows]
    assert leads == [lead["email_lead_map_id"] for lead in sandbox.expected()]
    waits = [r.getMessage() for r in caplog.records if "every request waits" in r.getMessage()]
    assert waits and "Smartlead's rate limit for this key is used up" in waits[0]
    assert transport.stats.waiting_until is not None
    assert limiter.rate == 50.0 and rate_changes(caplog) == [], "a budget teaches nothing about the rate"


def test_the_progress_line_says_until_when_the_run_waits():
    stats = TransportStats()
    progress = RunProgress(stats, RateLimiter(5.0), logging.getLogger("test"), interactive=False)
    assert "waiting" not in progress.line()
    stats.waiting_until = datetime.now(UTC) + timedelta(minutes=47)
    assert f"waiting for Smartlead until {stats.waiting_until:%H:%M:%S} UTC" in progress.line()
    stats.waiting_until = datetime.now(UTC) - timedelta(seconds=1)
    assert "waiting" not in progress.line()
