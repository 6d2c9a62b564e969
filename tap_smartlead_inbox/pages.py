"""Offset paging over one query: `offset += limit` until a short page.

`total_count` is used when the API sends it (it saves the request past a last full
page) but never required: real responses omit it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tap_smartlead_inbox.normalize import page_rows
from tap_smartlead_inbox.timeutil import iso, utc_now
from tap_smartlead_inbox.transport import Transport


@dataclass(frozen=True)
class Query:
    """One filter set against one endpoint."""

    path: str
    params: dict[str, str]
    filters: dict[str, Any]
    sort_by: str
    limit: int

    def body(self, offset: int) -> dict[str, Any]:
        return {"offset": offset, "limit": self.limit, "filters": self.filters, "sortBy": self.sort_by}


@dataclass(frozen=True)
class Page:
    offset: int
    rows: list[Any]
    total_count: int | None
    fetched_at: str


def fetch_page(transport: Transport, query: Query, offset: int) -> Page:
    """One page; a body of the wrong shape is retried like a cut-off one."""
    rows, total = transport.post(query.path, query.params, query.body(offset), page_rows)
    return Page(offset, rows, total, iso(utc_now()))


def iter_pages(transport: Transport, query: Query) -> Iterator[Page]:
    """Every page of ``query`` in order."""
    offset = 0
    while True:
        page = fetch_page(transport, query, offset)
        yield page
        offset += query.limit
        if is_last_page(page, query.limit):
            return


def is_last_page(page: Page, limit: int) -> bool:
    if len(page.rows) < limit:
        return True
    return page.total_count is not None and page.offset + len(page.rows) >= page.total_count
