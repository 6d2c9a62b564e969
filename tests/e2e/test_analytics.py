"""End to end against the sandbox: reply kinds, thread metrics, category names and the
rest of each email (bcc, attachments), in both response shapes."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime

import pytest

from smartlead_sandbox.inbox import DELETED_CATEGORY_ID
from tests.conftest import run_tap, tap_config, write_state
from tests.e2e.test_sent_stream import discover, selecting

SHAPES = ["flat", "documented"]


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def expected_metrics(history: list[dict]) -> dict:
    """The metrics of one sandbox thread (time-ascending, every email timed), from the
    true kinds, spelled out the way docs/columns.md defines them."""
    kinds = [item.get("_kind") for item in history]
    humans = [i for i, item in enumerate(history) if item["type"] == "REPLY" and kinds[i] == "human"]
    sent = [i for i, item in enumerate(history) if item["type"] == "SENT"]
    replies = [i for i, item in enumerate(history) if item["type"] == "REPLY"]
    first_human = humans[0] if humans else len(history)
    before = [i for i in sent if humans and i < first_human]
    steps = [i for i in before if history[i]["email_seq_number"]]
    manual = [i for i in sent if not history[i]["email_seq_number"]]
    return {
        "first_sent_at": history[sent[0]]["time"] if sent else None,
        "first_reply_at": history[replies[0]]["time"] if replies else None,
        "first_human_reply_at": history[first_human]["time"] if humans else None,
        "seconds_to_first_human_reply": (
            round((_time(history[first_human]["time"]) - _time(history[before[-1]]["time"])).total_seconds())
            if before
            else None
        ),
        "replied_after_step": int(history[steps[-1]]["email_seq_number"]) if steps else None,
        "human_reply_count": len(humans),
        "auto_reply_count": kinds.count("auto_reply"),
        "bounce_count": kinds.count("bounce"),
        "unsubscribe_count": kinds.count("unsubscribe"),
        "last_human_reply_at": history[humans[-1]]["time"] if humans else None,
        "our_last_reply_at": history[manual[-1]]["time"] if manual else None,
        "awaiting_our_reply": bool(humans) and not [i for i in sent if i > humans[-1]],
    }


@pytest.fixture(scope="module", params=SHAPES)
def export(request, tmp_path_factory):
    from smartlead_sandbox import Sandbox, SandboxConfig

    with Sandbox(SandboxConfig(leads=300, rate_limit=None, shape=request.param)) as sandbox:
        run = run_tap(tap_config(sandbox, fetch_message_history=True), tmp_path_factory.mktemp("run"))
        yield sandbox, run


def test_every_reply_gets_its_true_kind_and_sent_emails_none(export):
    sandbox, run = export
    truth = sandbox.reply_kinds()
    assert set(truth.values()) == {"human", "auto_reply", "bounce", "unsubscribe"}
    rows = run.records("email_history")
    got = {
        (r["email_lead_map_id"], r["history_index"]): r["reply_kind"]
        for r in rows
        if r["history_type"] == "REPLY"
    }
    assert got == truth
    assert {r["reply_kind"] for r in rows if r["history_type"] == "SENT"} == {None}


def test_thread_metrics_follow_the_definitions_on_every_lead(export):
    sandbox, run = export
    expected = {
        lead["email_lead_map_id"]: expected_metrics(lead["email_history"]) for lead in sandbox.expected()
    }
    if sandbox.config.shape == "documented":  # its history has no sequence numbers
        for metrics in expected.values():
            metrics.update(replied_after_step=None, our_last_reply_at=None)
    leads = run.records("inbox_replies")
    assert len(leads) == len(expected)
    for record in leads:
        metrics = expected[record["email_lead_map_id"]]
        assert {name: record[name] for name in metrics} == metrics, record["email_lead_map_id"]


def test_the_inbox_holds_the_edge_cases_the_metrics_define(export):
    """Not vacuous: the sandbox serves threads of each case the docs' table names."""
    sandbox, run = export
    leads = run.records("inbox_replies")
    only_automatic = [r for r in leads if r["human_reply_count"] == 0 and r["reply_count"] > 0]
    assert only_automatic and all(r["first_human_reply_at"] is None for r in only_automatic)
    assert any(r["awaiting_our_reply"] for r in leads)
    assert any(r["human_reply_count"] and not r["awaiting_our_reply"] for r in leads), "answered threads"
    assert any(r["auto_reply_count"] and r["human_reply_count"] for r in leads)
    if sandbox.config.shape == "flat":  # the documented history has no sequence numbers
        assert {r["replied_after_step"] for r in leads} >= {1, 2, None}
        assert any(r["our_last_reply_at"] and r["human_reply_count"] for r in leads)


def test_every_lead_category_is_named_from_the_account_list_in_both_shapes(export):
    sandbox, run = export
    names = {c["id"]: c["name"] for c in sandbox.categories()}
    leads = run.records("inbox_replies")
    for record in leads:
        category = record["lead_category_id"]
        assert record["lead_category_name"] == names.get(category), record["email_lead_map_id"]
    assert any(
        r["lead_category_id"] == DELETED_CATEGORY_ID and r["lead_category_name"] is None for r in leads
    )
    custom = {r["lead_category_name"] for r in leads if (r["lead_category_id"] or 0) > 7}
    assert len(custom - {None}) >= 2, "custom categories with account-specific ids are named too"
    emails = run.records("email_history")
    assert {r["lead_category_name"] for r in emails} == {r["lead_category_name"] for r in leads}


