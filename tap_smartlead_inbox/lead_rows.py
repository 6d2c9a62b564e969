"""The rows of the inbox endpoints as the reading layer sees them (see rows.py): a lead,
keyed by email_lead_map_id, in time by its last reply or its last sent email."""

from __future__ import annotations

from datetime import datetime

from tap_smartlead_inbox.normalize import Lead, normalize_lead
from tap_smartlead_inbox.rows import RowPage, row_key

# The lead time each sort order of the inbox endpoints sorts by, newest first.
SORT_FIELDS = {"REPLY_TIME_DESC": "last_reply_time", "SENT_TIME_DESC": "last_sent_time"}

LeadPage = RowPage[Lead]


class LeadRows:
    """RowIdentity of the inbox-replies and sent lists: windows cut reply times."""

    window_sort = "REPLY_TIME_DESC"

    def read(self, row: object) -> Lead | None:
        return normalize_lead(row)

    def key(self, item: Lead) -> str | None:
        return item.key

    def time(self, item: Lead, sort_by: str) -> datetime | None:
        field = SORT_FIELDS.get(sort_by)
        return item.time_of(field) if field else None


LEAD_ROWS = LeadRows()


def lead_row_key(row: object, lead: Lead | None) -> str:
    """The lead key, or the whole row for a row without one."""
    return row_key(LEAD_ROWS, row, lead)
