"""The tap's Singer output: whole messages, and a failed run that ends on its last STATE.

Whatever reads the output last (a target, Meltano) keeps the last STATE it saw as the
place to resume. A failure, an interrupt above all, can come after records of a
window that was not finished; writing the last STATE again after them makes the
output end where a rerun must start. The CLI has it done for every failure, through
:func:`interrupts.end_on_last_state`: an error in the reads, a signal while the SDK
writes a record or syncs the child stream.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from singer_sdk.contrib.msgspec import MsgSpecWriter
from singer_sdk.singerlib import StateMessage
from singer_sdk.singerlib.encoding.simple import Message

from tap_smartlead_inbox.run import interrupts


class ResumableWriter(MsgSpecWriter):
    """msgspec's writer (several times faster than the SDK's default), one message at a
    time whole, remembering the last STATE it wrote."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.last_state: Mapping[str, Any] | None = None
        self.ends_on_state = False
        interrupts.register(self)

    def write_message(self, message: Message) -> None:
        interrupts.raise_if_swallowed()
        with interrupts.whole_message():
            self._write(message)

    def _write(self, message: Message) -> None:
        if not isinstance(message, StateMessage):
            super().write_message(message)
            self.ends_on_state = False
            return
        # The SDK hands over its live state, which changes after this: copied before it is
        # written, what is remembered is exactly what went out.
        state = copy.deepcopy(message.value)
        super().write_message(StateMessage(value=state))
        self.ends_on_state = True
        self.last_state = state
        interrupts.note_state_written()

    def end_on_last_state(self) -> None:
        """Write the last STATE again if other messages came after it."""
        if self.last_state is not None and not self.ends_on_state:
            self._write(StateMessage(value=self.last_state))
