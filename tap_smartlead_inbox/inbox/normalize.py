"""Both response shapes of the inbox endpoints, turned into one lead form.

The documented shape (`messages[]`, nested objects, `message_history[]` with
`direction`) and the shape public code reads (`data[]`, flat `lead_*` fields,
`email_history[]` with `type` and `time`) become the same :class:`Lead`. Pure
functions, no I/O: wrong types become empty values, unknown fields are kept as JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from tap_smartlead_inbox.core.coerce import (
    as_bool,
    as_id,
    as_int,
    as_list,
    as_obj,
    as_str,
    joined,
    json_or_none,
    to_json,
)
from tap_smartlead_inbox.core.timeutil import iso_or_none, parse_time
from tap_smartlead_inbox.inbox.email_keys import ordered_thread

SENT, REPLY = "SENT", "REPLY"


@dataclass
class Lead:
    """One lead thread: the lead-level fields and its emails in API order."""

    fields: dict[str, Any]
    history: list[dict[str, Any]] = field(default_factory=list)

    @property
    def key(self) -> str | None:
        key: str | None = self.fields.get("email_lead_map_id")
        return key

    def time_of(self, name: str) -> datetime | None:
        """A time field of the lead (normalized to ISO text) as a datetime."""
        return parse_time(self.fields.get(name))

    @property
    def sequence_known(self) -> bool:
        """Whether the emails say which are campaign steps (a sequence number) and which
        are manual; the documented shape does not."""
        return self.fields.get("sequence_count") is not None

    @cached_property
    def thread(self) -> list[tuple[str, dict[str, Any]]]:
        """(email_key, email) pairs in time order; built once for both streams."""
        return ordered_thread(self.history)


def normalize_lead(row: object) -> Lead | None:
    """A lead from a row of either shape; None when the row is not an object."""
    if not isinstance(row, Mapping):
        return None
    lead = _documented_lead(row) if is_documented(row) else _flat_lead(row)
    _derive_lead_fields(lead)
    return lead


def is_documented(row: Mapping[str, Any]) -> bool:
    """Whether a row has the documented shape (nested objects) rather than the flat one."""
    return isinstance(row.get("lead"), Mapping) or "campaign_lead_map_id" in row


# --- the flat shape ---------------------------------------------------------------

_FLAT_IDS = (
    "email_lead_id",
    "email_lead_map_id",
)
FLAT_INTS = (
    "lead_category_id",
    "email_account_id",
    "current_sequence_number",
    "sub_sequence_id",
    "email_campaign_seq_id",
    "team_member_id",
    "email_campaign_id",
    "client_id",
)
# The replaced exporter joined a cc list with ";": spreadsheets built on its file split on it.
CC_SEPARATOR = ";"
FLAT_TIMES = ("last_sent_time", "last_reply_time", "lead_next_timestamp_to_send")
FLAT_BOOLS = (
    "has_new_unread_email",
    "is_pushed_to_sub_sequence",
    "is_important",
    "is_archived",
    "is_snoozed",
    "is_ooo_automated_push_lead",
    "belongs_to_sub_sequence",
)
_FLAT_TEXTS = (
    "email_status",  # the sent list's rows carry it
    "revenue",
    "lead_first_name",
    "lead_last_name",
    "lead_email",
    "lead_status",
    "email_campaign_name",
)
_FLAT_KNOWN = {
    *_FLAT_IDS,
    *FLAT_INTS,
    *FLAT_TIMES,
    *FLAT_BOOLS,
    *_FLAT_TEXTS,
    "old_replaced_lead_data",
    "campaign_sending_schedule",
    "email_history",
}


def _flat_lead(row: Mapping[str, Any]) -> Lead:
    fields: dict[str, Any] = {name: as_id(row.get(name)) for name in _FLAT_IDS}
    fields.update({name: as_int(row.get(name)) for name in FLAT_INTS})
    fields.update({name: iso_or_none(row.get(name)) for name in FLAT_TIMES})
    fields.update({name: as_bool(row.get(name)) for name in FLAT_BOOLS})
    fields.update({name: as_str(row.get(name)) for name in _FLAT_TEXTS})
    fields["old_replaced_lead_data"] = json_or_none(row.get("old_replaced_lead_data"))
    fields.update(_schedule(as_obj(row.get("campaign_sending_schedule"))))
    fields["extra_fields_json"] = _extra(row, _FLAT_KNOWN)
    history = [_flat_item(item) for item in as_list(row.get("email_history"))]
    return Lead(fields, [item for item in history if item])


def _schedule(schedule: Mapping[str, Any]) -> dict[str, Any]:
    days = schedule.get("days")
    return {
        "campaign_sending_tz": as_str(schedule.get("tz")),
        "campaign_sending_days": (
            ",".join(str(day) for day in days) if isinstance(days, list) else as_str(days)
        ),
        "campaign_sending_startHour": as_str(schedule.get("startHour")),
        "campaign_sending_endHour": as_str(schedule.get("endHour")),
    }


_FLAT_ITEM_KNOWN = frozenset(
    {
        "stats_id",
        "message_id",
        "type",
        "time",
        "subject",
        "from",
        "to",
        "email_seq_number",
        "open_count",
        "click_count",
        "click_details",
        "email_body",
    }
)


def _flat_item(item: object) -> dict[str, Any] | None:
    if not isinstance(item, Mapping):
        return None
    kind = as_str(item.get("type"))
    return {
        "stats_id": as_id(item.get("stats_id")),
        "message_id": as_str(item.get("message_id")),
        "type": kind.upper() if kind else None,
        "time": iso_or_none(item.get("time")),
        "subject": as_str(item.get("subject")),
        "from": joined(item.get("from")),
        "to": joined(item.get("to")),
        "email_seq_number": as_str(item.get("email_seq_number")),
        "open_count": as_int(item.get("open_count")),
        "click_count": as_int(item.get("click_count")),
        "click_details": json_or_none(item.get("click_details")),
        "body": as_str(item.get("email_body")),
        "opened_at": None,
        **_item_extras(item, _FLAT_ITEM_KNOWN),
    }


# --- the documented shape ---------------------------------------------------------

_DOC_KNOWN = {
    "id",
    "campaign_lead_map_id",
    "lead",
    "campaign",
    "email_account",
    "last_message",
    "email_status",
    "category",
    "assigned_to",
    "stats",
    "is_read",
    "is_important",
    "is_archived",
    "tags",
    "message_history",
}


def _documented_lead(row: Mapping[str, Any]) -> Lead:
    person, campaign = as_obj(row.get("lead")), as_obj(row.get("campaign"))
    account, category = as_obj(row.get("email_account")), row.get("category")
    assigned, is_read = as_obj(row.get("assigned_to")), as_bool(row.get("is_read"))
    fields: dict[str, Any] = {
        "email_lead_map_id": as_id(row.get("campaign_lead_map_id")),
        "email_lead_id": as_id(person.get("id")),
        "lead_first_name": as_str(person.get("first_name")),
        "lead_last_name": as_str(person.get("last_name")),
        "lead_email": as_str(person.get("email")),
        "lead_company": as_str(person.get("company")),
        "lead_phone": as_str(person.get("phone")),
        "email_campaign_id": as_int(campaign.get("id")),
        "email_campaign_name": as_str(campaign.get("name")),
        "email_account_id": as_int(account.get("id")),
        "email_account_email": as_str(account.get("email")),
        "email_account_name": as_str(account.get("name")),
        "lead_category_id": as_int(as_obj(category).get("id")),
        "lead_category_name": as_str(as_obj(category).get("name")),
        "team_member_id": as_int(assigned.get("id")),
        "assigned_to_name": as_str(assigned.get("name")),
        "assigned_to_email": as_str(assigned.get("email")),
        "email_status": as_str(row.get("email_status")),
        "is_read": is_read,
        "has_new_unread_email": None if is_read is None else not is_read,
        "is_important": as_bool(row.get("is_important")),
        "is_archived": as_bool(row.get("is_archived")),
        "tags_json": json_or_none(row.get("tags")),
        "message_row_id": as_str(row.get("id")),
        "stats_json": json_or_none(row.get("stats")),
        "extra_fields_json": _extra(row, _DOC_KNOWN),
    }
    last = as_obj(row.get("last_message"))
    fields.update(_last_message(last))
    raw_history = as_list(row.get("message_history"))
    if not any(isinstance(item, Mapping) and "email_seq_number" in item for item in raw_history):
        # The documented history has no sequence numbers: no count, and no telling a
        # campaign step from a manual email (see sequence_known).
        fields["sequence_count"] = None
    history = [_documented_item(item, fields) for item in raw_history]
    if not history and last:
        # Without fetch_message_history the list view carries only the latest email.
        history = [_documented_item(last, fields)]
    return Lead(fields, [item for item in history if item])


def _last_message(last: Mapping[str, Any]) -> dict[str, Any]:
    """The sent list's summary of the latest email to the lead."""
    return {
        "last_message_subject": as_str(last.get("subject")),
        "last_message_sent_at": iso_or_none(last.get("sent_at")),
        "last_message_opened_at": iso_or_none(last.get("opened_at")),
        "last_message_replied_at": iso_or_none(last.get("replied_at") or last.get("received_at")),
    }


