"""What live Smartlead accounts do that the docs do not say, for the sandbox to do too:
labels set after the reply, brand-new leads replying mid-run, and strings cut in the
middle of an emoji."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from smartlead_sandbox.inbox import UTC, Inbox, new_lead

# Half of "😀": what a subject cut by UTF-16 length leaves. json.dumps escapes it as
# "\ud83d", which a JSON parser hands back as a lone surrogate.
HALF_EMOJI = "\ud83d"
SURROGATE_SUBJECT = "Re: Great news " + HALF_EMOJI
SURROGATE_NAME = "Zoë" + HALF_EMOJI


def add_lone_surrogates(leads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give three replied leads a name and a reply subject that end in half an emoji."""
    replied = [lead for lead in leads if lead["last_reply_time"]][5:8]
    for lead in replied:
        lead["lead_first_name"] = SURROGATE_NAME
        reply = next(item for item in lead["email_history"] if item["type"] == "REPLY")
        reply["subject"] = SURROGATE_SUBJECT
    return replied


def relabel(inbox: Inbox, map_id: str, category: int | None, **flags: Any) -> None:
    """A person (or Smartlead's AI) sets a category or flags; the reply time stays."""
    with inbox.lock:
        lead = inbox.by_map_id(map_id)
        lead["lead_category_id"] = category
        lead["is_ooo_automated_push_lead"] = category == 6
        lead.update(flags)


def add_new_lead(inbox: Inbox, kind: str, when: datetime | None = None) -> dict[str, Any]:
    """A lead the inbox has never held: it replies (kind "REPLY") or is first emailed
    ("SENT") now, so it lands on top and every lead below moves down a place."""
    with inbox.lock:
        number = len(inbox.leads)
        lead = new_lead(random.Random(number), number, replied=False)
        inbox.leads.append(lead)
    event = inbox.add_reply if kind == "REPLY" else inbox.add_sent
    return event(lead["email_lead_map_id"], when or datetime.now(UTC))
