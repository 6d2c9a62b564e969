"""Short, key-free text about a failed request, for one-line messages.

requests' own exception texts embed the URL, and so the key; an error page from a
CDN is kilobytes of HTML. Neither may reach a message as it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

import requests

from tap_smartlead_inbox.core.redaction import redact
from tap_smartlead_inbox.mailtext.body_text import html_to_text, looks_like_html

EXCERPT = 100  # characters of an answer's body quoted in a message
_HEAD = 20_000  # only the start of a body is read for its excerpt
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """A short, tag-free excerpt of an answer's body: an HTML page's title, or its text."""
    head = text[:_HEAD]
    plain = head
    if looks_like_html(head):
        title = _TITLE.search(head)
        plain = html.unescape(title.group(1)) if title else html_to_text(head)
    plain = redact(" ".join(plain.split()))
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"


def api_message(payload: object) -> str | None:
    """The message of a JSON error body (``error`` or ``message``), with its details."""
    if not isinstance(payload, Mapping):
        return None
    for key in ("error", "message"):
        value = payload.get(key)
        if isinstance(value, str) and value:
            details = {k: payload[k] for k in ("field", "provided_count", "max_allowed") if k in payload}
            suffix = f" ({', '.join(f'{k}={v}' for k, v in details.items())})" if details else ""
            return excerpt(value + suffix, limit=300)
        if isinstance(value, Mapping) and isinstance(value.get("message"), str):
            return excerpt(value["message"], limit=300)
    return None


def answer_text(payload: object, text: str) -> str:
    """What an error answer says: its JSON message, else an excerpt of its body."""
    return api_message(payload) or excerpt(text)


_CONNECTION_PROBLEMS = (
    (
        ("NameResolutionError", "Name or service not known", "name resolution", "nodename nor servname"),
        "the host name {host} does not resolve",
    ),
    (("Connection refused",), "nothing is listening at {host}:{port}"),
    (
        (
            "RemoteDisconnected",
            "Connection aborted",
            "Connection reset",
            "ConnectionResetError",
            "IncompleteRead",
            "ChunkedEncodingError",
            "ProtocolError",
        ),
        "the connection to {host}:{port} dropped before a whole answer arrived",
    ),
)


def connection_problem(exc: requests.RequestException, api_url: str) -> str:
    """A short, key-free cause for a request that got no answer."""
    host, port = host_and_port(api_url)
    text = f"{type(exc).__name__} {exc!r} {exc.__context__!r}"
    for needles, template in _CONNECTION_PROBLEMS:
        if any(needle in text for needle in needles):
            return template.format(host=host, port=port)
    return f"connection to {host}:{port} failed ({type(exc).__name__})"


def host_and_port(url: str) -> tuple[str, int]:
    """A URL's host and port (the scheme's default when none is given); never its query."""
    parts = urlsplit(url)
    return parts.hostname or "?", parts.port or (443 if parts.scheme == "https" else 80)