_DOC_ITEM_KNOWN = frozenset(
    {
        *_FLAT_ITEM_KNOWN,
        "id",
        "direction",
        "sent_at",
        "received_at",
        "sent_from",
        "sent_to",
        "body",
        "opened_at",
        "replied_at",
    }
)


def _documented_item(item: object, lead: Mapping[str, Any]) -> dict[str, Any] | None:
    if not isinstance(item, Mapping):
        return None
    direction = as_str(item.get("direction"))
    inbound = direction == "inbound" if direction else bool(item.get("received_at"))
    lead_email, account_email = lead.get("lead_email"), lead.get("email_account_email")
    sent_from = item.get("from", item.get("sent_from"))
    sent_to = item.get("to", item.get("sent_to"))
    return {
        "stats_id": as_id(item.get("stats_id")),
        "message_id": as_str(item.get("message_id", item.get("id"))),
        "type": REPLY if inbound else SENT,
        "time": iso_or_none(item.get("received_at") if inbound else item.get("sent_at"))
        or iso_or_none(item.get("time") or item.get("sent_at") or item.get("received_at")),
        "subject": as_str(item.get("subject")),
        "from": joined(sent_from) or (lead_email if inbound else account_email),
        "to": joined(sent_to) or (account_email if inbound else lead_email),
        "email_seq_number": as_str(item.get("email_seq_number")),
        "open_count": as_int(item.get("open_count")),
        "click_count": as_int(item.get("click_count")),
        "click_details": json_or_none(item.get("click_details")),
        "body": as_str(item.get("body", item.get("email_body"))),
        "opened_at": iso_or_none(item.get("opened_at")),
        **_item_extras(item, _DOC_ITEM_KNOWN),
    }


