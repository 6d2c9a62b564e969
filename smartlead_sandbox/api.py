"""The sandbox's reading of Smartlead's documented request rules: validation, filters,
sorting, and the two response shapes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from typing import Any

from smartlead_sandbox.inbox import CATEGORIES, CATEGORY_NAMES, PRIVATE_KEYS

EMAIL_STATUSES = {"Opened", "Clicked", "Replied", "Unsubscribed", "Bounced", "Accepted", "Not Replied"}
ID_FILTERS = {
    "campaignId": ("email_campaign_id", 5),
    "emailAccountId": ("email_account_id", 20),
    "campaignTeamMemberId": ("team_member_id", 10),
    "campaignTagId": ("campaign_tag_id", 10),
    "campaignClientId": ("client_id", 10),
}
FILTER_KEYS = {"search", "leadCategories", "emailStatus", "replyTimeBetween", *ID_FILTERS}
CATEGORY_KEYS = {"unassigned", "isAssigned", "categoryIdsIn", "categoryIdsNotIn"}
SORTS = {"REPLY_TIME_DESC": "last_reply_time", "SENT_TIME_DESC": "last_sent_time"}


class Invalid(Exception):
    def __init__(self, error: str, field: str, **extra: Any) -> None:
        super().__init__(error)
        self.body = {"error": error, "field": field, **extra}


def validate(body: Any) -> None:
    """Raise Invalid (a 422) the way the API does."""
    if not isinstance(body, dict):
        raise Invalid("Request body must be a JSON object", "body")
    offset, limit = body.get("offset", 0), body.get("limit", 20)
    if not isinstance(offset, int) or offset < 0:
        raise Invalid("offset must be a non-negative number", "offset")
    if not isinstance(limit, int) or not 1 <= limit <= 20:
        raise Invalid("limit must be between 1 and 20", "limit")
    if body.get("sortBy", "REPLY_TIME_DESC") not in SORTS:
        raise Invalid("sortBy must be one of REPLY_TIME_DESC, SENT_TIME_DESC", "sortBy")
    filters = body.get("filters") or {}
    if not isinstance(filters, dict):
        raise Invalid("filters must be an object", "filters")
    for key, value in filters.items():
        _validate_filter(key, value)


def _validate_filter(key: str, value: Any) -> None:
    name = f"filters.{key}"
    if key not in FILTER_KEYS:
        raise Invalid(f'"{name}" is not allowed', name)
    if key in ID_FILTERS:
        _cap(name, key, value, ID_FILTERS[key][1])
    else:
        _VALIDATORS[key](name, value)


def _search(name: str, value: Any) -> None:
    if not isinstance(value, str) or len(value) > 30:
        raise Invalid("search must be a string of at most 30 characters", name)


def _email_status(name: str, value: Any) -> None:
    values = value if isinstance(value, list) else [value]
    if not values or any(v not in EMAIL_STATUSES for v in values):
        raise Invalid("Invalid emailStatus value", name)


def _reply_time(name: str, value: Any) -> None:
    if not isinstance(value, list) or len(value) != 2 or not all(map(_is_time, value)):
        raise Invalid("Invalid date format in replyTimeBetween", name)


def _categories(name: str, value: Any) -> None:
    if not isinstance(value, dict) or set(value) - CATEGORY_KEYS:
        raise Invalid("leadCategories has an unknown key", name)
    for sub in ("categoryIdsIn", "categoryIdsNotIn"):
        if sub in value:
            _cap(f"{name}.{sub}", sub, value[sub], 10)


_VALIDATORS = {
    "search": _search,
    "emailStatus": _email_status,
    "replyTimeBetween": _reply_time,
    "leadCategories": _categories,
}


def _cap(name: str, key: str, value: Any, cap: int) -> None:
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise Invalid(f"{key} must hold numbers", name)
    if len(values) > cap:
        raise Invalid(
            f"{key} array cannot exceed {cap} items",
            name,
            provided_count=len(values),
            max_allowed=cap,
        )


def _is_time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


EARLIEST = "0001-01-01T00:00:00Z"  # no reply time: before any range


@functools.lru_cache(maxsize=1 << 16)
def _ts(value: str) -> datetime:
    # Every page request compares each lead's reply time with the filter's bounds: the same
    # strings, parsed once (the 15,000-lead inboxes of the cost tests spent most of their
    # time here).
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def select(leads: list[dict[str, Any]], body: dict[str, Any], *, replied_only: bool) -> list[dict[str, Any]]:
    """The leads a request asks for, in its sort order."""
    chosen = list(leads)  # sorted below: a copy, never the inbox's own list
    # One pass a check rather than every check a lead: each page request scans the whole
    # inbox (15,000 leads, 272 requests in a cost test): a quarter to a third less time.
    for keep in filter_checks(body.get("filters") or {}, replied_only=replied_only):
        chosen = [lead for lead in chosen if keep(lead)]
    field = SORTS[body.get("sortBy", "REPLY_TIME_DESC")]
    chosen.sort(key=lambda lead: (lead[field] or "", lead["email_lead_map_id"]), reverse=True)
    return chosen


def filter_checks(filters: dict[str, Any], *, replied_only: bool) -> list[Callable[[dict[str, Any]], bool]]:
    """The tests a lead must pass, made once a request from the filters it has: every page
    request scans the whole inbox (tests change leads mid-run), 15,000 leads in the cost tests."""
    checks: list[Callable[[dict[str, Any]], bool]] = []
    if replied_only:
        checks.append(lambda lead: bool(lead["last_reply_time"]))
    for key, (field, _) in ID_FILTERS.items():
        if key in filters:
            checks.append(_one_of(field, filters[key]))
    if rule := filters.get("leadCategories") or {}:
        checks.append(lambda lead: _category_ok(lead["lead_category_id"], rule))
    if (status := filters.get("emailStatus")) is not None:
        checks.append(lambda lead: _status_ok(lead, status))
    if (between := filters.get("replyTimeBetween")) is not None:
        first, last = _ts(between[0]), _ts(between[1])
        checks.append(lambda lead: first <= _ts(lead["last_reply_time"] or EARLIEST) <= last)
    if search := filters.get("search"):
        checks.append(lambda lead: _search_ok(lead, search))
    return checks


def _one_of(field: str, wanted: Any) -> Callable[[dict[str, Any]], bool]:
    allowed = wanted if isinstance(wanted, list) else [wanted]
    return lambda lead: lead[field] in allowed


def _category_ok(category: int | None, rule: dict[str, Any]) -> bool:
    if "categoryIdsIn" in rule and category not in rule["categoryIdsIn"]:
        return False
    if category is not None and category in rule.get("categoryIdsNotIn", []):
        return False
    if rule.get("unassigned") and category is not None:
        return False
    return not (rule.get("isAssigned") and category is None)


def _status_ok(lead: dict[str, Any], status: Any) -> bool:
    if status is None:
        return True
    return lead["email_status"] in (status if isinstance(status, list) else [status])


def _search_ok(lead: dict[str, Any], search: str | None) -> bool:
    if not search:
        return True
    haystack = " ".join(
        str(lead[k] or "") for k in ("lead_email", "lead_first_name", "lead_last_name", "lead_company")
    )
    return search.lower() in haystack.lower()


# --- rendering --------------------------------------------------------------------

FLAT_HIDDEN = {"lead_company", "lead_phone", "email_account_email", "campaign_tag_id", "email_status"}


def render_flat(lead: dict[str, Any], history: bool) -> dict[str, Any]:
    row = {k: v for k, v in lead.items() if k not in FLAT_HIDDEN and k != "email_history"}
    if history:
        items = lead["email_history"]  # hostile leads may hold anything here
        row["email_history"] = [_served(i) for i in items] if isinstance(items, list) else items
    return row


def _served(item: Any) -> Any:
    """A history item as the API serves it: a copy without the sandbox's private keys."""
    if not isinstance(item, dict):
        return item
    return {k: v for k, v in item.items() if k not in PRIVATE_KEYS}


