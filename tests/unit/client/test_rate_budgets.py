"""Rate limits as live keys see them: lone 429s from other integrations sharing the key,
storms of them, and hourly budgets whose 429 asks for a wait of up to an hour."""

from __future__ import annotations

import heapq
import itertools
import logging
import math
import random
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

import pytest

from smartlead_sandbox import SANDBOX_KEY
from tap_smartlead_inbox.client.limiter import Limiter, RateLimiter
from tap_smartlead_inbox.client.transport import Transport, TransportStats
from tap_smartlead_inbox.config.filters import REPLY_TIME_FILTER
from tap_smartlead_inbox.core.timeutil import UTC
from tap_smartlead_inbox.reading.pages import Query, iter_pages
from tap_smartlead_inbox.run.progress import RunProgress
from tests.conftest import FakeClock, run_tap, tap_config
from tests.e2e.test_edge_faults import assert_everything_delivered
from tests.e2e.test_errors import assert_one_line_failure

INBOX = "/master-inbox/inbox-replies"


def rate_changes(caplog) -> list[str]:
    """The limiter's "Slowing to …" and "Probing to …" lines."""
    return [r.getMessage() for r in caplog.records if r.name == "tap_smartlead_inbox.client.limiter"]


# --- the limiter: evidence of a rate, not bad luck -----------------------------------


def test_lone_429s_among_accepted_answers_neither_pause_nor_slow_anyone(caplog):
    caplog.set_level(logging.INFO, logger="tap_smartlead_inbox.client.limiter")
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
    limiter.acquire()
    assert limiter.note_rate_limited(3.0) is False
    limiter.acquire()
    assert limiter.note_rate_limited(3.0) is False
    limiter.acquire()
    assert limiter.note_rate_limited(3.0) is True, "three requests in a row refused"
    before = clock.now
    limiter.acquire()
    assert clock.now >= before + 3.0


def test_a_run_is_counted_in_the_order_requests_went_out_not_answered():
    clock = FakeClock()
    limiter = RateLimiter(5.0, clock=clock, sleep=clock.sleep)
    tickets = [limiter.acquire() for _ in range(4)]
    limiter.record_accepted(tickets[0])
    assert limiter.note_rate_limited(1.0, tickets[3]) is False
    assert limiter.note_rate_limited(1.0, tickets[1]) is False
    assert limiter.note_rate_limited(1.0, tickets[2]) is True, "the refused three went out in a row"


def answered_well(requests: int) -> tuple[FakeClock, RateLimiter]:
    """A limiter at 5 a second on a fake clock, after ``requests`` accepted answers."""
    clock = FakeClock()
    limiter = RateLimiter(5.0, clock=clock, sleep=clock.sleep)
    for _ in range(requests):
        limiter.acquire()
        limiter.record_accepted()
    return clock, limiter


def test_stray_429s_close_together_never_pause_anyone(caplog):
    """Three stray 429s among five answers (the pattern once taken for an enforced rate:
    everyone waited a second), two in a row among them: while no three requests in a row
    are refused, nobody waits and nothing is learned."""
    caplog.set_level(logging.INFO, logger="tap_smartlead_inbox.client.limiter")
    clock, limiter = answered_well(20)
    for refused in [True, False, True, False, True, True, False, True] * 3:
        limiter.acquire()
        if refused:
            assert limiter.note_rate_limited(1.0) is False
        else:
            limiter.record_accepted()
    start = clock.now
    limiter.acquire()
    assert clock.now - start <= 1.02 / 5.0 + 1e-9, "no pause: only the interval"
    assert limiter.rate == 5.0 and rate_changes(caplog) == []


def test_a_lone_stray_429_leaves_the_rate_untouched(caplog):
    caplog.set_level(logging.INFO, logger="tap_smartlead_inbox.client.limiter")
    clock, limiter = answered_well(30)
    limiter.acquire()
    assert limiter.note_rate_limited(30.0) is False, "a lone 429 among accepted answers"
    start = clock.now
    for _ in range(30):
        limiter.acquire()
        limiter.record_accepted()
    assert clock.now - start == pytest.approx(29 * 1.02 / 5.0 + 1.02 / 5.0), "nobody waited its 30 s"
    assert limiter.rate == 5.0 and rate_changes(caplog) == []


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


# --- what learning a plan costs, counted on the fake clock ----------------------------

# An export on a plan slower than rps (10 requests per 5 s, said only in 429 bodies, at
# the default rps 5: export_benchmark's slower-plan scenario) may cost at most this many
# 429s in all, learning the plan included. A change that costs more must say so here.
PLAN_LEARNING_BUDGET_429 = 5
# From its first 429 on, such an export sends at least this share of the plan's rate.
PLAN_RATE_SHARE = 0.90
# Past the first minute probes go above the plan measured, each costing a 429 and each
# coming half as often as the last: a long run (1,000 requests, about 8 minutes) may cost
# at most this many in all.
LONG_RUN_BUDGET_429 = 10


class AnswerClock(FakeClock):
    """A fake clock with answers due at set times. A caller asleep in the limiter sees
    the answers that arrive meanwhile, as the answers of other workers would arrive."""

    def __init__(self) -> None:
        super().__init__()
        self._due: list[tuple[float, int, Callable[[], None]]] = []
        self._order = itertools.count()

    def at(self, when: float, answer: Callable[[], None]) -> None:
        heapq.heappush(self._due, (when, next(self._order), answer))

    def sleep(self, seconds: float) -> None:
        self.run_until(self.now + seconds)

    def run_until(self, until: float) -> None:
        while self._due and self._due[0][0] <= until:
            when, _, answer = heapq.heappop(self._due)
            self.now = max(self.now, when)
            answer()
        self.now = max(self.now, until)

    def next_answer(self) -> None:
        self.run_until(self._due[0][0])


