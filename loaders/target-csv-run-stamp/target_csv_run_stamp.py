"""meltanolabs-target-csv with one {timestamp} for every file of a run, and fewer lines.

target-csv stamps each stream's file with the time it opens it, so one run's files
can carry different seconds (…_115109_inbox_replies.csv, …_115110_email_history.csv).
The replaced exporter's users look for the files of one export by their shared stamp:
here the first file's time serves every file the process writes.

Its log keeps what a person reading an export needs, as the tap's does: no METRIC lines
(a timer per batch and a count per stream) unless the run is at debug level, no "Skipping
parse of env var settings", and no "Target sink for '…' is full" before each "Appending 500
records to file", which says the same.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any, ClassVar

from meltanolabs_target_csv.sinks import CSVSink
from meltanolabs_target_csv.target import TargetCSV


class RunStampedCSVSink(CSVSink):
    """A CSV sink whose file name takes the run's stamp, not its own opening time."""

    _run_stamp: ClassVar[datetime.datetime | None] = None

    @property
    def timestamp_time(self) -> datetime.datetime:
        if RunStampedCSVSink._run_stamp is None:  # one process is one run
            RunStampedCSVSink._run_stamp = super().timestamp_time
        return RunStampedCSVSink._run_stamp


class _Pointless(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(("Skipping parse of env var settings", "Target sink for "))


_POINTLESS = _Pointless()


class TargetCSVRunStamp(TargetCSV):
    """target-csv (same settings, same output) with one stamp per run."""

    default_sink_class = RunStampedCSVSink

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if _POINTLESS not in self.logger.filters:  # before the SDK's first line
            self.logger.addFilter(_POINTLESS)
        super().__init__(*args, **kwargs)
        # After: the SDK sets the metrics logger to the plugin's level (TARGET_CSV_LOGLEVEL).
        metrics = self.metrics_logger
        if min(metrics.getEffectiveLevel(), logging.getLogger().getEffectiveLevel()) > logging.DEBUG:
            metrics.setLevel(logging.WARNING)
