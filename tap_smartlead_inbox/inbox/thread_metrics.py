"""A thread's answers to "did a person reply, to which step, how fast, and are we
answering?", computed from its emails' types, times, sequence numbers and reply kinds.

Smartlead counts bounces and auto-replies as replies, so every metric about people
uses only ``human`` replies. Emails without a time cannot be placed in the thread:
they count in the ``*_count`` columns but in no time, step or waiting column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tap_smartlead_inbox.core.coerce import as_int
from tap_smartlead_inbox.core.timeutil import parse_time
from tap_smartlead_inbox.inbox.normalize import REPLY, SENT
from tap_smartlead_inbox.mailtext.reply_kind import AUTO_REPLY, BOUNCE, HUMAN, UNSUBSCRIBE


@dataclass(frozen=True)
class ThreadEmail:
    """What the metrics read of one email; ``kind`` is None on a SENT email."""

    type: str | None
    time: str | None  # ISO text as normalized (sorts as it reads)
    seq_number: str | None
    kind: str | None


_COUNTS = {
    HUMAN: "human_reply_count",
    AUTO_REPLY: "auto_reply_count",
    BOUNCE: "bounce_count",
    UNSUBSCRIBE: "unsubscribe_count",
}


def thread_metrics(emails: Sequence[ThreadEmail], *, sequence_known: bool = True) -> dict[str, Any]:
    """The metric columns of one thread, ``emails`` in thread (time) order.

    Without sequence numbers (``sequence_known`` false) a campaign step cannot be told
    from a manual email: the step and our last manual reply are then left empty.
    """
    metrics: dict[str, Any] = dict.fromkeys(_COUNTS.values(), 0)
    for email in emails:
        if email.type == REPLY and email.kind in _COUNTS:
            metrics[_COUNTS[email.kind]] += 1
    timed = [email for email in emails if email.time]
    sent = [email for email in timed if email.type == SENT]
    humans = [index for index, email in enumerate(timed) if _is_human(email)]
    metrics.update(
        first_sent_at=sent[0].time if sent else None,
        first_reply_at=next((email.time for email in timed if email.type == REPLY), None),
        last_human_reply_at=timed[humans[-1]].time if humans else None,
        our_last_reply_at=next((email.time for email in reversed(sent) if not email.seq_number), None),
        awaiting_our_reply=bool(humans) and not any(e.type == SENT for e in timed[humans[-1] + 1 :]),
    )
    metrics.update(_first_human_reply(timed, humans[0] if humans else None))
    if not sequence_known:
        metrics.update(replied_after_step=None, our_last_reply_at=None)
    return metrics


def _first_human_reply(timed: Sequence[ThreadEmail], index: int | None) -> dict[str, Any]:
    """When a person first replied, how long after our last email, and to which step."""
    if index is None:
        return {
            "first_human_reply_at": None,
            "seconds_to_first_human_reply": None,
            "replied_after_step": None,
        }
    reply, before = timed[index], [email for email in timed[:index] if email.type == SENT]
    steps = [email for email in before if email.seq_number]
    return {
        "first_human_reply_at": reply.time,
        "seconds_to_first_human_reply": _seconds_between(before[-1].time, reply.time) if before else None,
        "replied_after_step": as_int(steps[-1].seq_number) if steps else None,
    }


def _is_human(email: ThreadEmail) -> bool:
    return email.type == REPLY and email.kind == HUMAN


def _seconds_between(start: str | None, end: str | None) -> int | None:
    began, ended = parse_time(start), parse_time(end)
    if began is None or ended is None:
        return None
    return round((ended - began).total_seconds())
