"""Id lists longer than the API's caps are split into request series whose union is exported once."""

from __future__ import annotations

import json
import math
from itertools import product

from hypothesis import given
from hypothesis import strategies as st

from tap_smartlead_inbox.config.filters import ID_CAPS, split_series
from tests.conftest import run_tap, tap_config
from tests.unit.client.test_rate_limit import windows_over

# The sandbox has campaigns 101..106 and accounts 501..512: these choose some of each.
CAMPAIGNS = [101, 102, 103, 104, 9001, 9002, 9003, 9004, 9005, 9006, 9007, 9008]
ACCOUNTS = list(range(505, 535))


def test_a_long_campaign_list_splits_into_chunks_of_five_keeping_the_other_filters():
    series = split_series({"campaignId": CAMPAIGNS, "emailStatus": "Replied"})
    assert [s["campaignId"] for s in series] == [CAMPAIGNS[:5], CAMPAIGNS[5:10], CAMPAIGNS[10:]]
    assert all(s["emailStatus"] == "Replied" for s in series)


def test_two_long_lists_give_every_combination_of_their_chunks():
    series = split_series({"campaignId": CAMPAIGNS[:7], "emailAccountId": ACCOUNTS[:25]})
    pairs = [(tuple(s["campaignId"]), tuple(s["emailAccountId"])) for s in series]
    assert pairs == list(
        product([tuple(CAMPAIGNS[:5]), tuple(CAMPAIGNS[5:7])], [tuple(ACCOUNTS[:20]), tuple(ACCOUNTS[20:25])])
    )


def test_category_inclusion_splits_but_exclusion_is_left_whole():
    rule = {"categoryIdsIn": list(range(1, 13)), "categoryIdsNotIn": [4]}
    series = split_series({"leadCategories": rule})
    assert [s["leadCategories"] for s in series] == [
        {"categoryIdsIn": list(range(1, 11)), "categoryIdsNotIn": [4]},
        {"categoryIdsIn": [11, 12], "categoryIdsNotIn": [4]},
    ]


def test_lists_within_the_caps_are_one_series_sent_as_given():
    filters = {"campaignId": 101, "emailAccountId": ACCOUNTS[:20], "leadCategories": {"unassigned": True}}
    assert split_series(filters) == [filters]


def test_repeated_ids_are_asked_for_once():
    series = split_series({"campaignId": [1, 2, 3, 1, 2, 3, 4, 5, 6]})
    assert [s["campaignId"] for s in series] == [[1, 2, 3, 4, 5], [6]]


@given(
    st.dictionaries(
        st.sampled_from(sorted(ID_CAPS)), st.lists(st.integers(1, 10**6), min_size=1, max_size=60)
    )
)
def test_series_fit_the_caps_and_together_ask_for_exactly_every_combination(filters):
    series = split_series(filters)
    wanted = {key: list(dict.fromkeys(ids)) for key, ids in filters.items()}
    assert len(series) == math.prod(max(1, math.ceil(len(ids) / ID_CAPS[key])) for key, ids in wanted.items())
    for key, ids in wanted.items():
        values = [s[key] if isinstance(s[key], list) else [s[key]] for s in series]
        assert all(len(v) <= ID_CAPS[key] for v in values)
        assert set().union(*map(set, values)) == set(ids)
    combos = {json.dumps(s, sort_keys=True) for s in series}
    assert len(combos) == len(series), "no series is asked twice"


def test_long_id_lists_export_their_union_once_within_the_caps(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=120)
    config = tap_config(sandbox, campaign_ids=CAMPAIGNS, email_account_ids=ACCOUNTS, limit_per_page=5)
    run = run_tap(config, tmp_path)
    assert {r.status for r in sandbox.log} == {200}, "no request went over a cap"
    assert run.stderr.count("split into 6 request series") == 1
    sent = {
        (tuple(r.body["filters"]["campaignId"]), tuple(r.body["filters"]["emailAccountId"]))
        for r in sandbox.pages
    }
    assert sent == set(
        product(
            [tuple(CAMPAIGNS[:5]), tuple(CAMPAIGNS[5:10]), tuple(CAMPAIGNS[10:])],
            [tuple(ACCOUNTS[:20]), tuple(ACCOUNTS[20:])],
        )
    )
    expected = sandbox.expected({"campaignId": CAMPAIGNS, "emailAccountId": ACCOUNTS})
    exported = [r["email_lead_map_id"] for r in run.records("inbox_replies")]
    assert len(exported) == len(set(exported))
    assert set(exported) == {lead["email_lead_map_id"] for lead in expected}
    assert 0 < len(expected) < len(sandbox.expected()), "the filter chose some leads, not all"
    keys = [(r["email_lead_map_id"], r["email_key"]) for r in run.records("email_history")]
    assert len(keys) == len(set(keys))
    assert len(keys) == sum(len(lead["email_history"]) for lead in expected)


def test_every_checkpoint_comes_after_all_series_have_passed_it(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=240)
    filters = {"leadCategories": {"categoryIdsIn": [1, 2, 3, 4, 5, 6, 7, 1234, 8, 9, 10, 11]}}
    config = tap_config(sandbox, filters=filters, limit_per_page=5, window_pages=3)
    run = run_tap(config, tmp_path)
    assert len({json.dumps(r.body["filters"]["leadCategories"]) for r in sandbox.pages}) == 2
    reply_time = {lead["email_lead_map_id"]: lead["last_reply_time"] for lead in sandbox.expected(filters)}
    assert 0 < len(reply_time) < len(sandbox.expected()), "leads without a category are left out"
    emitted: set[str] = set()
    bookmarks = []
    for message in run.messages:
        if message["type"] == "RECORD" and message["stream"] == "inbox_replies":
            emitted.add(message["record"]["email_lead_map_id"])
        elif message["type"] == "STATE":
            bookmark = message["value"]["bookmarks"].get("inbox_replies", {}).get("replication_key_value")
            if bookmark:
                bookmarks.append(bookmark)
                missing = {key for key, time in reply_time.items() if time <= bookmark} - emitted
                assert not missing, f"checkpoint {bookmark} written before {len(missing)} leads below it"
    assert len(set(bookmarks)) > 2, "both series were read in several windows, with checkpoints between"
    assert emitted == set(reply_time)


def test_all_series_share_the_one_rate_limit(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=120, rate_limit=(10, 2.0), history_latency=0.2)
    config = tap_config(sandbox, campaign_ids=CAMPAIGNS, email_account_ids=ACCOUNTS, limit_per_page=10)
    del config["rps"]  # the default, 5 a second, across every series and worker
    run_tap(config, tmp_path)
    series = {
        json.dumps(page.body["filters"]["campaignId"] + page.body["filters"]["emailAccountId"])
        for page in sandbox.pages
    }
    assert len(series) == 6
    assert [r.status for r in sandbox.log].count(429) == 0
    assert windows_over([r.at for r in sandbox.log], 2.0) <= 10
