"""The streams: thin singer-sdk classes wired to the paging, normalizing and row building.

`email_history` is a child of `inbox_replies` built from the thread already embedded
in each parent row: no extra request. The parent keeps one page of leads for it and
hands them over once per page, so the child syncs once a page rather than once a
lead, and no email body ever goes into a context (the SDK logs contexts).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from singer_sdk.helpers.conform import TypeConformanceLevel

from tap_smartlead_inbox.anomalies import REPEATED, Anomalies
from tap_smartlead_inbox.categories import CATEGORIES_PATH, category_record
from tap_smartlead_inbox.errors import StreamFailed
from tap_smartlead_inbox.fetch_plan import OPEN_END, Span
from tap_smartlead_inbox.filters import leads_stay
from tap_smartlead_inbox.hand_over import PageHandOver
from tap_smartlead_inbox.lead_rows import LEAD_ROWS, LeadPage, lead_row_key
from tap_smartlead_inbox.normalize import Lead
from tap_smartlead_inbox.pages import Page, Query
from tap_smartlead_inbox.progress import RunProgress
from tap_smartlead_inbox.schemas import (
    EMAIL_HISTORY_SCHEMA,
    INBOX_REPLIES_SCHEMA,
    LEAD_CATEGORIES_SCHEMA,
    SENT_EMAILS_SCHEMA,
)
from tap_smartlead_inbox.sdk_seam import SeamStream, mark_state_changed, send_schema
from tap_smartlead_inbox.span_read import Checkpoint, SpanReader
from tap_smartlead_inbox.threads import PageInfo, ReadThread, email_rows, inbox_record, sent_record
from tap_smartlead_inbox.timeutil import UTC, iso, parse_time, utc_now

if TYPE_CHECKING:
    from singer_sdk.helpers.types import Context, Record

    from tap_smartlead_inbox.settings import Settings
    from tap_smartlead_inbox.tap import TapSmartleadInbox

INBOX_REPLIES_PATH = "/master-inbox/inbox-replies"
SENT_PATH = "/master-inbox/sent"
SENT_SORT = "SENT_TIME_DESC"
# In a checkpoint before a run's last (a window's end), when that run began: a resumed run's
# sent-time pass reads only what we emailed since then (see _sent_from).
RUN_STARTED = "run_started_at"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class _InboxStream(SeamStream):
    # Records are built typed by the normalizer (a property test checks it), so the
    # SDK's per-field conforming, a third of the tap's CPU, is skipped.
    TYPE_CONFORMANCE_LEVEL = TypeConformanceLevel.NONE
    # The bookmark is the sync start, written per completed window by the parent,
    # never the newest reply seen: a lead that changed during the run comes again.
    records_move_bookmark = False
    _schema_sent = False

    def __init__(self, tap: TapSmartleadInbox) -> None:
        super().__init__(tap)
        self._inbox_tap = tap
        if self.replication_key is None:
            # Said in the catalog, so a loader or Meltano never offers it as incremental.
            self.forced_replication_method = "FULL_TABLE"

    def schema_due(self) -> None:
        """The first stream to start sends every selected stream's SCHEMA, each once.

        A loader then sets up every table or file before the first record, together:
        target-csv names a file by the time it sets it up, and a run that finds nothing
        new still writes the same (header-only) files. The SDK would also send SCHEMA
        again at every sync, for email_history once a page.
        """
        for stream in self.tap_streams.values():
            if isinstance(stream, _InboxStream) and stream.selected and not stream._schema_sent:
                stream._schema_sent = True
                send_schema(stream)


class InboxRepliesStream(_InboxStream):
    """One record per lead thread that has a reply."""

    name = "inbox_replies"
    primary_keys = ("email_lead_map_id",)
    replication_key = "last_reply_time"
    is_sorted = False  # newest first within a window; bookmarks are set per window
    schema = INBOX_REPLIES_SCHEMA

    def __init__(self, tap: TapSmartleadInbox) -> None:
        super().__init__(tap)
        # The kept leads of each page, for email_history (see hand_over.py).
        self.hand_over: PageHandOver[tuple[ReadThread, PageInfo]] = PageHandOver()
        self._pages_read = 0
        self._new = NewLeads()

    def get_records(self, context: Context | None) -> Iterator[Record]:
        tap = self._inbox_tap
        tap.announce_filters()
        span = self._span()
        # A failed run ends its output on its last checkpoint STATE: the CLI has the
        # writer (output.py) write it again after whatever came later.
        try:
            if span.start <= span.end:
                yield from self._read_span(span)
            else:
                self.logger.info("Nothing to read: the bookmark is past end_date (%s).", iso(span.end))
        finally:  # a failed run ends its progress bar and says what it did, too
            self._new.anomalies.note_transport(tap.transport.stats)
            self._new.anomalies.note_deep_html()
            self._new.anomalies.report(self.logger)
            tap.progress.finish(dry_run=tap.settings.dry_run)

    def _read_span(self, span: Span) -> Iterator[Record]:
        """Every series in windows oldest first, with checkpoints (see span_read)."""
        tap = self._inbox_tap
        settings = tap.settings
        reader = SpanReader(
            tap.transport, LEAD_ROWS, tap.progress, settings.max_concurrency, settings.window_pages
        )
        since = self._sent_from(span)
        if since is not None:  # before the windows: no checkpoint passes it
            yield from self._read_recently_sent(reader, span, since)
        for item in reader.read(self.build_queries(span.start, span.end), span):
            if isinstance(item, Checkpoint):
                # A full export that has found nothing yet moves no bookmark: were the
                # API's "nothing" wrong, the next run must still read the whole history.
                if span.incremental or self._new.seen:
                    self._checkpoint(item.bookmark, span.sync_start)
            else:
                yield from self._page_records(item)
        if reader.rereads:
            self.logger.info("Re-read %d stretches where leads moved between pages.", reader.rereads)
        if not self._new.seen:
            # Said plainly, so a bookmark or filter that hides the inbox is noticed.
            level = logging.INFO if span.incremental else logging.WARNING
            self.logger.log(
                level,
                "Read nothing: no lead matches the filters with a last reply between %s and %s%s.",
                iso(span.start),
                iso(span.end),
                " (from the bookmark in the state given)"
                if span.incremental
                else "; no bookmark is saved, so the next run reads the whole history again",
            )

    def _read_recently_sent(self, reader: SpanReader[Lead], span: Span, since: datetime) -> Iterator[Record]:
        """The leads we emailed since ``since``, however old their last reply.

        An email of ours changes a thread's metrics (awaiting_our_reply, our_last_reply_at,
        last_sent_time) without moving last_reply_time, so the windows would not bring
        the lead again: the head of the inbox sorted by sent time does.
        """
        settings = self._inbox_tap.settings
        # Leads whose last reply is in the span are read by its windows anyway, whole.
        replied = (settings.filter_set.reply_from or EPOCH, span.start)
        queries = [replace(q, sort_by=SENT_SORT) for q in self.build_queries(*replied)]
        before = len(self._new.seen)
        for lead_page in reader.read_heads(queries, since):
            # The last page read reaches past since: its older leads are not news.
            yield from self._page_records(lead_page.keeping(lambda lead: _sent_since(lead, since)))
        self.logger.info(
            "Read again %d leads we emailed since %s (their thread metrics changed).",
            len(self._new.seen) - before,
            iso(since),
        )

    def _page_records(self, lead_page: LeadPage) -> Iterator[Record]:
        info = _page_info(lead_page.query, lead_page.page)
        leads = self._new.of(lead_page)
        self._inbox_tap.progress.page_done(len(leads), sum(len(lead.thread) for lead in leads))
        if self._inbox_tap.settings.dry_run:
            return
        threads = [ReadThread(lead) for lead in self._inbox_tap.named(leads)]
        records = [inbox_record(thread, info) for thread in threads]
        # A lead a stream map filters out takes its emails with it, as the SDK does for
        # children; the page's emails go to the child at its last lead that stays.
        kept = [i for i, record in enumerate(records) if self._kept_by_stream_map(record)]
        if any(c.selected or c.has_selected_descendents for c in self.child_streams):
            self.hand_over.put([(threads[i], info) for i in kept])
        self._pages_read += 1
        last_kept = kept[-1] if kept else None
        for i, record in enumerate(records):
            self.hand_over.yielding(last_kept=i == last_kept)
            yield record

    def _kept_by_stream_map(self, record: Record) -> bool:
        """Whether the stream map keeps ``record``: the test the SDK applies before it
        writes a record and before it syncs the record's children (Stream._process_record)."""
        return bool(self.stream_maps[0].get_filter_result(record))

    def build_queries(self, start: datetime, end: datetime) -> list[Query]:
        """One query per request series, each over the reply times [start, end]."""
        settings = self._inbox_tap.settings
        history = {"fetch_message_history": str(settings.fetch_message_history).lower()}
        return series_queries(settings, INBOX_REPLIES_PATH, history, (start, end))

    def _span(self) -> Span:
        """From the bookmark less the lookback (or start_date), to end_date or past now."""
        settings = self._inbox_tap.settings
        sync_start = utc_now()
        bookmark = self._bookmark()
        start = max(filter(None, (settings.filter_set.reply_from, self._reread_from())), default=EPOCH)
        end = min(filter(None, (settings.filter_set.reply_to, sync_start + OPEN_END)))
        if bookmark and settings.recheck_window > settings.lookback:
            self.logger.info(
                "Re-checking leads whose last reply is since %s (recheck_window %s before the bookmark) "
                "for categories and flags set after the reply; they are emitted again with the same keys.",
                iso(start),
                settings.recheck_window,
            )
        return Span(start, end, sync_start, incremental=bookmark is not None)

    def _reread_from(self) -> datetime | None:
        """Where an incremental run starts reading again: the bookmark less the lookback
        (replies recorded late) or the re-check window (labels and flags set after a reply,
        which never move last_reply_time), whichever is longer. None without a bookmark."""
        bookmark = self._bookmark()
        return bookmark - self._reread_margin() if bookmark else None

    def _reread_margin(self) -> timedelta:
        settings = self._inbox_tap.settings
        return max(settings.lookback, settings.recheck_window)

    def _sent_from(self, span: Span) -> datetime | None:
        """Where the sent-time pass starts: like _reread_from, but from when the run that
        wrote the bookmark began, if it was cut short (its bookmark is then a window's
        end, long before): what we emailed before it began, it read already."""
        reread = self._reread_from()
        started = parse_time(self.stream_state.get(RUN_STARTED))
        if reread is None or started is None:
            return reread
        return max(reread, min(started, span.sync_start) - self._reread_margin())

    def _bookmark(self) -> datetime | None:
        """The bookmark from the state given, if any (start_date is not one)."""
        state = self.stream_state
        if state.get("replication_key") != self.replication_key:
            return None
        return parse_time(state.get("replication_key_value"))

    def _checkpoint(self, bookmark: datetime, sync_start: datetime) -> None:
        """STATE after a completed window: every lead up to ``bookmark`` is out. Before
        the last one, the run's start goes with it (see _sent_from)."""
        if self._inbox_tap.settings.dry_run:
            return
        for stream in (self, *self.child_streams):
            if stream is self or stream.selected:
                state = stream.stream_state
                state["replication_key"] = stream.replication_key
                state["replication_key_value"] = iso(bookmark)
                mark_state_changed(stream)
        if bookmark < sync_start:
            self.stream_state[RUN_STARTED] = iso(sync_start)
        else:
            self.stream_state.pop(RUN_STARTED, None)
        self.write_state()

    def generate_child_contexts(self, record: Record, context: Context | None) -> Iterable[Context | None]:
        """One context a page, at the page's last record the stream map keeps: the SDK
        calls this for each record just yielded, then syncs email_history with it."""
        if self.hand_over.due():
            yield {"page": self._pages_read}


