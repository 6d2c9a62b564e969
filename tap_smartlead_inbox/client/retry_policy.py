"""When to try a request again, and how long to wait first."""

from __future__ import annotations

import math
import random
import re
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from typing import Any

BACKOFF_BASE = 1.0
BACKOFF_CAP = 60.0
# 5xx from the API and from a CDN in front of it (520 to 524: the origin was down,
# refused, timed out or unreachable; 529: overloaded), with or without an HTML page.
RETRYABLE_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524, 529})
# 406 has been seen as Smartlead's rate-limit status; only these marks make it one.
_RATE_LIMIT_WORDS = re.compile(r"rate.?limit|too many requests|quota", re.IGNORECASE)
_RATE_LIMIT_HEADERS = ("Retry-After", "X-RateLimit-Reset")


def backoff_delay(attempt: int, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter before retry number ``attempt`` (1-based).

    The first retry goes at the limiter's next slot: the limiter already spaces every
    request, and one failed page must not hold up the pages after it. Later retries of
    the same request back off, up to BACKOFF_CAP, when the server looks down: the
    transport sends them at the next slot too while other requests are answered well.
    """
    if attempt <= 1:
        return 0.0
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 2))
    return (rng or random).uniform(0, ceiling)


def is_rate_limit(status: int, headers: Mapping[str, str], text: str) -> bool:
    """Whether an answer refuses for rate: a 429, or a 406 that says so."""
    if status == 429:
        return True
    if status != 406:
        return False
    exhausted = headers.get("X-RateLimit-Remaining", "").strip() == "0"
    return (
        exhausted
        or any(headers.get(name) for name in _RATE_LIMIT_HEADERS)
        or bool(_RATE_LIMIT_WORDS.search(text[:2000]))
    )


def server_wait(headers: Mapping[str, str], body: object, now: float | None = None) -> float | None:
    """Seconds the server asked us to wait, from any of the three ways it says so.

    ``Retry-After`` (seconds or an HTTP date), ``X-RateLimit-Reset`` (epoch seconds)
    and a JSON body ``{"error": {"retry_after": N}}``. None when it said nothing or
    nothing readable ("nan", "soon", an infinite number): the caller backs off instead.
    A time already past is a wait of 0.
    """
    now = time.time() if now is None else now
    for wait in (
        _retry_after(headers.get("Retry-After"), now),
        _reset_epoch(headers.get("X-RateLimit-Reset"), now),
        _body_retry_after(body),
    ):
        if wait is not None and math.isfinite(wait):
            return max(wait, 0.0)
    return None


def _seconds(value: str | float) -> float | None:
    """A finite number of seconds, or None ("nan", "inf", text, an int too big for a float)."""
    try:
        seconds = float(value)
    except (ValueError, OverflowError):
        return None
    return seconds if math.isfinite(seconds) else None


def _retry_after(value: str | None, now: float) -> float | None:
    if not value:
        return None
    if (seconds := _seconds(value)) is not None:
        return seconds
    try:
        return parsedate_to_datetime(value).timestamp() - now
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _reset_epoch(value: str | None, now: float) -> float | None:
    reset = _seconds(value) if value else None
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
        return _seconds(value)
    return None
