"""Handing a page's kept leads from the parent stream to its child (hand_over.py).

Per page the parent ``put``s the leads the stream map keeps, then calls ``yielding``
before each record it yields; the SDK asks ``due()`` for each record and, when it is
due, syncs the child, which ``take``s the leads. The child must get each kept lead
exactly once, in order, in one sync per page that has a kept lead."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tap_smartlead_inbox.hand_over import PageHandOver

Lead = tuple[int, int]  # (page, position in the page)


def parent_yields(hand_over: PageHandOver[Lead], page: int, kept: list[bool]) -> list[list[Lead]]:
    """One page as the parent and the SDK go through it: the leads the child took at each sync."""
    leads = [(page, i) for i in range(len(kept))]
    kept_at = [i for i, keep in enumerate(kept) if keep]
    last_kept = kept_at[-1] if kept_at else None
    hand_over.put([leads[i] for i in kept_at])
    syncs = []
    for i in range(len(leads)):
        hand_over.yielding(last_kept=i == last_kept)
        # The SDK, between the yield and the next record: generate_child_contexts, then a
        # child sync only if the stream map keeps the record.
        if hand_over.due() and kept[i]:
            syncs.append(hand_over.take())
    return syncs


# --- the protocol, step by step --------------------------------------------------------------


def test_nothing_is_due_before_the_last_kept_record_and_due_is_true_at_it():
    hand_over: PageHandOver[str] = PageHandOver()
    hand_over.put(["a", "b", "c"])
    hand_over.yielding(last_kept=False)
    assert not hand_over.due()
    hand_over.yielding(last_kept=False)
    assert not hand_over.due()
    hand_over.yielding(last_kept=True)
    assert hand_over.due()


def test_take_returns_everything_put_in_order_and_empties_the_queue():
    hand_over: PageHandOver[str] = PageHandOver()
    hand_over.put(["a", "b"])
    hand_over.put(["c"])
    assert hand_over.take() == ["a", "b", "c"]
    assert hand_over.take() == []


def test_due_is_true_once_per_yielding():
    hand_over: PageHandOver[str] = PageHandOver()
    hand_over.yielding(last_kept=True)
    assert [hand_over.due() for _ in range(3)] == [True, False, False]


def test_a_later_record_that_is_not_the_last_kept_clears_a_due_never_asked():
    hand_over: PageHandOver[str] = PageHandOver()
    hand_over.yielding(last_kept=True)
    hand_over.yielding(last_kept=False)
    assert not hand_over.due()


def test_a_new_hand_over_has_nothing_due_and_nothing_waiting():
    hand_over: PageHandOver[str] = PageHandOver()
    assert not hand_over.due()
    assert hand_over.take() == []


def test_the_child_syncs_once_a_page_at_its_last_kept_record_with_the_kept_leads():
    hand_over: PageHandOver[Lead] = PageHandOver()
    assert parent_yields(hand_over, 0, [True, False, True, False]) == [[(0, 0), (0, 2)]]
    assert hand_over.take() == []


def test_a_page_whose_leads_are_all_dropped_hands_nothing_over():
    hand_over: PageHandOver[Lead] = PageHandOver()
    assert parent_yields(hand_over, 0, [False, False, False]) == []
    assert hand_over.take() == []


def test_pages_in_sequence_each_hand_over_only_their_own_leads():
    hand_over: PageHandOver[Lead] = PageHandOver()
    syncs = [
        parent_yields(hand_over, 0, [True, True]),
        parent_yields(hand_over, 1, [False, False]),
        parent_yields(hand_over, 2, [False, True, False]),
        parent_yields(hand_over, 3, []),
        parent_yields(hand_over, 4, [True]),
    ]
    assert syncs == [[[(0, 0), (0, 1)]], [], [[(2, 1)]], [], [[(4, 0)]]]


# --- any pages --------------------------------------------------------------------------------


@given(pages=st.lists(st.lists(st.booleans(), max_size=8), max_size=8))
def test_the_child_receives_exactly_the_kept_leads_in_order_once_each_in_one_sync_a_page(pages):
    hand_over: PageHandOver[Lead] = PageHandOver()
    syncs = [sync for page, kept in enumerate(pages) for sync in parent_yields(hand_over, page, kept)]

    kept_leads = [(page, i) for page, kept in enumerate(pages) for i, keep in enumerate(kept) if keep]
    assert [lead for sync in syncs for lead in sync] == kept_leads
    assert len(syncs) == sum(1 for kept in pages if any(kept))
    assert all(len({page for page, _ in sync}) == 1 for sync in syncs), "a sync holds one page's leads"
    assert hand_over.take() == []
    assert not hand_over.due()
