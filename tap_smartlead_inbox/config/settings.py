"""The tap's settings: one table, from which come their schema (for --about and Meltano),
Meltano's plugin definitions, the defaults, and the one place they are checked.

Every check happens before the first request and fails with a :class:`SettingsError`
that names the setting and says what is allowed. A setting is added, or its default or
bounds changed, in :data:`SETTINGS` alone; `scripts/settings_yaml.py` then prints the
block for meltano.yml and the hub file (tests/pipeline/test_plugin_definitions.py compares them).
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from singer_sdk import typing as th

from tap_smartlead_inbox.client import transport
from tap_smartlead_inbox.config.filters import FilterSet, build_filter_set
from tap_smartlead_inbox.config.state_check import CLOCK_SKEW, json_error, json_kind
from tap_smartlead_inbox.core.errors import ConfigError, SettingsError
from tap_smartlead_inbox.core.redaction import register_secret
from tap_smartlead_inbox.core.timeutil import UTC, iso, parse_duration, parse_time, utc_now
from tap_smartlead_inbox.sdk_seam import load_json

MIN_KEY_LENGTH = 8
# Where the date changes first: a bare start_date or end_date that is today there is not yet
# a date in the future.
_EARLIEST_ZONE = timedelta(hours=14)


@dataclass(frozen=True)
class Setting:
    """One setting: its row in the table everything else is made from.

    ``kind`` says how it is typed, checked and declared (see ``_KINDS``): key, url,
    boolean, object, ids (a list of whole-number IDs), date, duration (ISO 8601),
    integer, number or choice. Bounds are inclusive (``minimum``, ``maximum``,
    ``shortest``, ``longest``), and every number and duration has both: a value far past
    any use (a timeout of years, a billion retries) is a typo, and is refused before any
    request like any other wrong value. Each bound's reason is in the comment beside it.
    """

    name: str
    kind: str
    label: str
    description: str
    default: Any = None
    minimum: float | None = None  # integer, number
    maximum: float | None = None  # integer, number
    shortest: str | None = None  # duration, ISO 8601
    longest: str | None = None  # duration, ISO 8601
    options: tuple[tuple[str, str], ...] = ()  # choice: (value, label), the first the default
    required: bool = False
    secret: bool = False
    meltano_value: str | None = None  # Meltano's default, where it is not ``default``
    meltano_description: str | None = None  # where Meltano users need to be told more

    @property
    def allowed(self) -> tuple[str, ...]:
        """A choice's values."""
        return tuple(value for value, _ in self.options)

    @property
    def bounds(self) -> str:
        """A number's or a duration's range as its description and its error say it: "1 to 50"."""
        if self.shortest is not None:
            return f"{self.shortest} to {self.longest}"
        assert self.minimum is not None, self.name
        assert self.maximum is not None, self.name
        return f"{_figure(self.minimum)} to {_figure(self.maximum)}"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "api_key",
        "key",
        "API key",
        "Smartlead API key (Settings → API). In Meltano it is read from "
        "SMARTLEAD_API_KEY. It is masked in every log line and error.",
        required=True,
        secret=True,
        meltano_value="$SMARTLEAD_API_KEY",
        meltano_description="Smartlead API key (Settings → API). Defaults to $SMARTLEAD_API_KEY, so "
        "`meltano config list` shows it set when that variable is. A key set with `meltano config set "
        "tap-smartlead-inbox api_key` goes to .env (as TAP_SMARTLEAD_INBOX_API_KEY), never to "
        "meltano.yml, and wins over SMARTLEAD_API_KEY; so do TAP_SMARTLEAD_INBOX_API_KEY and an api_key "
        "in the plugin's config (such as $ACME_SMARTLEAD_API_KEY in an inherited plugin). Masked in "
        "every log line and error.",
    ),
    Setting(
        "api_url",
        "url",
        "API base URL",
        "Base URL of the Smartlead API; point it at the sandbox for tests.",
        default="https://server.smartlead.ai/api/v1",
    ),
    Setting(
        "default_filters",
        "boolean",
        "Default filter",
        'Apply the replaced exporter\'s default filter {"leadCategories": '
        '{"categoryIdsIn": [6]}} (Out Of Office leads only). Set false to export '
        "every replied lead. Ignored when `filters` is given.",
        default=True,
    ),
    Setting(
        "filters",
        "object",
        "Filters",
        "Filters in Smartlead's syntax (search, leadCategories, emailStatus, "
        "campaignId, emailAccountId, campaignTeamMemberId, campaignTagId, campaignClientId, "
        "replyTimeBetween). Replaces the default filter; applies to every stream. ID lists longer "
        "than the API's caps are split into request series; categoryIdsNotIn over 10 is an error.",
    ),
    Setting(
        "campaign_ids",
        "ids",
        "Campaign IDs",
        "Only leads of these campaigns; added to the filters as campaignId (more than 5 "
        "are split across requests).",
    ),
    Setting(
        "email_account_ids",
        "ids",
        "Email account IDs",
        "Only leads mailed from these accounts; added to the filters as "
        "emailAccountId (more than 20 are split across requests).",
    ),
    Setting(
        "start_date",
        "date",
        "Start date",
        "ISO 8601, not later than now. Only leads whose last reply is at or after this "
        "time (sent as replyTimeBetween). Not applied to sent_emails, which reads its whole list.",
    ),
    Setting(
        "end_date",
        "date",
        "End date",
        "ISO 8601, not later than now. Only leads whose last reply is at or before this "
        "time (sent as replyTimeBetween). Not applied to sent_emails, which reads its whole list.",
    ),
    Setting(
        "lookback",
        "duration",
        "Lookback",
        "ISO 8601 duration, PT0S to P30D. An incremental run re-reads replies "
        "this far before the bookmark, for replies Smartlead records late and for clock "
        "skew. Leads read again are emitted again with the same keys (targets upsert).",
        default="PT15M",
        shortest="PT0S",
        longest="P30D",
    ),
    Setting(
        "recheck_window",
        "duration",
        "Re-check window",
        "ISO 8601 duration, PT0S to P90D. An incremental run also re-reads the leads "
        "whose last reply is this far before the bookmark and emits them again (same keys, so "
        "targets upsert): categories Smartlead or a person sets after the reply, and changed "
        "read, archived, important and status flags, reach the target. The default P1D keeps "
        "labels set up to a day after a reply. PT0S turns it off.",
        default="P1D",
        shortest="PT0S",
        longest="P90D",
    ),
    Setting(
        "window_pages",
        "integer",
        "Pages per window",
        "A full export reads reply-time windows oldest first, each sized to hold "
        "about this many pages (1 to 10000), with a STATE checkpoint after each. Smaller windows "
        "lose less work to an interruption and cost a few more requests.",
        default=400,
        minimum=1,
        # 10,000 pages are about 190,000 leads and over half an hour of reading at 5 requests
        # a second between two checkpoints; the probes that cut windows read at multiples of
        # it, which past that are offsets beyond any inbox.
        maximum=10_000,
    ),
    Setting(
        "sort_by",
        "choice",
        "Sort order",
        "REPLY_TIME_DESC (default) or SENT_TIME_DESC.",
        default="REPLY_TIME_DESC",
        options=(
            ("REPLY_TIME_DESC", "Newest reply first"),
            ("SENT_TIME_DESC", "Newest sent email first"),
        ),
    ),
    Setting(
        "limit_per_page",
        "integer",
        "Page size",
        "Leads per request, 1 to 20 (the API's maximum and the most efficient).",
        default=20,
        minimum=1,
        maximum=20,  # the API refuses more
    ),
    Setting(
        "fetch_message_history",
        "boolean",
        "Fetch message history",
        "Ask for each lead's whole thread. Without it email_history holds only what the list view returns.",
        default=True,
    ),
    Setting(
        "rps",
        "number",
        "Requests per second",
        "Most requests per second, across all streams and workers (0.01 to 1000). The "
        "default 5 stays under Smartlead's 10 per 2 seconds; on a slower plan the tap "
        "learns the real limit from 429s and settles just under it.",
        default=5.0,
        # 0.01 is 36 requests an hour, far under the smallest hourly budget (1,000); lower, the
        # limiter's waits grow without bound. Smartlead's fastest plan allows 20 a second;
        # 1000 is the limiter lifted, for a local sandbox (the benchmarks' CPU-bound runs).
        minimum=0.01,
        maximum=1000,
    ),
    Setting(
        "max_concurrency",
        "integer",
        "Max concurrency",
        "Most requests in flight at once (1 to 50). Without total_count only about "
        "rps x latency are in flight, so almost no request lands past the last page.",
        default=transport.MAX_IN_FLIGHT,
        minimum=1,
        # Each slot is a kept-alive connection made up front; beyond rps x latency (20 a
        # second on Smartlead's fastest plan, 2 s for a slow answer: 40) requests only wait.
        maximum=50,
    ),
    Setting(
        "max_retries",
        "integer",
        "Max retries",
        "Retries per request after the first attempt (0 to 20) on 5xx (the API's or "
        "a CDN's), timeouts, dropped connections and cut-off bodies. 429s are retried too, up to "
        "twice as many again.",
        default=transport.MAX_RETRIES,
        minimum=0,
        # The backoff doubles up to a minute: 20 retries already wait up to 14 minutes (7 on
        # average) for one request, plus request_timeout each, before a dead API is reported.
        maximum=20,
    ),
    Setting(
        "request_timeout",
        "number",
        "Request timeout",
        "Seconds for one whole response: connecting, the headers and the body (0.1 to "
        "3600). A response still arriving then is cut and retried.",
        default=transport.TIMEOUT,
        # Smartlead answers a page in about a second: under 0.1 s every request would time
        # out. No answer is worth more than an hour's wait, and each retry waits it again.
        minimum=0.1,
        maximum=3600,
    ),
    Setting(
        "max_response_mb",
        "integer",
        "Max response size (MB)",
        "Largest answer the tap reads, once decompressed (1 to 4096). A larger one "
        "stops the run with an error instead of filling the memory.",
        default=transport.MAX_RESPONSE_MB,
        # A page of 20 leads with whole threads is well under 1 MB; 4 GB is the most a
        # machine running the tap can be expected to hold.
        minimum=1,
        maximum=4096,
    ),
    Setting(
        "max_server_wait",
        "duration",
        "Max server wait",
        "ISO 8601 duration (PT0S to P1D). The longest wait the tap honours when "
        "Smartlead asks it to come back later (a 429 or 503 with Retry-After; a used-up hourly "
        "budget asks for up to an hour). Longer, and the run stops at its last checkpoint with "
        "exit code 75 and says when to run again.",
        default="PT1H",  # transport.MAX_SERVER_WAIT: an hourly budget's longest wait, waited out
        shortest="PT0S",
        longest="P1D",
    ),
    Setting(
        "dry_run",
        "boolean",
        "Dry run",
        "Fetch everything and log how many records each stream would get, but "
        "write no records (and so move no bookmark).",
        default=False,
    ),
)

