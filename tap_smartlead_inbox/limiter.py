"""The one request-rate limiter of a run, shared by every stream and worker.

Requests are spaced evenly at the current rate, so no sliding window of any length
sees more than the rate allows. The rate starts at the configured ``rps`` and adapts
when the server answers 429, so nobody has to know their plan's number:

- a lone 429 among accepted answers (another integration's burst on a shared key, a
  glitch) is evidence of nothing: it is counted, and nobody pauses;
- on a run of 429s (three among six answers), a rate is being enforced: the limiter
  measures what the server really let through since the last one (requests sent
  and not refused / (time elapsed + the wait it asked for)). Far under the current
  rate, that is the plan's limit: it settles just under it. Right after a probe
  upward, the probe overshot: it steps back and probes less often. Otherwise the
  429 was a one-off: everyone pauses, the rate stays;
- after every quiet stretch it probes upward by a few percent, never above ``rps``;
- every caller waits out the pause the server asked for, not only the one that got
  it, including callers already waiting for a slot. A long pause (an hourly budget
  used up) is waited out the same way, and teaches nothing about the rate.
"""

from __future__ import annotations

import contextlib
import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Protocol, runtime_checkable

LOGGER = logging.getLogger("tap_smartlead_inbox.limiter")

# Spacing a little wider than 1/rate keeps a server that counts "10 per 2 s" over a
# sliding window from seeing an 11th request, even with 40 ms of arrival jitter. A
# rarer jitter costs one lone 429, which is sent again at the next slot.
SAFETY_MARGIN = 1.02
# Settle this far under the rate the server was measured to allow.
SETTLE_FACTOR = 0.95
# A 429 after fewer accepted requests than this says too little to re-measure.
MIN_SAMPLE = 5
PROBE_INTERVAL = 10.0
MAX_PROBE_INTERVAL = 160.0
PROBE_STEP = 1.02  # the first step after a change; each quiet probe doubles it
MAX_PROBE_STEP = 1.25
MIN_RATE = 0.05
# A 429 whose measurement is under this share of the current rate reveals the plan;
# a one-off 429 after a long quiet stretch measures close to the rate and changes nothing.
PLAN_EVIDENCE = 0.75
# Two such measurements in a row, this close to each other, are a plan, not bad luck.
CONSISTENT = 0.35
# A limit refuses every request that arrives until it frees, so its 429s come in runs;
# a stray one comes alone. This many 429s among the last RECENT_ANSWERS answers (this
# one included) show a rate being enforced: 5% stray 429s meet it about 2% of the time.
RECENT_ANSWERS = 6
ENFORCED_REFUSALS = 3


@runtime_checkable
class Limiter(Protocol):
    """What the transport needs of a limiter: the contract ``RateLimiter`` keeps.

    The pause contract: on a 429 the transport does not sleep. It tells the limiter,
    and when ``note_rate_limited`` returns True (or ``pause_for`` is called) the
    limiter holds *every* caller until the pause ends, callers already blocked in
    ``acquire`` included, who book a new slot after it. A limiter that only delayed
    the caller that saw the 429 would let every other worker keep sending into an
    enforced limit: a retry storm, each refusal making the next one likelier.
    """

    @property
    def rate(self) -> float:
        """Requests a second now allowed (the configured rps, or what was learned)."""
        ...

    @property
    def waited(self) -> float:
        """Seconds callers spent blocked in ``acquire``, summed over callers."""
        ...

    def acquire(self, *, ahead: bool = False) -> None:
        """Block until this caller may send one request; ``ahead`` (a retry) takes the
        next free slot before callers still waiting."""
        ...

    def record_accepted(self) -> None:
        """The server took a request (any answer but a rate-limit refusal)."""
        ...

    def note_rate_limited(self, wait: float) -> bool:
        """A refusal that asked for ``wait`` seconds. True: a rate is enforced and
        everyone now waits (the caller logs it); False: a lone refusal, and only that
        request goes again, at the next slot."""
        ...

    def pause_for(self, wait: float) -> bool:
        """Everyone waits ``wait`` seconds, learning nothing. True when this moves the
        end of the pause, so the caller announces it once."""
        ...


