"""Odd data, counted: each kind of anomaly in the API's rows, reported in one line at the end.

The normalizer keeps whatever can be read from a row and never fails on it; this
module compares a row with what the normalizer read from it and says what it had to
make do with, so a silently partial export is visible.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from typing import Any

from tap_smartlead_inbox.client.transport import TransportStats
from tap_smartlead_inbox.inbox.normalize import FLAT_BOOLS, FLAT_INTS, FLAT_TIMES, Lead, is_documented
from tap_smartlead_inbox.mailtext.body_text import deep_html

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
DEEP_HTML = "HTML bodies nested too deep for the parser (text read flat)"
LONE_SURROGATE = "strings holding half a UTF-16 pair (replaced by U+FFFD)"


class Anomalies:
    """A count per kind of anomaly, across the run."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def note(self, kind: str, count: int = 1) -> None:
        if count:
            self.counts[kind] += count

    def check_row(self, row: object, lead: Lead | None) -> None:
        """Count what is odd in one row of either shape, given what normalizing read from it.

        A value counts as odd when the row has it but the normalized lead does not, so
        nothing is parsed twice.
        """
        if not isinstance(row, Mapping) or lead is None:
            self.note(NOT_AN_OBJECT)
            return
        if lead.key is None:
            self.note(NO_ID)
        documented = is_documented(row)
        if not documented:
            self._check_flat_fields(row, lead.fields)
        history = row.get("message_history" if documented else "email_history", [])
        if not isinstance(history, list):
            self.note(BAD_HISTORY)
            return
        self.note(BAD_EMAIL, sum(not isinstance(item, Mapping) for item in history))
        for item in lead.history:
            self.note(NO_TIME, item["time"] is None)
            self.note(NO_BODY, item["body"] is None)
            self.note(LARGE, len(item["body"] or "") > LARGE_BODY)

    def note_transport(self, stats: TransportStats) -> None:
        """What the transport repaired in the responses' text."""
        self.note(BAD_UTF8, stats.bad_utf8)
        self.note(LONE_SURROGATE, stats.lone_surrogates)

    def note_deep_html(self) -> None:
        """The bodies html_to_text read flat since this was last called: too deep for lxml."""
        self.note(DEEP_HTML, deep_html.take())

    def report(self, logger: logging.Logger) -> None:
        if self.counts:
            parts = ", ".join(f"{count} {kind}" for kind, count in self.counts.most_common())
            logger.warning("Data anomalies, read as far as possible: %s.", parts)

    def _check_flat_fields(self, row: Mapping[str, Any], fields: Mapping[str, Any]) -> None:
        for name in (*FLAT_INTS, *FLAT_BOOLS):
            self.note(WRONG_TYPE, _lost(row, fields, name))
        for name in FLAT_TIMES:
            self.note(BAD_DATE, _lost(row, fields, name))


def _lost(row: Mapping[str, Any], fields: Mapping[str, Any], name: str) -> bool:
    """The row has a value that normalizing could not read."""
    return row.get(name) not in (None, "") and fields.get(name) is None
