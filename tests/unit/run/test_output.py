"""The writer remembers the STATE it wrote, so that a failed run can end on it."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from singer_sdk.singerlib import RecordMessage, StateMessage

from tap_smartlead_inbox.run import output


class ChangesStateWhileWritten(io.BytesIO):
    """stdout's bytes, with the SDK's thread changing its live state while a line goes out."""

    def __init__(self, state: dict[str, Any]) -> None:
        super().__init__()
        self.state = state

    def write(self, data: Any) -> int:
        written = super().write(data)
        self.state["bookmarks"]["inbox_replies"]["starting_replication_value"] = "changed meanwhile"
        return written


def lines(out: io.BytesIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_the_state_written_again_is_the_one_written_even_when_the_live_state_changed_meanwhile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bookmark = {"replication_key_value": "2025-02-10T11:18:00Z"}
    state: dict[str, Any] = {"bookmarks": {"inbox_replies": dict(bookmark)}}
    out = ChangesStateWhileWritten(state)
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(out))
    writer = output.ResumableWriter()

    writer.write_message(StateMessage(value=state))
    writer.write_message(RecordMessage(stream="inbox_replies", record={"email_lead_map_id": "1"}))
    writer.end_on_last_state()

    first, _, again = lines(out)
    assert again == first
    assert again["value"] == {"bookmarks": {"inbox_replies": bookmark}}


def test_nothing_is_written_again_when_the_output_already_ends_on_a_state(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = io.BytesIO()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(out))
    writer = output.ResumableWriter()

    writer.write_message(StateMessage(value={"bookmarks": {}}))
    writer.end_on_last_state()

    assert [m["type"] for m in lines(out)] == ["STATE"]
