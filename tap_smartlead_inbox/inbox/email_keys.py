"""A thread's emails in time order, each with a key that is the same on every run.

Emails without a time come last, in API order. An exact repeat of an email is
dropped; different emails that share a Message-ID get "~2", "~3" suffixes.
"""

from __future__ import annotations

import hashlib
from typing import Any

from tap_smartlead_inbox.core.coerce import to_json


def ordered_thread(history: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(email_key, item) pairs in time order, exact repeats dropped, keys unique."""
    ordered = sorted(
        enumerate(history), key=lambda pair: (pair[1]["time"] is None, pair[1]["time"] or "", pair[0])
    )
    seen: dict[str, dict[str, Any]] = {}
    thread: list[tuple[str, dict[str, Any]]] = []
    for _, item in ordered:
        key = email_key(item)
        if key in seen:
            if seen[key] == item:
                continue
            key = next(f"{key}~{n}" for n in range(2, len(history) + 2) if f"{key}~{n}" not in seen)
        seen[key] = item
        thread.append((key, item))
    return thread


def email_key(item: dict[str, Any]) -> str:
    """The Message-ID when there is one; otherwise a digest of what identifies the email."""
    message_id = (item.get("message_id") or "").strip()
    if message_id:
        return message_id
    # Only what both response shapes carry, so the key does not depend on the shape.
    identity = [item.get("type"), item.get("time"), item.get("subject"), item.get("body") or ""]
    return "sha1:" + hashlib.sha1(to_json(identity).encode(), usedforsecurity=False).hexdigest()
