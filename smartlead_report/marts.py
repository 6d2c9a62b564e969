"""The numbers the report shows, read from the dbt package's marts in a DuckDB file.

Every figure comes from a mart as dbt built it (transform/models/marts); the only sums made here
are the per-week counts of replies by kind, from the email mart, and the totals of the header.
Values are made JSON-ready (floats, ISO strings) since they go into the charts' specs as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

Row = dict[str, Any]
KINDS = ("human", "auto_reply", "bounce", "unsubscribe")  # the email mart's reply_kind values
SENT_LIST = "every lead mailed (sent_emails)"  # the marts' `denominator` when sent_emails was loaded

QUERIES = {
    "rate_by_step": """
        SELECT email_campaign_id, email_campaign_name, step, leads_sent_step,
               leads_first_human_reply, human_reply_pct, denominator
        FROM {schema}.smartlead__human_reply_rate_by_step
        ORDER BY email_campaign_id, step""",
    # Per lead: the spread behind each campaign's median.
    "first_reply_hours": """
        SELECT email_lead_map_id, email_campaign_id, email_campaign_name, hours_to_first_human_reply
        FROM {schema}.smartlead__threads
        WHERE hours_to_first_human_reply IS NOT NULL
        ORDER BY email_campaign_id, hours_to_first_human_reply, email_lead_map_id""",
    "time_to_reply": """
        SELECT email_campaign_id, email_campaign_name, threads, leads_with_human_reply,
               median_hours_to_first_human_reply, mean_hours_to_first_human_reply
        FROM {schema}.smartlead__time_to_first_human_reply
        WHERE NOT is_all_campaigns
        ORDER BY email_campaign_id""",
    # Weeks start on Monday (ISO), in UTC: the marts hold UTC times without a zone.
    "replies_by_week": """
        SELECT CAST(date_trunc('week', history_time) AS DATE) AS week, reply_kind, count(*) AS replies
        FROM {schema}.smartlead__emails
        WHERE reply_kind IS NOT NULL AND history_time IS NOT NULL
        GROUP BY ALL
        ORDER BY week, reply_kind""",
    "bounces": """
        SELECT email_account_id, email_account_email, leads_mailed, leads_bounced, bounce_notices,
               bounce_pct, denominator
        FROM {schema}.smartlead__bounces_by_account
        ORDER BY bounce_pct DESC, email_account_id""",
    # Oldest first: the lead who has waited longest heads the queue.
    "awaiting": """
        SELECT email_lead_map_id, lead_email, lead_first_name, lead_last_name, lead_company,
               email_campaign_id, email_campaign_name, category_name, last_human_reply_at, hours_waited
        FROM {schema}.smartlead__awaiting_our_reply
        ORDER BY last_human_reply_at, email_lead_map_id""",
    "totals": """
        SELECT count(*) AS threads,
               count(*) FILTER (WHERE has_human_reply) AS leads_with_human_reply,
               coalesce(sum(human_reply_count), 0) AS human,
               coalesce(sum(auto_reply_count), 0) AS auto_reply,
               coalesce(sum(bounce_count), 0) AS bounce,
               coalesce(sum(unsubscribe_count), 0) AS unsubscribe,
               count(*) FILTER (WHERE awaiting_our_reply) AS awaiting,
               max(api_fetched_at) AS fetched_at
        FROM {schema}.smartlead__threads""",
    "period": """
        SELECT min(history_time) AS first_email, max(history_time) AS last_email, count(*) AS emails
        FROM {schema}.smartlead__emails""",
}


class MartsMissingError(LookupError):
    """The file or the marts are not there: load and build first."""


@dataclass(frozen=True)
class ReportData:
    """What the page shows; lists of rows as the charts take them."""

    source: str  # where the marts were read, for the header
    rate_by_step: list[Row] = field(default_factory=list)
    first_reply_hours: list[Row] = field(default_factory=list)
    time_to_reply: list[Row] = field(default_factory=list)
    replies_by_week: list[Row] = field(default_factory=list)
    bounces: list[Row] = field(default_factory=list)
    awaiting: list[Row] = field(default_factory=list)
    totals: Row = field(default_factory=dict)
    period: Row = field(default_factory=dict)

    @property
    def denominator(self) -> str | None:
        """The marts' `denominator`, or None when no mart has a row to say it."""
        for row in (*self.rate_by_step, *self.bounces):
            return str(row["denominator"])
        return None

    @property
    def sent_list_loaded(self) -> bool:
        return self.denominator == SENT_LIST


def read_marts(database: Path, schema: str = "smartlead_marts") -> ReportData:
    """Read every mart the report needs from ``database`` (read-only: a load may follow)."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", schema):
        raise ValueError(f"not a schema name: {schema!r}")
    if not database.exists():
        raise MartsMissingError(f"no DuckDB file at {database}")
    with duckdb.connect(str(database), read_only=True) as con:
        try:
            rows = {name: _rows(con, sql.format(schema=schema)) for name, sql in QUERIES.items()}
        except duckdb.CatalogException as error:  # loaded, but dbt has not built the marts there
            raise MartsMissingError(f"{database} has no marts in schema {schema}: {error}") from error
    labels = campaign_labels(rows["rate_by_step"] + rows["first_reply_hours"] + rows["time_to_reply"])
    for name in ("rate_by_step", "first_reply_hours", "time_to_reply", "awaiting"):
        for row in rows[name]:
            row["campaign"] = labels.get(row["email_campaign_id"]) or _label(row)
    for row in rows["bounces"]:
        row["account"] = row["email_account_email"] or f"account {row['email_account_id']}"
    return ReportData(
        source=f"{database} (schema {schema})",
        rate_by_step=rows["rate_by_step"],
        first_reply_hours=rows["first_reply_hours"],
        time_to_reply=rows["time_to_reply"],
        replies_by_week=rows["replies_by_week"],
        bounces=rows["bounces"],
        awaiting=rows["awaiting"],
        totals=rows["totals"][0],
        period=rows["period"][0],
    )


def campaign_labels(rows: list[Row]) -> dict[Any, str]:
    """Campaign id -> the name a chart shows: on one line, and with its id when two share a name
    (a chart's axis would otherwise merge them)."""
    names = {row["email_campaign_id"]: _label(row) for row in rows}
    seen: dict[str, int] = {}
    for name in names.values():
        seen[name] = seen.get(name, 0) + 1
    return {cid: (f"{name} (#{cid})" if seen[name] > 1 else name) for cid, name in names.items()}


def _label(row: Row) -> str:
    name = " ".join(str(row.get("email_campaign_name") or "").split())  # a name can hold a newline
    return name or f"campaign {row['email_campaign_id']}"


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[Row]:
    cursor = con.execute(sql)
    columns = [d[0] for d in cursor.description or ()]
    return [dict(zip(columns, map(_json_ready, values), strict=True)) for values in cursor.fetchall()]


def _json_ready(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value
