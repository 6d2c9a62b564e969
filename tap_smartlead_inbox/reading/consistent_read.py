"""Reading one window so that no lead slips through while the inbox changes.

Offset pages over a sorted list shift when the list changes. A lead that gets a new
reply leaves its (older) window, and every lead below it moves up a place: the lead
at the next page boundary would be skipped. In the newest window, which reaches past
the sync start, such a lead moves to the top instead, and pages served out of order
can skip a lead the other way. So neighbouring pages overlap by one lead (offsets
step by limit - 1): when a page does not contain the previous page's last lead,
something may have slipped between them, and that stretch is read again. Sorted by
reply time the stretch is the reply-time span between the two leads, usually one
small request; sorted by sent time it is the whole window. A bounded window that ends
with fewer distinct leads than the API's total_count is read again too. Leads seen
twice are dropped by key downstream.

A lead that moved to the top of the newest window may have passed over pages already
read. The overlap shows that something moved (a page does not start with the
previous page's last lead), and then the run ends with a catch-up pass over the
leads whose last reply came after the sync start.

Where no lead can leave the filter (no category, status, tag or name filter), the
newest window needs no overlap: a lead that replies moves to its top, the leads
above its old place shift down (repeat) and none shifts up, so none is skipped. The
shift shows as a lead repeated, or as a reply after the sync start, and the catch-up
pass reads the leads that moved. Only pages served out of order (seen as answers
that came back out of order) or an answer that repeats a page could skip a lead;
once something moved, those boundaries are read again. This saves one request in 20
on most exports (most inboxes are one window). An empty last page could be a glitch:
the next offset's answer, already asked, confirms it, or one narrow request does.

A list read whole, without reply-time windows (the sent list), has no stretch to
narrow a re-read to: it is read again whole, and its catch-up pass reads the head of
the list, where moved leads go, until it reaches leads older than the run.

Leads and reply times are the inbox's rows and their time: any list is read the same
way with its own RowIdentity (see rows.py), which says a row's key and times.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from tap_smartlead_inbox.client.transport import Transport
from tap_smartlead_inbox.core.timeutil import iso, utc_now
from tap_smartlead_inbox.reading.fetch_plan import Window
from tap_smartlead_inbox.reading.pages import Page, Query, iter_pages
from tap_smartlead_inbox.reading.rows import RowIdentity, RowPage, row_key

# Re-reads of re-reads: enough for churn every other request; past it the window is
# reported unconfirmed and the bookmark stays before it.
MAX_REREAD_DEPTH = 4
# Catch-up passes repeat until one sees nothing move.
MAX_CATCH_UP_PASSES = 5

Item = TypeVar("Item")
logger = logging.getLogger(__name__)


@dataclass
class ReadStats:
    rereads: int = 0
    moved: bool = False  # a page of the open window did not meet the one before exactly
    gaps: int = 0  # stretches between two pages where a lead may have slipped through
    unconfirmed: list[Window] = field(default_factory=list)


@dataclass
class _Check:
    """What one read has seen so far, to tell whether a row may have slipped past it."""

    overlapping: bool
    previous: RowPage[Any] | None = None
    before_last: RowPage[Any] | None = None
    last_total: int | None = None
    keys: set[str] = field(default_factory=set)
    gaps: list[Window] = field(default_factory=list)  # overlapping: stretches a row may have slipped
    # Without overlap: the boundaries a row may have slipped at if the list changed.
    suspect: list[Window] = field(default_factory=list)
    changed: bool = False  # a row repeated, or one moved in during the run
    repeated_before: bool = False


def overlap_stride(limit: int) -> int:
    """Offsets step one short of the page size, so neighbouring pages share a row.
    A page of one row cannot overlap; such pages are not checked."""
    return max(1, limit - 1)


class WindowReader(Generic[Item]):
    """Reads windows through the shared transport, re-reading stretches that came up short."""

    def __init__(
        self, transport: Transport, rows: RowIdentity[Item], max_concurrency: int, *, timed: bool = True
    ) -> None:
        self._transport = transport
        self._rows = rows
        self._max_concurrency = max_concurrency
        # Untimed: a list read whole (no time filter), so a stretch to re-read is all of it.
        self._timed = timed
        self._last_pages: dict[str, Page] = {}  # each query read, with the last page handed on
        self.stats = ReadStats()

    def read(
        self, query: Query, window: Window, depth: int = 0, *, confirm_empty: bool = False
    ) -> Generator[RowPage[Item], None, None]:
        """Every page of ``query`` (already limited to ``window``), then any re-reads.
        With ``confirm_empty`` an empty first answer is asked for again (see iter_pages).
        So is any first answer to a query read before (a stretch or a list read again, a
        catch-up pass over a whole list): no page before a first one overlaps it, and it
        may be a page of that read, its offset ignored; that read's last page, if not its
        first, is not believed as the first."""
        asked = _query_key(query)
        before = self._last_pages.get(asked)
        overlapping = not self._rows_stay(query, window)  # (pages of one row cannot overlap)
        check = _Check(overlapping)
        past_end: list[Page] = []
        for page in iter_pages(
            self._transport,
            query,
            self._max_concurrency,
            stride=overlap_stride(query.limit) if overlapping else query.limit,
            expected_rows=window.expected_rows,
            confirm_empty=confirm_empty,
            confirm_first=before is not None,
            not_first=before.rows if before and before.offset != 0 else None,
            past_end=None if overlapping else past_end,
        ):
            self._last_pages[asked] = page
            current = RowPage(query, page, [self._rows.read(row) for row in page.rows])
            self._check_page(check, current, window)
            yield current
        gaps = check.gaps
        if not window.open and check.last_total is not None and len(check.keys) < check.last_total:
            gaps = [window]  # fewer leads than the API counts: read the window again
        elif not overlapping:
            gaps = check.suspect if check.changed else []
            gaps += self._unconfirmed_end(check, window, past_end)
            self.stats.gaps += len(gaps)
        yield from self._reread(query, window, gaps, depth)

    def _rows_stay(self, query: Query, window: Window) -> bool:
        """Whether pages may go without overlap: the newest window of a span that reaches
        past the sync start (``window.sync_start``), sorted by the time it is cut by, and no
        row can leave the query (``rows_stay``). A row whose time moves then goes to the window's top:
        the rows above its old place shift down, never up, so none is skipped, and the
        shift shows without an overlap, as a row repeated or a time after the sync start
        (then a catch-up pass reads the rows that moved). In an older window a row that
        moves leaves it and the rows below shift up: those windows overlap."""
        by_time = query.sort_by == self._rows.window_sort
        return query.rows_stay and self._timed and by_time and window.open and window.sync_start is not None

    def _check_page(self, check: _Check, current: RowPage[Item], window: Window) -> None:
        """Notes what ``current`` says of the pages before it (see _Check)."""
        rows = self._rows
        keys = _keys(rows, current)
        previous, check.previous = check.previous, current
        check.before_last = previous
        check.last_total = current.page.total_count
        repeated = any(key in check.keys for key in keys)
        check.keys.update(keys)
        if check.overlapping:
            if previous is not None:
                checked = current.query.limit > 1
                meets, gap = self._boundary(previous, current, window) if checked else (False, None)
                # Where rows can leave the filter, a row that left can hide one that moved
                # up over pages already read (the two shifts cancel at the overlap): any
                # open window read in more than one page ends with a catch-up pass.
                leaves = self._timed and not current.query.rows_stay
                self.stats.moved |= window.open and (not meets or leaves)
                self.stats.gaps += 1 if gap else 0
                check.gaps.extend([gap] if gap else [])
            return
        moved_in = window.sync_start is not None and self._after(current, window.sync_start)
        if repeated or moved_in:
            check.changed = True
            self.stats.moved = True
        if previous is None:
            return
        # Answers that came back out of order may have been served out of order: a shift
        # between them can skip a row. So can a page that repeats rows (its offset ignored).
        if current.page.fetched_at < previous.page.fetched_at or repeated:
            check.suspect.append(self._stretch(previous, current, window))
        if check.repeated_before:  # the page before repeated rows: the one after it too
            check.suspect.append(self._stretch(previous, current, window))
        check.repeated_before = repeated

    def _unconfirmed_end(self, check: _Check, window: Window, past_end: list[Page]) -> list[Window]:
        """Without overlap an empty last page may be a glitch, not the end: unless the
        next offset's answer was empty too, the rows below the last one read (that row
        included, so the answer is never empty) are asked for once more."""
        last = check.previous
        if last is None or last.page.rows or last.page.offset == 0 or any(not p.rows for p in past_end):
            return []
        above = check.before_last
        low = window.start
        high = self._window_time(above.items[-1]) if above is not None and above.items else None
        return [Window(low, high if high is not None else window.end, expected_rows=1)]

    def _after(self, current: RowPage[Item], moment: datetime) -> bool:
        """Whether a row of the page has a time after ``moment`` (it moved during the run)."""
        times = (self._window_time(item) for item in current.items)
        return any(time is not None and time > moment for time in times)

    def _stretch(self, previous: RowPage[Item], current: RowPage[Item], window: Window) -> Window:
        """The times between two neighbouring pages, where a row that slipped would be."""
        high = self._window_time(previous.items[-1]) if previous.items else None
        low = self._window_time(current.items[0]) if current.items else window.start
        if high is None or low is None:
            return window
        return Window(min(low, high), max(low, high), expected_rows=0)

    def catch_up(self, query: Query, since: datetime, end: datetime) -> Iterator[RowPage[Item]]:
        """The leads that moved during the run, since ``since``.

        A lead can also move while a pass reads, so passes repeat, each from when the
        one before began, until one sees nothing move. A pass in which a lead may have
        slipped between two pages (a glitch, a repeated answer) may have missed one that
        moved before it began: the next pass starts where it did.
        """
        for _ in range(MAX_CATCH_UP_PASSES):
            started, self.stats.moved, gaps = utc_now(), False, self.stats.gaps
            yield from self._catch_up_pass(query, since, end)
            if not self.stats.moved:
                return
            if self.stats.gaps == gaps:
                since = started
        _kept_moving(since)

    def _catch_up_pass(self, query: Query, since: datetime, end: datetime) -> Iterator[RowPage[Item]]:
        # Expected empty or nearly: requests go one at a time, none past the end. But a
        # pass runs because leads moved: an empty first answer is asked for again.
        if self._timed:  # the leads whose last reply is after since
            window = Window(since, end, expected_rows=0, open=True)
            yield from self.read(query.within(since, end), window, confirm_empty=True)
            return
        # A list read whole: moved leads went to its head. Its query was read before, so
        # the first page, which the pass may stop at, is asked twice (see read).
        yield from self.read_head(query, since, end)

    def read_head(self, query: Query, since: datetime, end: datetime) -> Iterator[RowPage[Item]]:
        """The top of a list sorted newest first by ``query.sort_by``, down to the first
        page that holds a row older than ``since`` (or the last page)."""
        for row_page in self.read(query, Window(since, end, expected_rows=0, open=True)):
            yield row_page
            if self._reaches_before(row_page, since):
                return

    def _reaches_before(self, row_page: RowPage[Item], since: datetime) -> bool:
        """Whether a page of a list sorted newest first holds a row older than ``since`` (or
        is the last page): the rows above it are all that can have moved."""
        if len(row_page.page.rows) < row_page.query.limit:
            return True
        last = row_page.items[-1]
        moment = self._rows.time(last, row_page.query.sort_by) if last is not None else None
        return moment is None or moment < since

    def _boundary(
        self, previous: RowPage[Item], current: RowPage[Item], window: Window
    ) -> tuple[bool, Window | None]:
        """Whether two neighbouring pages meet exactly on their shared row, and the stretch
        to read again when a row may have slipped between them."""
        rows, last = self._rows, len(previous.page.rows) - 1
        shared = row_key(rows, previous.page.rows[last], previous.items[last])
        keys = _keys(rows, current)
        if keys[:1] == [shared]:
            return True, None
        if shared in keys:
            return False, None  # shifted down: rows repeat, none is skipped
        if current.query.sort_by != rows.window_sort or not self._timed:
            return False, window  # a skipped row could have any time
        high = self._window_time(previous.items[last])
        low = self._window_time(current.items[0]) if current.items else window.start
        if high is None or low is None:
            return False, window
        return False, Window(min(low, high), max(low, high), expected_rows=0)  # a row or two

    def _window_time(self, item: Item | None) -> datetime | None:
        return self._rows.time(item, self._rows.window_sort) if item is not None else None

    def _reread(
        self, query: Query, window: Window, gaps: list[Window], depth: int
    ) -> Iterator[RowPage[Item]]:
        for gap in _merged(gaps):
            if depth >= MAX_REREAD_DEPTH:
                if self._timed:  # a list read whole has no bookmark: its reader fails the run
                    logger.warning(
                        "Leads kept moving while %s..%s was read; it could not be confirmed complete, "
                        "so the bookmark stays before it and the next run reads it again.",
                        iso(window.start),
                        iso(window.end),
                    )
                self.stats.unconfirmed.append(window)
                return
            self.stats.rereads += 1
            narrowed = query.within(gap.start, gap.end) if self._timed else query
            # The stretch holds at least the leads on either side of it: doubt an empty answer.
            yield from self.read(narrowed, gap, depth=depth + 1, confirm_empty=True)


def _keys(rows: RowIdentity[Item], row_page: RowPage[Item]) -> list[str]:
    return [row_key(rows, row, item) for row, item in zip(row_page.page.rows, row_page.items, strict=True)]


def _kept_moving(since: datetime) -> None:
    logger.warning(
        "Leads kept changing during the catch-up pass; those that moved after %s come with the next run.",
        iso(since),
    )


def _query_key(query: Query) -> str:
    """What a request for ``query`` asks, whatever its offset."""
    return json.dumps([query.path, query.params, query.body(0)], sort_keys=True, default=str)


def _merged(gaps: list[Window]) -> list[Window]:
    merged: list[Window] = []
    for gap in sorted(gaps, key=lambda g: g.start):
        if merged and gap.start <= merged[-1].end:
            last = merged[-1]
            known = last.expected_rows is not None and gap.expected_rows is not None
            expected = max(last.expected_rows or 0, gap.expected_rows or 0) if known else None
            merged[-1] = Window(last.start, max(last.end, gap.end), expected)
        else:
            merged.append(gap)
    return merged
