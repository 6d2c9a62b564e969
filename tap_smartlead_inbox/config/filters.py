"""Smartlead filters: built from the settings and checked against the API's documented caps.

Only the documented keys are sent (the replaced exporter invented `emailCampaignIdIn`
and friends, which the API ignores or rejects). Reply-time bounds are kept apart
from the other filters because the fetch plan chooses the `replyTimeBetween`
of each request.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from itertools import product
from typing import Any

from tap_smartlead_inbox.core.errors import SettingsError
from tap_smartlead_inbox.core.timeutil import iso, parse_time

DEFAULT_FILTER: dict[str, Any] = {"leadCategories": {"categoryIdsIn": [6]}}
EMAIL_STATUSES = (
    "Opened",
    "Clicked",
    "Replied",
    "Unsubscribed",
    "Bounced",
    "Accepted",
    "Not Replied",
)
SEARCH_MAX = 30
# The most ids the API accepts in each id filter; more is a 422.
ID_CAPS = {
    "campaignId": 5,
    "emailAccountId": 20,
    "campaignTeamMemberId": 10,
    "campaignTagId": 10,
    "campaignClientId": 10,
}
CATEGORY_CAPS = {"categoryIdsIn": 10, "categoryIdsNotIn": 10}
# Inclusion lists: a lead has one value of each, so a longer list splits into chunks
# that share no lead, and every combination of chunks is one request series.
# categoryIdsNotIn cannot split: each chunk would let the others' categories in.
SPLIT_CAPS: dict[tuple[str, ...], int] = {
    **{(key,): cap for key, cap in ID_CAPS.items()},
    ("leadCategories", "categoryIdsIn"): CATEGORY_CAPS["categoryIdsIn"],
}
CATEGORY_FLAGS = ("unassigned", "isAssigned")
# The filter that bounds a lead's last reply time: the time windows cut the inbox with it.
REPLY_TIME_FILTER = "replyTimeBetween"
FILTER_KEYS = ("search", "leadCategories", "emailStatus", *ID_CAPS, REPLY_TIME_FILTER)


@dataclass(frozen=True)
class FilterSet:
    """What to ask for: the filters without time, and the reply-time bounds."""

    base: dict[str, Any]
    reply_from: datetime | None = None
    reply_to: datetime | None = None
    default_applied: bool = False
    series: list[dict[str, Any]] = field(default_factory=list)  # base split within the caps
    # filters.replyTimeBetween as given: the sent list, which holds leads that never
    # replied, is bounded by it only when asked, never by start_date/end_date.
    sent_between: tuple[datetime, datetime] | None = None

    def for_window(self, window: tuple[datetime, datetime] | None, series: int = 0) -> dict[str, Any]:
        """The filters one series sends for one reply-time window (None: no time filter)."""
        filters: dict[str, Any] = json.loads(json.dumps(self.series[series]))
        if window:
            filters[REPLY_TIME_FILTER] = reply_between(*window)
        return filters


def split_series(filters: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The filter sets to send, each within the API's caps, whose results together are
    exactly what ``filters`` asks for."""
    choices = []
    for path, cap in SPLIT_CAPS.items():
        given = _parent(filters, path).get(path[-1])
        if isinstance(given, list):  # a repeated id counts against the cap too
            values = list(dict.fromkeys(given))
            choices.append([(path, values[i : i + cap]) for i in range(0, len(values), cap)])
    series = []
    for combination in product(*choices):
        one: dict[str, Any] = json.loads(json.dumps(filters))
        for path, chunk in combination:
            _parent(one, path)[path[-1]] = chunk
        series.append(one)
    return series


