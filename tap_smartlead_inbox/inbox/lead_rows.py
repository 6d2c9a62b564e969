"""The rows of the inbox endpoints as the reading layer sees them (see rows.py): a lead,
keyed by email_lead_map_id, in time by its last reply or its last sent email."""

from __future__ import annotations

from datetime import datetime

from tap_smartlead_inbox.inbox.anomalies import REPEATED, Anomalies
from tap_smartlead_inbox.inbox.normalize import Lead, normalize_lead
from tap_smartlead_inbox.reading.rows import RowPage, row_key

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


class NewLeads:
    """Picks a page's leads not emitted yet in this run and counts what is odd about them."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.anomalies = Anomalies()
        self._odd_rows: set[str] = set()  # rows without a key, counted once however often read

    def of(self, lead_page: LeadPage) -> list[Lead]:
        leads: list[Lead] = []
        on_page: set[str] = set()
        for row, lead in zip(lead_page.page.rows, lead_page.items, strict=True):
            if lead is None or lead.key is None:
                identity = lead_row_key(row, lead)
                if identity not in self._odd_rows:
                    self._odd_rows.add(identity)
                    self.anomalies.check_row(row, lead)
                continue
            if lead.key in on_page:
                self.anomalies.note(REPEATED)
                continue
            on_page.add(lead.key)
            if lead.key not in self.seen:
                self.seen.add(lead.key)
                self.anomalies.check_row(row, lead)
                leads.append(lead)
        return leads
