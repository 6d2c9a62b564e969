"""Hostile data for the sandbox's flat shape: every kind of odd row the tap must survive."""

from __future__ import annotations

import copy
from typing import Any

# A subject holding this text is sent with invalid UTF-8 bytes in its place.
BAD_UTF8_MARKER = "\ue000BAD"
LARGE_BODY = "<p>" + "x" * 5_000_000 + "</p>"
BROKEN_HTML = "<div><p>Unclosed &amp;&bogus; &#xZZZ; <b>bold"
# A body nested past libxml2's depth limit (about 255 levels), with text after the nesting.
DEEP_HTML_TAIL = "Text after 400 nested tables"
DEEP_HTML_BODY = (
    "<div>Thanks, let us talk.</div>"
    + "<table><tr><td>" * 400
    + "Deep inside"
    + "</td></tr></table>" * 400
    + f"<div>{DEEP_HTML_TAIL}</div>"
)
ODD_DATES = {"lead_next_timestamp_to_send": "next week", "last_sent_time": "Tue, 07 Jan 2025 10:00:00 +0100"}


def make_hostile(leads: list[dict[str, Any]]) -> None:
    """Spoil a few replied leads, each in its own way (their reply times stay sortable)."""
    replied = [lead for lead in leads if lead["last_reply_time"]]
    spoil = [
        lambda lead: lead.update(email_history=None),
        lambda lead: lead.update(email_history="not a list"),
        lambda lead: lead["email_history"].extend(["an email as text", {"type": "REPLY"}]),
        lambda lead: lead["email_history"][0].update(email_body=LARGE_BODY),
        lambda lead: lead["email_history"][0].update(
            email_body="<div><p>Unclosed &amp;&bogus; &#xZZZ; <b>bold"
        ),
        lambda lead: lead.update(lead_category_id="six", is_important="maybe", email_campaign_id={"x": 1}),
        lambda lead: lead.update(
            lead_next_timestamp_to_send="next week", last_sent_time="Tue, 07 Jan 2025 10:00:00 +0100"
        ),
        lambda lead: lead["email_history"][0].update(time=1736240000000, subject=BAD_UTF8_MARKER),
        lambda lead: lead.update(email_lead_map_id=None),
        lambda lead: _a_reply(lead).update(email_body=DEEP_HTML_BODY),
    ]
    for lead, change in zip(replied[3 : 3 + len(spoil)], spoil, strict=True):
        change(lead)


def _a_reply(lead: dict[str, Any]) -> dict[str, Any]:
    """The lead's first reply (its first email if it has none)."""
    history: list[dict[str, Any]] = lead["email_history"]
    return next((email for email in history if email.get("type") == "REPLY"), history[0])


def last_page_extras(rows: list[Any], limit: int) -> list[Any]:
    """On a short last page: one lead twice, and a row that is not an object."""
    if rows and len(rows) + 2 <= limit:
        return [*rows, copy.deepcopy(rows[0]), "not a row"]
    return rows


def spoil_bytes(data: bytes) -> bytes:
    """The marker as json.dumps escapes it, replaced by bytes that are not UTF-8."""
    return data.replace(BAD_UTF8_MARKER.encode("ascii", "backslashreplace"), b"\xff\xfeBAD")
