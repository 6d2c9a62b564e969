"""Records built from a normalized lead: one inbox row, and one row per email."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from tap_smartlead_inbox.body_text import read_email_body
from tap_smartlead_inbox.coerce import to_json
from tap_smartlead_inbox.normalize import REPLY, Lead
from tap_smartlead_inbox.reply_text import reply_text
from tap_smartlead_inbox.schemas import LAST_MESSAGE_FIELD_NAMES, LEAD_FIELD_NAMES


@dataclass(frozen=True)
class PageInfo:
    """Where a lead came from, for the derived columns."""

    fetched_at: str
    endpoint: str
    sort_by: str
    filters: dict[str, Any]
    offset: int
    limit: int

    @cached_property
    def columns(self) -> dict[str, Any]:
        """The derived columns, built once per page rather than once per lead."""
        return {
            "api_fetched_at": self.fetched_at,
            "source_endpoint": self.endpoint,
            "api_sort_by": self.sort_by,
            "api_filters_json": to_json(self.filters),
            "page_offset": self.offset,
            "page_limit": self.limit,
        }


def lead_fields(lead: Lead) -> dict[str, Any]:
    return {name: lead.fields.get(name) for name in LEAD_FIELD_NAMES}


def inbox_record(lead: Lead, page: PageInfo) -> dict[str, Any]:
    """The inbox_replies record: lead fields and thread counts, no bodies."""
    thread = lead.thread
    return {
        **lead_fields(lead),
        "history_count": len(thread),
        "reply_count": sum(1 for _, item in thread if item["type"] == REPLY),
        "api_fetched_at": page.fetched_at,
        "source_endpoint": page.endpoint,
    }


def sent_record(lead: Lead, page: PageInfo) -> dict[str, Any]:
    """The sent_emails record: lead fields and the latest email's summary."""
    return {
        **lead_fields(lead),
        **{name: lead.fields.get(name) for name in LAST_MESSAGE_FIELD_NAMES},
        "api_fetched_at": page.fetched_at,
        "source_endpoint": page.endpoint,
    }


def email_rows(lead: Lead, page: PageInfo) -> Iterator[dict[str, Any]]:
    """The email_history records of one lead, time-ascending."""
    thread = lead.thread
    shared = {
        **lead_fields(lead),
        **page.columns,
        "thread_key": lead.key,
        "thread_lead_id": lead.fields.get("email_lead_id"),
        "history_count": len(thread),
    }
    for index, (key, item) in enumerate(thread, start=1):
        yield {**shared, **_history_columns(item), "history_index": index, "email_key": key}


def _history_columns(item: dict[str, Any]) -> dict[str, Any]:
    # One parse per body: reply_text finds the quote in the tree email_body_text came from.
    body = read_email_body(item["body"])
    text = body.text
    return {
        "history_stats_id": item["stats_id"],
        "history_from": item["from"],
        "history_to": item["to"],
        "history_type": item["type"],
        "history_message_id": item["message_id"],
        "history_time": item["time"],
        "history_subject": item["subject"],
        "history_email_seq_number": item["email_seq_number"],
        "history_open_count": item["open_count"],
        "history_click_count": item["click_count"],
        "history_click_details_json": item["click_details"],
        "history_cc_joined": item["cc"],
        "email_body_html": item["body"],
        "email_body_text": text,
        "history_opened_at": item["opened_at"],
        # A reply's own words; a sent email is all its own.
        "reply_text": reply_text(item["body"], body) if item["type"] == REPLY else text,
    }
