"""The Smartlead Master Inbox tap."""

from __future__ import annotations

import io
import logging
import os
import re
from collections.abc import Callable
from concurrent.futures import Future
from functools import cached_property
from typing import IO, TYPE_CHECKING, Any

from singer_sdk.exceptions import ConfigValidationError
from singer_sdk.streams import Stream

from tap_smartlead_inbox.client.limiter import RateLimiter
from tap_smartlead_inbox.client.transport import Transport
from tap_smartlead_inbox.config.filters import DEFAULT_FILTER
from tap_smartlead_inbox.config.settings import CONFIG_SCHEMA, Settings, check_config, check_config_file
from tap_smartlead_inbox.config.state_check import check_state, parse_state, read_state_file
from tap_smartlead_inbox.core.errors import SettingsError, StreamFailed
from tap_smartlead_inbox.inbox.categories import AccountCategories, fetch_categories, warn_unreadable
from tap_smartlead_inbox.inbox.normalize import Lead
from tap_smartlead_inbox.reading.pages import in_background
from tap_smartlead_inbox.run.log_noise import quiet_metrics, quiet_repeats
from tap_smartlead_inbox.run.output import ResumableWriter
from tap_smartlead_inbox.run.progress import RunProgress
from tap_smartlead_inbox.sdk_seam import SeamTap
from tap_smartlead_inbox.streams import (
    EmailHistoryStream,
    InboxRepliesStream,
    LeadCategoriesStream,
    SentEmailsStream,
)

if TYPE_CHECKING:
    import click

# The streams that keep a bookmark (sent_emails is FULL_TABLE), checked before any request.
BOOKMARKED = frozenset({InboxRepliesStream.name, EmailHistoryStream.name})


