"""The limiter (with a fake clock) and the retry policy."""

from __future__ import annotations

import random
from email.utils import formatdate

import pytest

from tap_smartlead_inbox.limiter import RateLimiter
from tap_smartlead_inbox.retry_policy import BACKOFF_CAP, backoff_delay, is_rate_limit, server_wait
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


def test_the_first_retry_waits_only_for_the_limiter():
    assert backoff_delay(1, random.Random(1)) == 0


def test_later_retries_back_off_with_full_jitter_under_an_exponential_ceiling():
    rng = random.Random(1)
    for attempt in range(2, 11):
        ceiling = min(BACKOFF_CAP, 2 ** (attempt - 2))
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


def test_no_hint_and_unreadable_hints_leave_the_wait_to_backoff():
    assert server_wait({}, {"message": "slow down"}, now=0) is None
    for value in ("soon", "nan", "NaN", "inf", "-inf", "1e999", "Mon, 99 Foo 2026 99:99:99 GMT", ""):
        assert server_wait({"Retry-After": value}, None, now=0) is None, value
    assert server_wait({"X-RateLimit-Reset": "never"}, None, now=0) is None
    assert server_wait({"X-RateLimit-Reset": "nan"}, None, now=0) is None
    for hint in ("later", float("nan"), float("inf"), 10**400, True, None, [30]):
        assert server_wait({}, {"error": {"retry_after": hint}}, now=0) is None, hint


def test_an_unreadable_header_falls_through_to_a_readable_hint():
    body = {"error": {"code": "RATE_LIMIT_EXCEEDED", "retry_after": 30}}
    assert server_wait({"Retry-After": "nan", "X-RateLimit-Reset": "never"}, body, now=0) == 30


def test_long_hints_are_kept_and_past_times_are_no_wait():
    assert server_wait({"Retry-After": "3600"}, None, now=0) == 3600, "an hourly budget's wait is real"
    assert server_wait({"Retry-After": "-5"}, None, now=0) == 0


@pytest.mark.parametrize(
    ("status", "headers", "text", "expected"),
    [
        (429, {}, "", True),
        (406, {}, '{"error": {"code": "RATE_LIMIT_EXCEEDED", "retry_after": 30}}', True),
        (406, {}, "Too Many Requests", True),
        (406, {"Retry-After": "30"}, "", True),
        (406, {"X-RateLimit-Remaining": "0"}, "", True),
        (406, {"X-RateLimit-Remaining": "12"}, '{"message": "Not Acceptable"}', False),
        (406, {}, '{"message": "Not Acceptable"}', False),
        (403, {"Retry-After": "30"}, "rate limit", False),
    ],
)
def test_406_is_a_rate_limit_only_when_it_says_so(status, headers, text, expected):
    assert is_rate_limit(status, headers, text) is expected
