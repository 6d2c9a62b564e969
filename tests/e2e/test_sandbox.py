"""The sandbox API is a product of its own: the tests, demo and benchmarks rely on each behaviour."""

from __future__ import annotations

import json
import socket
import time
import zlib

import pytest
import requests

from smartlead_sandbox import SANDBOX_KEY, Sandbox, SandboxConfig
from smartlead_sandbox.inbox import generate_inbox
from smartlead_sandbox.server import TLS_DIR
from tests.conftest import eventually

INBOX_PATH = "/master-inbox/inbox-replies"


def post(sandbox, path=INBOX_PATH, body=None, key=SANDBOX_KEY, history="true", **options):
    return requests.post(
        f"{sandbox.url}{path}",
        params={"api_key": key, "fetch_message_history": history},
        json=body if body is not None else {"offset": 0, "limit": 20},
        timeout=10,
        **options,
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


# --- what an API behind a CDN or load balancer does (smartlead_sandbox/edge.py) ----------

API_PATH = "/api/v1/master-inbox/inbox-replies"
SMALL_PAGE = {"offset": 0, "limit": 1}


def page_ids(answer):
    return [row["email_lead_map_id"] for row in answer.json()["data"]]


def wait_for_log(sandbox, count):
    """The log is kept as answers finish: a client can have its answer a moment before."""
    deadline = time.monotonic() + 10
    while len(sandbox.log) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(sandbox.log) == count


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_cross_origin_redirect_points_at_the_recorder_with_the_key_in_its_query(make_sandbox, status):
    sandbox = make_sandbox(redirect=f"cross-origin-{status}")
    answer = post(sandbox, allow_redirects=False)
    assert answer.status_code == status
    query = f"api_key={SANDBOX_KEY}&fetch_message_history=true"
    assert answer.headers["Location"] == f"http://127.0.0.1:{sandbox.recorder.port}{API_PATH}?{query}"
    assert sandbox.recorder.port != sandbox.port
    wait_for_log(sandbox, 1)
    assert [(r.path, r.params, r.status) for r in sandbox.log] == [
        (API_PATH, {"fetch_message_history": "true"}, status)
    ], "the redirect is logged, without the key"
    assert sandbox.recorder.received == [], "nothing followed it"


def test_the_recorder_keeps_what_it_got_and_answers_a_post_like_the_api(make_sandbox):
    sandbox = make_sandbox(redirect="cross-origin-307")
    location = post(sandbox, allow_redirects=False).headers["Location"]
    sent = json.dumps(SMALL_PAGE).encode()
    answer = requests.post(location, data=sent, headers={"Content-Type": "application/json"}, timeout=10)
    assert answer.status_code == 200
    assert page_ids(answer) == [sandbox.expected()[0]["email_lead_map_id"]]
    got = requests.get(location, timeout=10)
    assert got.status_code == 405 and got.json() == {"message": "Method Not Allowed"}
    post_received, get_received = sandbox.recorder.received
    assert (post_received.method, post_received.path, post_received.body) == ("POST", API_PATH, sent)
    assert post_received.query == f"api_key={SANDBOX_KEY}&fetch_message_history=true"
    assert post_received.headers["Content-Type"] == "application/json"
    assert (get_received.method, get_received.body) == ("GET", b"")
    wait_for_log(sandbox, 1)
    assert [r.status for r in sandbox.log] == [307], "the recorder's requests are its own"


def test_a_naive_client_that_follows_a_307_succeeds_and_hands_the_key_over(make_sandbox):
    sandbox = make_sandbox(redirect="cross-origin-307")
    answer = post(sandbox, body=SMALL_PAGE)
    assert answer.status_code == 200 and [r.status_code for r in answer.history] == [307]
    assert page_ids(answer) == [sandbox.expected()[0]["email_lead_map_id"]]
    (received,) = sandbox.recorder.received
    assert f"api_key={SANDBOX_KEY}" in received.query
    assert json.loads(received.body) == SMALL_PAGE


def test_a_302_turns_a_followed_post_into_a_get_which_the_recorder_refuses(make_sandbox):
    sandbox = make_sandbox(redirect="cross-origin-302")
    answer = post(sandbox)
    assert answer.status_code == 405
    assert [r.method for r in sandbox.recorder.received] == ["GET"]


def test_redirects_can_start_mid_run(make_sandbox):
    sandbox = make_sandbox(redirect="cross-origin-308", redirect_after=2)
    assert [post(sandbox, allow_redirects=False).status_code for _ in range(4)] == [200, 200, 308, 308]


def test_a_redirect_comes_before_the_key_check(make_sandbox):
    sandbox = make_sandbox(redirect="cross-origin-307")
    answer = post(sandbox, key="nope", allow_redirects=False)
    assert answer.status_code == 307 and "api_key=nope" in answer.headers["Location"]


def test_a_same_origin_redirect_serves_the_page_under_moved(make_sandbox):
    sandbox = make_sandbox(redirect="same-origin-307")
    first = post(sandbox, body=SMALL_PAGE, allow_redirects=False)
    query = f"api_key={SANDBOX_KEY}&fetch_message_history=true"
    assert first.status_code == 307
    assert first.headers["Location"] == f"http://127.0.0.1:{sandbox.port}/moved{API_PATH}?{query}"
    followed = post(sandbox, body=SMALL_PAGE)
    assert followed.status_code == 200 and [r.status_code for r in followed.history] == [307]
    assert page_ids(followed) == [sandbox.expected()[0]["email_lead_map_id"]]
    wait_for_log(sandbox, 3)
    assert [(r.path, r.status) for r in sandbox.log] == [
        (API_PATH, 307),
        (API_PATH, 307),
        (f"/moved{API_PATH}", 200),
    ]
    assert sandbox.recorder.received == []


def test_moved_is_an_unknown_path_without_that_redirect(sandbox):
    answer = requests.post(
        f"http://127.0.0.1:{sandbox.port}/moved{API_PATH}",
        params={"api_key": SANDBOX_KEY},
        json={},
        timeout=10,
    )
    assert answer.status_code == 404


@pytest.mark.parametrize("redirect", ["downgrade", "downgrade-same-port"])
def test_a_downgrade_sends_an_https_client_to_plain_http(make_sandbox, redirect):
    sandbox = make_sandbox(tls=True, redirect=redirect)
    answer = requests.post(
        f"{sandbox.url}{INBOX_PATH}",
        params={"api_key": SANDBOX_KEY},
        json=SMALL_PAGE,
        verify=str(TLS_DIR / "cert.pem"),
        allow_redirects=False,
        timeout=10,
    )
    port = sandbox.recorder.port if redirect == "downgrade" else sandbox.port
    assert answer.status_code == 308
    assert answer.headers["Location"] == f"http://127.0.0.1:{port}{API_PATH}?api_key={SANDBOX_KEY}"


def test_an_unknown_redirect_is_refused_at_once():
    with pytest.raises(ValueError, match="unknown redirect"):
        Sandbox(SandboxConfig(redirect="cross-origin-303"))


def test_edge_pages_are_cdn_html_with_the_chosen_status(make_sandbox):
    sandbox = make_sandbox(edge_answers=2, edge_statuses=(522,))
    first, second, third = (post(sandbox) for _ in range(3))
    for answer in (first, second):
        assert answer.status_code == 522
        assert answer.headers["Content-Type"].startswith("text/html")
        assert answer.text.startswith("<!DOCTYPE html>")
        assert "<title>127.0.0.1 | 522: Connection timed out</title>" in answer.text
        assert "<style>" in answer.text and "<script>" in answer.text and "Ray ID: <strong" in answer.text
        assert 1000 <= len(answer.content) <= 2048
    assert third.status_code == 200 and third.json()["ok"] is True
    wait_for_log(sandbox, 3)
    assert [r.status for r in sandbox.log] == [522, 522, 200]


def test_edge_faults_draw_their_status_from_the_seed(make_sandbox):
    statuses = (502, 520, 524)
    first = make_sandbox(p_edge=0.6, fault_seed=3, edge_statuses=statuses)
    again = make_sandbox(p_edge=0.6, fault_seed=3, edge_statuses=statuses)
    seen = [post(first).status_code for _ in range(20)]
    assert seen == [post(again).status_code for _ in range(20)]
    assert 200 in seen and set(seen) - {200} <= set(statuses) and len(set(seen) - {200}) >= 2


def test_a_storm_refuses_exactly_count_admitted_requests(make_sandbox):
    sandbox = make_sandbox(storm=(3, 4), stray_429_wait=7)
    assert post(sandbox, key="nope").status_code == 401, "not admitted: not counted"
    answers = [post(sandbox) for _ in range(8)]
    assert [a.status_code for a in answers] == [200, 200, 429, 429, 429, 429, 200, 200]
    assert {a.headers["Retry-After"] for a in answers[2:6]} == {"7"}


def test_every_rate_limit_refusal_can_use_another_status(make_sandbox):
    sliding = make_sandbox(rate_limit=(2, 30.0), rate_limit_status=406)
    assert [post(sliding).status_code for _ in range(3)] == [200, 200, 406]
    stray = make_sandbox(p_429=1.0, rate_limit_status=406, stray_429_wait=3)
    refusal = post(stray)
    assert refusal.status_code == 406 and refusal.headers["Retry-After"] == "3"
    assert refusal.json() == {"message": "Rate limit exceeded: 10 requests"}
    storm = make_sandbox(storm=(1, 1), rate_limit_status=406)
    assert post(storm).status_code == 406
    budget = make_sandbox(hourly_budget=(1, 30.0), rate_limit_status=406)
    assert [post(budget).status_code for _ in range(2)] == [200, 406]


def test_retry_after_hints_that_are_not_numbers(make_sandbox):
    nan = post(make_sandbox(p_429=1.0, rate_limit_hint="nan"))
    assert nan.status_code == 429 and nan.headers["Retry-After"] == "nan"
    bogus = post(make_sandbox(p_429=1.0, rate_limit_hint="bogus"))
    assert bogus.status_code == 429
    assert (bogus.headers["Retry-After"], bogus.headers["X-RateLimit-Reset"]) == ("soon", "never")
    assert bogus.json() == {"error": {"code": "RATE_LIMIT_EXCEEDED", "retry_after": "later"}}


@pytest.mark.slow  # waits out real seconds (the budget's window)
def test_the_hourly_budget_refuses_until_its_window_ends(make_sandbox):
    sandbox = make_sandbox(hourly_budget=(3, 2.0))
    assert post(sandbox, key="nope").status_code == 401, "checked after the key"
    assert [post(sandbox).status_code for _ in range(3)] == [200, 200, 200]
    refused = post(sandbox)
    assert refused.status_code == 429
    wait = int(refused.headers["Retry-After"])
    assert 1 <= wait <= 2
    assert refused.headers["X-RateLimit-Limit"] == "3"
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    assert time.time() - 1 <= int(refused.headers["X-RateLimit-Reset"]) <= time.time() + 3
    assert refused.json() == {
        "error": {
            "code": "RATE_LIMIT_EXCEEDED",
            "message": "Hourly request limit reached",
            "retry_after": wait,
        }
    }
    assert post(sandbox).status_code == 429
    window_end = sandbox.edge.budget_end
    assert window_end is not None and eventually(lambda: time.monotonic() >= window_end)
    assert [post(sandbox).status_code for _ in range(4)] == [200, 200, 200, 429], "a new window"


def test_the_hourly_budget_comes_before_the_sliding_window(make_sandbox):
    sandbox = make_sandbox(hourly_budget=(2, 30.0), rate_limit=(2, 30.0))
    refused = [post(sandbox) for _ in range(3)][-1]
    assert refused.json()["error"]["message"] == "Hourly request limit reached"


def raw_post(sandbox, body=SMALL_PAGE):
    """A socket with one POST sent on it, for reading an answer byte by byte."""
    data = json.dumps(body).encode()
    conn = socket.create_connection(("127.0.0.1", sandbox.port), timeout=10)
    conn.sendall(
        f"POST {API_PATH}?api_key={SANDBOX_KEY}&fetch_message_history=false HTTP/1.1\r\n"
        f"Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n"
        "Connection: close\r\n\r\n".encode()
        + data
    )
    return conn


def read_all(conn):
    pieces = []
    while piece := conn.recv(65536):
        pieces.append(piece)
    return pieces


def test_a_dripped_body_arrives_whole_when_read_patiently(make_sandbox):
    sandbox = make_sandbox(leads=3, drip_answers=1, drip_interval=0.001, drip_chunk=4)
    dripped = post(sandbox, body=SMALL_PAGE, history="false")
    normal = post(sandbox, body=SMALL_PAGE, history="false")
    assert dripped.status_code == 200 and int(dripped.headers["Content-Length"]) == len(dripped.content)
    assert dripped.content == normal.content and len(dripped.content) > 500
    wait_for_log(sandbox, 2)
    assert [(r.status, r.cut_after) for r in sandbox.log] == [(200, None), (200, None)]


def test_a_client_that_leaves_a_drip_is_logged_with_when(make_sandbox):
    sandbox = make_sandbox(leads=3, drip_answers=1, drip_interval=0.01)
    conn = raw_post(sandbox)
    received = b""
    while b"\r\n\r\n" not in received or len(received.split(b"\r\n\r\n", 1)[1]) < 5:
        received += conn.recv(65536)
    conn.close()
    head, body = received.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 200 OK") and b"Content-Length: " in head
    assert body.startswith(b'{"ok"')
    wait_for_log(sandbox, 1)
    (logged,) = sandbox.log
    assert logged.status == 200
    assert logged.cut_after is not None and 0.01 <= logged.cut_after < 5


def test_dripped_headers_come_a_byte_at_a_time(make_sandbox):
    sandbox = make_sandbox(
        leads=3, drip_answers=1, drip_headers=True, drip_interval=0.002, drip_chunk=100_000
    )
    conn = raw_post(sandbox)
    pieces = read_all(conn)
    conn.close()
    response = b"".join(pieces)
    head, body = response.split(b"\r\n\r\n", 1)
    first_with_end = next(i for i in range(len(pieces)) if b"\r\n\r\n" in b"".join(pieces[: i + 1]))
    assert first_with_end > 10, "the head took many reads"
    assert head.startswith(b"HTTP/1.1 200 OK\r\n")
    length = int(next(line for line in head.split(b"\r\n") if line.startswith(b"Content-Length:")).split()[1])
    assert length == len(body) and json.loads(body)["ok"] is True
    wait_for_log(sandbox, 1)
    assert sandbox.log[0].cut_after is None


def test_a_small_gzip_body_inflates_to_hundreds_of_mb(make_sandbox):
    sandbox = make_sandbox(gzip_answers=1)
    answer = requests.post(
        f"{sandbox.url}{INBOX_PATH}", params={"api_key": SANDBOX_KEY}, json={}, stream=True, timeout=30
    )
    assert answer.status_code == 200 and answer.headers["Content-Encoding"] == "gzip"
    length = int(answer.headers["Content-Length"])
    assert length < 1_000_000
    first = answer.raw.read(16384, decode_content=False)
    assert zlib.decompressobj(31).decompress(first, 64).startswith(b'{"ok": true')
    assert len(first) + len(answer.raw.read(decode_content=False)) == length
    assert post(sandbox).json()["ok"] is True, "the next answer is plain again"
    wait_for_log(sandbox, 2)
    assert [r.status for r in sandbox.log] == [200, 200]


def test_the_gzip_body_is_one_json_page_of_exactly_gzip_mb(make_sandbox):
    sandbox = make_sandbox(gzip_answers=1, gzip_mb=2)
    answer = requests.post(
        f"{sandbox.url}{INBOX_PATH}", params={"api_key": SANDBOX_KEY}, json={}, stream=True, timeout=30
    )
    raw = answer.raw.read(decode_content=False)
    inflated = zlib.decompress(raw, 31)
    assert len(inflated) == 2 * 1024 * 1024
    page = json.loads(inflated)
    assert {k: v for k, v in page.items() if k != "pad"} == {"ok": True, "data": [], "offset": 0, "limit": 20}
    assert set(page["pad"]) == {"a"}


def test_a_deep_body_is_nested_arrays(make_sandbox):
    sandbox = make_sandbox(deep_answers=1)
    answer = post(sandbox)
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("application/json")
    assert answer.content.startswith(b"[" * 1000)
    assert answer.content == b"[" * 100_000 + b"]" * 100_000
    assert post(sandbox).json()["ok"] is True


# --- what live accounts hold: replies of four kinds, copies and files, categories --------

CATEGORIES_PATH = "/leads/fetch-categories"
KINDS = {"human", "auto_reply", "bounce", "unsubscribe"}
DAEMONS = {"mailer-daemon@googlemail.com", "postmaster@outlook.com", "MAILER-DAEMON@mx.example"}
STANDARD = {
    1: "Interested",
    2: "Meeting Request",
    3: "Not Interested",
    4: "Do Not Contact",
    5: "Information Request",
    6: "Out Of Office",
    7: "Wrong Person",
}
CUSTOM = {1234: "Custom: Partner", 1454: "Referral", 2987: "Budget next quarter"}


def get(sandbox, path=CATEGORIES_PATH, key=SANDBOX_KEY, **options):
    return requests.get(f"{sandbox.url}{path}", params={"api_key": key}, timeout=10, **options)


def every_page(sandbox, path=INBOX_PATH):
    """Every page of a list, as served (the raw answers)."""
    answers, offset = [], 0
    while True:
        answer = post(sandbox, path, body={"offset": offset, "limit": 20})
        assert answer.status_code == 200
        answers.append(answer)
        if len(answer.json().get("data", answer.json().get("messages", []))) < 20:
            return answers
        offset += 20


def replies_of(lead):
    return [item for item in lead["email_history"] if item["type"] == "REPLY"]


def test_replies_come_in_four_kinds_and_the_true_kind_of_each_is_kept(make_sandbox):
    sandbox = make_sandbox(leads=200)
    kinds = sandbox.reply_kinds()
    leads = sandbox.expected()
    assert len(kinds) == sum(len(replies_of(lead)) for lead in leads), "every reply has its kind"
    for lead in leads:
        for index, item in enumerate(lead["email_history"], start=1):
            if item["type"] == "REPLY":
                assert kinds[(lead["email_lead_map_id"], index)] == item["_kind"]
    counts = {kind: list(kinds.values()).count(kind) for kind in KINDS}
    assert counts["human"] > len(kinds) / 2, counts
    assert all(counts[kind] >= 10 for kind in KINDS), counts


def test_each_kind_reads_like_it_does_in_a_live_inbox(make_sandbox):
    sandbox = make_sandbox(leads=200)
    items = [(lead, item) for lead in sandbox.expected() for item in replies_of(lead)]
    by_kind = {kind: [(lead, item) for lead, item in items if item["_kind"] == kind] for kind in KINDS}
    bounce_subjects = {item.get("subject", "").split(":")[0] for _, item in by_kind["bounce"]}
    assert bounce_subjects >= {
        "Delivery Status Notification (Failure)",
        "Undeliverable",
        "Mail delivery failed",
        "Undelivered Mail Returned to Sender",
    }
    assert bounce_subjects & {"Unzustellbar", "Non remis "}, "a localized one"
    for lead, bounce in by_kind["bounce"]:
        assert bounce["from"] in DAEMONS and lead["lead_email"] != bounce["from"]
        assert lead["lead_email"] in bounce["email_body"] and "550 5.1.1" in bounce["email_body"]
        history = lead["email_history"]
        at = history.index(bounce)
        assert history[at - 1]["type"] == "SENT" and history[at - 1]["stats_id"] == bounce["stats_id"]
        assert not any(item.get("_kind") == "human" for item in history[at:]), "no reply of her own after"
        assert lead["last_reply_time"] == bounce["time"], "Smartlead counts a bounce as a reply"
        assert lead["email_status"] == "Bounced"
    bodies = " ".join(item["email_body"] for _, item in by_kind["bounce"])
    for phrase in ("Address not found", "couldn't be delivered", "mail delivery software"):
        assert phrase in bodies
    auto_subjects = {item["subject"] for _, item in by_kind["auto_reply"]}
    for prefix in ("Automatic reply: ", "Out of Office: ", "Abwesenheitsnotiz: ", "Réponse automatique : "):
        assert any(subject.startswith(prefix) for subject in auto_subjects), prefix
    auto_texts = " ".join(item["_text"] for _, item in by_kind["auto_reply"])
    assert "no longer with the company" in auto_texts and "[#48213]" in auto_texts
    unsubscribe_texts = {item["_text"] for _, item in by_kind["unsubscribe"]}
    assert {
        "Unsubscribe",
        "Not interested, please remove me.",
        "Bitte keine weiteren E-Mails.",
    } <= unsubscribe_texts
    human_texts = {item["_text"] for _, item in by_kind["human"]}
    assert "I'm out of the office until Monday, limited access to email." not in human_texts
    assert "Not interested, please remove me." not in human_texts


def test_threads_tell_the_stories_live_accounts_show(make_sandbox):
    leads = make_sandbox(leads=200).expected()
    stories = [
        [
            item.get("_kind") or ("SENT" if item["email_seq_number"] else "MANUAL")
            for item in lead["email_history"]
        ]
        for lead in leads
    ]
    replies = [[step for step in story if step not in ("SENT", "MANUAL")] for story in stories]
    assert any(set(kinds) == {"auto_reply"} for kinds in replies), "only auto-replies came back"
    assert any(kinds[:2] == ["auto_reply", "human"] for kinds in replies), "a person after an auto-reply"
    after_human = [story[story.index("human") + 1 :] for story in stories if "human" in story]
    assert any("MANUAL" in rest for rest in after_human), "we answered by hand"
    assert any(story[-1] == "human" for story in stories), "a person awaits our answer"
    assert all(lead["last_reply_time"] for lead in leads), "auto-replies and bounces count as replies"


def test_sent_bodies_end_with_an_unsubscribe_link_that_replies_quote(sandbox):
    leads = sandbox.expected()
    campaign = [item for lead in leads for item in lead["email_history"] if item["email_seq_number"]]
    assert all('Not interested? <a href="https://' in item["email_body"] for item in campaign)
    assert all(item["email_body"].endswith("Unsubscribe</a></p></body></html>") for item in campaign)
    quoting = [
        item
        for lead in leads
        for item in replies_of(lead)
        if item["_kind"] == "human" and "we help teams" in item["email_body"]
    ]
    assert quoting and all(
        "Unsubscribe</a>" in item["email_body"].split("gmail_quote")[1] for item in quoting
    )
    assert all("nsubscribe" not in item["_text"] for item in quoting), "the person did not ask"


@pytest.mark.parametrize("shape", ["flat", "documented"])
def test_nothing_private_is_served_in_either_shape(make_sandbox, shape):
    sandbox = make_sandbox(shape=shape)
    answers = every_page(sandbox) + every_page(sandbox, "/master-inbox/sent")
    served = 0
    for answer in answers:
        assert '"_kind"' not in answer.text and '"_text"' not in answer.text
        served += answer.text.count('"REPLY"') + answer.text.count('"inbound"')
    assert served >= len(sandbox.reply_kinds())
    assert all("_kind" in item for lead in sandbox.expected() for item in replies_of(lead)), "kept inside"


def test_bcc_attachments_and_reply_details_are_served_in_both_shapes(make_sandbox):
    flat = make_sandbox(shape="flat")
    documented = make_sandbox(shape="documented")
    flat_items = [item for a in every_page(flat) for row in a.json()["data"] for item in row["email_history"]]
    doc_items = [
        item
        for a in every_page(documented)
        for row in a.json()["messages"]
        for item in row["message_history"]
    ]
    assert len(flat_items) == len(doc_items)
    for key in ("bcc", "attachments", "reply_details", "sl_tracking"):
        assert [item.get(key, "absent") for item in flat_items] == [
            item.get(key, "absent") for item in doc_items
        ]
    assert {type(item.get("bcc", "absent")) for item in flat_items} == {list, str, type(None)}
    assert any("bcc" not in item for item in flat_items)
    assert {item["type"] for item in flat_items if item.get("attachments")} == {"SENT", "REPLY"}
    assert any(item.get("attachments") == [] for item in flat_items)
    files = [f for item in flat_items for f in item.get("attachments") or []]
    assert all(
        set(f) == {"file_url", "file_name", "file_type"} and f["file_url"].startswith("https://")
        for f in files
    )
    names = {f["file_name"] for f in files}
    assert "Proposal Q3.pdf" in names and 'Pricing, "final" — Ü.xlsx' in names
    assert {item["type"] for item in flat_items if "sl_tracking" in item} == {"SENT", "REPLY"}
    assert all(isinstance(item["reply_details"], dict) for item in flat_items if "reply_details" in item)


@pytest.mark.parametrize(
    ("shape", "unwrap"),
    [
        ("list", lambda body: body),
        ("data", lambda body: body["data"]),
        ("categories", lambda body: body["categories"]),
    ],
)
def test_the_categories_endpoint_lists_standard_and_custom_categories(make_sandbox, shape, unwrap):
    sandbox = make_sandbox(categories_shape=shape)
    answer = get(sandbox)
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("application/json")
    body = answer.json()
    if shape == "data":
        assert body["ok"] is True
    categories = unwrap(body)
    assert {c["id"]: c["name"] for c in categories} == {**STANDARD, **CUSTOM}
    assert categories == sandbox.categories()
    assert all({"created_at", "sentiment_type", "description"} <= set(c) for c in categories)
    assert any(c["description"] is None for c in categories) and any(c["description"] for c in categories)
    wait_for_log(sandbox, 1)
    assert [(r.method, r.path, r.params, r.status) for r in sandbox.log] == [
        ("GET", f"/api/v1{CATEGORIES_PATH}", {}, 200)
    ]
    assert len(sandbox.requests_to(CATEGORIES_PATH)) == 1


def test_the_unknown_categories_shape_holds_every_name_under_its_id_and_no_list(make_sandbox):
    body = get(make_sandbox(categories_shape="unknown")).json()
    assert body == {"ok": True, "names_by_id": {str(k): v for k, v in {**STANDARD, **CUSTOM}.items()}}


def test_an_unknown_categories_shape_is_refused_at_once():
    with pytest.raises(ValueError, match="unknown categories_shape"):
        Sandbox(SandboxConfig(categories_shape="dict"))


def test_the_categories_endpoint_refuses_what_the_other_endpoints_refuse(make_sandbox):
    sandbox = make_sandbox()
    wrong = get(sandbox, key="nope")
    assert wrong.status_code == 401 and wrong.json() == {"message": "Invalid API Key"}
    assert requests.get(f"{sandbox.url}{CATEGORIES_PATH}", timeout=10).status_code == 401
    assert get(sandbox, path=INBOX_PATH).status_code == 404, "the inbox is read by POST"
    assert post(sandbox, path=CATEGORIES_PATH).status_code == 404, "the categories by GET"
    limited = make_sandbox(rate_limit=(2, 30.0))
    assert [get(limited).status_code, post(limited).status_code, get(limited).status_code] == [200, 200, 429]
    assert int(get(limited).headers["Retry-After"]) >= 1
    assert get(make_sandbox(p_500=1.0)).status_code == 500
    outage = make_sandbox(outage_after=1)
    assert [get(outage).status_code, get(outage).status_code] == [200, 503]
    assert get(make_sandbox(forced_error=(503, {"message": "down"}))).status_code == 503
    assert get(make_sandbox(edge_answers=1, edge_statuses=(522,))).status_code == 522
    truncated = get(make_sandbox(p_truncate=1.0))
    assert truncated.status_code == 200 and truncated.text.startswith("[{")
    with pytest.raises(requests.exceptions.JSONDecodeError):
        truncated.json()


def test_the_categories_endpoint_is_redirected_like_the_others(make_sandbox):
    same = make_sandbox(redirect="same-origin-307")
    followed = get(same)
    assert [r.status_code for r in followed.history] == [307] and followed.json() == same.categories()
    wait_for_log(same, 2)
    assert [(r.method, r.path, r.status) for r in same.log] == [
        ("GET", f"/api/v1{CATEGORIES_PATH}", 307),
        ("GET", f"/moved/api/v1{CATEGORIES_PATH}", 200),
    ]
    cross = make_sandbox(redirect="cross-origin-302")
    answer = get(cross)
    assert [r.status_code for r in answer.history] == [302] and answer.json() == cross.categories()
    (received,) = cross.recorder.received
    assert received.method == "GET" and f"api_key={SANDBOX_KEY}" in received.query


def test_leads_carry_custom_and_deleted_category_ids_and_the_documented_name_agrees(make_sandbox):
    sandbox = make_sandbox(shape="documented", leads=200)
    names = {c["id"]: c["name"] for c in get(sandbox).json()}
    held = {lead["lead_category_id"] for lead in sandbox.expected()}
    assert set(CUSTOM) <= held, "custom categories are in use"
    deleted = held - set(names) - {None}
    assert deleted == {3120}, "one category the account no longer lists"
    messages = [m for a in every_page(sandbox) for m in a.json()["messages"]]
    assert len(messages) == len(sandbox.expected())
    for message in messages:
        category = message["category"]
        if category is not None:
            assert category["name"] == names.get(category["id"]), category
    assert sum(m["category"] is not None and m["category"]["id"] == 3120 for m in messages) == 1
    assert {m["category"]["name"] for m in messages if m["category"]} >= set(CUSTOM.values())
    flat = make_sandbox(leads=200)
    rows = [row for a in every_page(flat) for row in a.json()["data"]]
    assert all("category" not in row and "lead_category_name" not in row for row in rows), "ids only"
    assert {row["lead_category_id"] for row in rows} == held
