"""What the reading layer knows of an endpoint's rows: who a row is, and when.

Paging (pages), the overlap checks and re-reads (consistent_read), the windows
(fetch_plan) and the checkpoints (span_read) work on any offset-paged list sorted
newest first. They never look inside a row: a :class:`RowIdentity` reads each row
once, into the item the stream builds its records from, and tells them the item's
key and its times. The leads' one is lead_rows.LEAD_ROWS; a campaigns or categories
list would bring its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from tap_smartlead_inbox.reading.pages import Page, Query

Item = TypeVar("Item")


class RowIdentity(Protocol[Item]):
    """Who a row of one endpoint is and when, for the reading layer."""

    # The sort order, newest first, of the time that windows cut (Query.within): window
    # probes ask for it, and a stretch between two rows of a page sorted so is narrowed
    # to their two times when it is read again.
    window_sort: str

    def read(self, row: object) -> Item | None:
        """The row as the stream uses it, read once per page; None for a row that is
        not one (not an object)."""
        ...

    def key(self, item: Item) -> str | None:
        """The key that tells rows apart across pages and re-reads; None if it has none."""
        ...

    def time(self, item: Item, sort_by: str) -> datetime | None:
        """The time the list is sorted by under ``sort_by`` (None if the item has none)."""
        ...


@dataclass(frozen=True)
class RowPage(Generic[Item]):
    """A page with its rows read (None for a row that is not an object)."""

    query: Query
    page: Page
    items: list[Item | None]

    def keeping(self, wanted: Callable[[Item], bool]) -> RowPage[Item]:
        """The page with only the rows whose item is ``wanted`` (rows without one go)."""
        pairs = zip(self.page.rows, self.items, strict=True)
        kept = [(row, item) for row, item in pairs if item and wanted(item)]
        items: list[Item | None] = [item for _, item in kept]
        return RowPage(self.query, replace(self.page, rows=[row for row, _ in kept]), items)


def row_key(rows: RowIdentity[Item], row: object, item: Item | None) -> str:
    """The row's key, or the whole row for a row without one."""
    key = rows.key(item) if item is not None else None
    if key is not None:
        return key
    return json.dumps(row, sort_keys=True, default=str)
