"""Progress on stderr (never stdout, which carries the Singer messages) and the end-of-run summary.

On a terminal a live rich line shows pages, leads, email rows, the request rate,
429s and, when the API gave a total, a bar and an ETA. Off a terminal (Meltano, CI,
cron) a plain log line is written every few seconds instead.
"""

from __future__ import annotations

import logging
import math
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tap_smartlead_inbox.client.limiter import Limiter
from tap_smartlead_inbox.client.transport import TransportStats
from tap_smartlead_inbox.core.timeutil import UTC

LOG_INTERVAL = 5.0


@dataclass
class RunProgress:
    stats: TransportStats
    limiter: Limiter
    logger: logging.Logger
    interactive: bool = field(default_factory=lambda: sys.stderr.isatty())
    pages: int = 0
    leads: int = 0
    emails: int = 0
    total_pages: int | None = None
    started: float = field(default_factory=time.monotonic)
    _last_log: float = field(default_factory=time.monotonic)
    _bar: Any = None
    _task: Any = None
    streams: tuple[str, ...] = ("inbox_replies", "email_history")
    _counts_before: tuple[int, int, int] = (0, 0, 0)

    def __post_init__(self) -> None:
        # A stream synced later reports its own requests, not the run's.
        self._counts_before = self._counts()

    def _counts(self) -> tuple[int, int, int]:
        """Requests, retries and 429s since this progress began."""
        now = (self.stats.requests, self.stats.retries, self.stats.rate_limited)
        requests, retries, rate_limited = (n - b for n, b in zip(now, self._counts_before, strict=True))
        return requests, retries, rate_limited

    def add_total(self, total_count: int, stride: int) -> None:
        """Count in the pages of a list the API gave a total for (one per series)."""
        pages = max(1, math.ceil(max(total_count - 1, 1) / stride))
        self.total_pages = (self.total_pages or 0) + pages
        if self._bar is not None:
            self._bar.update(self._task, total=self.total_pages)

    def page_done(self, leads: int, emails: int) -> None:
        self.pages += 1
        self.leads += leads
        self.emails += emails
        if self.interactive:
            self._show()
        elif time.monotonic() - self._last_log >= LOG_INTERVAL:
            self._last_log = time.monotonic()
            self.logger.info("Progress: %s", self.line())

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1.0)  # no wild rate in the first second
        requests, _, rate_limited = self._counts()
        text = f"{self.pages} pages, {self._rows()}, {requests / elapsed:.1f} req/s, {rate_limited} x 429"
        if self.total_pages:
            remaining = max(0, self.total_pages - self.pages) / self.limiter.rate
            text += f", {self.pages}/{self.total_pages} pages, about {remaining:.0f} s left"
        until = self.stats.waiting_until
        if until is not None and until > datetime.now(UTC):
            text += f", waiting for Smartlead until {until:%H:%M:%S} UTC, as it asked"
        return text

    def _rows(self) -> str:
        """What was read: leads, and email rows where the streams have them."""
        if len(self.streams) == 1:
            return f"{self.leads} {self.streams[0]} records"
        return f"{self.emails} email rows, {self.leads} leads"

    def finish(self, *, dry_run: bool) -> None:
        if self._bar is not None:
            self._bar.stop()
            _route_log_handlers(sys.__stderr__)
        elapsed = time.monotonic() - self.started
        requests, retries, rate_limited = self._counts()
        self.logger.info(
            "Summary: %s, %d pages in %.1f s; %d requests, %d retries, %d x 429, "
            "%.1f s waiting on the limiter (summed over workers).",
            self._rows(),
            self.pages,
            elapsed,
            requests,
            retries,
            rate_limited,
            self.limiter.waited,
        )
        if dry_run:
            counts = (self.leads, self.emails)
            would = ", ".join(f"{name} {count}" for name, count in zip(self.streams, counts, strict=False))
            self.logger.info("Dry run, records each stream would get: %s; none were written.", would)

    def _show(self) -> None:
        if self._bar is None:
            # rich is imported only on a terminal: a run under Meltano or cron never draws it.
            from tap_smartlead_inbox.run.progress_bar import start_bar

            self._bar, self._task = start_bar(self.line, self.total_pages)
            # Log lines go through rich too (it has replaced sys.stderr), so they print
            # above the bar instead of through it.
            _route_log_handlers(sys.stderr)
        self._bar.update(self._task, completed=self.pages)


def _route_log_handlers(stream: Any) -> None:
    """Point every handler that writes to the terminal's stderr at ``stream``."""
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            if isinstance(handler, logging.StreamHandler) and _is_stderr(handler.stream):
                handler.setStream(stream)


def _is_stderr(stream: Any) -> bool:
    return stream is sys.__stderr__ or stream is sys.stderr or type(stream).__name__ == "FileProxy"