class EmailHistoryStream(_InboxStream):
    """One record per email (sent or reply), lead fields repeated, time-ascending."""

    name = "email_history"
    parent_stream_type = InboxRepliesStream
    primary_keys = ("email_lead_map_id", "email_key")
    replication_key = "last_reply_time"
    is_sorted = False
    state_partitioning_keys: list[str] = []  # one bookmark, not one per page
    schema = EMAIL_HISTORY_SCHEMA

    def get_records(self, context: Context | None) -> Iterator[Record]:
        parent = self._inbox_tap.streams[InboxRepliesStream.name]
        assert isinstance(parent, InboxRepliesStream)
        for thread, info in parent.hand_over.take():
            yield from email_rows(thread, info)


def _sent_since(lead: Lead, since: datetime) -> bool:
    sent = LEAD_ROWS.time(lead, SENT_SORT)
    return sent is not None and sent >= since


def _page_info(query: Query, page: Page) -> PageInfo:
    return PageInfo(
        fetched_at=page.fetched_at,
        endpoint=query.path,
        sort_by=query.sort_by,
        filters=query.filters,
        offset=page.offset,
        limit=query.limit,
    )


class SentEmailsStream(_InboxStream):
    """One record per lead row of the sent list, replied or not. Opt-in."""

    name = "sent_emails"
    primary_keys = ("email_lead_map_id",)
    replication_key = None  # FULL_TABLE: the list cannot be cut by sent time (see README)
    selected_by_default = False
    schema = SENT_EMAILS_SCHEMA

    def get_records(self, context: Context | None) -> Iterator[Record]:
        tap, settings = self._inbox_tap, self._inbox_tap.settings
        tap.announce_filters()
        progress = RunProgress(tap.transport.stats, tap.limiter, self.logger, streams=(self.name,))
        reader = SpanReader(
            tap.transport, LEAD_ROWS, progress, settings.max_concurrency, settings.window_pages
        )
        new = NewLeads()
        try:
            for lead_page in reader.read_whole(self.build_queries()):
                leads = new.of(lead_page)
                progress.page_done(len(leads), 0)
                if not settings.dry_run:
                    info = _page_info(lead_page.query, lead_page.page)
                    yield from (sent_record(lead, info) for lead in tap.named(leads))
        finally:
            new.anomalies.report(self.logger)
            progress.finish(dry_run=settings.dry_run)

    def build_queries(self) -> list[Query]:
        """One query per request series; reply-time bounds only if filters give them."""
        settings = self._inbox_tap.settings
        return series_queries(settings, SENT_PATH, {}, settings.filter_set.sent_between)