def render_documented(lead: dict[str, Any], history: bool) -> dict[str, Any]:
    category = lead["lead_category_id"]
    items = [_documented_item(item) for item in lead["email_history"]]
    row: dict[str, Any] = {
        "id": f"msg_{lead['email_lead_map_id']}",
        "campaign_lead_map_id": str(lead["email_lead_map_id"]),
        "lead": {
            "id": int(lead["email_lead_id"]),
            "email": lead["lead_email"],
            "first_name": lead["lead_first_name"],
            "last_name": lead["lead_last_name"],
            "company": lead["lead_company"],
            "phone": lead["lead_phone"],
        },
        "campaign": {"id": lead["email_campaign_id"], "name": lead["email_campaign_name"]},
        "email_account": {
            "id": lead["email_account_id"],
            "email": lead["email_account_email"],
            "name": "Sales Team",
        },
        "last_message": _last_message(lead),
        "email_status": lead["email_status"],
        # A deleted category keeps its id on the lead, and has no name any more.
        "category": None if category is None else {"id": category, "name": CATEGORY_NAMES.get(category)},
        "assigned_to": {"id": lead["team_member_id"], "name": "Jane Smith", "email": "jane@ourco.example"},
        "stats": {
            "total_sent": sum(1 for i in items if i["direction"] == "outbound"),
            "total_replied": sum(1 for i in items if i["direction"] == "inbound"),
            "last_activity": lead["email_history"][-1]["time"],
        },
        "is_read": not lead["has_new_unread_email"],
        "is_important": lead["is_important"],
        "is_archived": lead["is_archived"],
        "tags": ["hot-lead"] if lead["is_important"] else [],
    }
    if history:
        row["message_history"] = items
    return row


