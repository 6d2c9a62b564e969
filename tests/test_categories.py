"""Lead categories: the account's list (custom categories included) read in any shape,
and every lead's category named from it in both response shapes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tap_smartlead_inbox.categories import AccountCategories, read_categories
from tap_smartlead_inbox.errors import MalformedResponse
from tap_smartlead_inbox.normalize import normalize_lead

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
        ({"ok": False, "data": []}, "says the request failed"),
        ([{"id": "abc", "name": "x"}, {"id": 2, "name": "y"}], "1 of its categories have no integer id"),
    ],
)
def test_an_answer_that_is_not_a_category_list_is_a_fault_to_retry(payload, cause):
    with pytest.raises(MalformedResponse, match=cause):
        read_categories(payload)


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
