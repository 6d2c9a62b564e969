"""The one request-rate limiter of a run, shared by every stream and worker."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

# Spacing slightly wider than 1/rps keeps a server that counts "10 per 2 s" over a
# sliding window from ever seeing an 11th request, even with arrival jitter.
SAFETY_MARGIN = 1.03


class RateLimiter:
    """Grants request slots at most ``rps`` per second, evenly spaced.

    ``pause_until`` holds every caller back when the server asks for a pause, so a
    429 seen by one worker stops all of them.
    """

    def __init__(
        self,
        rps: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._interval = SAFETY_MARGIN / rps
        self._clock, self._sleep = clock, sleep
        self._lock = threading.Lock()
        self._next_slot = clock()
        self.waited = 0.0
        self.granted = 0

    def acquire(self) -> None:
        """Block until this caller may send one request."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot)
            self._next_slot = slot + self._interval
            self.granted += 1
        delay = slot - now
        if delay > 0:
            self.waited += delay
            self._sleep(delay)

    def pause_until(self, deadline: float) -> None:
        """No slot is granted before ``deadline`` (a ``clock`` reading)."""
        with self._lock:
            self._next_slot = max(self._next_slot, deadline)
