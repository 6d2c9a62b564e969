"""The tap's settings: their schema (for --about and Meltano) and the one place they are checked.

Every check happens before the first request and fails with a :class:`SettingsError`
that names the setting and says what is allowed.
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from singer_sdk import typing as th

from tap_smartlead_inbox.errors import SettingsError
from tap_smartlead_inbox.filters import FilterSet, build_filter_set
from tap_smartlead_inbox.redaction import register_secret
from tap_smartlead_inbox.timeutil import parse_duration, parse_time

DEFAULT_API_URL = "https://server.smartlead.ai/api/v1"
SORT_ORDERS = ("REPLY_TIME_DESC", "SENT_TIME_DESC")
MAX_PAGE_SIZE = 20
MIN_KEY_LENGTH = 8
DEFAULT_LOOKBACK = "PT15M"
MAX_LOOKBACK = timedelta(days=30)
DEFAULT_RECHECK_WINDOW = "P1D"
MAX_RECHECK_WINDOW = timedelta(days=90)
DEFAULT_WINDOW_PAGES = 200
DEFAULT_MAX_SERVER_WAIT = "PT1H"  # an hourly budget's longest wait: the run waits it out
LONGEST_WAIT = timedelta(days=1)
DEFAULT_MAX_RESPONSE_MB = 64

CONFIG_SCHEMA = th.PropertiesList(
    th.Property(
        "api_key",
        th.StringType,
        required=True,
        secret=True,
        title="API key",
        description="Smartlead API key (Settings → API). In Meltano it is read from "
        "SMARTLEAD_API_KEY. It is masked in every log line and error.",
    ),
    th.Property(
        "api_url",
        th.StringType,
        default=DEFAULT_API_URL,
        title="API base URL",
        description="Base URL of the Smartlead API; point it at the sandbox for tests.",
    ),
    th.Property(
        "default_filters",
        th.BooleanType,
        default=True,
        title="Default filter",
        description='Apply the replaced exporter\'s default filter {"leadCategories": '
        '{"categoryIdsIn": [6]}} (Out Of Office leads only). Set false to export '
        "every replied lead. Ignored when `filters` is given.",
    ),
    th.Property(
        "filters",
        th.ObjectType(additional_properties=True),
        title="Filters",
        description="Filters in Smartlead's syntax (search, leadCategories, emailStatus, "
        "campaignId, emailAccountId, campaignTeamMemberId, campaignTagId, campaignClientId, "
        "replyTimeBetween). Replaces the default filter; applies to every stream. ID lists longer "
        "than the API's caps are split into request series; categoryIdsNotIn over 10 is an error.",
    ),
    th.Property(
        "campaign_ids",
        th.ArrayType(th.IntegerType),
        title="Campaign IDs",
        description="Only leads of these campaigns; added to the filters as campaignId (more than 5 "
        "are split across requests).",
    ),
    th.Property(
        "email_account_ids",
        th.ArrayType(th.IntegerType),
        title="Email account IDs",
        description="Only leads mailed from these accounts; added to the filters as "
        "emailAccountId (more than 20 are split across requests).",
    ),
    th.Property(
        "start_date",
        th.DateTimeType,
        title="Start date",
        description="ISO 8601. Only leads whose last reply is at or after this time "
        "(sent as replyTimeBetween). Not applied to sent_emails, which reads its whole list.",
    ),
    th.Property(
        "end_date",
        th.DateTimeType,
        title="End date",
        description="ISO 8601. Only leads whose last reply is at or before this time "
        "(sent as replyTimeBetween). Not applied to sent_emails, which reads its whole list.",
    ),
    th.Property(
        "lookback",
        th.StringType,
        default=DEFAULT_LOOKBACK,
        title="Lookback",
        description="ISO 8601 duration, PT0S to P30D. An incremental run re-reads replies "
        "this far before the bookmark, for replies Smartlead records late and for clock "
        "skew. Leads read again are emitted again with the same keys (targets upsert).",
    ),
    th.Property(
        "recheck_window",
        th.StringType,
        default=DEFAULT_RECHECK_WINDOW,
        title="Re-check window",
        description="ISO 8601 duration, PT0S to P90D. An incremental run also re-reads the leads "
        "whose last reply is this far before the bookmark and emits them again (same keys, so "
        "targets upsert): categories Smartlead or a person sets after the reply, and changed "
        "read, archived, important and status flags, reach the target. The default P1D keeps "
        "labels set up to a day after a reply. PT0S turns it off.",
    ),
    th.Property(
        "window_pages",
        th.IntegerType,
        default=DEFAULT_WINDOW_PAGES,
        title="Pages per window",
        description="A full export reads reply-time windows oldest first, each sized to hold "
        "about this many pages (>= 1), with a STATE checkpoint after each. Smaller windows "
        "lose less work to an interruption and cost a few more requests.",
    ),
    th.Property(
        "sort_by",
        th.StringType(allowed_values=list(SORT_ORDERS)),
        default=SORT_ORDERS[0],
        title="Sort order",
        description="REPLY_TIME_DESC (default) or SENT_TIME_DESC.",
    ),
    th.Property(
        "limit_per_page",
        th.IntegerType,
        default=MAX_PAGE_SIZE,
        title="Page size",
        description="Leads per request, 1 to 20 (the API's maximum and the most efficient).",
    ),
    th.Property(
        "fetch_message_history",
        th.BooleanType,
        default=True,
        title="Fetch message history",
        description="Ask for each lead's whole thread. Without it email_history holds "
        "only what the list view returns.",
    ),
    th.Property(
        "rps",
        th.NumberType,
        default=5.0,
        title="Requests per second",
        description="Most requests per second, across all streams and workers (> 0). The "
        "default 5 stays under Smartlead's 10 per 2 seconds; on a slower plan the tap "
        "learns the real limit from 429s and settles just under it.",
    ),
    th.Property(
        "max_concurrency",
        th.IntegerType,
        default=10,
        title="Max concurrency",
        description="Most requests in flight at once (>= 1). Without total_count only about "
        "rps x latency are in flight, so almost no request lands past the last page.",
    ),
    th.Property(
        "max_retries",
        th.IntegerType,
        default=6,
        title="Max retries",
        description="Retries per request after the first attempt (>= 0) on 5xx (the API's or "
        "a CDN's), timeouts, dropped connections and cut-off bodies. 429s are retried too, up to "
        "twice as many again.",
    ),
    th.Property(
        "request_timeout",
        th.NumberType,
        default=60.0,
        title="Request timeout",
        description="Seconds for one whole response: connecting, the headers and the body (> 0). "
        "A response still arriving then is cut and retried.",
    ),
    th.Property(
        "max_response_mb",
        th.IntegerType,
        default=DEFAULT_MAX_RESPONSE_MB,
        title="Max response size (MB)",
        description="Largest answer the tap reads, once decompressed (1 to 4096). A larger one "
        "stops the run with an error instead of filling the memory.",
    ),
    th.Property(
        "max_server_wait",
        th.StringType,
        default=DEFAULT_MAX_SERVER_WAIT,
        title="Max server wait",
        description="ISO 8601 duration (PT0S to P1D). The longest wait the tap honours when "
        "Smartlead asks it to come back later (a 429 or 503 with Retry-After; a used-up hourly "
        "budget asks for up to an hour). Longer, and the run stops at its last checkpoint with "
        "exit code 75 and says when to run again.",
    ),
    th.Property(
        "dry_run",
        th.BooleanType,
        default=False,
        title="Dry run",
        description="Fetch everything and log how many records each stream would get, but "
        "write no records (and so move no bookmark).",
    ),
).to_dict()


@dataclass(frozen=True)
class Settings:
    """Checked settings, with the filters ready to send."""

    api_key: str
    api_url: str
    filter_set: FilterSet
    lookback: timedelta
    recheck_window: timedelta
    window_pages: int
    sort_by: str
    limit_per_page: int
    fetch_message_history: bool
    rps: float
    max_concurrency: int
    max_retries: int
    request_timeout: float
    max_response_mb: int
    max_server_wait: timedelta
    dry_run: bool


def check_settings(config: Mapping[str, Any]) -> Settings:
    """Validate ``config`` and return typed settings, or raise SettingsError."""
    return _check(config)[0]


def check_config(config: Mapping[str, Any]) -> tuple[Settings, dict[str, Any]]:
    """Typed settings, and ``config`` with text values (as Meltano and env vars give
    them) turned into their types, from one check."""
    settings, typed = _check(config)
    return settings, {**config, **{k: v for k, v in typed.items() if k in config}}


def _check(config: Mapping[str, Any]) -> tuple[Settings, dict[str, Any]]:
    api_key = _api_key(config.get("api_key"))
    start = _date(config, "start_date")
    end = _date(config, "end_date", end_of_day=True)
    if start and end and start > end:
        raise SettingsError("start_date", f"is after end_date ({_txt(config, 'end_date')})")
    typed: dict[str, Any] = {
        "api_key": api_key,
        "api_url": _api_url(config.get("api_url", DEFAULT_API_URL)),
        "filters": _filters(config.get("filters")),
        "default_filters": _bool(config, "default_filters", True),
        "campaign_ids": _id_list(config, "campaign_ids"),
        "email_account_ids": _id_list(config, "email_account_ids"),
        "window_pages": _int(config, "window_pages", DEFAULT_WINDOW_PAGES, low=1),
        "sort_by": _choice(config, "sort_by", SORT_ORDERS),
        "limit_per_page": _int(config, "limit_per_page", MAX_PAGE_SIZE, low=1, high=MAX_PAGE_SIZE),
        "fetch_message_history": _bool(config, "fetch_message_history", True),
        "rps": _positive(config, "rps", 5.0),
        "max_concurrency": _int(config, "max_concurrency", 10, low=1),
        "max_retries": _int(config, "max_retries", 6, low=0),
        "request_timeout": _positive(config, "request_timeout", 60.0),
        "max_response_mb": _int(config, "max_response_mb", DEFAULT_MAX_RESPONSE_MB, low=1, high=4096),
        "dry_run": _bool(config, "dry_run", False),
    }
    filter_set = build_filter_set(
        filters=typed["filters"],
        default_filters=typed["default_filters"],
        campaign_ids=typed["campaign_ids"],
        email_account_ids=typed["email_account_ids"],
        start=start,
        end=end,
    )
    plain = {f.name: typed[f.name] for f in fields(Settings) if f.name in typed}
    return (
        Settings(
            filter_set=filter_set,
            lookback=_duration(config, "lookback", DEFAULT_LOOKBACK, MAX_LOOKBACK),
            recheck_window=_duration(config, "recheck_window", DEFAULT_RECHECK_WINDOW, MAX_RECHECK_WINDOW),
            max_server_wait=_duration(config, "max_server_wait", DEFAULT_MAX_SERVER_WAIT, LONGEST_WAIT),
            **plain,
        ),
        typed,
    )


def _txt(config: Mapping[str, Any], name: str) -> str:
    return json.dumps(config.get(name), default=str)


def _api_key(value: object) -> str:
    key = value.strip() if isinstance(value, str) else ""
    if not key:
        raise SettingsError("api_key", "is missing: set it in the config or the SMARTLEAD_API_KEY variable")
    register_secret(key)
    if len(key) < MIN_KEY_LENGTH:
        raise SettingsError(
            "api_key", f"is too short to be a Smartlead API key ({MIN_KEY_LENGTH}+ characters)"
        )
    return key


def _api_url(value: object) -> str:
    problem = f"is {json.dumps(value, default=str)}: must be an http(s) URL such as {DEFAULT_API_URL}"
    if not isinstance(value, str):
        raise SettingsError("api_url", problem)
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises for a port out of range
    except ValueError:
        raise SettingsError("api_url", problem) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError("api_url", problem)
    if parts.query or parts.fragment:
        raise SettingsError("api_url", "must not carry a query string or fragment")
    return value.rstrip("/")


def _filters(value: object) -> Mapping[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, str):  # Meltano passes an env var's object as JSON text
        try:
            value = json.loads(value) if value.strip() else None
        except json.JSONDecodeError as exc:
            raise SettingsError("filters", f"is not valid JSON ({exc.msg})") from None
    if value is not None and not isinstance(value, Mapping):
        raise SettingsError("filters", "must be an object in Smartlead's filter syntax")
    return value


def _bool(config: Mapping[str, Any], name: str, default: bool) -> bool:
    value = config.get(name, default)
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if not isinstance(value, bool):
        raise SettingsError(name, f"is {_txt(config, name)}: must be true or false")
    return value


def _number(config: Mapping[str, Any], name: str, default: float) -> float:
    value = config.get(name, default)
    if isinstance(value, str | Decimal):  # Meltano may pass text; the SDK reads JSON as Decimal
        with contextlib.suppress(ValueError, ArithmeticError):
            value = float(value)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise SettingsError(name, f"is {_txt(config, name)}: must be a number")
    return float(value)


def _positive(config: Mapping[str, Any], name: str, default: float) -> float:
    value = _number(config, name, default)
    if value <= 0:
        raise SettingsError(name, f"is {_txt(config, name)}: must be greater than 0")
    return value


def _int(config: Mapping[str, Any], name: str, default: int, *, low: int, high: int | None = None) -> int:
    value = _number(config, name, default)
    allowed = f"from {low} to {high}" if high is not None else f"{low} or more"
    if not value.is_integer() or value < low or (high is not None and value > high):
        raise SettingsError(name, f"is {_txt(config, name)}: must be a whole number {allowed}")
    return int(value)


def _choice(config: Mapping[str, Any], name: str, allowed: tuple[str, ...]) -> str:
    value = config.get(name, allowed[0])
    if value not in allowed:
        raise SettingsError(name, f"is {_txt(config, name)}: must be one of {', '.join(allowed)}")
    assert isinstance(value, str)
    return value


def _date(config: Mapping[str, Any], name: str, *, end_of_day: bool = False) -> datetime | None:
    value = config.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):  # the SDK may hand over parsed values
        value = value.isoformat()
    parsed = parse_time(value, strict=True) if isinstance(value, str) else None
    if parsed is None:
        raise SettingsError(
            name,
            f"is {_txt(config, name)}: must be an ISO 8601 date or date-time, "
            "such as 2025-01-31 or 2025-01-31T23:59:59Z",
        )
    if end_of_day and len(value.strip()) == len("2025-01-31"):
        return parsed + timedelta(days=1, milliseconds=-1)  # end_date 2025-01-31 includes the 31st
    return parsed


def _duration(config: Mapping[str, Any], name: str, default: str, top: timedelta) -> timedelta:
    duration = parse_duration(config.get(name, default))
    if duration is None or not timedelta(0) <= duration <= top:
        raise SettingsError(
            name,
            f"is {_txt(config, name)}: must be an ISO 8601 duration from PT0S to P{top.days}D, "
            "such as PT15M, PT2H or P1D",
        )
    return duration


def _id_list(config: Mapping[str, Any], name: str) -> list[int]:
    value = config.get(name) or []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            value = [part.strip() for part in value.split(",") if part.strip()]
    ids = value if isinstance(value, list) else [value]
    try:
        return [_to_id(item) for item in ids]
    except ValueError:
        raise SettingsError(name, f"is {_txt(config, name)}: must be a list of whole-number IDs") from None


def _to_id(item: object) -> int:
    if isinstance(item, bool):
        raise ValueError(item)
    if isinstance(item, int):
        return item
    if isinstance(item, str) and item.strip().isdigit():
        return int(item)
    raise ValueError(item)
