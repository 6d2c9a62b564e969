"""The thread metrics on inbox_replies: who replied, to which step, how fast, and whether
a person waits for our answer. Bounces and auto-replies never count as a person."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tap_smartlead_inbox.inbox.thread_metrics import ThreadEmail, thread_metrics
from tap_smartlead_inbox.mailtext.reply_kind import AUTO_REPLY, BOUNCE, HUMAN, REPLY_KINDS, UNSUBSCRIBE


def sent(time: str | None, step: str | None = None) -> ThreadEmail:
    return ThreadEmail("SENT", time, step, None)


def reply(time: str | None, kind: str = HUMAN) -> ThreadEmail:
    return ThreadEmail("REPLY", time, None, kind)


T = "2025-03-0{}T09:00:00.000Z".format


def test_a_person_replying_to_step_two_gives_the_step_the_delay_and_a_waiting_thread():
    metrics = thread_metrics([sent(T(1), "1"), sent(T(3), "2"), reply(T(4))])
    assert metrics == {
        "first_sent_at": T(1),
        "first_reply_at": T(4),
        "first_human_reply_at": T(4),
        "seconds_to_first_human_reply": 86400,
        "replied_after_step": 2,
        "human_reply_count": 1,
        "auto_reply_count": 0,
        "bounce_count": 0,
        "unsubscribe_count": 0,
        "last_human_reply_at": T(4),
        "our_last_reply_at": None,
        "awaiting_our_reply": True,
    }


def test_an_auto_reply_before_the_person_counts_as_a_reply_but_not_as_the_persons():
    metrics = thread_metrics([sent(T(1), "1"), reply(T(2), AUTO_REPLY), sent(T(5), "2"), reply(T(6))])
    assert metrics["first_reply_at"] == T(2)
    assert metrics["first_human_reply_at"] == T(6)
    assert metrics["replied_after_step"] == 2
    assert metrics["seconds_to_first_human_reply"] == 86400
    assert (metrics["human_reply_count"], metrics["auto_reply_count"]) == (1, 1)


def test_our_manual_answer_ends_the_wait_and_is_our_last_reply_but_not_a_step():
    metrics = thread_metrics([sent(T(1), "1"), reply(T(2)), sent(T(3)), reply(T(4)), sent(T(5))])
    assert metrics["our_last_reply_at"] == T(5)
    assert metrics["awaiting_our_reply"] is False
    assert metrics["last_human_reply_at"] == T(4)
    assert metrics["replied_after_step"] == 1
    assert metrics["human_reply_count"] == 2


def test_the_step_is_the_last_sequence_email_even_when_we_answered_an_auto_reply_by_hand():
    emails = [sent(T(1), "1"), reply(T(2), AUTO_REPLY), sent(T(3)), reply(T(4))]
    metrics = thread_metrics(emails)
    assert metrics["replied_after_step"] == 1
    assert metrics["seconds_to_first_human_reply"] == 86400, "timed from our last email, the manual one"
    assert metrics["awaiting_our_reply"] is True


def test_a_thread_of_only_auto_replies_and_bounces_has_no_person_and_waits_for_nothing():
    metrics = thread_metrics([sent(T(1), "1"), reply(T(2), BOUNCE), reply(T(3), AUTO_REPLY)])
    assert metrics["first_reply_at"] == T(2)
    for name in ("first_human_reply_at", "seconds_to_first_human_reply", "replied_after_step"):
        assert metrics[name] is None, name
    assert metrics["last_human_reply_at"] is None
    assert metrics["awaiting_our_reply"] is False
    assert (metrics["bounce_count"], metrics["auto_reply_count"], metrics["human_reply_count"]) == (1, 1, 0)


def test_an_unsubscribe_request_is_counted_apart_and_waits_for_no_answer():
    metrics = thread_metrics([sent(T(1), "1"), reply(T(2), UNSUBSCRIBE)])
    assert metrics["unsubscribe_count"] == 1
    assert metrics["human_reply_count"] == 0
    assert metrics["awaiting_our_reply"] is False


def test_emails_without_a_time_count_but_take_no_place_in_time():
    metrics = thread_metrics([sent(T(1), "1"), reply(T(2)), reply(None), sent(None)])
    assert metrics["human_reply_count"] == 2
    assert metrics["last_human_reply_at"] == T(2)
    assert metrics["awaiting_our_reply"] is True, "a SENT without a time is not known to come after"


def test_a_person_replying_before_any_email_of_ours_has_no_step_and_no_delay():
    metrics = thread_metrics([reply(T(1)), sent(T(2), "1")])
    assert metrics["first_human_reply_at"] == T(1)
    assert metrics["seconds_to_first_human_reply"] is None
    assert metrics["replied_after_step"] is None
    assert metrics["awaiting_our_reply"] is False


def test_a_step_number_that_is_not_a_number_leaves_the_step_empty():
    assert thread_metrics([sent(T(1), "first"), reply(T(2))])["replied_after_step"] is None


times = st.one_of(st.none(), st.integers(1, 9).map(T))
emails = st.one_of(
    st.builds(sent, times, st.one_of(st.none(), st.sampled_from(["1", "2", "3"]))),
    st.builds(reply, times, st.sampled_from(REPLY_KINDS)),
)


@given(
    st.lists(emails, max_size=8).map(
        lambda items: sorted(items, key=lambda e: (e.time is None, e.time or ""))
    )
)
def test_metrics_agree_with_each_other_on_any_thread(thread):
    metrics = thread_metrics(thread)
    replies = [e for e in thread if e.type == "REPLY"]
    counted = ("human_reply_count", "auto_reply_count", "bounce_count", "unsubscribe_count")
    assert sum(metrics[name] for name in counted) == len(replies)
    if metrics["first_human_reply_at"] is None:
        assert metrics["awaiting_our_reply"] is False
        assert metrics["replied_after_step"] is None
    else:
        assert metrics["first_reply_at"] <= metrics["first_human_reply_at"] <= metrics["last_human_reply_at"]
    if metrics["seconds_to_first_human_reply"] is not None:
        assert metrics["seconds_to_first_human_reply"] >= 0


def test_without_sequence_numbers_no_step_and_no_manual_reply_is_claimed():
    metrics = thread_metrics([sent(T(1)), reply(T(2)), sent(T(3))], sequence_known=False)
    assert metrics["replied_after_step"] is None
    assert metrics["our_last_reply_at"] is None
    assert metrics["first_human_reply_at"] == T(2)
    assert metrics["awaiting_our_reply"] is False
