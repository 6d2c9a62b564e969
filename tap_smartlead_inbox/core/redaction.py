"""Keeps the API key out of every log line and error message.

The key can only travel in the query string, so any text that may carry a URL
(requests' exception messages, urllib3's debug lines) could leak it. Every
secret registered here is replaced in every log record the process creates.
"""

from __future__ import annotations

import logging
import threading
from typing import Any
from urllib.parse import quote, quote_plus

MASK = "[REDACTED]"

_lock = threading.Lock()
_secrets: set[str] = set()
_installed = False


def register_secret(secret: str) -> None:
    """Mask ``secret``, as is and URL-encoded, in all later log records and in :func:`redact`."""
    forms = {secret, quote(secret, safe=""), quote_plus(secret)} - {""}
    with _lock:
        _secrets.update(forms)
    _install_record_factory()


def redact(text: str) -> str:
    """Return ``text`` with every registered secret masked."""
    for secret in sorted(_secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def _install_record_factory() -> None:
    global _installed
    with _lock:
        if _installed:
            return
        _installed = True
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if _secrets:
            _scrub(record)
        return record

    logging.setLogRecordFactory(factory)


def _scrub(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except (TypeError, ValueError):
        message = str(record.msg)
    cleaned = redact(message)
    if cleaned != message or record.args:
        record.msg, record.args = cleaned, None
    if record.exc_info and record.exc_info[1] is not None:
        # Tracebacks are formatted later from exc_info; keep only a scrubbed text copy.
        import traceback

        record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)))
        record.exc_info = None
