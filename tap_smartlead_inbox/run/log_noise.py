"""Keeps the SDK's log lines to the ones a person reading a run needs.

- email_history is synced by the SDK once per page, and each of those syncs logs the
  same "Beginning sync" lines and "assumed to be unsorted" warning: the first is kept.
- "Skipping parse of env var settings" and "Added 'email_history' as child stream to
  'inbox_replies'" (at every discovery and every run) say nothing a user can act on, and the SDK's
  "An unhandled error occurred while syncing" comes just before the CLI's own one-line
  error (cli.py), which names the cause: all three are dropped.
- The SDK logs two METRIC lines per page (a record count and a timer per email_history
  sync): thousands in a big export, burying the progress lines. They are kept for
  DEBUG runs and for an SDK logging config (SINGER_SDK_LOG_CONFIG) that routes them.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import yaml

_REPEATING = (
    "Beginning sync of 'email_history'",
    "Starting incremental sync of 'email_history'",
    "Stream is assumed to be unsorted",
)
_NEVER = (
    "Skipping parse of env var settings",
    "Added 'email_history' as child stream",
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
    """METRIC lines only when asked for: a DEBUG run, or an SDK logging config that
    names the metrics logger. Meltano hands every run a config of its own (console
    output only), which asks for nothing."""
    if not _metrics_asked_for(metrics_logger):
        metrics_logger.setLevel(logging.WARNING)


def _metrics_asked_for(metrics_logger: logging.Logger) -> bool:
    if min(metrics_logger.getEffectiveLevel(), logging.getLogger().getEffectiveLevel()) <= logging.DEBUG:
        return True
    path = os.environ.get("SINGER_SDK_LOG_CONFIG")
    if not path:
        return False
    try:
        config = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False  # the SDK has said so already
    loggers = config.get("loggers") if isinstance(config, dict) else None
    return isinstance(loggers, dict) and metrics_logger.name in loggers
