"""The limiter contract the transport relies on (limiter.Limiter): a pause holds everyone.

A run of 429s pausing everyone, and a lone one pausing nobody: tests/test_rate_budgets.py.
"""

from __future__ import annotations

from tap_smartlead_inbox.limiter import Limiter, RateLimiter
from tests.conftest import FakeClock


def fake_limiter(rps: float = 5.0) -> tuple[Limiter, FakeClock]:
    clock = FakeClock()
    limiter: Limiter = RateLimiter(rps, clock=clock, sleep=clock.sleep)
    return limiter, clock


def test_the_rate_limiter_is_a_limiter():
    assert isinstance(RateLimiter(5.0), Limiter)


def test_a_pause_for_a_budget_holds_callers_and_changes_no_rate():
    limiter, clock = fake_limiter()
    limiter.acquire()
    assert limiter.pause_for(600.0) is True
    assert limiter.pause_for(10.0) is False, "an earlier end does not move the pause"
    paused_at = clock.now
    limiter.acquire()
    assert clock.now >= paused_at + 600.0
    assert limiter.rate == 5.0
    assert limiter.waited >= 600.0
