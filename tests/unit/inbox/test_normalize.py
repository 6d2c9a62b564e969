"""Both response shapes become the same records; odd values never crash."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlead_sandbox import api
from smartlead_sandbox.inbox import generate_inbox
from tap_smartlead_inbox.client.envelope import page_rows
from tap_smartlead_inbox.core.errors import MalformedResponse
from tap_smartlead_inbox.core.timeutil import UTC, iso_or_none
from tap_smartlead_inbox.inbox.anomalies import NOT_AN_OBJECT, Anomalies
from tap_smartlead_inbox.inbox.normalize import Lead, normalize_lead
from tap_smartlead_inbox.inbox.threads import PageInfo, ReadThread, email_rows, inbox_record
from tests.support.examples import examples

PAGE = PageInfo("2026-01-01T00:00:00.000Z", "/master-inbox/inbox-replies", "REPLY_TIME_DESC", {}, 0, 20)
INBOX = generate_inbox(30, seed=3)


def lead_of(row) -> Lead:
    lead = normalize_lead(row)
    assert lead is not None
    return lead


def test_page_rows_reads_both_shapes_and_total_count():
    assert page_rows({"messages": [1, 2], "total_count": 9}) == ([1, 2], 9)
    assert page_rows({"ok": True, "data": [3]}) == ([3], None)
    assert page_rows({"data": [], "total_count": "12"}) == ([], 12)


@pytest.mark.parametrize("body", [None, [], "text", {"ok": True}, {"data": None}, {"messages": {}}])
def test_a_body_of_neither_shape_is_malformed(body):
    with pytest.raises(MalformedResponse):
        page_rows(body)


@pytest.mark.parametrize(
    ("body", "cause"),
    [
        ({"ok": False, "data": []}, "ok: false"),
        ({"ok": False, "data": [{"email_lead_map_id": "1"}]}, "ok: false"),
        ({"error": "Database timeout", "data": []}, "error: Database timeout"),
        ({"messages": [], "total_count": 0, "error": {"message": "shard down"}}, "error: shard down"),
    ],
)
def test_a_body_that_says_it_failed_is_a_fault_to_retry_never_an_empty_page(body, cause):
    with pytest.raises(MalformedResponse, match=f"says the request failed \\({cause}\\)"):
        page_rows(body)


def test_a_body_with_an_empty_error_field_is_still_a_page():
    assert page_rows({"ok": True, "data": [1], "error": None}) == ([1], None)


def test_ids_as_strings_or_integers_give_the_same_key():
    as_text = lead_of({"email_lead_map_id": "2433664091", "email_lead_id": "17"})
    as_number = lead_of({"email_lead_map_id": 2433664091, "email_lead_id": 17.0})
    documented = lead_of({"campaign_lead_map_id": "2433664091", "lead": {"id": 17}})
    assert as_text.key == as_number.key == documented.key == "2433664091"
    assert as_text.fields["email_lead_id"] == documented.fields["email_lead_id"] == "17"


def test_unknown_fields_are_kept_as_json_not_dropped():
    lead = lead_of({"email_lead_map_id": 1, "brand_new_field": {"x": [1, 2]}})
    assert lead.fields["extra_fields_json"] == '{"brand_new_field": {"x": [1, 2]}}'
    record = inbox_record(ReadThread(lead), PAGE)
    assert "brand_new_field" not in record


def test_cc_as_list_string_or_null_becomes_text_joined_as_the_old_exporter_did():
    history = [
        {"type": "REPLY", "time": "2025-01-01T00:00:00Z", "cc": ["a@x.io", "b@x.io"]},
        {"type": "REPLY", "time": "2025-01-02T00:00:00Z", "cc": "c@x.io"},
        {"type": "REPLY", "time": "2025-01-03T00:00:00Z", "cc": None},
    ]
    rows = list(email_rows(ReadThread(lead_of({"email_lead_map_id": 1, "email_history": history})), PAGE))
    assert [r["history_cc_joined"] for r in rows] == ["a@x.io;b@x.io", "c@x.io", None]


def test_documented_history_maps_direction_to_type_and_fills_addresses():
    row = {
        "campaign_lead_map_id": "5",
        "lead": {"email": "lead@x.io"},
        "email_account": {"id": 9, "email": "me@us.io"},
        "message_history": [
            {
                "id": "<b@x>",
                "direction": "inbound",
                "received_at": "2025-01-02T10:00:00Z",
                "body": "<p>Yes</p>",
            },
            {"id": "<a@x>", "direction": "outbound", "sent_at": "2025-01-01T10:00:00Z", "body": "<p>Hi</p>"},
        ],
    }
    rows = list(email_rows(ReadThread(lead_of(row)), PAGE))
    assert [(r["history_type"], r["history_from"], r["history_to"]) for r in rows] == [
        ("SENT", "me@us.io", "lead@x.io"),
        ("REPLY", "lead@x.io", "me@us.io"),
    ]
    assert rows[1]["email_key"] == "<b@x>"
    lead = lead_of(row)
    assert lead.fields["last_reply_time"] == "2025-01-02T10:00:00.000Z"
    assert lead.fields["last_sent_time"] == "2025-01-01T10:00:00.000Z"


def test_exact_repeats_of_an_email_are_dropped_and_colliding_keys_made_unique():
    same = {"type": "SENT", "time": "2025-01-01T00:00:00Z", "message_id": "<m@x>", "email_body": "a"}
    other = {**same, "email_body": "b", "time": "2025-01-02T00:00:00Z"}
    rows = list(
        email_rows(ReadThread(lead_of({"email_lead_map_id": 1, "email_history": [same, same, other]})), PAGE)
    )
    assert [r["email_key"] for r in rows] == ["<m@x>", "<m@x>~2"]
    assert [r["history_count"] for r in rows] == [2, 2]


@pytest.mark.parametrize("lead", INBOX.replied()[:10], ids=lambda lead: lead["email_lead_map_id"])
def test_sandbox_leads_give_the_same_threads_in_both_shapes(lead):
    flat = list(email_rows(ReadThread(lead_of(api.render_flat(lead, True))), PAGE))
    documented = list(email_rows(ReadThread(lead_of(api.render_documented(lead, True))), PAGE))
    columns = (
        "email_lead_map_id",
        "history_type",
        "history_time",
        "email_body_text",
        "history_subject",
        "email_key",
        "history_index",
        "last_reply_time",
        "email_campaign_id",
    )
    assert [[r[c] for c in columns] for r in flat] == [[r[c] for c in columns] for r in documented]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
FLAT_KEYS = [
    "email_lead_map_id",
    "email_lead_id",
    "lead_category_id",
    "last_reply_time",
    "lead_first_name",
    "email_history",
    "campaign_sending_schedule",
    "is_important",
    "revenue",
]
DOC_KEYS = [
    "campaign_lead_map_id",
    "lead",
    "campaign",
    "category",
    "message_history",
    "last_message",
    "is_read",
    "tags",
    "assigned_to",
]
history_items = st.dictionaries(
    st.sampled_from(
        [
            "type",
            "time",
            "email_body",
            "cc",
            "message_id",
            "stats_id",
            "subject",
            "direction",
            "sent_at",
            "received_at",
            "body",
            "open_count",
        ]
    ),
    json_values,
    max_size=8,
)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.one_of(
        st.fixed_dictionaries({}, optional={k: json_values for k in FLAT_KEYS}),
        st.fixed_dictionaries({}, optional={k: json_values for k in DOC_KEYS}),
        st.fixed_dictionaries(
            {
                "email_lead_map_id": st.integers(1, 10**12),
                "email_history": st.lists(history_items, max_size=5),
            }
        ),
        st.fixed_dictionaries(
            {
                "campaign_lead_map_id": st.text(max_size=12),
                "message_history": st.lists(history_items, max_size=5),
            }
        ),
        json_values,
    )
)
def test_any_row_normalizes_without_crashing_into_typed_records(row):
    anomalies = Anomalies()
    anomalies.check_row(row, normalize_lead(row))  # counting what is odd never fails either
    assert all(count > 0 for count in anomalies.counts.values())
    if not isinstance(row, dict):
        assert anomalies.counts == {NOT_AN_OBJECT: 1}
    lead = normalize_lead(row)
    if lead is None:
        assert not isinstance(row, dict)
        return
    record = inbox_record(ReadThread(lead), PAGE)
    rows = list(email_rows(ReadThread(lead), PAGE))
    for name in ("lead_category_id", "email_campaign_id", "history_count"):
        assert record[name] is None or type(record[name]) is int
    assert record["email_lead_map_id"] is None or isinstance(record["email_lead_map_id"], str)
    keys = [r["email_key"] for r in rows]
    assert len(keys) == len(set(keys)) == record["history_count"]
    for r in rows:
        assert r["history_type"] is None or isinstance(r["history_type"], str)
        assert isinstance(r["email_body_text"], str)


@pytest.mark.parametrize("value", ["--5", "²", "9" * 5000, "12abc", "9999-12-31T23:59:59-05:00", "+25:00"])
def test_odd_numbers_and_dates_become_empty_values(value):
    lead = lead_of(
        {
            "email_lead_map_id": 1,
            "lead_category_id": value,
            "last_reply_time": value,
            "lead_next_timestamp_to_send": "2025-01-01T00:00:00+25:00",
        }
    )
    assert lead.fields["lead_category_id"] is None or isinstance(lead.fields["lead_category_id"], int)
    assert lead.fields["lead_next_timestamp_to_send"] is None


def test_sequence_count_is_unknown_in_the_documented_shape():
    assert lead_of({"campaign_lead_map_id": "5", "message_history": []}).fields["sequence_count"] is None
    flat = lead_of({"email_lead_map_id": 5, "email_history": [{"type": "SENT", "email_seq_number": "1"}]})
    assert flat.fields["sequence_count"] == 1


@settings(max_examples=examples(300))
@given(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)))
def test_a_time_in_the_apis_own_form_is_kept_and_other_forms_become_it(moment):
    own = moment.replace(tzinfo=UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    assert iso_or_none(own) == own
    assert iso_or_none(moment.replace(tzinfo=UTC).isoformat()) == own
    assert iso_or_none(own.replace("Z", "+00:00")) == own


@pytest.mark.parametrize("impossible", ["2025-13-01T00:00:00.000Z", "2025-02-30T10:00:00.000Z"])
def test_a_time_in_the_apis_form_that_does_not_exist_is_none(impossible):
    assert iso_or_none(impossible) is None
