"""Filters reach the API as the docs spell them, and the sandbox honours them."""

from __future__ import annotations

from tests.conftest import run_tap, tap_config


def sent_filters(sandbox):
    """The first page's body (the window probe, sent alongside, starts further in), after
    checking that every request sent the same filters but for the reply-time window."""
    bodies = [r.body for r in sandbox.pages]
    assert bodies, "no request was made"
    assert all(besides_time(b["filters"]) == besides_time(bodies[0]["filters"]) for b in bodies)
    return next(b for b in bodies if b["offset"] == 0)


def besides_time(filters):
    return {k: v for k, v in filters.items() if k != "replyTimeBetween"}


def filters_besides_time(sandbox):
    """The filters sent, without the reply-time window every request carries."""
    return besides_time(sent_filters(sandbox)["filters"])


def test_default_filter_is_out_of_office_and_logged_once(make_sandbox, tmp_path):
    sandbox = make_sandbox()
    config = tap_config(sandbox)
    del config["default_filters"]
    run = run_tap(config, tmp_path)
    assert filters_besides_time(sandbox) == {"leadCategories": {"categoryIdsIn": [6]}}
    assert run.stderr.count("Default filter applied") == 1
    assert "default_filters to false" in run.stderr
    leads = run.records("inbox_replies")
    assert leads and {lead["lead_category_id"] for lead in leads} == {6}
    assert len(leads) == len(sandbox.expected({"leadCategories": {"categoryIdsIn": [6]}}))


def test_filters_replace_the_default_and_ids_use_documented_keys(sandbox, tmp_path):
    config = tap_config(
        sandbox,
        default_filters=True,
        filters={"emailStatus": "Replied"},
        campaign_ids=[101, 102],
        email_account_ids=[501, 502, 503],
    )
    run = run_tap(config, tmp_path)
    assert filters_besides_time(sandbox) == {
        "emailStatus": "Replied",
        "campaignId": [101, 102],
        "emailAccountId": [501, 502, 503],
    }
    expected = sandbox.expected(
        {"emailStatus": "Replied", "campaignId": [101, 102], "emailAccountId": [501, 502, 503]}
    )
    ids = {"campaignId": [101, 102], "emailAccountId": [501, 502, 503]}
    assert expected and len(expected) < len(sandbox.expected(ids)), "bounced leads are not 'Replied'"
    assert [r["email_lead_map_id"] for r in run.records("inbox_replies")] == [
        lead["email_lead_map_id"] for lead in expected
    ]


def test_start_and_end_dates_become_reply_time_between(sandbox, tmp_path):
    config = tap_config(sandbox, start_date="2025-03-01", end_date="2025-06-30T23:59:59Z")
    run = run_tap(config, tmp_path)
    body = sent_filters(sandbox)
    assert body["filters"]["replyTimeBetween"] == ["2025-03-01T00:00:00.000Z", "2025-06-30T23:59:59.000Z"]
    times = [r["last_reply_time"] for r in run.records("inbox_replies")]
    assert times and all("2025-03-01" <= t <= "2025-06-30T23:59:59.000Z" for t in times)
    assert len(times) == len(sandbox.expected({"replyTimeBetween": body["filters"]["replyTimeBetween"]}))


def test_sort_order_and_page_size_are_sent(sandbox, tmp_path):
    run = run_tap(tap_config(sandbox, sort_by="SENT_TIME_DESC", limit_per_page=7), tmp_path)
    body = sent_filters(sandbox)
    assert (body["sortBy"], body["limit"]) == ("SENT_TIME_DESC", 7)
    assert [r["email_lead_map_id"] for r in run.records("inbox_replies")] == [
        lead["email_lead_map_id"] for lead in sandbox.expected(sort_by="SENT_TIME_DESC")
    ]
    assert {r["api_sort_by"] for r in run.records("email_history")} == {"SENT_TIME_DESC"}
