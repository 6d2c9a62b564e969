"""Date-time parsing and the one text form the tap writes and sends."""

from __future__ import annotations

import re
import sys
from datetime import datetime, timedelta, timezone

import pendulum

# datetime.UTC is new in 3.11: every module of the package (and the tests) takes UTC from here.
UTC = timezone.utc

if sys.version_info >= (3, 11):
    _fromisoformat = datetime.fromisoformat
else:  # 3.10's reads only what isoformat() writes (no "Z"): this is 3.11's, backported
    from backports.datetime_fromisoformat import datetime_fromisoformat as _fromisoformat


def parse_time(value: object, *, strict: bool = False) -> datetime | None:
    """Parse a date-time (or epoch seconds/milliseconds) into an aware UTC datetime.

    ``strict`` accepts ISO 8601 only (for settings); otherwise the common email
    and HTTP formats are read too (for API data). Returns None for anything that
    is not a readable point in time; naive values are taken as UTC.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float) and not strict:
        return _from_epoch(float(value))
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        # ISO 8601 is read by the standard library, far faster than pendulum; settings
        # must be ISO (pendulum would read "14:30" as today).
        return _as_utc(_naive_as_utc(_fromisoformat(value.strip())))
    except (ValueError, OverflowError):
        if strict:
            return None
    try:
        parsed = pendulum.parse(value.strip(), tz="UTC", strict=False)
        return _as_utc(parsed)
    except (ValueError, TypeError, OverflowError):
        return None


def parse_duration(value: object) -> timedelta | None:
    """An ISO 8601 duration such as PT15M or P1D; None for anything else."""
    if not isinstance(value, str) or not value.strip().upper().startswith("P"):
        return None
    try:
        parsed = pendulum.parse(value.strip().upper())
    except (ValueError, TypeError, OverflowError):
        return None
    return timedelta(seconds=parsed.total_seconds()) if isinstance(parsed, pendulum.Duration) else None


def _naive_as_utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _as_utc(parsed: object) -> datetime | None:
    if not isinstance(parsed, datetime):
        # A bare date is midnight UTC; a time or duration alone is no point in time.
        if isinstance(parsed, pendulum.Date):
            return datetime(parsed.year, parsed.month, parsed.day, tzinfo=UTC)
        return None
    utc = parsed.astimezone(UTC)
    # A plain datetime: pendulum's own arithmetic can drop the zone.
    return datetime(utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second, utc.microsecond, UTC)


def _from_epoch(seconds: float) -> datetime | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def iso(value: datetime) -> str:
    """The form used in records and requests: UTC with milliseconds and a Z."""
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# The API's own form, which is already iso()'s: checked as a real date and kept as it is.
_CANONICAL = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")


def iso_or_none(value: object) -> str | None:
    """Normalize any readable time to :func:`iso`; None when it cannot be read."""
    if isinstance(value, str) and _CANONICAL.fullmatch(value):
        try:
            _fromisoformat(value)
            return value
        except ValueError:
            pass  # a day or hour that does not exist: the general reading decides
    parsed = parse_time(value)
    return iso(parsed) if parsed else None


def utc_now() -> datetime:
    return datetime.now(UTC)
