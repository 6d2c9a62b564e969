"""The limiter (with a fake clock) and the retry policy."""

from __future__ import annotations

import itertools
import random
from email.utils import formatdate

import pytest

from tap_smartlead_inbox.client.limiter import RateLimiter
from tap_smartlead_inbox.client.request import ApiRequest
from tap_smartlead_inbox.client.retry_policy import BACKOFF_CAP, backoff_delay, is_rate_limit, server_wait
from tap_smartlead_inbox.client.transport import Transport, _Failure
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


class _MostJitter(random.Random):
    def uniform(self, a: float, b: float) -> float:
        return b


class _FailsFirst(Transport):
    """The transport with its HTTP replaced, on the limiter's fake clock: ``/bad`` fails
    (HTTP 500) its first ``failures`` times, anything else is answered well at once. With
    ``others``, another request is answered well after each failure, as other workers'
    requests are while one page fails."""

    def __init__(self, clock: FakeClock, failures: int, *, others: bool) -> None:
        self.slept: list[float] = []
        super().__init__(
            "http://api.invalid",
            "key",
            RateLimiter(5.0, clock=clock, sleep=clock.sleep),
            sleep=self.slept.append,
            rng=_MostJitter(),
        )
        self.clock, self.failures, self.others = clock, failures, others
        self.sent: list[tuple[float, str]] = []

    def _send(self, request):
        self.sent.append((self.clock.now, request.path))
        if request.path == "/bad" and sum(path == "/bad" for _, path in self.sent) <= self.failures:
            self.limiter.record_accepted()
            if self.others:
                self.send(ApiRequest("GET", "/good", {}), read=lambda payload: payload)
            return _Failure("HTTP 500")
        self.limiter.record_accepted()
        return {"ok": True}


def test_a_failed_request_goes_again_at_the_next_free_slot_while_others_are_answered():
    clock = FakeClock()
    transport = _FailsFirst(clock, failures=4, others=True)
    assert transport.send(ApiRequest("GET", "/bad", {}), read=lambda payload: payload) == {"ok": True}
    assert transport.slept == [], "no backoff while the server answers the others"
    times = [at for at, _ in transport.sent]
    assert [path for _, path in transport.sent] == ["/bad", "/good"] * 4 + ["/bad"]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert gaps == pytest.approx([1.02 / 5.0] * 8), "every request, retries included, at the next slot"


def test_a_request_backs_off_only_when_nothing_else_is_answered():
    clock = FakeClock()
    transport = _FailsFirst(clock, failures=4, others=False)
    transport.send(ApiRequest("GET", "/bad", {}), read=lambda payload: payload)
    # The first retry at the next slot; then the server looks down: 1 s, 2 s, 4 s (most jitter).
    assert transport.slept == [1.0, 2.0, 4.0]


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