def test_the_category_stream_lists_the_account_categories_once_from_one_request(export):
    sandbox, run = export
    records = run.records("lead_categories")
    assert [(r["id"], r["name"]) for r in records] == [(c["id"], c["name"]) for c in sandbox.categories()]
    for record, category in zip(records, sandbox.categories(), strict=True):
        extra = {k: v for k, v in category.items() if k not in ("id", "name")}
        assert json.loads(record["extra_fields_json"]) == extra
    assert len(sandbox.requests_to("/leads/fetch-categories")) == 1


def _as_list(value: object) -> list:
    if value is None or value == []:
        return []
    return value if isinstance(value, list) else [value]


def test_cc_bcc_and_attachments_of_every_email_are_kept(export):
    sandbox, run = export
    rows = {(r["email_lead_map_id"], r["history_index"]): r for r in run.records("email_history")}
    seen_attachments = 0
    for lead in sandbox.expected():
        for index, item in enumerate(lead["email_history"], start=1):
            row = rows[(lead["email_lead_map_id"], index)]
            assert row["history_bcc_joined"] == (";".join(_as_list(item.get("bcc"))) or None)
            attachments = _as_list(item.get("attachments"))
            assert json.loads(row["history_attachments_json"] or "[]") == attachments
            seen_attachments += len(attachments)
            if "reply_details" in item:
                assert json.loads(row["history_extra_json"])["reply_details"] == item["reply_details"]
    assert seen_attachments > 0


@pytest.mark.parametrize("shape", ["data", "categories"])
def test_the_category_list_in_other_shapes_gives_the_same_records(make_sandbox, tmp_path, shape):
    sandbox = make_sandbox(leads=20, categories_shape=shape)
    run = run_tap(tap_config(sandbox), tmp_path)
    assert [(r["id"], r["name"]) for r in run.records("lead_categories")] == [
        (c["id"], c["name"]) for c in sandbox.categories()
    ]


def test_lead_categories_is_offered_full_table_and_selected_by_default(make_sandbox, tmp_path):
    entry = next(
        s
        for s in discover(tap_config(make_sandbox(leads=5)), tmp_path)["streams"]
        if s["tap_stream_id"] == "lead_categories"
    )
    top = next(m["metadata"] for m in entry["metadata"] if m["breadcrumb"] == [])
    assert top["selected-by-default"] is True
    assert top["forced-replication-method"] == "FULL_TABLE" and "valid-replication-keys" not in top
    assert entry["key_properties"] == ["id"]


def test_unselected_the_category_list_is_still_read_once_to_name_the_leads(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=40)
    catalog = selecting(tap_config(sandbox), tmp_path, "inbox_replies", "email_history")
    run = run_tap(tap_config(sandbox), tmp_path, "--catalog", catalog)
    assert run.records("lead_categories", allow_empty=True) == []
    assert len(sandbox.requests_to("/leads/fetch-categories")) == 1
    names = {c["id"]: c["name"] for c in sandbox.categories()}
    leads = run.records("inbox_replies")
    assert [r["lead_category_name"] for r in leads] == [names.get(r["lead_category_id"]) for r in leads]
    assert any(r["lead_category_name"] for r in leads)


def test_an_answer_of_ours_to_an_old_reply_updates_the_thread_on_the_next_incremental_run(
    make_sandbox, tmp_path
):
    """Our email moves last_sent_time, not last_reply_time: the windows alone would never
    bring the lead again, and the warehouse would keep it awaiting our reply for ever."""
    sandbox = make_sandbox(leads=80)
    first = run_tap(tap_config(sandbox), tmp_path)
    waiting = [r for r in first.records("inbox_replies") if r["awaiting_our_reply"]]
    answered = [r["email_lead_map_id"] for r in waiting[:3]]
    assert len(answered) == 3 and all(r["last_reply_time"] < "2026" for r in waiting[:3]), "older than a day"
    for map_id in answered:
        sandbox.inbox.add_sent(map_id)
    sandbox.log.clear()

    second = run_tap(tap_config(sandbox), tmp_path, "--state", write_state(tmp_path, first.states()[-1]))
    records = {r["email_lead_map_id"]: r for r in second.records("inbox_replies")}
    assert sorted(records) == sorted(answered), "those leads again, and only those"
    for map_id in answered:
        record = records[map_id]
        assert record["awaiting_our_reply"] is False
        assert record["our_last_reply_at"] == record["last_sent_time"] > record["last_reply_time"]
    threads = Counter(r["email_lead_map_id"] for r in second.records("email_history"))
    assert threads == {m: len(sandbox.inbox.by_map_id(m)["email_history"]) for m in answered}
    assert len(sandbox.sent_time_pages) == 1, "the head of the inbox by sent time: one page"
