"""When to try a request again, and how long to wait first."""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from typing import Any

BACKOFF_BASE = 1.0
BACKOFF_CAP = 60.0
# A server hint longer than this is more likely a bug than a plan; it is capped.
MAX_SERVER_WAIT = 300.0
RETRYABLE_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


def backoff_delay(attempt: int, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter for retry number ``attempt`` (1-based)."""
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1))
    return (rng or random).uniform(0, ceiling)


def server_wait(headers: Mapping[str, str], body: object, now: float | None = None) -> float | None:
    """Seconds the server asked us to wait, from any of the three ways it says so.

    ``Retry-After`` (seconds or an HTTP date), ``X-RateLimit-Reset`` (epoch seconds)
    and a JSON body ``{"error": {"retry_after": N}}``. None when it said nothing.
    """
    now = time.time() if now is None else now
    for wait in (
        _retry_after(headers.get("Retry-After"), now),
        _reset_epoch(headers.get("X-RateLimit-Reset"), now),
        _body_retry_after(body),
    ):
        if wait is not None:
            return min(max(wait, 0.0), MAX_SERVER_WAIT)
    return None


def _retry_after(value: str | None, now: float) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).timestamp() - now
    except (TypeError, ValueError, IndexError):
        return None


def _reset_epoch(value: str | None, now: float) -> float | None:
    try:
        reset = float(value) if value else None
    except ValueError:
        return None
    if reset is None:
        return None
    if reset > 1e11:  # milliseconds
        reset /= 1000
    # Small values are a count of seconds, not an epoch.
    return reset - now if reset > 1e9 else reset


def _body_retry_after(body: object) -> float | None:
    error: Any = body.get("error") if isinstance(body, Mapping) else None
    value = error.get("retry_after") if isinstance(error, Mapping) else None
    if value is None and isinstance(body, Mapping):
        value = body.get("retry_after")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None