class TapSmartleadInbox(SeamTap):
    """Exports the Smartlead Master Inbox: replied leads and their whole email threads."""

    name = "tap-smartlead-inbox"
    config_jsonschema = CONFIG_SCHEMA
    # msgspec writes Singer messages several times faster than the default encoder;
    # this one also lets an interrupted or failed run end on its last STATE (cli.py).
    message_writer_class = ResumableWriter
    # The SDK's signal handlers end the run with exit code 0; the CLI's (interrupts.py) do not.
    sdk_signal_handlers = False
    _settings: Settings

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        quiet_repeats(logging.getLogger(self.name))  # before the SDK's first line
        self.failed_streams: list[StreamFailed] = []  # reported once every stream has synced
        super().__init__(*args, **kwargs)
        quiet_metrics(self.sdk_metrics_logger)  # after: the SDK sets its level

    @classmethod
    def cb_config(cls, ctx: click.Context, param: click.Option, value: tuple[str, ...]) -> Any:
        """The SDK's reading of --config, each file first checked to hold a JSON object."""
        for path in value:
            if path != "ENV":  # settings from environment variables: checked as settings
                check_config_file(path)
        return super().cb_config(ctx, param, value)

    @classmethod
    def invoke(cls, *, state: IO[str] | None = None, **kwargs: Any) -> None:
        """The SDK's CLI run, with the --state file checked first (naming the file)."""
        if state is not None:
            source = f"state file {getattr(state, 'name', '-')}"
            text = read_state_file(state, source)
            check_state(parse_state(text, source), source, BOOKMARKED)
            state = io.StringIO(text)  # the SDK reads it as it would have
        super().invoke(state=state, **kwargs)

    def load_state(self, state: dict[str, Any]) -> None:
        check_state(state, "state", BOOKMARKED)  # a state passed in code, not as a file
        super().load_state(state)

    def prepare_config(self, config: dict[str, Any], sdk_check: Callable[[], list[str]]) -> list[str]:
        """The settings checked (settings.py) before the SDK's schema check, which then
        fails with one line too."""
        if not config.get("api_key") and os.environ.get("SMARTLEAD_API_KEY"):
            # Outside Meltano the key may come from the variable the README names.
            config["api_key"] = os.environ["SMARTLEAD_API_KEY"]
        # Meltano and env vars give text; the SDK's schema check wants the types.
        self._settings, typed = check_config(config)
        config.update(typed)
        try:
            return sdk_check()
        except ConfigValidationError as exc:
            first = exc.errors[0] if exc.errors else str(exc)
            named = re.search(r" in config\['([^']+)'\]", first)
            setting = named.group(1) if named else "config"
            raise SettingsError(setting, f"is invalid: {first}") from None

    @property
    def settings(self) -> Settings:
        """The checked settings (from prepare_config, run when the tap is made)."""
        return self._settings

    @cached_property
    def limiter(self) -> RateLimiter:
        return RateLimiter(self.settings.rps)

    @cached_property
    def transport(self) -> Transport:
        settings = self.settings
        return Transport(
            api_url=settings.api_url,
            api_key=settings.api_key,
            limiter=self.limiter,
            max_retries=settings.max_retries,
            timeout=settings.request_timeout,
            max_response_bytes=settings.max_response_mb * 2**20,
            max_server_wait=settings.max_server_wait,
            max_in_flight=settings.max_concurrency,
        )

    _announced = False
    _categories_warned = False

    def discover_streams(self) -> list[Stream]:
        # The SDK syncs streams by name whatever this order; the category list is read
        # alongside the inbox's first pages (read_categories_early), and a failure to read
        # it is said only once it is used, so a run's faults and key errors are the pages'.
        streams: list[Stream] = [
            InboxRepliesStream(self, run=self),
            EmailHistoryStream(self, run=self),
            SentEmailsStream(self, run=self),
            LeadCategoriesStream(self, run=self),
        ]
        quiet_repeats(logging.getLogger("singer_sdk"), *(stream.logger for stream in streams))
        return streams

    def announce_filters(self) -> None:
        """The start-of-run lines about the filters, once, whichever stream syncs first."""
        if self._announced:
            return
        self._announced = True
        self.read_categories_early()
        filter_set = self.settings.filter_set
        if filter_set.default_applied:
            self.logger.info(
                "Default filter applied: %s (Out Of Office leads only). Set "
                "default_filters to false, or give filters, to export every replied lead.",
                DEFAULT_FILTER,
            )
        if len(filter_set.series) > 1:
            self.logger.info(
                "ID lists longer than the API allows per request are split into %d request series; "
                "each is read and their union exported once.",
                len(filter_set.series),
            )

    def after_sync(self) -> None:
        """A stream that failed alone fails the run now, once the others are delivered and
        their final STATE written (the SDK syncs streams by name: sent_emails comes after
        lead_categories)."""
        if self.failed_streams:
            raise self.failed_streams[0]

    @property
    def categories(self) -> AccountCategories:
        """The account's categories, read once: for lead_categories and the leads' names.
        A list that cannot be read names nothing and blocks nothing (categories.py)."""
        account = self._categories_read.result()
        if account.failure and not self._categories_warned:
            self._categories_warned = True
            warn_unreadable(self.logger, account.failure)
        return account

    @cached_property
    def _categories_read(self) -> Future[AccountCategories]:
        return in_background(fetch_categories, self.transport)

    def read_categories_early(self) -> None:
        """Starts reading the category list alongside the first pages when it will be read
        anyway (lead_categories is selected): the pages' consumer, which also sends the
        next requests, then never stops to wait for it."""
        if self.streams[LeadCategoriesStream.name].selected:
            self._categories_read  # noqa: B018 (starts the read)

    def named(self, leads: list[Lead]) -> list[Lead]:
        """``leads`` with each category's name filled in where the row gives only its id."""
        if any(lead.fields.get("lead_category_id") is not None for lead in leads):
            self.categories.name_leads(leads)
        return leads

    @cached_property
    def progress(self) -> RunProgress:
        return RunProgress(self.transport.stats, self.limiter, self.logger)
