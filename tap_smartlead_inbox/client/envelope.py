"""The envelope around any Smartlead list answer: its rows, its total, and a failure it reports.

Lists come as `{"messages": [...], "total_count": n}` (documented) or `{"data": [...]}`
(seen live, no total); a 200 can still say it failed (`ok: false`, an `error` field).
Nothing here reads what a row holds, so every list reader (leads, categories, any
other endpoint) shares it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tap_smartlead_inbox.core.coerce import as_int
from tap_smartlead_inbox.core.errors import MalformedResponse


def page_rows(payload: object) -> tuple[list[Any], int | None]:
    """The rows of a page and the API's total_count (None when it is absent).

    Raises MalformedResponse when the body is neither shape: a 200 with such a body
    is a fault to retry, not an empty page.
    """
    if not isinstance(payload, Mapping):
        raise MalformedResponse("body is not a JSON object")
    failure = reported_failure(payload)
    if failure:
        raise MalformedResponse(f"body says the request failed ({failure})")
    for key in ("messages", "data"):
        rows = payload.get(key)
        if isinstance(rows, list):
            return rows, as_int(payload.get("total_count"))
    raise MalformedResponse("body has neither a 'messages' nor a 'data' list")


def reported_failure(payload: Mapping[str, Any]) -> str | None:
    """What a 200 body says went wrong: `ok: false` or an `error` field. Such a body
    carries no rows to trust, even when it has an empty list beside the error."""
    error = payload.get("error")
    if error not in (None, "", False, {}):
        message = error.get("message") if isinstance(error, Mapping) else error
        return f"error: {str(message)[:80]}"
    if payload.get("ok") is False:
        return "ok: false"
    return None
