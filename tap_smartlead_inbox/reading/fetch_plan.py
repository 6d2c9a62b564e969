"""The fetch plan of a run: the span of reply times to read and its windows, oldest first.

A window is a slice of the rows' time (for the inbox, `replyTimeBetween`). Windows are
read oldest first, so a completed window is a checkpoint: every lead whose last reply
is up to its end has been emitted. The newest window is read last and reaches past the
sync start: a lead that gets a new reply during the run moves into it rather than out
of reach.

Windows are sized by rank, not by guessing: one-row probes into the span, sorted
newest reply first, at offsets M, 2M, ... return the reply times that cut it into
windows of about M leads. With total_count the probes are planned exactly; without
it they stop at the first empty one.

Leads and reply times are the inbox's rows and their time: any list is read the same
way with its own RowIdentity (see rows.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from itertools import pairwise
from threading import Event
from typing import TypeVar

from tap_smartlead_inbox.client.transport import Transport
from tap_smartlead_inbox.core.timeutil import iso
from tap_smartlead_inbox.reading.pages import Page, Query, iter_pages
from tap_smartlead_inbox.reading.rows import RowIdentity

# The newest window asks up to this far past the sync start, so that leads replying
# during the run stay in it (and move to its top) instead of leaving it.
OPEN_END = timedelta(days=1)

Item = TypeVar("Item")

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Span:
    """The reply times one run reads, and the moment it started."""

    start: datetime
    end: datetime
    sync_start: datetime
    incremental: bool = False  # starts from a bookmark: little is expected

    @property
    def open(self) -> bool:
        """Whether it reaches past the sync start, so leads replying during the run stay in it."""
        return self.end > self.sync_start

    @property
    def bookmark(self) -> datetime:
        """Where the next run starts once this one completes."""
        return min(self.end, self.sync_start)


@dataclass(frozen=True)
class Window:
    """One reply-time slice, both ends included."""

    start: datetime
    end: datetime
    expected_rows: int | None = None  # measured by the probes; None when unknown
    open: bool = False  # the newest window, reaching past the sync start
    # The open window of a run's span: when the run began. A row whose time is later
    # moved during the run (it moved to the top of this window).
    sync_start: datetime | None = None


def plan_windows(
    transport: Transport,
    rows: RowIdentity[Item],
    query: Query,
    span: Span,
    rows_per_window: int,
    split: Event | None = None,
) -> list[Window]:
    """Windows oldest first for ``query`` over ``span``, cut by probes. ``split`` is set
    as soon as the first probe shows the span needs more than one window."""
    cuts = _probe_cuts(transport, rows, query, rows_per_window, split)
    edges = [span.start, *sorted({c for c in cuts if span.start < c < span.end}), span.end]
    # The oldest window holds what is left below the last cut: its size is unknown.
    windows = [Window(low, high, rows_per_window) for low, high in pairwise(edges)]
    windows[0] = replace(windows[0], expected_rows=None)
    windows[-1] = replace(windows[-1], open=span.open, sync_start=span.sync_start if span.open else None)
    if len(windows) > 1:
        logger.info(
            "Reading the inbox in %d reply-time windows of about %d leads each, oldest first, from %s to %s.",
            len(windows),
            rows_per_window,
            iso(span.start),
            iso(span.bookmark),
        )
    return windows


def needs_probes(query: Query, first: Page, rows_per_window: int) -> bool:
    """Whether the span's size is unknown after its first page."""
    if len(first.rows) < query.limit:
        return False
    return first.total_count is None or first.total_count > rows_per_window


def _probe_cuts(
    transport: Transport, rows: RowIdentity[Item], query: Query, every: int, split: Event | None
) -> list[datetime]:
    """The times (those windows cut) at ranks every, 2 x every, ... of the span."""
    # Sorted by the time windows cut, whatever order the pages come in.
    probe = replace(query, sort_by=rows.window_sort, limit=1)
    cuts = []
    # One at a time: most inboxes fit one window, and the probe past the last is wasted.
    for page in iter_pages(transport, probe, 1, stride=every, start=every):
        item = rows.read(page.rows[0]) if page.rows else None
        moment = rows.time(item, rows.window_sort) if item is not None else None
        if moment is not None:
            cuts.append(moment)
            if split is not None:
                split.set()
    return cuts
