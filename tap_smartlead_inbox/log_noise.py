"""Keeps the SDK's log lines to the ones a person reading a run needs.

- email_history is synced by the SDK once per page, and each of those syncs logs the
  same "Beginning sync" lines and "assumed to be unsorted" warning: the first is kept.
- "Skipping parse of env var settings" says nothing a user can act on, and the SDK's
  "An unhandled error occurred while syncing" comes just before the CLI's own one-line
  error (cli.py), which names the cause: both are dropped.
- The SDK logs two METRIC lines per page (a record count and a timer per email_history
  sync): thousands in a big export, burying the progress lines. They are kept for
  DEBUG runs and for a user's own SDK logging config (SINGER_SDK_LOG_CONFIG).
"""

from __future__ import annotations

import logging
import os

_REPEATING = (
    "Beginning sync of 'email_history'",
    "Starting incremental sync of 'email_history'",
    "Stream is assumed to be unsorted",
)
_NEVER = (
    "Skipping parse of env var settings",
    "An unhandled error occurred while syncing",
)


class FirstOnly(logging.Filter):
    """Passes each of the repeating messages once, none of the pointless ones, and
    everything else always."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith(_NEVER):
            return False
        prefix = next((p for p in _REPEATING if message.startswith(p)), None)
        if prefix is None:
            return True
        key = f"{record.name}:{prefix}"
        if key in self._seen:
            return False
        self._seen.add(key)
        return True


_FILTER = FirstOnly()


def quiet_repeats(*loggers: logging.Logger) -> None:
    """Filter these loggers' own records (a logger's filter does not see its children's)."""
    for logger in loggers:
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


def quiet_metrics(metrics_logger: logging.Logger) -> None:
    """METRIC lines only when asked for: a DEBUG run, or a user's SDK logging config."""
    if os.environ.get("SINGER_SDK_LOG_CONFIG"):
        return  # the SDK's level stands; their handlers and filters decide
    if metrics_logger.getEffectiveLevel() > logging.DEBUG:
        metrics_logger.setLevel(logging.WARNING)
