"""The sandbox API is a product of its own: the tests, demo and benchmarks rely on each behaviour."""

from __future__ import annotations

import requests

from tests.sandbox import SANDBOX_KEY
from tests.sandbox.inbox import generate_inbox

INBOX_PATH = "/master-inbox/inbox-replies"


def post(sandbox, path=INBOX_PATH, body=None, key=SANDBOX_KEY, history="true"):
    return requests.post(
        f"{sandbox.url}{path}",
        params={"api_key": key, "fetch_message_history": history},
        json=body if body is not None else {"offset": 0, "limit": 20},
        timeout=10,
    )


def test_the_generated_inbox_is_deterministic_and_awkward():
    first, second = generate_inbox(100, seed=5), generate_inbox(100, seed=5)
    assert first.leads == second.leads
    leads = first.leads
    assert any(not lead["last_reply_time"] for lead in leads), "leads that never replied"
    assert any(lead["lead_last_name"] is None for lead in leads)
    assert any("\n" in lead["email_campaign_name"] for lead in leads)
    assert any(any(ord(ch) > 127 for ch in lead["lead_first_name"]) for lead in leads)
    items = [item for lead in leads for item in lead["email_history"]]
    assert any(item["type"] == "REPLY" and "subject" not in item for item in items)
    assert {type(item["cc"]) for item in items} >= {list, str, type(None)}
    assert any("gmail_quote" in item["email_body"] for item in items)
    assert any(item["message_id"] is None for item in items)


def test_flat_shape_has_data_and_no_total_count(make_sandbox):
    body = post(make_sandbox(shape="flat")).json()
    assert body["ok"] is True and "total_count" not in body
    assert isinstance(body["data"][0]["email_lead_map_id"], str)
    assert body["data"][0]["email_history"][0]["type"] in ("SENT", "REPLY")


def test_documented_shape_has_messages_total_count_and_directions(make_sandbox):
    sandbox = make_sandbox(shape="documented")
    body = post(sandbox).json()
    assert body["total_count"] == len(sandbox.expected())
    message = body["messages"][0]
    assert {"lead", "campaign", "email_account", "category", "message_history"} <= set(message)
    assert {item["direction"] for item in message["message_history"]} <= {"inbound", "outbound"}
    assert "message_history" not in post(sandbox, history="false").json()["messages"][0]


def test_wrong_key_is_401(sandbox):
    answer = post(sandbox, key="nope")
    assert answer.status_code == 401
    assert answer.json() == {"message": "Invalid API Key"}


def test_caps_and_unknown_keys_are_422_with_the_api_error_body(sandbox):
    answer = post(sandbox, body={"filters": {"campaignId": list(range(10))}})
    assert answer.status_code == 422
    assert answer.json() == {
        "error": "campaignId array cannot exceed 5 items",
        "field": "filters.campaignId",
        "provided_count": 10,
        "max_allowed": 5,
    }
    assert post(sandbox, body={"limit": 21}).status_code == 422
    assert post(sandbox, body={"filters": {"emailCampaignIdIn": [1]}}).status_code == 422
    assert post(sandbox, body={"filters": {"replyTimeBetween": {"from": "x"}}}).status_code == 422
    assert post(sandbox, body={"filters": {"emailStatus": "Maybe"}}).status_code == 422


def test_filters_and_sorting_follow_the_docs(sandbox):
    body = {
        "offset": 0,
        "limit": 20,
        "filters": {"campaignId": 101, "leadCategories": {"categoryIdsNotIn": [6]}},
        "sortBy": "SENT_TIME_DESC",
    }
    rows = post(sandbox, body=body).json()["data"]
    assert rows and all(r["email_campaign_id"] == 101 and r["lead_category_id"] != 6 for r in rows)
    sent = [r["last_sent_time"] for r in rows]
    assert sent == sorted(sent, reverse=True)


def test_leads_that_never_replied_are_in_sent_only(sandbox):
    replied = {r["email_lead_map_id"] for r in post(sandbox, body={"limit": 20, "offset": 0}).json()["data"]}
    everyone = []
    for offset in range(0, 200, 20):
        everyone += post(sandbox, "/master-inbox/sent", body={"offset": offset, "limit": 20}).json()["data"]
    silent = [r for r in everyone if not r["last_reply_time"]]
    assert silent and not {r["email_lead_map_id"] for r in silent} & replied
    assert len(everyone) == len(sandbox.inbox.leads)


def test_rate_limit_answers_429_with_retry_after(make_sandbox):
    sandbox = make_sandbox(rate_limit=(10, 2.0))
    statuses = [post(sandbox).status_code for _ in range(12)]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429
    assert int(post(sandbox).headers["Retry-After"]) >= 1


def test_faults_are_injected_from_a_seed(make_sandbox):
    sandbox = make_sandbox(p_500=0.5, fault_seed=4)
    first = [post(sandbox).status_code for _ in range(20)]
    again = make_sandbox(p_500=0.5, fault_seed=4)
    assert first == [post(again).status_code for _ in range(20)]
    assert 500 in first and 200 in first


def test_the_inbox_changes_while_it_is_read(make_sandbox):
    sandbox = make_sandbox(churn_every=1)
    top_before = post(sandbox).json()["data"][0]["email_lead_map_id"]
    top_after = post(sandbox).json()["data"][0]
    assert top_after["email_lead_map_id"] != top_before
    assert top_after["email_history"][-1]["subject"] == "Re: one more thing"


def test_latency_is_added(make_sandbox):
    sandbox = make_sandbox(history_latency=0.3)
    answer = post(sandbox)
    assert answer.elapsed.total_seconds() >= 0.3
