"""The streams: thin singer-sdk classes wired to the paging, normalizing and row building.

`email_history` is a child of `inbox_replies` built from the thread already embedded
in each parent row: no extra request. The parent keeps one page of leads for it and
hands them over once per page, so the child syncs once a page rather than once a
lead, and no email body ever goes into a context (the SDK logs contexts).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from singer_sdk.helpers.conform import TypeConformanceLevel
from singer_sdk.streams import Stream

from tap_smartlead_inbox.log_noise import quiet_repeats
from tap_smartlead_inbox.normalize import Lead, normalize_lead
from tap_smartlead_inbox.pages import Page, Query, iter_pages
from tap_smartlead_inbox.schemas import EMAIL_HISTORY_SCHEMA, INBOX_REPLIES_SCHEMA
from tap_smartlead_inbox.threads import PageInfo, email_rows, inbox_record
from tap_smartlead_inbox.timeutil import parse_time, utc_now

if TYPE_CHECKING:
    from singer_sdk.helpers.types import Context, Record

    from tap_smartlead_inbox.tap import TapSmartleadInbox

INBOX_REPLIES_PATH = "/master-inbox/inbox-replies"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class _InboxStream(Stream):
    # Records are built typed by the normalizer (a property test checks it), so the
    # SDK's per-field conforming, a third of the tap's CPU, is skipped.
    TYPE_CONFORMANCE_LEVEL = TypeConformanceLevel.NONE


class InboxRepliesStream(_InboxStream):
    """One record per lead thread that has a reply."""

    name = "inbox_replies"
    primary_keys = ("email_lead_map_id",)
    replication_key = "last_reply_time"
    is_sorted = False  # the API sorts newest first; the bookmark is the max seen
    schema = INBOX_REPLIES_SCHEMA

    def __init__(self, tap: TapSmartleadInbox) -> None:
        super().__init__(tap)
        self._inbox_tap = tap
        self._pending: list[tuple[Lead, PageInfo]] = []
        self._hand_over_after: Record | None = None
        self._pages_read = 0
        self.skipped_rows = 0

    def get_records(self, context: Context | None) -> Iterator[Record]:
        tap = self._inbox_tap
        tap.announce_filters()
        query = self.build_query(context)
        seen: set[str] = set()
        try:
            for page in iter_pages(tap.transport, query, tap.settings.max_concurrency):
                yield from self._page_records(query, page, seen)
        finally:  # a failed run ends its progress bar and says what it did, too
            if self.skipped_rows:
                self.logger.warning("Skipped %d rows that had no lead id to key them by.", self.skipped_rows)
            tap.progress.finish(dry_run=tap.settings.dry_run)

    def _page_records(self, query: Query, page: Page, seen: set[str]) -> Iterator[Record]:
        info = _page_info(query, page)
        leads = self._new_leads(page.rows, seen)
        progress = self._inbox_tap.progress
        if page.total_count is not None and progress.total_pages is None:
            progress.set_total(page.total_count, query.limit)
        progress.page_done(len(leads), sum(len(lead.thread) for lead in leads))
        if self._inbox_tap.settings.dry_run:
            return
        records = [inbox_record(lead, info) for lead in leads]
        # A lead a stream map filters out takes its emails with it, as the SDK does for
        # children; the page's emails go to the child after its last lead that stays.
        kept = [i for i, record in enumerate(records) if self.stream_maps[0].get_filter_result(record)]
        if any(c.selected or c.has_selected_descendents for c in self.child_streams):
            self._pending.extend((leads[i], info) for i in kept)
        self._hand_over_after = records[kept[-1]] if kept else None
        self._pages_read += 1
        yield from records

    def build_query(self, context: Context | None) -> Query:
        settings = self._inbox_tap.settings
        return Query(
            path=INBOX_REPLIES_PATH,
            params={"fetch_message_history": str(settings.fetch_message_history).lower()},
            filters=settings.filter_set.for_window(self._reply_window(context)),
            sort_by=settings.sort_by,
            limit=settings.limit_per_page,
        )

    def _reply_window(self, context: Context | None) -> tuple[datetime, datetime] | None:
        """replyTimeBetween: from the bookmark or start_date, up to end_date or now."""
        filter_set = self._inbox_tap.settings.filter_set
        bookmark = parse_time(self.get_starting_replication_key_value(context))
        start = max(filter(None, (filter_set.reply_from, bookmark)), default=None)
        if start is None and filter_set.reply_to is None:
            return None
        return (start or EPOCH, filter_set.reply_to or utc_now())

    def _new_leads(self, rows: Iterable[Any], seen: set[str]) -> list[Lead]:
        leads: list[Lead] = []
        for row in rows:
            lead = normalize_lead(row)
            if lead is None or lead.key is None:
                self.skipped_rows += 1
                continue
            if lead.key in seen:
                continue
            seen.add(lead.key)
            leads.append(lead)
        return leads

    def generate_child_contexts(self, record: Record, context: Context | None) -> Iterable[Context | None]:
        if record is self._hand_over_after:
            self._hand_over_after = None
            yield {"page": self._pages_read}

    def take_pending(self) -> list[tuple[Lead, PageInfo]]:
        pending, self._pending = self._pending, []
        return pending


class EmailHistoryStream(_InboxStream):
    """One record per email (sent or reply), lead fields repeated, time-ascending."""

    name = "email_history"
    parent_stream_type = InboxRepliesStream
    primary_keys = ("email_lead_map_id", "email_key")
    replication_key = "last_reply_time"
    is_sorted = False
    state_partitioning_keys: list[str] = []  # one bookmark, not one per page
    schema = EMAIL_HISTORY_SCHEMA

    def __init__(self, tap: TapSmartleadInbox) -> None:
        super().__init__(tap)
        self._inbox_tap = tap
        self._schema_sent = False
        quiet_repeats(self.logger, logging.getLogger("singer_sdk"))

    def get_records(self, context: Context | None) -> Iterator[Record]:
        parent = self._inbox_tap.streams[InboxRepliesStream.name]
        assert isinstance(parent, InboxRepliesStream)
        for lead, info in parent.take_pending():
            yield from email_rows(lead, info)

    def _write_schema_message(self) -> None:
        # The SDK sends SCHEMA at every child sync (once a page here); once is enough.
        if not self._schema_sent:
            self._schema_sent = True
            super()._write_schema_message()


def _page_info(query: Query, page: Page) -> PageInfo:
    return PageInfo(
        fetched_at=page.fetched_at,
        endpoint=query.path,
        sort_by=query.sort_by,
        filters=query.filters,
        offset=page.offset,
        limit=query.limit,
    )