# Carried over from a flat history item when it has them (copies, files, and what the
# per-lead history endpoint shows); any key the flat item holds that no document names
# (e.g. ``sl_tracking``) travels too.
_DOCUMENTED_EXTRAS = ("cc", "bcc", "attachments", "reply_details")
_FLAT_ITEM_KEYS = {
    "stats_id", "message_id", "type", "time", "email_body", "subject", "from", "to",
    "email_seq_number", "open_count", "click_count", "click_details", *_DOCUMENTED_EXTRAS, *PRIVATE_KEYS,
}  # fmt: skip


def _documented_item(item: dict[str, Any]) -> dict[str, Any]:
    inbound = item["type"] == "REPLY"
    out = {
        "id": item["message_id"],
        "subject": item.get("subject"),
        "body": item["email_body"],
        "direction": "inbound" if inbound else "outbound",
        ("received_at" if inbound else "sent_at"): item["time"],
        "opened_at": None,
    }
    for key in _DOCUMENTED_EXTRAS:
        if key in item:
            out[key] = item[key]
    for key, value in item.items():
        if key not in _FLAT_ITEM_KEYS:
            out[key] = value
    return out


def _last_message(lead: dict[str, Any]) -> dict[str, Any]:
    last = lead["email_history"][-1]
    inbound = last["type"] == "REPLY"
    return {
        "id": last["message_id"],
        "subject": last.get("subject"),
        "body": last["email_body"],
        ("received_at" if inbound else "sent_at"): last["time"],
        "sent_from": last["from"],
        "sent_to": last["to"],
        "opened_at": None,
        "replied_at": lead["last_reply_time"],
    }


# --- GET /leads/fetch-categories -----------------------------------------------------

CATEGORY_SHAPES = ("list", "data", "categories", "unknown")


def render_categories(shape: str) -> Any:
    """The account's categories: a bare array ("list"), ``{"ok", "data"}`` or ``{"categories"}``;
    or "unknown", a shape no client knows: each name under its id, in an object."""
    items = [dict(category) for category in CATEGORIES]
    if shape == "data":
        return {"ok": True, "data": items}
    if shape == "categories":
        return {"categories": items}
    if shape == "unknown":
        return {"ok": True, "names_by_id": {str(item["id"]): item["name"] for item in items}}
    return items
