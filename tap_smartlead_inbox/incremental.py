"""The incremental policy: what a run reads and what its checkpoints say, as pure functions
of the settings, the state given and the moment the run starts.

A run reads the span from the bookmark less a margin (or start_date) to end_date, or past
now when open (see fetch_plan.Span). The margin is the longer of ``lookback`` (replies the
API records late) and ``recheck_window`` (labels and flags set after a reply, which never
move ``last_reply_time``). A checkpoint is a completed window's end; until the run's last,
it carries when the run began, so a run resumed from it re-reads only what was emailed since
(see :func:`sent_from`). The streams only apply these.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from tap_smartlead_inbox.config.settings import Settings
from tap_smartlead_inbox.core.timeutil import UTC, parse_time
from tap_smartlead_inbox.reading.fetch_plan import OPEN_END, Span

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# In a checkpoint before a run's last (a window's end), when that run began.
RUN_STARTED = "run_started_at"


def bookmark(stream_state: Mapping[str, Any], replication_key: str) -> datetime | None:
    """The bookmark in the state given, if any: start_date is not one, and neither is a
    bookmark kept for another replication key."""
    if stream_state.get("replication_key") != replication_key:
        return None
    return parse_time(stream_state.get("replication_key_value"))


def reread_margin(settings: Settings) -> timedelta:
    """How far before the bookmark an incremental run reads again."""
    return max(settings.lookback, settings.recheck_window)


def reread_from(settings: Settings, mark: datetime | None) -> datetime | None:
    """Where an incremental run starts reading again; None without a bookmark."""
    return mark - reread_margin(settings) if mark else None


def span(settings: Settings, mark: datetime | None, now: datetime) -> Span:
    """From the bookmark less the margin (or start_date), to end_date or past now."""
    filter_set = settings.filter_set
    start = max(filter(None, (filter_set.reply_from, reread_from(settings, mark))), default=EPOCH)
    end = min(filter(None, (filter_set.reply_to, now + OPEN_END)))
    return Span(start, end, now, incremental=mark is not None)


def rechecks_labels(settings: Settings, mark: datetime | None) -> bool:
    """Whether the run re-reads for labels set after a reply beyond the lookback (said in
    the log, since those leads are emitted again)."""
    return mark is not None and settings.recheck_window > settings.lookback


def sent_from(
    settings: Settings, stream_state: Mapping[str, Any], mark: datetime | None, run: Span
) -> datetime | None:
    """Where the pass over the leads we emailed starts: like :func:`reread_from`, but from
    when the run that wrote the bookmark began, if it was cut short (its bookmark is then a
    window's end, long before): what we emailed before that run began, it read already."""
    reread = reread_from(settings, mark)
    started = parse_time(stream_state.get(RUN_STARTED))
    if reread is None or started is None:
        return reread
    return max(reread, min(started, run.sync_start) - reread_margin(settings))


def sent_pass_replies(settings: Settings, run: Span) -> tuple[datetime, datetime]:
    """The last-reply times the sent-time pass covers: those before the span, whose leads
    the windows do not read again (those in the span they read whole)."""
    return settings.filter_set.reply_from or EPOCH, run.start


def checkpoint_moves_bookmark(run: Span, found_any: bool) -> bool:
    """Whether a completed window moves the bookmark. A full export that has found nothing
    yet moves none: were the API's "nothing" wrong, the next run reads the whole history."""
    return run.incremental or found_any


def run_started_mark(mark: datetime, sync_start: datetime) -> datetime | None:
    """What a checkpoint at ``mark`` keeps of the run's start: the start while the mark is
    before it (a window's end, before the run's last checkpoint), nothing at the last."""
    return sync_start if mark < sync_start else None