# --- shared -----------------------------------------------------------------------

# Read by every shape's email the same way; any other field is kept in extra_json.
_ITEM_SHARED = frozenset({"cc", "bcc", "attachments", "headers"})


def _item_extras(item: Mapping[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """The copies, attachments, mail headers and unknown fields of an email, either shape."""
    extra = {key: value for key, value in item.items() if key not in known and key not in _ITEM_SHARED}
    return {
        "cc": joined(item.get("cc"), CC_SEPARATOR),
        "bcc": joined(item.get("bcc"), CC_SEPARATOR),
        "attachments": _attachments(item.get("attachments")),
        "headers": _headers(item.get("headers"), item.get("reply_details")),
        "extra_json": to_json(extra) if extra else None,
    }


def _attachments(value: object) -> str | None:
    """Attachments as a JSON list of objects (file_name, file_type, file_url and any
    other key as sent); a bare URL becomes {"file_url": ...}; none is None."""
    items = value if isinstance(value, list) else [value] if value else []
    kept = [
        dict(item) if isinstance(item, Mapping) else {"file_url": item}
        for item in items
        if isinstance(item, Mapping) or (isinstance(item, str) and item.strip())
    ]
    return to_json(kept) if kept else None


def _headers(headers: object, reply_details: object) -> dict[str, str] | None:
    """Mail headers when the API passes them, on the email or in its reply_details."""
    found = headers if isinstance(headers, Mapping) else as_obj(reply_details).get("headers")
    if not isinstance(found, Mapping) or not found:
        return None
    return {str(name): text for name, value in found.items() if (text := joined(value)) is not None}


def _extra(row: Mapping[str, Any], known: set[str]) -> str | None:
    extra = {key: value for key, value in row.items() if key not in known}
    return to_json(extra) if extra else None


def _derive_lead_fields(lead: Lead) -> None:
    """Fill what one shape lacks from the thread itself."""
    fields, history = lead.fields, lead.history
    replies = [item["time"] for item in history if item["type"] == REPLY and item["time"]]
    sent = [item["time"] for item in history if item["type"] == SENT and item["time"]]
    if not fields.get("last_reply_time") and replies:
        fields["last_reply_time"] = max(replies)
    if not fields.get("last_sent_time") and sent:
        fields["last_sent_time"] = max(sent)
    if "sequence_count" not in fields:
        fields["sequence_count"] = sum(
            1 for item in history if item["type"] == SENT and item["email_seq_number"]
        )