def _parent(filters: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    for key in path[:-1]:
        filters = filters.get(key) or {}
    return filters


# Filters a lead cannot be re-labelled out of while it is read: its campaign and the
# account that mails it stay. Categories, statuses, tags, team members, clients and
# names (search) can change under a read, so a lead can leave those filters.
FIXED_FILTERS = frozenset({REPLY_TIME_FILTER, "campaignId", "emailAccountId"})


def leads_stay(filters: Mapping[str, Any]) -> bool:
    """Whether no lead can leave ``filters`` but by its reply time moving."""
    return set(filters) <= FIXED_FILTERS


def reply_between(start: datetime, end: datetime) -> list[str]:
    """The `replyTimeBetween` value for a reply-time window, both ends included."""
    return [iso(start), iso(end)]


def build_filter_set(
    *,
    filters: Mapping[str, Any] | None,
    default_filters: bool,
    campaign_ids: list[int],
    email_account_ids: list[int],
    start: datetime | None,
    end: datetime | None,
) -> FilterSet:
    """Combine the filter settings into one checked FilterSet."""
    default_applied = filters is None and default_filters
    base: dict[str, Any] = dict(DEFAULT_FILTER if default_applied else (filters or {}))
    base = json.loads(json.dumps(base))
    _merge_ids(base, "campaignId", campaign_ids)
    _merge_ids(base, "emailAccountId", email_account_ids)
    check_filters(base)
    between = _given_between(base.pop(REPLY_TIME_FILTER, None))
    reply_from, reply_to = _reply_bounds(between, start, end)
    return FilterSet(base, reply_from, reply_to, default_applied, split_series(base), between)


def _given_between(between: object) -> tuple[datetime, datetime] | None:
    """filters.replyTimeBetween (already checked) as two datetimes."""
    if not isinstance(between, list):
        return None
    low, high = (parse_time(v, strict=True) for v in between)
    return (low, high) if low and high else None


def _merge_ids(filters: dict[str, Any], key: str, ids: list[int]) -> None:
    if not ids:
        return
    existing = filters.get(key)
    merged = [] if existing is None else (existing if isinstance(existing, list) else [existing])
    filters[key] = list(dict.fromkeys([*merged, *ids]))


def _reply_bounds(
    between: tuple[datetime, datetime] | None, start: datetime | None, end: datetime | None
) -> tuple[datetime | None, datetime | None]:
    """Intersect filters.replyTimeBetween with start_date/end_date."""
    if between is not None:
        low, high = between
        start = max(filter(None, (start, low)), default=None)
        end = min(filter(None, (end, high)), default=None)
    if start and end and start > end:
        raise SettingsError(
            "filters", "replyTimeBetween and start_date/end_date do not overlap: nothing to export"
        )
    return start, end


def check_filters(filters: Mapping[str, Any]) -> None:
    """Raise SettingsError for anything the API would reject with a 422."""
    for key, value in filters.items():
        if key not in FILTER_KEYS:
            raise SettingsError(f"filters.{key}", f"is not a Smartlead filter: use {', '.join(FILTER_KEYS)}")
        _CHECKS[key](f"filters.{key}", key, value)


def _check_search(name: str, _key: str, value: object) -> None:
    if not isinstance(value, str) or len(value) > SEARCH_MAX:
        raise SettingsError(name, f"must be text of at most {SEARCH_MAX} characters")


def _check_status(name: str, _key: str, value: object) -> None:
    values = value if isinstance(value, list) else [value]
    bad = [v for v in values if v not in EMAIL_STATUSES]
    if bad or not values:
        raise SettingsError(name, f"has {json.dumps(bad or value)}: allowed are {', '.join(EMAIL_STATUSES)}")


def _check_ids(name: str, _key: str, value: object, cap: int | None = None) -> None:
    """IDs; ``cap`` only for a list that cannot be split across requests."""
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise SettingsError(name, "must be a whole-number ID or a list of them")
    if not values:
        raise SettingsError(name, "is an empty list: give at least one ID, or leave the filter out")
    if cap is not None and len(values) > cap:
        raise SettingsError(
            name,
            f"has {len(values)} IDs: the API allows at most {cap} per request, and an exclusion "
            "list cannot be split across requests",
        )


def _check_categories(name: str, _key: str, value: object) -> None:
    if not isinstance(value, Mapping):
        raise SettingsError(name, "must be an object")
    allowed = (*CATEGORY_CAPS, *CATEGORY_FLAGS)
    for key, item in value.items():
        if key in CATEGORY_FLAGS:
            if not isinstance(item, bool):
                raise SettingsError(f"{name}.{key}", "must be true or false")
        elif key in CATEGORY_CAPS:
            if not isinstance(item, list):
                raise SettingsError(f"{name}.{key}", "must be a list of category IDs")
            _check_ids(f"{name}.{key}", key, item, None if key == "categoryIdsIn" else CATEGORY_CAPS[key])
        else:
            raise SettingsError(f"{name}.{key}", f"is not allowed: use {', '.join(allowed)}")


def _check_between(name: str, _key: str, value: object) -> None:
    ok = isinstance(value, list) and len(value) == 2
    if not ok or any(parse_time(v, strict=True) is None for v in _iter(value)):
        raise SettingsError(name, "must be [start, end], two ISO 8601 date-times")


def _iter(value: object) -> Iterable[object]:
    return value if isinstance(value, list) else ()


_CHECKS: dict[str, Callable[..., None]] = {
    "search": _check_search,
    "emailStatus": _check_status,
    "leadCategories": _check_categories,
    REPLY_TIME_FILTER: _check_between,
    **dict.fromkeys(ID_CAPS, _check_ids),
}
