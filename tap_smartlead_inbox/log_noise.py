"""Keeps SDK log lines that would repeat once per page to their first occurrence.

email_history is synced by the SDK once per page, and each of those syncs logs the
same "Beginning sync" lines and "assumed to be unsorted" warning.
"""

from __future__ import annotations

import logging

_REPEATING = (
    "Beginning sync of 'email_history'",
    "Starting incremental sync of 'email_history'",
    "Stream is assumed to be unsorted",
)


class FirstOnly(logging.Filter):
    """Passes each of the repeating messages once, and everything else always."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        prefix = next((p for p in _REPEATING if message.startswith(p)), None)
        if prefix is None:
            return True
        key = f"{record.name}:{prefix}"
        if key in self._seen:
            return False
        self._seen.add(key)
        return True


def quiet_repeats(*loggers: logging.Logger) -> None:
    log_filter = FirstOnly()
    for logger in loggers:
        logger.addFilter(log_filter)
