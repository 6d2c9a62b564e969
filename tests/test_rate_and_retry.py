"""The limiter (with a fake clock) and the retry policy."""

from __future__ import annotations

import random
from email.utils import formatdate

import pytest

from tap_smartlead_inbox.limiter import RateLimiter
from tap_smartlead_inbox.retry_policy import BACKOFF_CAP, MAX_SERVER_WAIT, backoff_delay, server_wait
from tests.conftest import FakeClock


def grant_times(limiter: RateLimiter, clock: FakeClock, n: int) -> list[float]:
    times = []
    for _ in range(n):
        limiter.acquire()
        times.append(clock.now)
    return times


@pytest.mark.parametrize("rps", [0.5, 2, 5, 10])
def test_no_sliding_window_of_one_second_holds_more_than_rps_grants(rps):
    clock = FakeClock()
    times = grant_times(RateLimiter(rps, clock=clock, sleep=clock.sleep), clock, 60)
    for i, start in enumerate(times):
        in_window = [t for t in times[i:] if t < start + 1.0]
        assert len(in_window) <= max(1, rps)


def test_ten_per_two_seconds_is_never_exceeded_at_five_per_second():
    clock = FakeClock()
    times = grant_times(RateLimiter(5, clock=clock, sleep=clock.sleep), clock, 100)
    for i, start in enumerate(times):
        assert len([t for t in times[i:] if t <= start + 2.0]) <= 10


def test_a_pause_holds_every_caller_until_its_deadline():
    clock = FakeClock()
    limiter = RateLimiter(5, clock=clock, sleep=clock.sleep)
    limiter.acquire()
    limiter.record_rate_limited(30.0)
    limiter.acquire()
    assert clock.now == pytest.approx(1030.0)
    assert limiter.waited == pytest.approx(30.0)


def test_idle_time_does_not_bank_a_burst():
    clock = FakeClock()
    limiter = RateLimiter(5, clock=clock, sleep=clock.sleep)
    limiter.acquire()
    clock.now += 100
    times = grant_times(limiter, clock, 3)
    assert times[1] - times[0] >= 0.2 and times[2] - times[1] >= 0.2


def test_backoff_is_full_jitter_under_an_exponential_ceiling():
    rng = random.Random(1)
    for attempt in range(1, 10):
        ceiling = min(BACKOFF_CAP, 2 ** (attempt - 1))
        draws = [backoff_delay(attempt, rng) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in draws)
        assert max(draws) > ceiling * 0.8 and min(draws) < ceiling * 0.2


def test_retry_after_seconds():
    assert server_wait({"Retry-After": "7"}, None, now=0) == 7


def test_retry_after_http_date():
    now = 1_750_000_000.0
    assert server_wait({"Retry-After": formatdate(now + 12, usegmt=True)}, None, now=now) == pytest.approx(
        12, abs=1
    )


def test_rate_limit_reset_epoch():
    now = 1_750_000_000.0
    assert server_wait({"X-RateLimit-Reset": str(int(now + 9))}, None, now=now) == pytest.approx(9)


def test_retry_after_in_the_body():
    body = {"error": {"code": "RATE_LIMIT_EXCEEDED", "retry_after": 30}}
    assert server_wait({}, body, now=0) == 30


def test_no_hint_and_absurd_hints():
    assert server_wait({}, {"message": "slow down"}, now=0) is None
    assert server_wait({"Retry-After": "soon"}, None, now=0) is None
    assert server_wait({"Retry-After": "86400"}, None, now=0) == MAX_SERVER_WAIT
    assert server_wait({"Retry-After": "-5"}, None, now=0) == 0
