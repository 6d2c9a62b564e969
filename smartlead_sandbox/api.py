"""The sandbox's reading of Smartlead's documented request rules: validation, filters,
sorting, and the two response shapes."""

from __future__ import annotations

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


def _ts(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def select(leads: list[dict[str, Any]], body: dict[str, Any], *, replied_only: bool) -> list[dict[str, Any]]:
    """The leads a request asks for, in its sort order."""
    filters = body.get("filters") or {}
    chosen = [
        lead for lead in leads if (lead["last_reply_time"] or not replied_only) and matches(lead, filters)
    ]
    field = SORTS[body.get("sortBy", "REPLY_TIME_DESC")]
    chosen.sort(key=lambda lead: (lead[field] or "", lead["email_lead_map_id"]), reverse=True)
    return chosen


def matches(lead: dict[str, Any], filters: dict[str, Any]) -> bool:
    for key, (field, _) in ID_FILTERS.items():
        if key in filters:
            wanted = filters[key] if isinstance(filters[key], list) else [filters[key]]
            if lead[field] not in wanted:
                return False
    return (
        _category_ok(lead["lead_category_id"], filters.get("leadCategories") or {})
        and _status_ok(lead, filters.get("emailStatus"))
        and _time_ok(lead["last_reply_time"], filters.get("replyTimeBetween"))
        and _search_ok(lead, filters.get("search"))
    )


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


def _time_ok(reply_time: str | None, between: list[str] | None) -> bool:
    if between is None:
        return True
    return reply_time is not None and _ts(between[0]) <= _ts(reply_time) <= _ts(between[1])


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
