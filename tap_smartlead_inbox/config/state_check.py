"""The state a run is given (--state), checked before any request.

A state the tap cannot use gets one line that names the state and what is wrong
with it, instead of a traceback, or worse, a run that silently reads nothing: a
bookmark later than now would make every later run start in the future. This tap
writes the sync start as its bookmark, so a bookmark more than a few minutes of
clock skew ahead of now cannot come from one of its runs.

An empty state, and the state of a stream this tap does not know, are fine.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import IO

from tap_smartlead_inbox.core.errors import StateError
from tap_smartlead_inbox.core.timeutil import iso, parse_time, utc_now
from tap_smartlead_inbox.sdk_seam import load_json

# How far ahead of this machine's clock a bookmark may be (another machine wrote it).
CLOCK_SKEW = timedelta(minutes=5)


def read_state_file(file: IO[str], source: str) -> str:
    """The text of a state file; a StateError naming ``source`` if it is not text."""
    try:
        return file.read()
    except UnicodeDecodeError as exc:
        raise StateError(source, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def parse_state(text: str, source: str) -> object:
    """Parse a state file as the singer-sdk does; a StateError naming ``source`` if it is not JSON."""
    if not text.strip():
        raise StateError(source, "empty (for a first run leave --state out, or give {})")
    try:
        state = load_json(text)
    except ValueError as exc:  # simplejson's JSONDecodeError
        raise StateError(source, f"not valid JSON ({json_error(exc)})") from None
    return state


def json_error(exc: ValueError) -> str:
    """Why a text is not JSON, and where: "Expecting value: line 1 column 1". Any other
    ValueError of the parser is an integer of more digits than Python converts."""
    msg, line, column = (getattr(exc, name, None) for name in ("msg", "lineno", "colno"))
    if msg is None:
        return "a number with too many digits to read"
    return f"{msg}: line {line} column {column}" if line is not None else str(msg)


def check_state(
    state: object, source: str, bookmarked: Collection[str], *, now: datetime | None = None
) -> None:
    """Raise a StateError naming ``source`` if the tap cannot use ``state``.

    ``bookmarked`` names the streams of this tap that keep a bookmark; the
    bookmarks of other streams are not this tap's to judge.
    """
    if not isinstance(state, dict):
        raise StateError(source, f"a state must be a JSON object, got {json_kind(state)}")
    bookmarks = state.get("bookmarks", {})
    if not isinstance(bookmarks, dict):
        raise StateError(source, f"bookmarks must be an object, got {json_kind(bookmarks)}")
    for stream, stream_state in bookmarks.items():
        if not isinstance(stream_state, dict):
            problem = f"the bookmarks of {stream} must be an object, got {json_kind(stream_state)}"
            raise StateError(source, problem)
        if stream in bookmarked:
            _check_bookmark(stream, stream_state.get("replication_key_value"), source, now or utc_now())


def _check_bookmark(stream: str, value: object, source: str, now: datetime) -> None:
    if value is None:  # no bookmark yet: the run starts from start_date
        return
    bookmark = parse_time(value, strict=True) if isinstance(value, str) else None
    if bookmark is None:
        raise StateError(source, f"bookmark of {stream} {_shown(value)} is not an ISO 8601 date-time")
    if bookmark > now + CLOCK_SKEW:
        raise StateError(
            source,
            f"the bookmark of {stream}, {value}, is later than now ({iso(now)}); "
            "it cannot come from a run of this tap: fix or remove the state",
        )


def json_kind(value: object) -> str:
    """What a JSON value is, in JSON's words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a number"


def _shown(value: object) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "...")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list | dict):
        return f"({json_kind(value)})"
    return str(value)