SETTING = {setting.name: setting for setting in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """Checked settings, with the filters ready to send."""

    api_key: str
    api_url: str
    filter_set: FilterSet
    lookback: timedelta
    recheck_window: timedelta
    window_pages: int
    sort_by: str
    limit_per_page: int
    fetch_message_history: bool
    rps: float
    max_concurrency: int
    max_retries: int
    request_timeout: float
    max_response_mb: int
    max_server_wait: timedelta
    dry_run: bool


def check_settings(config: Mapping[str, Any]) -> Settings:
    """Validate ``config`` and return typed settings, or raise SettingsError."""
    return _check(config)[0]


def check_config(config: Mapping[str, Any]) -> tuple[Settings, dict[str, Any]]:
    """Typed settings, and ``config`` with text values (as Meltano and env vars give
    them) turned into their types, from one check."""
    settings, typed = _check(config)
    return settings, {**config, **{k: v for k, v in typed.items() if k in config}}


def check_config_file(path: str) -> None:
    """A --config file holds a JSON object, or ConfigError says what it holds instead.

    The SDK merges each file into the settings with ``|=``, which fails with a traceback
    on a string, a number or null, and takes a list of pairs for settings. The file is
    parsed as the SDK then parses it again.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or type(exc).__name__}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"not valid JSON (not UTF-8 text) in {path}") from None
    try:
        value = load_json(text)
    except RecursionError:
        raise ConfigError(f"not valid JSON (nested too deep) in {path}") from None
    except ValueError as exc:
        raise ConfigError(f"not valid JSON ({json_error(exc)}) in {path}") from None
    if not isinstance(value, Mapping):
        raise ConfigError(f"{path} holds {json_kind(value)}; the settings must be a JSON object")


def default(name: str) -> Any:
    """The default of setting ``name``, typed as :class:`Settings` holds it (a
    duration as a timedelta): for code that runs without settings, such as tests."""
    return _KINDS[SETTING[name].kind].check({}, SETTING[name])


def _check(config: Mapping[str, Any]) -> tuple[Settings, dict[str, Any]]:
    """Every setting in the table's order (the key first: it is masked from then on),
    then what involves several."""
    checked = {s.name: _KINDS[s.kind].check(config, s) for s in SETTINGS}
    start, end = checked["start_date"], checked["end_date"]
    if start and end and start > end:
        raise SettingsError("start_date", f"is after end_date ({_txt(config, 'end_date')})")
    filter_set = build_filter_set(
        filters=checked["filters"],
        default_filters=checked["default_filters"],
        campaign_ids=checked["campaign_ids"],
        email_account_ids=checked["email_account_ids"],
        start=start,
        end=end,
    )
    plain = {f.name: checked[f.name] for f in fields(Settings) if f.name in checked}
    typed = {s.name: checked[s.name] for s in SETTINGS if _KINDS[s.kind].into_config}
    return Settings(filter_set=filter_set, **plain), typed


# --- the schema and Meltano's definitions, from the table ----------------------------------


def _property(setting: Setting) -> th.Property[Any]:
    kind = _KINDS[setting.kind]
    return th.Property(
        setting.name,
        kind.schema(setting),
        required=setting.required,
        secret=setting.secret,
        default=setting.default,
        title=setting.label,
        description=setting.description,
    )


def meltano_settings() -> list[dict[str, Any]]:
    """The tap's settings as a Meltano plugin definition declares them (meltano.yml's
    extractor and the hub file; the SDK's own settings follow them there)."""
    declared: list[dict[str, Any]] = []
    for setting in SETTINGS:
        entry: dict[str, Any] = {"name": setting.name, "kind": _KINDS[setting.kind].meltano}
        value = setting.meltano_value if setting.meltano_value is not None else setting.default
        if value is not None:
            entry["value"] = value
        if setting.options:
            entry["options"] = [{"label": label, "value": value} for value, label in setting.options]
        if setting.secret:
            entry["sensitive"] = True
        entry["label"] = setting.label
        entry["description"] = setting.meltano_description or setting.description
        declared.append(entry)
    return declared


# --- the checks, one per kind ----------------------------------------------------------------

Config = Mapping[str, Any]


def _txt(config: Config, name: str, limit: int = 60) -> str:
    """A value as the config holds it, for an error line; a long one shortened."""
    value = config.get(name)
    # The SDK reads a JSON number with a fraction or an exponent as a Decimal: 1E+20, not "1E+20".
    text = str(value) if isinstance(value, Decimal) else json.dumps(value, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _api_key(config: Config, setting: Setting) -> str:
    value = config.get(setting.name)
    key = value.strip() if isinstance(value, str) else ""
    if not key:
        raise SettingsError("api_key", "is missing: set it in the config or the SMARTLEAD_API_KEY variable")
    register_secret(key)
    if len(key) < MIN_KEY_LENGTH:
        raise SettingsError(
            "api_key", f"is too short to be a Smartlead API key ({MIN_KEY_LENGTH}+ characters)"
        )
    return key


def _api_url(config: Config, setting: Setting) -> str:
    name, value = setting.name, config.get(setting.name, setting.default)
    problem = f"is {json.dumps(value, default=str)}: must be an http(s) URL such as {setting.default}"
    if not isinstance(value, str):
        raise SettingsError(name, problem)
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises for a port out of range
    except ValueError:
        raise SettingsError(name, problem) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(name, problem)
    if parts.query or parts.fragment:
        raise SettingsError(name, "must not carry a query string or fragment")
    return value.rstrip("/")


def _filters(config: Config, setting: Setting) -> Mapping[str, Any] | None:
    name, value = setting.name, config.get(setting.name)
    if value is None:
        return None
    if isinstance(value, str):  # Meltano passes an env var's object as JSON text
        try:
            value = json.loads(value) if value.strip() else None
        except json.JSONDecodeError as exc:
            raise SettingsError(name, f"is not valid JSON ({exc.msg})") from None
    if value is not None and not isinstance(value, Mapping):
        raise SettingsError(name, "must be an object in Smartlead's filter syntax")
    return value


def _bool(config: Config, setting: Setting) -> bool:
    name = setting.name
    value = config.get(name, setting.default)
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if not isinstance(value, bool):
        raise SettingsError(name, f"is {_txt(config, name)}: must be true or false")
    return value


def _number(config: Config, setting: Setting, *, whole: bool) -> float:
    """The setting's number within its bounds (a whole one if ``whole``). Text (Meltano,
    env vars) and the SDK's Decimal are read; anything else, NaN, an infinity or an
    integer too large for a float is refused, with the range, like a number outside it."""
    name, low, high = setting.name, setting.minimum, setting.maximum
    assert low is not None, f"{name}: the table gives it no lowest value"
    assert high is not None, f"{name}: the table gives it no highest value"
    value = config.get(name, setting.default)
    number = math.nan  # fails every comparison below
    if isinstance(value, str | Decimal | int | float) and not isinstance(value, bool):
        with contextlib.suppress(ValueError, ArithmeticError):  # OverflowError: 10**400
            number = float(value)
    if not low <= number <= high or (whole and not number.is_integer()):
        kind = "a whole number" if whole else "a number"
        raise SettingsError(name, f"is {_txt(config, name)}: must be {kind} from {setting.bounds}")
    return number


def _real(config: Config, setting: Setting) -> float:
    return _number(config, setting, whole=False)


def _int(config: Config, setting: Setting) -> int:
    return int(_number(config, setting, whole=True))


def _figure(value: float) -> str:
    """A bound as people write it: 1000, 0.01 (never 1000.0 or 1e+03)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _bound(value: float | None) -> Any:
    """A bound for the SDK's type helpers, which say int where JSON schema takes any number."""
    return value


def _choice(config: Config, setting: Setting) -> str:
    name, value = setting.name, config.get(setting.name, setting.default)
    if value not in setting.allowed:
        raise SettingsError(name, f"is {_txt(config, name)}: must be one of {', '.join(setting.allowed)}")
    assert isinstance(value, str)
    return value


def _date(config: Config, setting: Setting) -> datetime | None:
    name, value = setting.name, config.get(setting.name)
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):  # the SDK may hand over parsed values
        value = value.isoformat()
    parsed = parse_time(value, strict=True) if isinstance(value, str) else None
    if parsed is None:
        raise SettingsError(
            name,
            f"is {_txt(config, name)}: must be an ISO 8601 date or date-time, "
            "such as 2025-01-31 or 2025-01-31T23:59:59Z",
        )
    day = len(value.strip()) <= len("2025-01-31")  # a date without a time: 2025-01-31, 20250131
    _not_in_the_future(config, name, parsed, day=day)
    if name == "end_date" and day:
        return parsed + timedelta(days=1, milliseconds=-1)  # end_date 2025-01-31 includes the 31st
    return parsed


def _not_in_the_future(config: Config, name: str, moment: datetime, *, day: bool) -> None:
    """No reply is later than now: a start_date or end_date that is (the year 9999, a typo)
    would read nothing, or reach past what dates can hold. A clock a few minutes off is
    allowed, and a bare date that is today anywhere on Earth (UTC+14 is a day ahead)."""
    now = utc_now()
    latest = datetime.combine((now + _EARLIEST_ZONE).date(), time(), UTC) if day else now + CLOCK_SKEW
    if moment > latest:
        raise SettingsError(
            name,
            f"is {_txt(config, name)}: later than now ({iso(now)}); no reply is that recent, so "
            "give a date in the past or leave it out",
        )


def _duration(config: Config, setting: Setting) -> timedelta:
    name = setting.name
    duration = parse_duration(config.get(name, setting.default))
    shortest, longest = parse_duration(setting.shortest), parse_duration(setting.longest)
    assert shortest is not None, f"{name}: the table's shortest is not a duration"
    assert longest is not None, f"{name}: the table's longest is not a duration"
    if duration is None or not shortest <= duration <= longest:
        raise SettingsError(
            name,
            f"is {_txt(config, name)}: must be an ISO 8601 duration from {setting.bounds}, "
            "such as PT15M, PT2H or P1D",
        )
    return duration


def _id_list(config: Config, setting: Setting) -> list[int]:
    name = setting.name
    value = config.get(name) or []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            value = [part.strip() for part in value.split(",") if part.strip()]
    ids = value if isinstance(value, list) else [value]
    try:
        return [_to_id(item) for item in ids]
    except ValueError:
        raise SettingsError(name, f"is {_txt(config, name)}: must be a list of whole-number IDs") from None


def _to_id(item: object) -> int:
    if isinstance(item, bool):
        raise ValueError(item)
    if isinstance(item, int):
        return item
    if isinstance(item, str) and item.strip().isdigit():
        return int(item)
    raise ValueError(item)


@dataclass(frozen=True)
class _Kind:
    """What a kind of setting is in the JSON schema and to Meltano, and how it is checked."""

    schema: Callable[[Setting], th.JSONTypeHelper[Any]]
    meltano: str
    check: Callable[[Config, Setting], Any]
    into_config: bool = True  # the typed value goes into the config the SDK's schema check sees


_KINDS: dict[str, _Kind] = {
    "key": _Kind(lambda s: th.StringType(), "string", _api_key),
    "url": _Kind(lambda s: th.StringType(), "string", _api_url),
    "boolean": _Kind(lambda s: th.BooleanType(), "boolean", _bool),
    "object": _Kind(lambda s: th.ObjectType(additional_properties=True), "object", _filters),
    "ids": _Kind(lambda s: th.ArrayType(th.IntegerType), "array", _id_list),
    "date": _Kind(lambda s: th.DateTimeType(), "date_iso8601", _date, into_config=False),
    # JSON schema cannot compare durations: their bounds are checked here and stated in the description.
    "duration": _Kind(lambda s: th.StringType(), "string", _duration, into_config=False),
    "integer": _Kind(
        lambda s: th.IntegerType(minimum=_bound(s.minimum), maximum=_bound(s.maximum)), "integer", _int
    ),
    "number": _Kind(
        lambda s: th.NumberType(minimum=_bound(s.minimum), maximum=_bound(s.maximum)), "decimal", _real
    ),
    "choice": _Kind(lambda s: th.StringType(allowed_values=list(s.allowed)), "options", _choice),
}

CONFIG_SCHEMA = th.PropertiesList(*(_property(setting) for setting in SETTINGS)).to_dict()
