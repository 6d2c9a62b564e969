"""Records built from a normalized lead: one inbox row, and one row per email.

Emails are put in time order (undated ones last, in API order); exact repeats are
dropped, and every email gets a key that is the same on every run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tap_smartlead_inbox.body_text import html_to_text
from tap_smartlead_inbox.coerce import to_json
from tap_smartlead_inbox.normalize import REPLY, Lead
from tap_smartlead_inbox.schemas import LEAD_FIELD_NAMES


@dataclass(frozen=True)
class PageInfo:
    """Where a lead came from, for the derived columns."""

    fetched_at: str
    endpoint: str
    sort_by: str
    filters: dict[str, Any]
    offset: int
    limit: int

    def columns(self) -> dict[str, Any]:
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
    thread = ordered_thread(lead.history)
    return {
        **lead_fields(lead),
        "history_count": len(thread),
        "reply_count": sum(1 for _, item in thread if item["type"] == REPLY),
        "api_fetched_at": page.fetched_at,
        "source_endpoint": page.endpoint,
    }


def email_rows(lead: Lead, page: PageInfo) -> Iterator[dict[str, Any]]:
    """The email_history records of one lead, time-ascending."""
    thread = ordered_thread(lead.history)
    shared = {
        **lead_fields(lead),
        **page.columns(),
        "thread_key": lead.key,
        "thread_lead_id": lead.fields.get("email_lead_id"),
        "history_count": len(thread),
    }
    for index, (key, item) in enumerate(thread, start=1):
        yield {**shared, **_history_columns(item), "history_index": index, "email_key": key}


def _history_columns(item: dict[str, Any]) -> dict[str, Any]:
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
        "email_body_text": html_to_text(item["body"]),
        "history_opened_at": item["opened_at"],
    }


def ordered_thread(history: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(email_key, item) pairs in time order, exact repeats dropped, keys unique."""
    ordered = sorted(
        enumerate(history), key=lambda pair: (pair[1]["time"] is None, pair[1]["time"] or "", pair[0])
    )
    seen: dict[str, dict[str, Any]] = {}
    thread: list[tuple[str, dict[str, Any]]] = []
    for _, item in ordered:
        key = email_key(item)
        if key in seen:
            if seen[key] == item:
                continue
            key = next(f"{key}~{n}" for n in range(2, len(history) + 2) if f"{key}~{n}" not in seen)
        seen[key] = item
        thread.append((key, item))
    return thread


def email_key(item: dict[str, Any]) -> str:
    """The Message-ID when there is one; otherwise a digest of what identifies the email."""
    message_id = (item.get("message_id") or "").strip()
    if message_id:
        return message_id
    # Only what both response shapes carry, so the key does not depend on the shape.
    identity = [item.get("type"), item.get("time"), item.get("subject"), item.get("body") or ""]
    return "sha1:" + hashlib.sha1(to_json(identity).encode(), usedforsecurity=False).hexdigest()