@dataclass
class Export:
    limiter: RateLimiter
    accepted: list[float] = field(default_factory=list)  # when each accepted request arrived
    refused: int = 0  # 429s, the plan's and stray ones
    pauses: int = 0  # 429s that made everyone wait

    def rate_from_first_refusal(self, first_refusal: float) -> float:
        after = [at for at in self.accepted if at > first_refusal]
        return (len(after) - 1) / (after[-1] - after[0])


def simulate_export(
    pages: int,
    *,
    plan: tuple[int, float] | None = None,
    stray: float = 0.0,
    rps: float = 5.0,
    latency: float = 0.8,
    refusal_latency: float = 0.0,
    in_flight: int = 5,
    seed: int = 1,
) -> tuple[Export, list[float]]:
    """``pages`` requests, at most ``in_flight`` of them unanswered, each answered after
    ``latency`` seconds, through the transport's rules: a refused request goes again at
    the next slot, ahead of new ones, or after the pause when the limiter says a rate is
    enforced. The server counts ``plan`` = (requests, seconds) over a sliding window and
    refuses a request over it after ``refusal_latency``, asking for the wait rounded up to
    whole seconds (in the body, like Smartlead's); ``stray`` of the others are refused
    anyway (another integration on the key), asking for 1 s. Returns the export and when
    each of the plan's refusals came."""
    clock = AnswerClock()
    export = Export(RateLimiter(rps, clock=clock, sleep=clock.sleep))
    limiter, rng = export.limiter, random.Random(seed)
    counted: deque[float] = deque()  # what the server's window holds
    refusals: list[float] = []
    unanswered, new, retries = 0, 0, 0

    def answer(ticket: int, wait: float | None) -> None:
        nonlocal unanswered, retries
        unanswered -= 1
        if wait is None:
            limiter.record_accepted(ticket)
            return
        export.pauses += limiter.note_rate_limited(wait, ticket)
        retries += 1

    while len(export.accepted) < pages:
        clock.run_until(clock.now)
        if unanswered >= in_flight or (not retries and new >= pages):
            clock.next_answer()
            continue
        ahead = retries > 0
        retries, new = (retries - 1, new) if ahead else (retries, new + 1)
        ticket = limiter.acquire(ahead=ahead)
        at, unanswered = clock.now, unanswered + 1
        while plan and counted and counted[0] <= at - plan[1]:
            counted.popleft()
        if plan and len(counted) >= plan[0]:
            wait = max(1, math.ceil(counted[0] + plan[1] - at))
            export.refused += 1
            refusals.append(at)
            clock.at(at + refusal_latency, partial(answer, ticket, float(wait)))
            continue
        counted.append(at)
        if rng.random() < stray:
            export.refused += 1
            clock.at(at + latency, partial(answer, ticket, 1.0))
        else:
            export.accepted.append(at)
            clock.at(at + latency, partial(answer, ticket, None))
    return export, refusals


@pytest.mark.parametrize("refusal_latency", [0.0, 0.3])
@pytest.mark.parametrize("pages", [40, 150])
def test_a_slower_plan_is_learned_within_the_429_budget_and_then_kept_to(pages, refusal_latency):
    """40 requests are the 750-lead export; 150 let the steady state and the first probes
    count. A 429 comes back at once (a gateway refusal) or after 0.3 s."""
    export, refusals = simulate_export(pages, plan=(10, 5.0), refusal_latency=refusal_latency)
    assert 1 <= export.refused <= PLAN_LEARNING_BUDGET_429, refusals
    plan_rate = 10 / 5.0
    assert export.rate_from_first_refusal(refusals[0]) >= PLAN_RATE_SHARE * plan_rate
    assert export.limiter.rate <= plan_rate


def test_a_long_run_on_a_slower_plan_pays_for_its_probes_within_a_budget():
    export, refusals = simulate_export(1000, plan=(10, 5.0))
    assert export.refused <= LONG_RUN_BUDGET_429, refusals
    assert export.rate_from_first_refusal(refusals[0]) >= PLAN_RATE_SHARE * 10 / 5.0


@pytest.mark.parametrize(("plan", "share"), [((60, 60.0), 0.9), ((20, 5.0), 0.9), ((6, 2.0), 0.85)])
def test_other_plans_are_learned_within_the_429_budget_too(plan, share):
    """A minute's window (60 a minute), a plan 20% under rps, a short window whose
    whole-second waits blur the measurement: 300 requests each."""
    export, refusals = simulate_export(300, plan=plan)
    assert export.refused <= PLAN_LEARNING_BUDGET_429, refusals
    assert export.rate_from_first_refusal(refusals[0]) >= share * plan[0] / plan[1]


# Stray 429s make everyone wait only when three requests in a row draw one: at 5%,
# about once in 8,000 requests (p cubed), for the second they ask.
STRAY_PAUSES_PER_20_000 = 5


def test_stray_429s_at_five_percent_almost_never_make_everyone_wait_and_never_slow_the_rate():
    """Workers in flight, 5% of answers 429 from another integration on the key: ten runs
    of 2,000 requests."""
    pauses = 0
    for seed in range(1, 11):
        export, _ = simulate_export(2000, stray=0.05, seed=seed)
        assert export.refused >= 80
        assert export.limiter.rate == 5.0
        assert export.rate_from_first_refusal(export.accepted[0] - 1) >= 0.9 * 5.0
        pauses += export.pauses
    assert pauses <= STRAY_PAUSES_PER_20_000


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
    query = Query(INBOX, {"fetch_message_history": "true"}, {}, "REPLY_TIME_DESC", 20, REPLY_TIME_FILTER)
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