class LeadCategoriesStream(_InboxStream):
    """The account's lead categories, custom ones included: one request, FULL_TABLE."""

    name = "lead_categories"
    primary_keys = ("id",)
    replication_key = None  # FULL_TABLE: one short list, read whole each run
    schema = LEAD_CATEGORIES_SCHEMA

    def get_records(self, context: Context | None) -> Iterator[Record]:
        account = self._inbox_tap.categories  # the same read names the leads' categories
        if account.failure is not None:  # warned already; the run fails once it is over
            self._inbox_tap.failed_streams.append(StreamFailed(self.name, account.failure))
            return
        self.logger.info("GET %s: %d lead categories.", CATEGORIES_PATH, len(account.categories))
        if not self._inbox_tap.settings.dry_run:
            yield from (category_record(category, account.fetched_at) for category in account.categories)


def series_queries(
    settings: Settings, path: str, params: dict[str, str], window: tuple[datetime, datetime] | None
) -> list[Query]:
    """One query of ``path`` per request series (see filters.split_series)."""
    queries = []
    for series in range(len(settings.filter_set.series)):
        filters = settings.filter_set.for_window(window, series)
        stay = path == INBOX_REPLIES_PATH and leads_stay(filters)
        queries.append(
            Query(path, params, filters, settings.sort_by, settings.limit_per_page, rows_stay=stay)
        )
    return queries


class NewLeads:
    """Picks a page's leads not emitted yet in this run and counts what is odd about them."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.anomalies = Anomalies()
        self._odd_rows: set[str] = set()  # rows without a key, counted once however often read

    def of(self, lead_page: LeadPage) -> list[Lead]:
        leads: list[Lead] = []
        on_page: set[str] = set()
        for row, lead in zip(lead_page.page.rows, lead_page.items, strict=True):
            if lead is None or lead.key is None:
                identity = lead_row_key(row, lead)
                if identity not in self._odd_rows:
                    self._odd_rows.add(identity)
                    self.anomalies.check_row(row, lead)
                continue
            if lead.key in on_page:
                self.anomalies.note(REPEATED)
                continue
            on_page.add(lead.key)
            if lead.key not in self.seen:
                self.seen.add(lead.key)
                self.anomalies.check_row(row, lead)
                leads.append(lead)
        return leads
