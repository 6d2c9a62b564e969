"""The incremental policy (incremental.py): what a run reads and what its checkpoints keep,
for every combination of bookmark, dates, margins and the run's start."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tap_smartlead_inbox import incremental
from tap_smartlead_inbox.config.settings import Settings, check_settings
from tap_smartlead_inbox.core.timeutil import UTC
from tap_smartlead_inbox.reading.fetch_plan import OPEN_END

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
MARK = datetime(2026, 12, 1, tzinfo=UTC)
KEY = "last_reply_time"


def settings(**config: Any) -> Settings:
    return check_settings({"api_key": "k" * 12, "default_filters": False, **config})


def state(mark: datetime | None = MARK, **more: str) -> dict[str, Any]:
    found = {"replication_key": KEY, "replication_key_value": mark.isoformat()} if mark else {}
    return {**found, **more}


# --- the bookmark ----------------------------------------------------------------------------


def test_the_bookmark_is_the_state_value_for_this_replication_key():
    assert incremental.bookmark(state(), KEY) == MARK
    assert incremental.bookmark(state(), "last_sent_time") is None
    assert incremental.bookmark({}, KEY) is None
    assert incremental.bookmark({"replication_key": KEY}, KEY) is None


# --- the span a run reads --------------------------------------------------------------------


def test_a_full_export_reads_from_the_epoch_to_past_now():
    span = incremental.span(settings(), None, NOW)
    assert (span.start, span.end, span.sync_start) == (incremental.EPOCH, NOW + OPEN_END, NOW)
    assert not span.incremental
    assert span.open
    assert span.bookmark == NOW


def test_a_full_export_with_dates_reads_between_them_and_is_closed_by_end_date():
    start, end = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 6, 30, tzinfo=UTC)
    span = incremental.span(settings(start_date=start.isoformat(), end_date=end.isoformat()), None, NOW)
    assert (span.start, span.end) == (start, end)
    assert not span.open
    assert span.bookmark == end


def test_an_incremental_run_starts_the_longer_margin_before_the_bookmark():
    assert incremental.span(settings(), MARK, NOW).start == MARK - timedelta(days=1)  # recheck_window
    longer_lookback = settings(lookback="P3D", recheck_window="PT1H")
    assert incremental.span(longer_lookback, MARK, NOW).start == MARK - timedelta(days=3)
    none = settings(lookback="PT0S", recheck_window="PT0S")
    span = incremental.span(none, MARK, NOW)
    assert (span.start, span.incremental) == (MARK, True)


def test_start_date_is_a_floor_under_the_bookmark_less_its_margin():
    floor = MARK - timedelta(hours=2)
    assert incremental.span(settings(start_date=floor.isoformat()), MARK, NOW).start == floor
    far = MARK - timedelta(days=30)
    assert incremental.span(settings(start_date=far.isoformat()), MARK, NOW).start == MARK - timedelta(days=1)


def test_a_bookmark_past_end_date_leaves_nothing_to_read():
    end = MARK - timedelta(days=5)
    span = incremental.span(settings(end_date=end.isoformat()), MARK, NOW)
    assert span.start > span.end


def test_the_re_check_is_said_only_when_it_reaches_past_the_lookback():
    assert incremental.rechecks_labels(settings(), MARK)
    assert not incremental.rechecks_labels(settings(), None)
    assert not incremental.rechecks_labels(settings(lookback="P2D", recheck_window="P1D"), MARK)


MARKS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2026, 12, 1), timezones=st.just(UTC))


@given(
    mark=MARKS,
    lookback_minutes=st.integers(0, 60 * 24 * 30),
    recheck_minutes=st.integers(0, 60 * 24 * 90),
)
def test_an_incremental_span_always_holds_the_bookmark_and_everything_after_it(
    mark, lookback_minutes, recheck_minutes
):
    chosen = settings(lookback=f"PT{lookback_minutes}M", recheck_window=f"PT{recheck_minutes}M")
    span = incremental.span(chosen, mark, NOW)
    assert span.start == mark - timedelta(minutes=max(lookback_minutes, recheck_minutes))
    assert span.start <= mark < NOW < span.end


# --- the pass over the leads we emailed --------------------------------------------------------


def test_the_sent_pass_starts_where_the_windows_do_after_a_completed_run():
    span = incremental.span(settings(), MARK, NOW)
    assert incremental.sent_from(settings(), state(), MARK, span) == span.start
    assert incremental.sent_from(settings(), {}, None, incremental.span(settings(), None, NOW)) is None


def test_after_a_cut_short_run_the_sent_pass_starts_from_when_that_run_began():
    cut_short_mark = datetime(2026, 6, 1, tzinfo=UTC)  # a window's end, long before the run began
    began = datetime(2026, 12, 6, tzinfo=UTC)
    given_state = state(cut_short_mark, run_started_at=began.isoformat())
    span = incremental.span(settings(), cut_short_mark, NOW)
    assert incremental.sent_from(settings(), given_state, cut_short_mark, span) == began - timedelta(days=1)


def test_a_run_start_in_the_future_counts_from_this_run_s_start():
    later = NOW + timedelta(days=2)  # a clock that ran ahead
    span = incremental.span(settings(), MARK, NOW)
    given_state = state(run_started_at=later.isoformat())
    assert incremental.sent_from(settings(), given_state, MARK, span) == NOW - timedelta(days=1)


def test_the_sent_pass_covers_the_replies_before_the_span():
    span = incremental.span(settings(), MARK, NOW)
    assert incremental.sent_pass_replies(settings(), span) == (incremental.EPOCH, span.start)
    floor = datetime(2026, 1, 1, tzinfo=UTC)
    dated = settings(start_date=floor.isoformat())
    assert incremental.sent_pass_replies(dated, span) == (floor, span.start)


# --- checkpoints ---------------------------------------------------------------------------


def test_a_full_export_that_found_nothing_yet_moves_no_bookmark():
    full, since = incremental.span(settings(), None, NOW), incremental.span(settings(), MARK, NOW)
    assert not incremental.checkpoint_moves_bookmark(full, found_any=False)
    assert incremental.checkpoint_moves_bookmark(full, found_any=True)
    assert incremental.checkpoint_moves_bookmark(since, found_any=False)


def test_a_checkpoint_before_the_run_s_last_keeps_its_start_and_the_last_drops_it():
    assert incremental.run_started_mark(MARK, NOW) == NOW
    assert incremental.run_started_mark(NOW, NOW) is None
    assert incremental.run_started_mark(NOW + timedelta(seconds=1), NOW) is None
