"""Offset paging over one query, with pages fetched concurrently and yielded in order.

The end of the data is known only when a short page arrives. Without `total_count`
speculation is limited: only as many requests are kept in flight as the limiter can
use (its rate times the observed latency). With `total_count` the pages up to it are
planned and up to `max_concurrency` are in flight; past it, pages go one at a time
until a short one, since leads that reply during the read push the list past it.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar

from tap_smartlead_inbox.client.envelope import page_rows
from tap_smartlead_inbox.client.limiter import SAFETY_MARGIN
from tap_smartlead_inbox.client.transport import Aborted, Transport
from tap_smartlead_inbox.core.errors import PagingError
from tap_smartlead_inbox.core.timeutil import iso, utc_now

T = TypeVar("T")
logger = logging.getLogger(__name__)

# Before any latency is observed, this many requests go out: at most three are
# wasted on a one-page inbox, and an API as slow as 0.8 s is kept busy from the start.
INITIAL_IN_FLIGHT = 4
# One request more than rate x latency covers latency jitter, so the limiter, not
# the in-flight cap, sets the pace; unsent requests are dropped once the end is seen.
IN_FLIGHT_SLACK = 1


@dataclass(frozen=True)
class Query:
    """One filter set against one endpoint, whose rows are sorted by a time that a filter
    (``time_filter``, given ``[start, end]`` in ISO 8601, both ends included) can bound."""

    path: str
    params: dict[str, str]
    filters: dict[str, Any]
    sort_by: str
    limit: int
    # The filter that bounds the time windows cut (RowIdentity.window_sort sorts by it).
    time_filter: str
    # No filter a row can be re-labelled out of: a row leaves the results only when its
    # time moves (past the end of a window). Pages then need not overlap (consistent_read).
    rows_stay: bool = False

    def body(self, offset: int) -> dict[str, Any]:
        return {"offset": offset, "limit": self.limit, "filters": self.filters, "sortBy": self.sort_by}

    def within(self, start: datetime, end: datetime) -> Query:
        """The same query for the rows whose time is in [start, end]."""
        return replace(self, filters={**self.filters, self.time_filter: [iso(start), iso(end)]})


@dataclass(frozen=True)
class Page:
    offset: int
    rows: list[Any]
    total_count: int | None
    fetched_at: str


def fetch_page(transport: Transport, query: Query, offset: int, abort: Aborted | None = None) -> Page:
    """One page; a body of the wrong shape is retried like a cut-off one."""
    rows, total = transport.post(query.path, query.params, query.body(offset), page_rows, abort)
    return Page(offset, rows, total, iso(utc_now()))


def speculative_in_flight(transport: Transport, max_concurrency: int) -> int:
    """Requests worth keeping in flight when the end of the data is unknown."""
    latency = transport.stats.latency
    usable_rate = transport.limiter.rate / SAFETY_MARGIN  # a little under, either way
    wanted = INITIAL_IN_FLIGHT if latency is None else math.ceil(usable_rate * latency) + IN_FLIGHT_SLACK
    return max(1, min(max_concurrency, wanted))


class _End:
    """The first offset known to hold nothing, shared with the workers so that a
    request past it is dropped as soon as any worker sees the end.

    Only a short page shows the end. `total_count` is a hint that plans how many
    pages go out at once: leads that reply while the list is read push older ones
    past the first page's total, so stopping there would lose them.
    """

    def __init__(self, doubted: int | None = None, believed_from: float = 1) -> None:
        self.offset: float = math.inf
        self.hint: int | None = None
        # A page here with fewer rows than believed_from is not believed until asked again.
        self._doubted, self._believed_from = doubted, believed_from
        self._lock = threading.Lock()

    def learn(self, page: Page, limit: int) -> None:
        with self._lock:
            if page.total_count is not None:
                self.hint = page.total_count
            if page.offset == self._doubted and len(page.rows) < self._believed_from:
                return  # the consumer asks again, then says what it believes
            if len(page.rows) < limit:
                self.offset = min(self.offset, page.offset + len(page.rows))

    def believe(self, page: Page, limit: int) -> None:
        """The doubted page as the consumer believes it, once asked again."""
        with self._lock:
            self._doubted = None
        self.learn(page, limit)

    def known(self) -> bool:
        return self.offset != math.inf


class _Unwanted:
    """Set once the run has stopped or the request lies past the known end."""

    def __init__(self, end: _End, offset: int, stop: threading.Event) -> None:
        self._end, self._offset, self._stop = end, offset, stop

    def is_set(self) -> bool:
        return self._stop.is_set() or self._offset >= self._end.offset


def _fetch_within(transport: Transport, query: Query, offset: int, end: _End, stop: threading.Event) -> Page:
    page = fetch_page(transport, query, offset, _Unwanted(end, offset, stop))
    end.learn(page, query.limit)
    return page


def iter_pages(
    transport: Transport,
    query: Query,
    max_concurrency: int = 1,
    *,
    stride: int | None = None,
    start: int = 0,
    expected_rows: int | None = None,
    confirm_empty: bool = False,
    confirm_first: bool = False,
    not_first: list[Any] | None = None,
    past_end: list[Page] | None = None,
) -> Iterator[Page]:
    """Every page of ``query`` from offset ``start``, in offset order.

    ``stride`` (default: the page size) is the step between offsets; a smaller one
    makes neighbouring pages overlap. Past ``expected_rows`` (a size the caller has
    measured or guessed) requests go out one at a time, so a good estimate wastes no
    request past the end; a full page past it shows the guess was wrong, and
    speculation resumes. With ``confirm_empty`` an empty first page is asked for
    again until an answer comes twice; with ``confirm_first`` (a query read before,
    which may be answered with a page of that read) any first page is, and rows
    ``not_first`` (that read's page at another offset) are not believed as it. Pages
    that repeat at later offsets (an API that ignores or clamps offsets) stop the
    paging with a PagingError. Given ``past_end``, paging that ends on an empty page
    adds the answer of the next offset to it, if its request had already gone out: a
    second empty answer confirms the end at no cost (see consistent_read).
    """
    step = stride or query.limit
    # No page before the first one overlaps it, so only asking again can doubt it.
    doubted_below = math.inf if confirm_first else 1 if confirm_empty else 0
    stop, end = threading.Event(), _End(start, doubted_below)
    in_flight: deque[Future[Page]] = deque()
    repeats = _Repeats(query)
    next_offset = start
    try:
        while True:
            if not in_flight or not in_flight[0].done():
                # Each offset's own in-flight cap: past a total or an estimate, one at a time. Pages
                # in but not yet handed on do not count, so a page being retried does not
                # hold up the ones after it; the next one in line, once in, is handed on first.
                while next_offset < end.offset and not (in_flight and in_flight[0].done()):
                    cap = _in_flight_cap(transport, end, max_concurrency, next_offset, expected_rows)
                    if _unanswered(in_flight) >= cap or len(in_flight) >= cap + max_concurrency:
                        break
                    in_flight.append(in_background(_fetch_within, transport, query, next_offset, end, stop))
                    next_offset += step
                if not in_flight:
                    return
                if not in_flight[0].done():
                    wait([f for f in in_flight if not f.done()], return_when=FIRST_COMPLETED)
                continue
            page = in_flight.popleft().result()
            if page.offset == start and len(page.rows) < doubted_below:
                page = _confirmed_first(transport, query, page, end, not_first)
            repeats.check(page)
            yield page
            # Ends at the short page itself, never on an end a later page implied: an empty
            # glitch there must reach the caller, whose overlap check reads it again.
            if len(page.rows) < query.limit:
                _answered_after(page, start, in_flight, stop, past_end)
                return
            if expected_rows is not None and page.offset >= expected_rows:
                expected_rows = None  # a full page past the estimate
    finally:
        # Requests not yet sent are dropped; ones already sent are not waited for.
        stop.set()


def _answered_after(
    last: Page, start: int, in_flight: deque[Future[Page]], stop: threading.Event, past_end: list[Page] | None
) -> None:
    """Adds to ``past_end`` the next offset's page after an empty ``last`` one, if its
    request had gone out before the end was seen."""
    if past_end is None or last.rows or last.offset == start or not in_flight:
        return
    stop.set()  # the requests not sent yet are dropped, not waited for
    try:
        past_end.append(in_flight[0].result())
    except Exception:  # dropped, or failed for good: no second answer to go by
        return


def _unanswered(in_flight: deque[Future[Page]]) -> int:
    return sum(1 for future in in_flight if not future.done())


def _confirmed_first(
    transport: Transport, query: Query, first: Page, end: _End, not_first: list[Any] | None
) -> Page:
    """A doubted first page, asked again until an answer comes twice with none fuller.
    No page before it overlaps it: one glitch must not pass for an empty inbox and move
    the bookmark over its whole history, nor an answer that ignored its offset (another
    offset's page, as a query read before may get one of that read) for the head of the
    list. Past MAX_FIRST_ASKS the fullest answer is believed."""
    count = len(first.rows)
    shown = f"a first page of {count} row{'s' * (count != 1)}" if first.rows else "an empty first page"
    logger.info("POST %s answered %s; asking again before believing it.", query.path, shown)
    answers = [first]
    while len(answers) < MAX_FIRST_ASKS:
        again = _fetch_within(transport, query, first.offset, end, threading.Event())
        # A glitch or another offset's page only ever shows fewer rows than the head.
        likely = [seen for seen in answers if seen.rows != not_first]
        fullest = all(len(again.rows) >= len(seen.rows) for seen in likely)
        if again.rows != not_first and fullest and any(again.rows == seen.rows for seen in likely):
            break
        answers.append(again)
    else:
        again = max(reversed(answers), key=lambda answer: (answer.rows != not_first, len(answer.rows)))
        logger.warning(
            "POST %s answered its first page %d ways; reading on from the fullest.", query.path, len(answers)
        )
    if again.rows != first.rows:
        logger.warning(
            "POST %s answered %s, then %d %srows when asked again; reading on.",
            query.path,
            shown,
            len(again.rows),
            "other " if first.rows else "",
        )
    end.believe(again, query.limit)
    return again


def _in_flight_cap(
    transport: Transport, end: _End, max_concurrency: int, offset: int, expected: int | None
) -> int:
    """How many requests may be unanswered when the one for ``offset`` would go out."""
    if end.known():
        return max_concurrency
    if end.hint is not None:  # planned up to the total; past it, one at a time to the end
        return max_concurrency if offset < end.hint else 1
    if expected is not None and offset >= expected:
        return 1
    return speculative_in_flight(transport, max_concurrency)


# A doubted first page is asked for until an answer comes twice, at most this many
# times in all: a glitch and an answer from another offset before it take four.
MAX_FIRST_ASKS = 4
# Identical pages at this many later offsets in a row mean offsets are not honoured;
# one repeat can be a list that changed under the reader (with one-row pages).
MAX_REPEATS = 2


class _Repeats:
    """Stops paging over an API that answers every offset past the end with the same
    page: without it, no short page ever comes and paging would never end."""

    def __init__(self, query: Query) -> None:
        self._query = query
        self._previous: Page | None = None
        self._offsets: list[int] = []

    def check(self, page: Page) -> None:
        previous, self._previous = self._previous, page
        if previous is None or not page.rows or page.rows != previous.rows:
            self._offsets = [page.offset]
            return
        self._offsets.append(page.offset)
        if len(self._offsets) > MAX_REPEATS:
            offsets = ", ".join(str(offset) for offset in self._offsets)
            raise PagingError(
                f"POST {self._query.path} answered offsets {offsets} with the same "
                f"{len(page.rows)} rows: the API ignores or clamps offsets, so the end of the list "
                "cannot be found; stopped (the bookmark stays at the last checkpoint)",
                path=self._query.path,
            )


def in_background(fn: Callable[..., T], *args: Any) -> Future[T]:
    """Run ``fn`` in a daemon thread: a speculative request past the end must not
    hold up the end of the run."""
    future: Future[T] = Future()

    def run() -> None:
        future.set_running_or_notify_cancel()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # handed to the consumer through the future
            future.set_exception(exc)

    threading.Thread(target=run, name="page", daemon=True).start()
    return future
