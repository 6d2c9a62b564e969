"""meltanolabs-target-csv with one {timestamp} for every file of a run.

target-csv stamps each stream's file with the time it opens it, so one run's files
can carry different seconds (…_115109_inbox_replies.csv, …_115110_email_history.csv).
The replaced exporter's users look for the files of one export by their shared stamp:
here the first file's time serves every file the process writes.
"""

from __future__ import annotations

import datetime
from typing import ClassVar

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


class TargetCSVRunStamp(TargetCSV):
    """target-csv (same settings, same output) with one stamp per run."""

    default_sink_class = RunStampedCSVSink
