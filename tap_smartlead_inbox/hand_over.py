"""Handing a page's leads from `inbox_replies` to its child stream `email_history`.

The SDK syncs a child stream from the parent's ``generate_child_contexts(record,
context)``, which it calls once for each record the parent yields, before it writes
that record, and it syncs the children only when the stream map keeps the record
(see ``Stream._process_record``). The email rows are built from the thread embedded
in each lead, so no email body ever has to travel in a context (the SDK logs
contexts), and the child should sync once a page, not once a lead.

So, for each page, the parent:

1. puts the page's leads that the stream map keeps into a :class:`PageHandOver`;
2. yields the page's records, and as it yields the last one the stream map keeps,
   marks the hand-over due (:meth:`PageHandOver.yielding`);
3. in ``generate_child_contexts``, gives one context when the hand-over is due
   (:meth:`PageHandOver.due`); the SDK syncs `email_history` with it, whose
   ``get_records`` takes the leads (:meth:`PageHandOver.take`).

A page whose leads the stream map all drops hands nothing over, and a lead it drops
takes its emails with it, as the SDK does for children.
"""

from __future__ import annotations

from typing import Generic, TypeVar

Item = TypeVar("Item")


class PageHandOver(Generic[Item]):
    """The leads (with what the child needs of their page) waiting for the child stream."""

    def __init__(self) -> None:
        self._waiting: list[Item] = []
        self._due = False

    def put(self, items: list[Item]) -> None:
        """Leads of the page being yielded, for the child's next sync."""
        self._waiting.extend(items)

    def yielding(self, *, last_kept: bool) -> None:
        """Called just before the parent yields each record: whether it is the page's
        last record the stream map keeps, after which the child syncs."""
        self._due = last_kept

    def due(self) -> bool:
        """Whether the record the SDK is processing closes its page's hand-over (once)."""
        due, self._due = self._due, False
        return due

    def take(self) -> list[Item]:
        """Everything waiting, for the child stream to write; the queue is left empty."""
        taken, self._waiting = self._waiting, []
        return taken