class RateLimiter:
    """The ``Limiter`` of a run (see the module docstring for how the rate adapts)."""

    def __init__(
        self,
        rps: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.max_rate = self.rate = rps
        self._clock = clock
        self._sleep = sleep or time.sleep
        self._lock = threading.Lock()
        self._next_slot = clock()
        self._pauses = 0  # how many pauses began; a caller booked before one books again
        self._cycle_start: float | None = None  # set by the first request
        self._last_change = clock()
        self._probe_interval = PROBE_INTERVAL
        self._rate_before_probe: float | None = None
        self._probe_step = PROBE_STEP
        self._suspected: float | None = None  # a low measurement waiting for a second one
        self._sent = 0  # requests sent since the cycle began...
        self._booked: deque[float] = deque()  # ...and slots granted, maybe not yet reached
        self._refused = 0
        self._recent: deque[bool] = deque(maxlen=RECENT_ANSWERS)  # True: refused
        self._paused_until = clock()
        self._last_grant = -math.inf
        self._ahead_next = -math.inf  # the slot after the last one taken ahead
        self.waited = 0.0

    def acquire(self, *, ahead: bool = False) -> None:
        """Block until this caller may send one request. A caller ``ahead`` (a retry)
        takes the next free slot before callers still waiting, who book again one slot
        later: a failed page must not queue behind requests sent on speculation."""
        while True:
            with self._lock:
                now = self._clock()
                if self._cycle_start is None:
                    self._cycle_start = self._last_change = now
                slot = self._slot_ahead(now) if ahead else max(now, self._next_slot)
                self._next_slot = max(self._next_slot, slot + self._interval())
                self._booked.append(slot)
                pauses, delay = self._pauses, slot - now
                self.waited += max(0.0, delay)
            if delay > 0:
                self._sleep(delay)
            with self._lock:
                if self._pauses != pauses:
                    self._unbook(slot)
                    continue  # a pause began (or a retry went ahead) while this caller waited
                # A caller woken late must not leave less than one interval to the next
                # send, or a sliding window could see two requests too close together.
                now = self._clock()
                self._next_slot = max(self._next_slot, now + self._interval())
                self._last_grant = now
                return

    def _slot_ahead(self, now: float) -> float:
        """The first slot after the last one granted (and any pause); callers waiting for
        later slots book again after it."""
        slot = max(now, self._last_grant + self._interval(), self._ahead_next, self._paused_until)
        if slot < self._next_slot:
            self._pauses += 1
            self._next_slot = slot + self._interval()
        self._ahead_next = slot + self._interval()
        return slot

    def _unbook(self, slot: float) -> None:
        with contextlib.suppress(ValueError):  # already gone if a 429 cleared the bookings
            self._booked.remove(slot)

    def record_accepted(self) -> None:
        """The server took a request (any answer but 429); probe upward after a quiet stretch."""
        with self._lock:
            self._recent.append(False)
            now = self._clock()
            if self.rate < self.max_rate and now - self._last_change >= self._probe_interval:
                if self._rate_before_probe is not None:  # the last probe held: be bolder
                    self._probe_step = min(MAX_PROBE_STEP, 1 + 2 * (self._probe_step - 1))
                self._rate_before_probe = self.rate
                self._set_rate(min(self.max_rate, self.rate * self._probe_step), now)

    def note_rate_limited(self, wait: float) -> bool:
        """A 429 that asked for ``wait`` seconds. If it shows a rate being enforced (other
        429s came just before it), pause everyone and re-measure, and return True; a lone
        one is only counted, and the caller retries that request alone."""
        with self._lock:
            self._recent.append(True)
            if sum(self._recent) < ENFORCED_REFUSALS:
                self._refused += 1
                return False
        self.record_rate_limited(wait)
        return True

    def pause_for(self, wait: float) -> bool:
        """Everyone waits ``wait`` seconds (a budget used up, a server away); nothing is
        learned. True when this moves the end of the pause, so the caller announces it once."""
        with self._lock:
            now = self._clock()
            later = now + wait > self._paused_until + 1.0
            self._booked.clear()
            self._sent = self._refused = 0
            self._cycle_start = now + wait
            self._last_change = max(self._last_change, now + wait)
            self._pause(now + wait)
            return later

    def record_rate_limited(self, wait: float) -> None:
        """A rate is being enforced and the server asked for ``wait`` seconds: pause
        everyone, re-measure."""
        with self._lock:
            now = self._clock()
            self._refused += 1
            # Requests still on their way were let in on arrival, so they count as
            # allowed: counting only answered ones would undercount by rate x latency.
            self._count_sent(now)
            allowed = self._sent - self._refused
            if allowed >= MIN_SAMPLE and self._cycle_start is not None:
                self._adapt(allowed / (now - self._cycle_start + wait), now)
            self._sent = self._refused = 0
            self._booked.clear()
            self._cycle_start = now + wait
            self._last_change = max(self._last_change, now + wait)
            self._pause(now + wait)

    def _adapt(self, measured: float, now: float) -> None:
        suspected, self._suspected = self._suspected, None
        if self._rate_before_probe is not None and now - self._last_change < self._probe_interval:
            # The last probe went over the line: step back under it, and probe less often.
            self._settle(min(self._rate_before_probe, measured * SETTLE_FACTOR), now)
            self._probe_interval = min(MAX_PROBE_INTERVAL, self._probe_interval * 2)
        elif measured < self.rate * PLAN_EVIDENCE:
            if suspected is not None and abs(measured - suspected) <= CONSISTENT * suspected:
                self._settle(min(measured, suspected) * SETTLE_FACTOR, now)
            else:
                self._suspected = measured
        self._rate_before_probe = None

    def _settle(self, rate: float, now: float) -> None:
        self._probe_step = PROBE_STEP
        self._set_rate(max(MIN_RATE, rate), now)

    def _pause(self, until: float) -> None:
        self._pauses += 1
        self._next_slot = max(self._next_slot, until)
        self._paused_until = max(self._paused_until, until)

    def _count_sent(self, now: float) -> None:
        while self._booked and self._booked[0] <= now:
            self._booked.popleft()
            self._sent += 1

    def _interval(self) -> float:
        # The margin guards the configured rate; a learned rate is already set under
        # what the server was measured to allow.
        return (SAFETY_MARGIN if self.rate >= self.max_rate else 1.0) / self.rate

    def _set_rate(self, rate: float, now: float) -> None:
        verb = "Slowing" if rate < self.rate else "Probing"
        LOGGER.info("%s to %.2f requests/s (configured rps %g)", verb, rate, self.max_rate)
        self.rate = rate
        self._last_change = now
