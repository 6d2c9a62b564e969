"""Odd data, counted: each kind of anomaly in the API's rows, reported in one line at the end.

The normalizer keeps whatever can be read from a row and never fails on it; this
module says what it had to make do with, so a silently partial export is visible.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from tap_smartlead_inbox.coerce import as_bool, as_id, as_int
from tap_smartlead_inbox.normalize import FLAT_BOOLS, FLAT_INTS, FLAT_TIMES, is_documented
from tap_smartlead_inbox.timeutil import parse_time

LARGE_BODY = 1_000_000  # characters

NOT_AN_OBJECT = "rows that are not objects (skipped)"
NO_ID = "rows without a lead id (skipped)"
REPEATED = "leads repeated on one page (kept once)"
BAD_HISTORY = "histories that are null or not a list (read as empty)"
BAD_EMAIL = "history items that are not objects (skipped)"
NO_TIME = "emails without a readable time (kept, time empty)"
NO_BODY = "emails without a body (kept, body empty)"
LARGE = "bodies over 1 MB (kept whole)"
WRONG_TYPE = "values of the wrong type (kept empty)"
BAD_DATE = "unreadable dates (kept empty)"
BAD_UTF8 = "responses with invalid UTF-8 (bad bytes replaced)"


class Anomalies:
    """A count per kind of anomaly, across the run."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def note(self, kind: str, count: int = 1) -> None:
        if count:
            self.counts[kind] += count

    def check_row(self, row: object) -> None:
        """Count what is odd in one row of either shape."""
        if not isinstance(row, Mapping):
            self.note(NOT_AN_OBJECT)
            return
        documented = is_documented(row)
        if as_id(row.get("campaign_lead_map_id" if documented else "email_lead_map_id")) is None:
            self.note(NO_ID)
        if not documented:
            self._check_flat_fields(row)
        key = "message_history" if documented else "email_history"
        if key in row:
            history = row[key]
            if isinstance(history, list):
                self._check_history(history, documented)
            else:
                self.note(BAD_HISTORY)

    def report(self, logger: logging.Logger) -> None:
        if self.counts:
            parts = ", ".join(f"{count} {kind}" for kind, count in self.counts.most_common())
            logger.warning("Data anomalies, read as far as possible: %s.", parts)

    def _check_flat_fields(self, row: Mapping[str, Any]) -> None:
        for name in FLAT_INTS:
            self.note(WRONG_TYPE, _wrong(row.get(name), as_int))
        for name in FLAT_BOOLS:
            self.note(WRONG_TYPE, _wrong(row.get(name), as_bool))
        for name in FLAT_TIMES:
            value = row.get(name)
            self.note(BAD_DATE, int(value not in (None, "") and parse_time(value) is None))

    def _check_history(self, history: Iterable[Any], documented: bool) -> None:
        for item in history:
            if not isinstance(item, Mapping):
                self.note(BAD_EMAIL)
                continue
            times = ("sent_at", "received_at", "time") if documented else ("time",)
            if not any(parse_time(item.get(name)) for name in times):
                self.note(NO_TIME)
            body = item.get("body", item.get("email_body")) if documented else item.get("email_body")
            if not isinstance(body, str):
                self.note(NO_BODY)
            elif len(body) > LARGE_BODY:
                self.note(LARGE)


def _wrong(value: object, read: Any) -> int:
    return int(value not in (None, "") and read(value) is None)
