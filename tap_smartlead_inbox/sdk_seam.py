"""The one place the tap reaches into singer-sdk's private members.

The tap needs a few things the SDK offers no public way to do: check the config its own
way before the SDK's schema check, keep the SDK's signal handlers out, send SCHEMA once
a run rather than once a sync, keep records from moving bookmarks, write STATE at a
checkpoint of its choosing, and act once every stream has synced (``sync_all`` is marked
final, for typing only). Each goes through a mixin or function here, under a public
name, so tap.py and streams.py never touch a private member themselves.

:data:`PRIVATES` lists every private member used here (and elsewhere in the package),
with what it is and what for; tests/unit/test_sdk_seam.py checks each against the installed
SDK, so an SDK upgrade that changes one fails there, by name, instead of somewhere in a
run. Using another private member means adding a row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from singer_sdk import Tap
from singer_sdk.helpers._util import load_json
from singer_sdk.streams import Stream

if TYPE_CHECKING:
    from singer_sdk.helpers.types import Context, Record

__all__ = ["PRIVATES", "SeamStream", "SeamTap", "load_json", "mark_state_changed", "send_schema"]


@dataclass(frozen=True)
class Private:
    """A private member of singer-sdk the tap relies on.

    ``kind`` is ``method`` (its parameters are ``shape``, as in ``(self, *, raise_errors)``),
    ``function`` (the same, of a module), or ``instance attribute`` (set on every instance,
    by the SDK's ``__init__``).
    """

    owner: str  # the class or module, as a dotted path
    name: str
    kind: str
    why: str
    shape: str | None = None


PRIVATES: tuple[Private, ...] = (
    Private(
        "singer_sdk.plugin_base.PluginBase",
        "_validate_config",
        "method",
        "SeamTap overrides it: the only hook between reading the config and the SDK's schema check, "
        "where the tap types Meltano's text values, takes api_key from SMARTLEAD_API_KEY and turns "
        "a schema error into a one-line SettingsError",
        "(self, *, raise_errors)",
    ),
    Private(
        "singer_sdk.plugin_base.PluginBase",
        "_config",
        "instance attribute",
        "SeamTap hands it to prepare_config: the config dict the SDK checks and then serves as "
        "tap.config (read-only), so the typed values must go into it",
    ),
    Private(
        "singer_sdk.plugin_base.PluginBase",
        "_setup_signal_handlers",
        "method",
        "SeamTap skips it when sdk_signal_handlers is False: the SDK's handlers end an interrupted "
        "run with exit code 0, the CLI's (interrupts.py) with 128 + the signal",
        "(self)",
    ),
    Private(
        "singer_sdk.plugin_base.PluginBase",
        "metrics_logger",
        "instance attribute",
        "SeamTap.sdk_metrics_logger: the logger of the SDK's METRIC lines, whose level the SDK sets "
        "in __init__ and log_noise.quiet_metrics lowers",
    ),
    Private(
        "singer_sdk.streams.Stream",
        "_tap",
        "instance attribute",
        "SeamStream.tap_streams: the tap a stream belongs to, for its other streams",
    ),
    Private(
        "singer_sdk.streams.Stream",
        "_write_schema_message",
        "method",
        "SeamStream overrides it (schema_due) and send_schema calls the SDK's: the SDK calls it at the "
        "start of every sync, for a child once per parent context, and the tap sends SCHEMA once a run",
        "(self)",
    ),
    Private(
        "singer_sdk.streams.Stream",
        "_increment_stream_state",
        "method",
        "SeamStream overrides it when records_move_bookmark is False: the SDK moves the bookmark to "
        "each record's replication key, the tap writes its own per completed window",
        "(self, latest_record, *, context)",
    ),
    Private(
        "singer_sdk.streams.Stream",
        "_write_state_message",
        "method",
        "SeamStream.write_state: write a STATE message now, at the tap's checkpoint",
        "(self)",
    ),
    Private(
        "singer_sdk.streams._state.StreamStateManager",
        "is_flushed",
        "instance attribute",
        "mark_state_changed: the SDK writes STATE only when a stream's is_flushed is False, which "
        "only its own bookmarking sets",
    ),
    Private(
        "singer_sdk.helpers._util",
        "load_json",
        "function",
        "state_check.py parses --state exactly as the SDK then will (load_json is exported here for "
        "it to import from)",
        "(json_str, **kwargs)",
    ),
)


class SeamTap(Tap):
    """A Tap whose private hooks are reached through public names."""

    #: False: the SDK installs no SIGINT/SIGTERM handlers (someone else handles them).
    sdk_signal_handlers: ClassVar[bool] = True

    def prepare_config(self, config: dict[str, Any], sdk_check: Callable[[], list[str]]) -> list[str]:
        """Check ``config`` (mutable) and return ``sdk_check()``, the SDK's schema check,
        which raises singer_sdk.exceptions.ConfigValidationError. Run once, from the SDK's
        ``__init__``: changes to ``config`` are what the SDK checks and ``self.config`` serves."""
        return sdk_check()

    def _validate_config(self, *, raise_errors: bool = True) -> list[str]:
        def sdk_check() -> list[str]:
            return super(SeamTap, self)._validate_config(raise_errors=raise_errors)

        return self.prepare_config(self._config, sdk_check)

    def _setup_signal_handlers(self) -> None:
        if self.sdk_signal_handlers:
            super()._setup_signal_handlers()

    def after_sync(self) -> None:
        """Every selected stream has synced and written its final STATE; the run is not
        over yet, so raising here still ends it as a failure. Default: nothing."""

    def sync_all(self) -> None:  # type: ignore[misc]  # final in the SDK's typing, a hook here
        super().sync_all()
        self.after_sync()

    @property
    def sdk_metrics_logger(self) -> logging.Logger:
        """The logger of the SDK's METRIC lines, its level set by the SDK's ``__init__``."""
        logger: logging.Logger = self.metrics_logger
        return logger


class SeamStream(Stream):
    """A Stream whose private hooks are reached through public names."""

    #: False: records never move the bookmark; the stream writes its own (write_state).
    records_move_bookmark: ClassVar[bool] = True

    def schema_due(self) -> None:
        """A sync is starting, and the SDK would send this stream's SCHEMA now (it does at
        every sync: a child's once per parent context). Default: send it."""
        send_schema(self)

    def _write_schema_message(self) -> None:
        self.schema_due()

    def _increment_stream_state(self, latest_record: Record, *, context: Context | None = None) -> None:
        if self.records_move_bookmark:
            super()._increment_stream_state(latest_record, context=context)

    @property
    def tap_streams(self) -> Mapping[str, Stream]:
        """Every stream of this stream's tap, by name."""
        return self._tap.streams

    def write_state(self) -> None:
        """Write a STATE message now if a stream's state changed since the last one
        (see :func:`mark_state_changed`)."""
        self._write_state_message()


def send_schema(stream: Stream) -> None:
    """Send ``stream``'s SCHEMA message(s) now, as the SDK does (one per stream map)."""
    Stream._write_schema_message(stream)


def mark_state_changed(stream: Stream) -> None:
    """``stream``'s state was changed by hand: the next STATE message goes out."""
    stream.state_manager.is_flushed = False
