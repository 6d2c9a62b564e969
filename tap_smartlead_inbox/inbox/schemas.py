"""Stream schemas. Property order is CSV column order, so the replaced exporter's
columns come first, in its order, and added columns follow."""

from __future__ import annotations

from typing import Any

from singer_sdk import typing as th

S, N, B, T = th.StringType, th.IntegerType, th.BooleanType, th.DateTimeType

# The replaced exporter's lead-level columns, repeated on every email row.
LEAD_COLUMNS: list[tuple[str, Any]] = [
    ("lead_category_id", N),
    ("last_sent_time", T),
    ("last_reply_time", T),
    ("has_new_unread_email", B),
    ("email_account_id", N),
    ("revenue", S),
    ("is_pushed_to_sub_sequence", B),
    ("lead_first_name", S),
    ("lead_last_name", S),
    ("lead_email", S),
    ("email_lead_id", S),
    ("email_lead_map_id", S),
    ("lead_status", S),
    ("current_sequence_number", N),
    ("sub_sequence_id", N),
    ("old_replaced_lead_data", S),
    ("lead_next_timestamp_to_send", T),
    ("email_campaign_seq_id", N),
    ("is_important", B),
    ("is_archived", B),
    ("is_snoozed", B),
    ("team_member_id", N),
    ("is_ooo_automated_push_lead", B),
    ("email_campaign_id", N),
    ("email_campaign_name", S),
    ("client_id", N),
    ("belongs_to_sub_sequence", B),
    ("campaign_sending_tz", S),
    ("campaign_sending_days", S),
    ("campaign_sending_startHour", S),
    ("campaign_sending_endHour", S),
    ("sequence_count", N),
]
HISTORY_COLUMNS: list[tuple[str, Any]] = [
    ("history_stats_id", S),
    ("history_from", S),
    ("history_to", S),
    ("history_type", S),
    ("history_message_id", S),
    ("history_time", T),
    ("history_subject", S),
    ("history_email_seq_number", S),
    ("history_open_count", N),
    ("history_click_count", N),
    ("history_click_details_json", S),
    ("history_cc_joined", S),
    ("email_body_html", S),
    ("email_body_text", S),
]
DERIVED_COLUMNS: list[tuple[str, Any]] = [
    ("thread_key", S),
    ("thread_lead_id", S),
    ("history_index", N),
    ("history_count", N),
    ("api_fetched_at", T),
    ("source_endpoint", S),
    ("api_sort_by", S),
    ("api_filters_json", S),
    ("page_offset", N),
    ("page_limit", N),
]
# Fields the documented shape carries that the exporter had no column for.
LEAD_EXTRA_COLUMNS: list[tuple[str, Any]] = [
    ("lead_company", S),
    ("lead_phone", S),
    ("lead_category_name", S),
    ("email_status", S),
    ("is_read", B),
    ("tags_json", S),
    ("assigned_to_name", S),
    ("assigned_to_email", S),
    ("email_account_email", S),
    ("email_account_name", S),
    ("message_row_id", S),
    ("stats_json", S),
    ("extra_fields_json", S),
]
EMAIL_EXTRA_COLUMNS: list[tuple[str, Any]] = [
    ("email_key", S),
    ("history_opened_at", T),
    ("reply_text", S),
    ("reply_kind", S),
    ("history_bcc_joined", S),
    ("history_attachments_json", S),
    ("history_extra_json", S),
]
INBOX_EXTRA_COLUMNS: list[tuple[str, Any]] = [
    ("history_count", N),
    ("reply_count", N),
    # The thread's metrics (thread_metrics.py), in the README's column table.
    ("first_sent_at", T),
    ("first_reply_at", T),
    ("first_human_reply_at", T),
    ("seconds_to_first_human_reply", N),
    ("replied_after_step", N),
    ("human_reply_count", N),
    ("auto_reply_count", N),
    ("bounce_count", N),
    ("unsubscribe_count", N),
    ("last_human_reply_at", T),
    ("our_last_reply_at", T),
    ("awaiting_our_reply", B),
]

# The sent list's summary of the latest email; the documented shape carries it.
LAST_MESSAGE_COLUMNS: list[tuple[str, Any]] = [
    ("last_message_subject", S),
    ("last_message_sent_at", T),
    ("last_message_opened_at", T),
    ("last_message_replied_at", T),
]
FETCH_COLUMNS: list[tuple[str, Any]] = [("api_fetched_at", T), ("source_endpoint", S)]

LEAD_FIELD_NAMES = [name for name, _ in LEAD_COLUMNS + LEAD_EXTRA_COLUMNS]
LAST_MESSAGE_FIELD_NAMES = [name for name, _ in LAST_MESSAGE_COLUMNS]


def _schema(columns: list[tuple[str, Any]], required: tuple[str, ...]) -> dict[str, Any]:
    return th.PropertiesList(
        *(th.Property(name, kind, required=name in required) for name, kind in columns)
    ).to_dict()


EMAIL_HISTORY_SCHEMA = _schema(
    LEAD_COLUMNS + HISTORY_COLUMNS + DERIVED_COLUMNS + LEAD_EXTRA_COLUMNS + EMAIL_EXTRA_COLUMNS,
    required=("email_lead_map_id", "email_key"),
)
INBOX_REPLIES_SCHEMA = _schema(
    LEAD_COLUMNS + LEAD_EXTRA_COLUMNS + INBOX_EXTRA_COLUMNS + FETCH_COLUMNS, required=("email_lead_map_id",)
)
LEAD_CATEGORIES_SCHEMA = _schema(
    [("id", N), ("name", S), ("extra_fields_json", S), *FETCH_COLUMNS], required=("id",)
)
SENT_EMAILS_SCHEMA = _schema(
    LEAD_COLUMNS + LEAD_EXTRA_COLUMNS + LAST_MESSAGE_COLUMNS + FETCH_COLUMNS, required=("email_lead_map_id",)
)
