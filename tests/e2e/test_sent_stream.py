"""The opt-in sent_emails stream: every lead of the sent list, replied or not, once."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_tap, run_tap_file, tap_config

SENT = "/master-inbox/sent"
CAMPAIGNS = [101, 102, 103, 104, 9001, 9002, 9003, 9004, 9005, 9006, 9007, 9008]


def discover(config, tmp_path):
    config_file = tmp_path / "discover-config.json"
    config_file.write_text(json.dumps(config))
    return json.loads(run_tap_file(config_file, "--discover").stdout)


def selecting(config, tmp_path, *streams):
    """A catalog file with just ``streams`` selected, as `meltano select` would write it."""
    catalog = discover(config, tmp_path)
    for entry in catalog["streams"]:
        for item in entry["metadata"]:
            if item["breadcrumb"] == []:
                item["metadata"]["selected"] = entry["tap_stream_id"] in streams
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog))
    return str(path)


def sent_ids(run):
    return [r["email_lead_map_id"] for r in run.records("sent_emails")]


def test_sent_emails_is_offered_full_table_but_not_selected_by_default(sandbox, tmp_path):
    catalog = discover(tap_config(sandbox), tmp_path)
    entry = next(s for s in catalog["streams"] if s["tap_stream_id"] == "sent_emails")
    top = next(m["metadata"] for m in entry["metadata"] if m["breadcrumb"] == [])
    assert top["selected-by-default"] is False
    assert entry["key_properties"] == ["email_lead_map_id"]
    assert top["forced-replication-method"] == "FULL_TABLE"
    assert entry["replication_method"] == "FULL_TABLE" and "valid-replication-keys" not in top
    run = run_tap(tap_config(sandbox), tmp_path)
    assert run.records("sent_emails", allow_empty=True) == []
    assert sandbox.requests_to(SENT) == []


@pytest.mark.parametrize("shape", ["flat", "documented"])
def test_selected_it_exports_every_sent_lead_once_replied_or_not(make_sandbox, tmp_path, shape):
    sandbox = make_sandbox(shape=shape, leads=90)
    config = tap_config(sandbox, limit_per_page=7)
    run = run_tap(config, tmp_path, "--catalog", selecting(config, tmp_path, "sent_emails"))
    assert sandbox.requests_to("/master-inbox/inbox-replies") == []
    expected = sandbox.expected(sent=True)
    assert sent_ids(run) == [lead["email_lead_map_id"] for lead in expected]
    assert len(expected) > len(sandbox.expected()), "leads that never replied are in it"
    records = {r["email_lead_map_id"]: r for r in run.records("sent_emails")}
    for lead in expected:
        record = records[lead["email_lead_map_id"]]
        assert (record["email_status"], record["lead_email"]) == (lead["email_status"], lead["lead_email"])
        assert record["source_endpoint"] == SENT
        if shape == "documented":
            assert record["last_message_replied_at"] == lead["last_reply_time"]
    assert {r.body["limit"] for r in sandbox.requests_to(SENT)} == {7}
    assert "sent_emails 0" not in run.stderr


def test_it_splits_long_id_lists_and_ignores_start_date(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=90)
    config = tap_config(sandbox, campaign_ids=CAMPAIGNS, start_date="2025-03-01")
    run = run_tap(config, tmp_path, "--catalog", selecting(config, tmp_path, "sent_emails"))
    requests = sandbox.requests_to(SENT)
    assert {len(r.body["filters"]["campaignId"]) for r in requests} == {5, 2}
    assert all("replyTimeBetween" not in r.body["filters"] for r in requests), "never-replied leads stay"
    expected = sandbox.expected({"campaignId": CAMPAIGNS}, sent=True)
    assert sorted(sent_ids(run)) == sorted(lead["email_lead_map_id"] for lead in expected)


def test_reply_times_given_in_filters_bound_it_as_the_docs_describe(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=90)
    between = ["2025-03-01T00:00:00.000Z", "2025-06-30T00:00:00.000Z"]
    config = tap_config(sandbox, filters={"replyTimeBetween": between, "emailStatus": ["Replied", "Opened"]})
    run = run_tap(config, tmp_path, "--catalog", selecting(config, tmp_path, "sent_emails"))
    assert {json.dumps(r.body["filters"]) for r in sandbox.requests_to(SENT)} == {
        json.dumps({"emailStatus": ["Replied", "Opened"], "replyTimeBetween": between})
    }
    expected = sandbox.expected(
        {"replyTimeBetween": between, "emailStatus": ["Replied", "Opened"]}, sent=True
    )
    assert sent_ids(run) == [lead["email_lead_map_id"] for lead in expected]


@pytest.mark.parametrize(
    ("sort_by", "churn_event", "churn_pick"),
    [
        ("REPLY_TIME_DESC", "reply", "lower-half"),
        ("REPLY_TIME_DESC", "reply", "behind"),
        ("SENT_TIME_DESC", "send", "lower-half"),
    ],
)
def test_leads_that_move_while_the_list_is_read_are_all_exported_once(
    make_sandbox, tmp_path, sort_by, churn_event, churn_pick
):
    sandbox = make_sandbox(
        leads=200, churn_every=2, churn_pick=churn_pick, churn_burst=2, churn_event=churn_event
    )
    before = {lead["email_lead_map_id"] for lead in sandbox.expected(sent=True)}
    config = tap_config(sandbox, max_concurrency=3, sort_by=sort_by)
    run = run_tap(config, tmp_path, "--catalog", selecting(config, tmp_path, "sent_emails"))
    exported = sent_ids(run)
    assert len(exported) == len(set(exported)), "no lead twice"
    assert before <= set(exported), f"lost {len(before - set(exported))} leads"
    changed = json.dumps(sandbox.expected(sent=True))
    assert "churn" in changed or "follow" in changed, "the list changed while it was read"


def test_dry_run_counts_the_sent_list_and_writes_nothing(sandbox, tmp_path):
    config = tap_config(sandbox, dry_run=True)
    run = run_tap(config, tmp_path, "--catalog", selecting(config, tmp_path, "sent_emails"))
    assert run.records("sent_emails", allow_empty=True) == []
    leads = len(sandbox.expected(sent=True))
    assert f"would get: sent_emails {leads};" in run.stderr
    assert f"Summary: {leads} sent_emails records, " in run.stderr, "no email rows to count"
