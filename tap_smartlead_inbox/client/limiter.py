"""The one request-rate limiter of a run, shared by every stream and worker.

Requests are spaced evenly at the current rate, so no sliding window of any length
sees more than the rate allows. The rate starts at the configured ``rps`` and adapts
when the server answers 429, so nobody has to know their plan's number:

- a lone 429 among accepted answers (another integration's burst on a shared key, a
  glitch) is evidence of nothing: it is counted, nobody pauses, and that request
  alone goes again at the next slot;
- a limit refuses every request that arrives until it frees, so three requests in a
  row refused (in the order they went out, whoever sent them) show a rate being
  enforced: everyone waits out the pause the server asked for, and the limiter
  measures what the server let through: the requests accepted since the last pause,
  over the time from then to the earliest moment the run's refusals said to come
  back. Far under the current rate, that is the plan's limit: it settles just under
  it at once. Right after a probe upward, the probe overshot: it steps back. Otherwise
  the run was a one-off: everyone pauses, the rate stays;
- after every quiet stretch it probes upward by a few percent, never above ``rps``,
  and for a minute after learning a plan never above the plan measured. A 429 right
  after a probe, or while above the plan measured, undoes the probe, even a lone one,
  and probing goes half as often;
- every caller waits out the pause the server asked for, not only the one that got
  it, including callers already waiting for a slot. A long pause (an hourly budget
  used up) is waited out the same way, and teaches nothing about the rate.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from typing import Protocol, runtime_checkable

LOGGER = logging.getLogger("tap_smartlead_inbox.client.limiter")

# Spacing a little wider than 1/rate keeps a server that counts "10 per 2 s" over a
# sliding window from seeing an 11th request, even with 40 ms of arrival jitter. A
# rarer jitter costs one lone 429, which is sent again at the next slot.
SAFETY_MARGIN = 1.02
# Settle this far under the rate the server was measured to allow.
SETTLE_FACTOR = 0.95
# A run of 429s after fewer accepted requests than this says too little to measure.
MIN_SAMPLE = 5
PROBE_INTERVAL = 10.0
MAX_PROBE_INTERVAL = 160.0
PROBE_STEP = 1.02  # the first step after a change; each quiet probe doubles it
MAX_PROBE_STEP = 1.25
MIN_RATE = 0.05
# A measurement under this share of the current rate reveals the plan; a one-off run
# of 429s after a quiet stretch measures close to the rate and changes nothing.
PLAN_EVIDENCE = 0.85
# A limit refuses every request that arrives until it frees; a stray 429 comes alone.
# This many requests in a row refused show a rate being enforced: 5% stray 429s meet
# it about once in 8,000 requests.
ENFORCED_REFUSALS = 3
# A measurement without such a run behind it (record_rate_limited on a lone 429) is a
# plan only under this share of the rate, and when a second one comes this close to it.
LONE_PLAN_EVIDENCE = 0.75
CONSISTENT = 0.35
# For this long after a plan is learned, probes stay under the plan measured: going
# over it costs a 429 and teaches what is known already.
PLAN_HOLD = 60.0
# Refusals further back than this many requests are forgotten.
_REMEMBERED = 64


@runtime_checkable
class Limiter(Protocol):
    """What the transport needs of a limiter: the contract ``RateLimiter`` keeps.

    The pause contract: on a 429 the transport does not sleep. It tells the limiter,
    and when ``note_rate_limited`` returns True (or ``pause_for`` is called) the
    limiter holds *every* caller until the pause ends, callers already blocked in
    ``acquire`` included, who book a new slot after it. A limiter that only delayed
    the caller that saw the 429 would let every other worker keep sending into an
    enforced limit: a retry storm, each refusal making the next one likelier.

    Every grant has a ticket, numbered in the order requests go out. An answer is
    told with its request's ticket; without one, the calling thread's last grant is
    meant (the transport sends and reads on the thread that acquired).
    """

    @property
    def rate(self) -> float:
        """Requests a second now allowed (the configured rps, or what was learned)."""
        ...

    @property
    def waited(self) -> float:
        """Seconds callers spent blocked in ``acquire``, summed over callers."""
        ...

    def acquire(self, *, ahead: bool = False) -> int:
        """Block until this caller may send one request; return its ticket. ``ahead``
        (a retry) takes the next free slot before callers still waiting."""
        ...

    def record_accepted(self, ticket: int | None = None) -> None:
        """The server took a request (any answer but a rate-limit refusal)."""
        ...

    def note_rate_limited(self, wait: float, ticket: int | None = None) -> bool:
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
        self._last_change = clock()
        self._probe_interval = PROBE_INTERVAL
        self._rate_before_probe: float | None = None
        self._probe_step = PROBE_STEP
        self._suspected: float | None = None  # a measurement waiting for a second one
        self._plan: float | None = None  # the rate the server was measured to allow...
        self._plan_until = -math.inf  # ...under which probes stay until then
        self._window = 0.0  # the seconds over which the server was seen to count
        self._tickets = 0  # requests granted so far: the next one's ticket
        self._thread = threading.local()  # .ticket: the calling thread's last grant
        self._sent_at: dict[int, float] = {}  # ticket -> when it was granted (recent ones)
        self._refusals: dict[int, float] = {}  # ticket -> when its refusal said to come back
        self._cycle_ticket = 0  # the first request since the last pause...
        self._cycle_start: float | None = None  # ...and when it could go (set by the first one)
        self._paused_until = clock()
        self._last_grant = -math.inf
        self._ahead_next = -math.inf  # the slot after the last one taken ahead
        self.waited = 0.0

    def acquire(self, *, ahead: bool = False) -> int:
        """Block until this caller may send one request, and return its ticket. A caller
        ``ahead`` (a retry) takes the next free slot before callers still waiting, who
        book again one slot later: a failed page must not queue behind requests sent on
        speculation."""
        while True:
            with self._lock:
                now = self._clock()
                if self._cycle_start is None:
                    self._cycle_start = self._last_change = now
                slot = self._slot_ahead(now) if ahead else max(now, self._next_slot)
                self._next_slot = max(self._next_slot, slot + self._interval())
                pauses, delay = self._pauses, slot - now
                self.waited += max(0.0, delay)
            if delay > 0:
                self._sleep(delay)
            with self._lock:
                if self._pauses != pauses:
                    continue  # a pause began (or a retry went ahead) while this caller waited
                # A caller woken late must not leave less than one interval to the next
                # send, or a sliding window could see two requests too close together.
                now = self._clock()
                self._next_slot = max(self._next_slot, now + self._interval())
                self._last_grant = now
                ticket, self._tickets = self._tickets, self._tickets + 1
                self._thread.ticket = ticket
                self._sent_at[ticket] = now
                self._sent_at.pop(ticket - _REMEMBERED, None)
                return ticket

    def _slot_ahead(self, now: float) -> float:
        """The first slot after the last one granted (and any pause); callers waiting for
        later slots book again after it."""
        slot = max(now, self._last_grant + self._interval(), self._ahead_next, self._paused_until)
        if slot < self._next_slot:
            self._pauses += 1
            self._next_slot = slot + self._interval()
        self._ahead_next = slot + self._interval()
        return slot

    def record_accepted(self, ticket: int | None = None) -> None:
        """The server took a request (any answer but 429); probe upward after a quiet stretch.
        (A run is refused tickets in a row, so an accepted ``ticket`` needs no note.)"""
        with self._lock:
            now = self._clock()
            if self.rate >= self.max_rate or now - self._last_change < self._probe_interval:
                return
            ceiling = min(self.max_rate, self._plan_ceiling()) if now < self._plan_until else self.max_rate
            step = self._probe_step
            if self._rate_before_probe is not None:  # the last probe held: be bolder
                step = min(MAX_PROBE_STEP, 1 + 2 * (step - 1))
                if self._plan is not None:  # and the server allows at least this much
                    self._plan = max(self._plan, self.rate * SAFETY_MARGIN)
            target = min(ceiling, self.rate * step)
            if target < self.rate * 1.005:
                return  # at the plan measured: nothing to gain until the hold ends
            self._probe_step = step
            self._rate_before_probe = self.rate
            self._set_rate(target, now)

    def note_rate_limited(self, wait: float, ticket: int | None = None) -> bool:
        """A 429 that asked for ``wait`` seconds. If the requests sent just before or after
        it were refused too (three in a row), a rate is enforced: pause everyone,
        re-measure, and return True. A lone one is only counted, and the caller retries
        that request alone; right after a probe, or above the plan measured, it also
        undoes the probe."""
        with self._lock:
            now = self._clock()
            ticket = self._ticket(ticket)
            first, last = self._refused(ticket, now, wait)
            if last - first + 1 >= ENFORCED_REFUSALS:
                self._enforced(now, ticket, first, last)
                return True
            if self._probing(now) or self.rate > self._plan_ceiling():
                self._step_back(self.rate, now)
            return False

    def pause_for(self, wait: float) -> bool:
        """Everyone waits ``wait`` seconds (a budget used up, a server away); nothing is
        learned. True when this moves the end of the pause, so the caller announces it once."""
        with self._lock:
            now = self._clock()
            later = now + wait > self._paused_until + 1.0
            self._new_cycle(now + wait)
            self._pause(now + wait)
            return later

    def record_rate_limited(self, wait: float, ticket: int | None = None) -> None:
        """A rate is being enforced and the server asked for ``wait`` seconds: pause
        everyone, re-measure. (Without three refusals in a row behind it, a measurement
        needs a second one like it to settle on.)"""
        with self._lock:
            now = self._clock()
            ticket = self._ticket(ticket)
            first, last = self._refused(ticket, now, wait)
            self._enforced(now, ticket, first, last)

    def _ticket(self, ticket: int | None) -> int:
        if ticket is not None:
            return ticket
        mine = getattr(self._thread, "ticket", None)
        return mine if mine is not None else max(0, self._tickets - 1)

    def _refused(self, ticket: int, now: float, wait: float) -> tuple[int, int]:
        """Notes that ``ticket`` was refused for ``wait`` seconds, counted from when it went
        out (the server counted from its arrival, not from when its answer came back);
        returns the first and the last ticket of the run of refused requests it belongs to."""
        self._refusals[ticket] = self._sent_at.get(ticket, now) + wait
        for old in [t for t in self._refusals if t < self._tickets - _REMEMBERED]:
            del self._refusals[old]
        first = last = ticket
        while first - 1 in self._refusals:
            first -= 1
        while last + 1 in self._refusals:
            last += 1
        return first, last

    def _enforced(self, now: float, ticket: int, first: int, last: int) -> None:
        """Requests ``first`` to ``last`` were refused: everyone waits as long as ``ticket``'s
        refusal said. What the server lets through: the requests accepted since the last
        pause, over the time from then to the earliest moment a refusal of the run said to
        come back (each wait is rounded up, to whole seconds often, so the earliest is the
        closest)."""
        until = self._refusals[ticket]
        start = self._cycle_start
        comeback = min(self._refusals[t] for t in range(first, last + 1))
        refused = sum(1 for t in self._refusals if self._cycle_ticket <= t < first)
        allowed = first - self._cycle_ticket - refused
        if allowed >= MIN_SAMPLE and start is not None and comeback > start:
            run = last - first + 1 >= ENFORCED_REFUSALS
            self._adapt(allowed / (comeback - start), comeback - start, now, run=run)
        self._new_cycle(until)
        self._pause(until)

    def _adapt(self, measured: float, window: float, now: float, *, run: bool) -> None:
        suspected, self._suspected = self._suspected, None
        if self._probing(now) or self.rate > self._plan_ceiling():
            # Without a run behind it, the measurement only undoes the probe.
            self._step_back(measured * SETTLE_FACTOR if run else self.rate, now)
        elif measured < self.rate * (PLAN_EVIDENCE if run else LONE_PLAN_EVIDENCE):
            if not run and (suspected is None or abs(measured - suspected) > CONSISTENT * suspected):
                self._suspected = measured
                return
            measured = min(measured, suspected or measured)
            # The server counts over about ``window`` seconds, so a probe is judged only
            # after a whole window at the new rate.
            self._plan, self._window = measured, window
            self._plan_until = now + max(PLAN_HOLD, window)
            self._probe_interval = max(PROBE_INTERVAL, window)
            self._settle(measured * SETTLE_FACTOR, now)
        self._rate_before_probe = None

    def _step_back(self, rate: float, now: float) -> None:
        """A probe went over the line: back to the rate before it (and under the plan
        measured, if any), and probe half as often."""
        if self._rate_before_probe is not None:
            rate = min(rate, self._rate_before_probe)
        self._probe_interval = min(max(MAX_PROBE_INTERVAL, self._window), self._probe_interval * 2)
        self._settle(min(rate, self._plan_ceiling()), now)
        self._rate_before_probe = None

    def _plan_ceiling(self) -> float:
        """The most the plan measured allows, under the margin (no limit before one is)."""
        return math.inf if self._plan is None else self._plan / SAFETY_MARGIN

    def _probing(self, now: float) -> bool:
        """Whether the last change was a probe upward, and recent."""
        return self._rate_before_probe is not None and now - self._last_change < self._probe_interval

    def _settle(self, rate: float, now: float) -> None:
        self._probe_step = PROBE_STEP
        self._set_rate(max(MIN_RATE, rate), now)

    def _new_cycle(self, start: float) -> None:
        self._cycle_ticket = self._tickets
        self._cycle_start = start
        self._last_change = max(self._last_change, start)

    def _pause(self, until: float) -> None:
        self._pauses += 1
        self._next_slot = max(self._next_slot, until)
        self._paused_until = max(self._paused_until, until)

    def _interval(self) -> float:
        # The margin guards the configured rate; a learned rate is already set under
        # what the server was measured to allow.
        return (SAFETY_MARGIN if self.rate >= self.max_rate else 1.0) / self.rate

    def _set_rate(self, rate: float, now: float) -> None:
        verb = "Slowing" if rate < self.rate else "Probing"
        LOGGER.info("%s to %.2f requests/s (configured rps %g)", verb, rate, self.max_rate)
        self.rate = rate
        self._last_change = now
