"""A state the tap cannot use gets one line naming the state and what is wrong, before any
request; a bookmark later than now is refused, never silently used."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from tap_smartlead_inbox.config.state_check import CLOCK_SKEW, check_state
from tap_smartlead_inbox.core.errors import StateError
from tap_smartlead_inbox.core.timeutil import UTC, iso
from tests.conftest import run_tap, tap_config


def bookmark_state(value: object, stream: str = "inbox_replies") -> str:
    return json.dumps(
        {"bookmarks": {stream: {"replication_key": "last_reply_time", "replication_key_value": value}}}
    )


BAD_STATES = {
    "future bookmark": (
        bookmark_state("2031-01-01T00:00:00.000Z"),
        "the bookmark of inbox_replies, 2031-01-01T00:00:00.000Z, is later than now (",
    ),
    "future bookmark of the child": (
        bookmark_state("2031-01-01T00:00:00.000Z", "email_history"),
        "it cannot come from a run of this tap: fix or remove the state",
    ),
    "not JSON": ("{'bookmarks': {}}", "not valid JSON (Expecting property name enclosed in double quotes"),
    "not JSON at all": ("yesterday", "not valid JSON (Expecting value: line 1 column 1)"),
    "empty file": ("", "empty (for a first run leave --state out, or give {})"),
    "a list": ("[]", "a state must be a JSON object, got a list"),
    "bookmarks null": ('{"bookmarks": null}', "bookmarks must be an object, got null"),
    "bookmark not a date": (
        bookmark_state("yesterday-ish"),
        "bookmark of inbox_replies 'yesterday-ish' is not an ISO 8601 date-time",
    ),
    "bookmark a number": (
        bookmark_state(1700000000),
        "bookmark of inbox_replies 1700000000 is not an ISO 8601",
    ),
    "stream entry not an object": (
        '{"bookmarks": {"inbox_replies": "2025-01-01"}}',
        "the bookmarks of inbox_replies must be an object, got a string",
    ),
}


@pytest.mark.parametrize(("text", "problem"), BAD_STATES.values(), ids=BAD_STATES.keys())
def test_a_state_that_cannot_be_used_is_one_line_before_any_request(sandbox, tmp_path, text, problem):
    state_file = tmp_path / "state.json"
    state_file.write_text(text)
    run = run_tap(tap_config(sandbox), tmp_path, "--state", str(state_file), expect_exit=2)
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.last_stderr_line.startswith(f"tap-smartlead-inbox: error: state file {state_file}: ")
    assert problem in run.last_stderr_line, run.last_stderr_line
    assert sandbox.log == []
    assert run.messages == []


def test_a_bookmark_two_minutes_ahead_is_clock_skew_and_is_used(sandbox, tmp_path):
    ahead = iso(datetime.now(UTC) + timedelta(minutes=2))
    state_file = tmp_path / "state.json"
    state_file.write_text(bookmark_state(ahead))
    run_tap(tap_config(sandbox), tmp_path, "--state", str(state_file))
    low, _ = sandbox.window_pages[0].body["filters"]["replyTimeBetween"]
    # The run reads from the bookmark, less its lookback: not the whole history.
    assert datetime.now(UTC) - timedelta(days=7) < datetime.fromisoformat(low) < datetime.fromisoformat(ahead)


@pytest.mark.parametrize(
    "state",
    [
        {},
        {"bookmarks": {}},
        {"bookmarks": {"some_other_stream": {"replication_key_value": "not a date"}}},
        {
            "bookmarks": {
                "inbox_replies": {"replication_key": "last_reply_time", "replication_key_value": None}
            }
        },
    ],
    ids=["empty", "no bookmarks", "a stream this tap does not know", "a null bookmark"],
)
def test_states_without_a_bookmark_of_this_tap_are_fine(sandbox, tmp_path, state):
    state_file = tmp_path / "state.json"
    state_file.write_text(json.dumps(state))
    run = run_tap(tap_config(sandbox), tmp_path, "--state", str(state_file))
    assert len(run.records("inbox_replies")) == len(sandbox.expected())


def test_the_settings_file_is_still_the_one_named_for_its_own_bad_json(sandbox, tmp_path):
    config_file = tmp_path / "settings.json"
    config_file.write_text("{not json")
    state_file = tmp_path / "state.json"
    state_file.write_text("{}")
    run = run_tap(
        tap_config(sandbox), tmp_path, "--config", str(config_file), "--state", str(state_file), expect_exit=2
    )
    assert "cannot read the settings: not valid JSON" in run.last_stderr_line


NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ahead", "refused"),
    [(CLOCK_SKEW - timedelta(seconds=1), False), (CLOCK_SKEW + timedelta(seconds=1), True)],
    ids=["within the skew", "past the skew"],
)
def test_clock_skew_is_the_line_between_ahead_and_refused(ahead, refused):
    state = json.loads(bookmark_state(iso(NOW + ahead)))
    if refused:
        with pytest.raises(StateError, match=r"is later than now \(2026-03-01T12:00:00.000Z\)"):
            check_state(state, "state", {"inbox_replies"}, now=NOW)
    else:
        check_state(state, "state", {"inbox_replies"}, now=NOW)
