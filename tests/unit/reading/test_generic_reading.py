"""The reading layer (pages, consistent_read, fetch_plan, span_read) reads a list that is
not the inbox: a fake campaigns endpoint of {"id", "updated_at"} rows, in process,
through a RowIdentity of its own. Paging, the overlap checks, the windows and the
checkpoints need nothing of a lead.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest

from tap_smartlead_inbox.client.request import ApiRequest
from tap_smartlead_inbox.core.timeutil import UTC, iso
from tap_smartlead_inbox.reading.fetch_plan import OPEN_END, Span
from tap_smartlead_inbox.reading.pages import Query
from tap_smartlead_inbox.reading.rows import RowPage
from tap_smartlead_inbox.reading.span_read import Checkpoint, SpanReader
from tap_smartlead_inbox.run.progress import RunProgress
from tests.conftest import OfflineTransport

PATH = "/campaigns/list"
SORT = "UPDATED_DESC"
BASE = datetime(2025, 3, 1, tzinfo=UTC)


class CampaignRows:
    """The RowIdentity of the fake list: keyed by id, in time by updated_at."""

    window_sort = SORT

    def read(self, row: object) -> dict[str, Any] | None:
        return dict(row) if isinstance(row, Mapping) else None

    def key(self, item: dict[str, Any]) -> str | None:
        return None if item.get("id") is None else str(item["id"])

    def time(self, item: dict[str, Any], sort_by: str) -> datetime | None:
        return datetime.fromisoformat(item["updated_at"]) if sort_by == SORT else None


@dataclass
class Campaigns:
    """A list of campaigns, newest update first; some are updated while it is read (they
    jump to the top, shifting every page below them)."""

    count: int
    updates_at: dict[int, int] = field(default_factory=dict)  # request number -> campaign index
    with_total: bool = False
    rows: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.rows = [
            {"id": 500 + n, "name": f"campaign {n}", "updated_at": iso(BASE + timedelta(hours=7 * n))}
            for n in range(self.count)
        ]

    def answer(self, body: Mapping[str, Any]) -> dict[str, Any]:
        with self.lock:
            self.requests.append(dict(body))
            moved = self.updates_at.get(len(self.requests))
            if moved is not None:
                self.rows[moved]["updated_at"] = iso(datetime.now(UTC))
            assert body["sortBy"] == SORT and "replyTimeBetween" not in body["filters"]
            chosen = self.between(body["filters"].get("updatedBetween"))
            page = chosen[body["offset"] : body["offset"] + body["limit"]]
            payload: dict[str, Any] = {"data": [dict(row) for row in page]}
            if self.with_total:
                payload["total_count"] = len(chosen)
            return payload

    def between(self, bounds: list[str] | None) -> list[dict[str, Any]]:
        low, high = (datetime.fromisoformat(t) for t in bounds) if bounds else (None, None)
        chosen = [
            row
            for row in self.rows
            if low is None or high is None or low <= datetime.fromisoformat(row["updated_at"]) <= high
        ]
        return sorted(chosen, key=lambda row: (row["updated_at"], row["id"]), reverse=True)

    def times(self) -> dict[str, datetime]:
        with self.lock:
            return {str(row["id"]): datetime.fromisoformat(row["updated_at"]) for row in self.rows}


class CampaignTransport(OfflineTransport):
    """The real transport answered by the fake list."""

    def __init__(self, campaigns: Campaigns, max_in_flight: int) -> None:
        super().__init__("campaigns", max_in_flight=max_in_flight, max_retries=1)
        self.campaigns = campaigns

    def _send(self, request: ApiRequest) -> Any:
        assert request.path == PATH
        return self.campaigns.answer(request.body or {})


def read_campaigns(
    campaigns: Campaigns, *, concurrency: int, window_pages: int
) -> tuple[list[str], list[tuple[datetime, set[str]]], Span]:
    transport = CampaignTransport(campaigns, concurrency)
    quiet = logging.getLogger("tests.generic_reading")
    quiet.disabled = True
    progress = RunProgress(transport.stats, transport.limiter, quiet, interactive=False)
    reader = SpanReader(transport, CampaignRows(), progress, concurrency, window_pages)
    sync_start = datetime.now(UTC)
    span = Span(datetime(2020, 1, 1, tzinfo=UTC), sync_start + OPEN_END, sync_start)
    query = Query(PATH, {}, {}, SORT, limit=10, time_filter="updatedBetween").within(span.start, span.end)
    emitted: list[str] = []
    checkpoints: list[tuple[datetime, set[str]]] = []
    for item in reader.read([query], span):
        if isinstance(item, Checkpoint):
            checkpoints.append((item.bookmark, set(emitted)))
            continue
        assert isinstance(item, RowPage)
        # As a stream does: each row once, however often pages and re-reads bring it.
        keys = (CampaignRows().key(row) for row in item.items if row is not None)
        emitted.extend(key for key in dict.fromkeys(keys) if key is not None and key not in emitted)
    return emitted, checkpoints, span


@pytest.mark.parametrize("with_total", [False, True], ids=["no-total", "total"])
@pytest.mark.parametrize("concurrency", [1, 3])
def test_a_list_of_campaigns_is_read_in_windows_with_every_row_once_and_honest_checkpoints(
    with_total: bool, concurrency: int
) -> None:
    # 137 campaigns in pages of 10 (stepping by 9) and windows of 3 pages: several
    # windows. Three old campaigns are updated mid-read: each jumps to the top.
    campaigns = Campaigns(137, updates_at={4: 3, 9: 40, 15: 90}, with_total=with_total)
    at_start = campaigns.times()

    emitted, checkpoints, span = read_campaigns(campaigns, concurrency=concurrency, window_pages=3)

    assert sorted(emitted) == sorted(at_start), "every campaign is read, once"
    probes = [body for body in campaigns.requests if body["limit"] == 1]
    assert probes, "probes sized the windows"
    assert len(checkpoints) > 2, "a checkpoint after each completed window"
    assert checkpoints[-1][0] == span.bookmark
    at_end = campaigns.times()
    for bookmark, before in checkpoints:
        owed = {key for key, moment in at_end.items() if moment < bookmark}
        assert owed <= before, f"a checkpoint at {bookmark} passed {sorted(owed - before)[:5]}"
