"""Lead categories: the account's list (custom categories included) read in any shape,
and every lead's category named from it in both response shapes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartlead_sandbox import SANDBOX_KEY
from tap_smartlead_inbox.core.errors import MalformedResponse
from tap_smartlead_inbox.inbox.categories import AccountCategories, UnknownShape, read_categories
from tap_smartlead_inbox.inbox.normalize import normalize_lead
from tests.conftest import emails_of, run_tap, tap_config
from tests.e2e.test_sent_stream import selecting

ITEMS = [
    {"id": 1, "name": "Interested", "created_at": "2024-01-01T00:00:00.000Z"},
    {"id": "1454", "name": "Referral", "sentiment_type": "positive", "description": None},
]


@pytest.mark.parametrize(
    "payload",
    [
        ITEMS,
        {"ok": True, "data": ITEMS},
        {"categories": ITEMS},
        {"data": {"categories": ITEMS}},
        {"results": ITEMS, "count": 2},
    ],
    ids=["bare list", "data", "categories", "nested", "results"],
)
def test_every_shape_seen_gives_the_same_categories(payload):
    categories = read_categories(payload)
    assert [(c.id, c.name) for c in categories] == [(1, "Interested"), (1454, "Referral")]
    assert json.loads(categories[1].extra_json or "") == {"sentiment_type": "positive", "description": None}
    assert json.loads(categories[0].extra_json or "") == {"created_at": "2024-01-01T00:00:00.000Z"}


@pytest.mark.parametrize(
    ("payload", "cause"),
    [
        ({"message": "hello"}, "no list of categories"),
        ("not json object", "no list of categories"),
        ({"ok": True, "names_by_id": {"1": "Interested"}}, "no list of categories"),
        ([{"id": "abc", "name": "x"}, {"id": 2, "name": "y"}], "1 of its categories have no integer id"),
    ],
)
def test_an_answer_in_a_shape_not_known_is_not_asked_again(payload, cause):
    with pytest.raises(UnknownShape, match=f"in a shape this tap does not know \\({cause}\\)") as caught:
        read_categories(payload)
    assert not isinstance(caught.value, MalformedResponse), "the transport retries those"
    assert "GET /leads/fetch-categories answered HTTP 200" in str(caught.value)


def test_an_answer_whose_body_says_it_failed_is_a_fault_to_retry():
    with pytest.raises(MalformedResponse, match="says the request failed"):
        read_categories({"ok": False, "data": []})


def test_an_empty_list_is_an_account_without_categories():
    assert read_categories({"data": []}) == []


def test_a_flat_row_gets_its_custom_category_name_and_a_named_row_keeps_its_own():
    account = AccountCategories(read_categories(ITEMS), "2025-01-01T00:00:00.000Z")
    flat = normalize_lead({"email_lead_map_id": "7", "lead_category_id": "1454"})
    documented = normalize_lead(
        {"campaign_lead_map_id": "8", "lead": {"id": 1}, "category": {"id": 1, "name": "Hot lead"}}
    )
    unknown = normalize_lead({"email_lead_map_id": "9", "lead_category_id": 99})
    none = normalize_lead({"email_lead_map_id": "10", "lead_category_id": None})
    leads = [lead for lead in (flat, documented, unknown, none) if lead is not None]
    account.name_leads(leads)
    assert [lead.fields.get("lead_category_name") for lead in leads] == ["Referral", "Hot lead", None, None]


@given(
    st.lists(st.fixed_dictionaries({"id": st.integers(1, 10**6), "name": st.text(max_size=20)}), max_size=20)
)
def test_any_list_of_id_and_name_reads_back_whole(items):
    categories = read_categories({"data": items})
    assert [(c.id, c.name) for c in categories] == [(i["id"], i["name"]) for i in items]


# --- a list that cannot be read: every lead still goes out (end to end) -----------------------

CATEGORIES_PATH = "/leads/fetch-categories"
# What makes GET /leads/fetch-categories fail for good, and what the warning and the error say.
UNREADABLE = {
    "404": (
        {"categories_status": 404},
        "HTTP 404 on GET /leads/fetch-categories: Categories are unavailable",
    ),
    "403": (
        {"categories_status": 403},
        "HTTP 403 on GET /leads/fetch-categories: Categories are unavailable",
    ),
    "unknown shape": (
        {"categories_shape": "unknown"},
        "GET /leads/fetch-categories answered HTTP 200 in a shape this tap does not know "
        "(no list of categories)",
    ),
}
NO_NAMES = "lead_category_name stays empty where the API gives no name itself"


def warnings(run):
    return [line for line in run.stderr.splitlines() if " | WARNING " in line]


def assert_every_lead_and_email_delivered(sandbox, run):
    expected = sandbox.expected()
    leads = run.records("inbox_replies")
    assert sorted(r["email_lead_map_id"] for r in leads) == sorted(e["email_lead_map_id"] for e in expected)
    assert len(run.records("email_history")) == emails_of(expected)
    final = run.states()[-1]["bookmarks"]
    assert final["inbox_replies"]["replication_key_value"] and final["email_history"]["replication_key_value"]
    return leads


@pytest.mark.parametrize(("failure", "cause"), UNREADABLE.values(), ids=UNREADABLE.keys())
def test_deselected_an_unreadable_category_list_is_read_once_warned_once_and_the_run_succeeds(
    make_sandbox, tmp_path, failure, cause
):
    sandbox = make_sandbox(leads=95, **failure)
    catalog = selecting(tap_config(sandbox), tmp_path, "inbox_replies", "email_history")
    run = run_tap(tap_config(sandbox), tmp_path, "--catalog", catalog)
    leads = assert_every_lead_and_email_delivered(sandbox, run)
    assert len(leads) == 95
    assert any(r["lead_category_id"] is not None for r in leads)
    assert {r["lead_category_name"] for r in leads} == {None}, "the flat shape names nothing itself"
    assert {r["lead_category_name"] for r in run.records("email_history")} == {None}
    assert run.records("lead_categories", allow_empty=True) == []
    (warning,) = warnings(run)
    assert cause in warning and NO_NAMES in warning
    assert len(sandbox.requests_to(CATEGORIES_PATH)) == 1, "not asked again for each page"
    assert "error:" not in run.stderr and "Traceback" not in run.stderr
    assert SANDBOX_KEY not in run.stderr + run.stdout


@pytest.mark.parametrize(("failure", "cause"), UNREADABLE.values(), ids=UNREADABLE.keys())
def test_selected_an_unreadable_category_list_fails_that_stream_alone_after_the_others_are_delivered(
    make_sandbox, tmp_path, failure, cause
):
    """The streams sync by name: sent_emails comes after lead_categories, and is delivered too."""
    sandbox = make_sandbox(leads=95, **failure)
    streams = ("inbox_replies", "email_history", "lead_categories", "sent_emails")
    catalog = selecting(tap_config(sandbox), tmp_path, *streams)
    run = run_tap(tap_config(sandbox), tmp_path, "--catalog", catalog, expect_exit=1)
    assert_every_lead_and_email_delivered(sandbox, run)
    sent = sandbox.expected(sent=True)
    assert sorted(r["email_lead_map_id"] for r in run.records("sent_emails")) == sorted(
        lead["email_lead_map_id"] for lead in sent
    )
    assert run.records("lead_categories", allow_empty=True) == []
    assert "Traceback" not in run.stderr
    (warning,) = warnings(run)
    assert cause in warning and NO_NAMES in warning
    line = run.last_stderr_line
    assert line.startswith(f"tap-smartlead-inbox: error: stream lead_categories failed ({cause}); ")
    assert "every other stream was delivered in full, with its final STATE" in line
    assert 'meltano select tap-smartlead-inbox --exclude lead_categories "*"' in line
    assert '"selected": false on lead_categories in the catalog' in line
    assert [line for line in run.stderr.splitlines() if "error:" in line] == [line]
    assert run.messages[-1]["type"] == "STATE", "the output ends on the last STATE"
    assert len(sandbox.requests_to(CATEGORIES_PATH)) == 1
    assert SANDBOX_KEY not in run.stderr + run.stdout


def test_by_default_an_unreadable_category_list_delivers_every_lead_then_exits_non_zero(
    make_sandbox, tmp_path
):
    sandbox = make_sandbox(leads=95, categories_status=404)
    run = run_tap(tap_config(sandbox), tmp_path, expect_exit=1)  # no catalog: lead_categories is selected
    assert len(assert_every_lead_and_email_delivered(sandbox, run)) == 95
    assert run.last_stderr_line.startswith(
        "tap-smartlead-inbox: error: stream lead_categories failed (HTTP 404"
    )


def test_the_documented_shape_still_names_each_category_itself(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=40, shape="documented", categories_status=404)
    catalog = selecting(tap_config(sandbox), tmp_path, "inbox_replies", "email_history")
    run = run_tap(tap_config(sandbox), tmp_path, "--catalog", catalog)
    leads = assert_every_lead_and_email_delivered(sandbox, run)
    names = {c["id"]: c["name"] for c in sandbox.categories()}
    assert [r["lead_category_name"] for r in leads] == [names.get(r["lead_category_id"]) for r in leads]
    assert any(r["lead_category_name"] for r in leads)
    assert len(warnings(run)) == 1


def test_a_failing_server_is_retried_as_any_request_then_the_list_is_given_up_alone(make_sandbox, tmp_path):
    """500s are retried (max_retries + 1 requests), never once a page; then the leads go on."""
    sandbox = make_sandbox(leads=60, categories_status=500)
    catalog = selecting(tap_config(sandbox), tmp_path, "inbox_replies", "email_history")
    run = run_tap(tap_config(sandbox, max_retries=2), tmp_path, "--catalog", catalog)
    assert_every_lead_and_email_delivered(sandbox, run)
    assert len(sandbox.requests_to(CATEGORIES_PATH)) == 3
    retries = [w for w in warnings(run) if "Retrying GET /leads/fetch-categories" in w]
    given_up = [w for w in warnings(run) if NO_NAMES in w]
    assert len(retries) == 2 and len(given_up) == 1
    assert "gave up on GET /leads/fetch-categories after 3 attempts: HTTP 500" in given_up[0]
    assert len(warnings(run)) == 3
