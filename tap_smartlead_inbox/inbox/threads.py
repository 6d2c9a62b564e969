"""Records built from a normalized lead: one inbox row, and one row per email.

Each email's body is parsed once, when a column first needs it, and that parse serves
its text columns and its reply kind, in both streams (:class:`ReadThread`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from tap_smartlead_inbox.core.coerce import to_json
from tap_smartlead_inbox.inbox.normalize import REPLY, Lead
from tap_smartlead_inbox.inbox.schemas import LAST_MESSAGE_FIELD_NAMES, LEAD_FIELD_NAMES
from tap_smartlead_inbox.inbox.thread_metrics import ThreadEmail, thread_metrics
from tap_smartlead_inbox.mailtext.body_text import BodyText, read_email_body
from tap_smartlead_inbox.mailtext.reply_kind import reply_kind
from tap_smartlead_inbox.mailtext.reply_text import reply_text


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


class ReadEmail:
    """One email of a thread, its body read only when a column asks for it."""

    def __init__(self, key: str, item: dict[str, Any]) -> None:
        self.key, self.item = key, item

    @cached_property
    def body(self) -> BodyText:
        return read_email_body(self.item["body"])

    @cached_property
    def own_text(self) -> str:
        """A reply's own words; a sent email is all its own."""
        return reply_text(self.item["body"], self.body) if self.item["type"] == REPLY else self.body.text

    @cached_property
    def kind(self) -> str | None:
        """human, auto_reply, bounce or unsubscribe for a reply; None for a sent email."""
        item = self.item
        if item["type"] != REPLY:
            return None
        return reply_kind(
            sender=item["from"],
            subject=item["subject"],
            own_text=self.own_text,
            full_text=self.body.text,
            headers=item["headers"],
        )


class ReadThread:
    """A lead and its emails in thread order, read once for both streams."""

    def __init__(self, lead: Lead) -> None:
        self.lead = lead
        self.emails = [ReadEmail(key, item) for key, item in lead.thread]


def lead_fields(lead: Lead) -> dict[str, Any]:
    return {name: lead.fields.get(name) for name in LEAD_FIELD_NAMES}


def inbox_record(thread: ReadThread, page: PageInfo) -> dict[str, Any]:
    """The inbox_replies record: lead fields, thread counts and metrics, no bodies."""
    emails = thread.emails
    return {
        **lead_fields(thread.lead),
        "history_count": len(emails),
        "reply_count": sum(1 for email in emails if email.item["type"] == REPLY),
        **thread_metrics(
            [_metric_view(email) for email in emails], sequence_known=thread.lead.sequence_known
        ),
        "api_fetched_at": page.fetched_at,
        "source_endpoint": page.endpoint,
    }


def _metric_view(email: ReadEmail) -> ThreadEmail:
    item = email.item
    return ThreadEmail(item["type"], item["time"], item["email_seq_number"], email.kind)


def sent_record(lead: Lead, page: PageInfo) -> dict[str, Any]:
    """The sent_emails record: lead fields and the latest email's summary."""
    return {
        **lead_fields(lead),
        **{name: lead.fields.get(name) for name in LAST_MESSAGE_FIELD_NAMES},
        "api_fetched_at": page.fetched_at,
        "source_endpoint": page.endpoint,
    }


def email_rows(thread: ReadThread, page: PageInfo) -> Iterator[dict[str, Any]]:
    """The email_history records of one lead, time-ascending."""
    lead, emails = thread.lead, thread.emails
    shared = {
        **lead_fields(lead),
        **page.columns,
        "thread_key": lead.key,
        "thread_lead_id": lead.fields.get("email_lead_id"),
        "history_count": len(emails),
    }
    for index, email in enumerate(emails, start=1):
        yield {**shared, **_history_columns(email), "history_index": index, "email_key": email.key}


def _history_columns(email: ReadEmail) -> dict[str, Any]:
    item = email.item
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
        "email_body_text": email.body.text,
        "history_opened_at": item["opened_at"],
        "reply_text": email.own_text,
        "reply_kind": email.kind,
        "history_bcc_joined": item["bcc"],
        "history_attachments_json": item["attachments"],
        "history_extra_json": item["extra_json"],
    }
