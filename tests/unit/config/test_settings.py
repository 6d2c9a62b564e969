"""Every setting is checked before the first request, with one line naming it."""

from __future__ import annotations

import json
import math
import re
import tempfile
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartlead_sandbox import SANDBOX_KEY
from tap_smartlead_inbox.client.limiter import RateLimiter
from tap_smartlead_inbox.client.transport import Transport
from tap_smartlead_inbox.config.settings import (
    CONFIG_SCHEMA,
    SETTING,
    SETTINGS,
    check_config_file,
    check_settings,
    default,
)
from tap_smartlead_inbox.core.errors import ConfigError, SettingsError
from tap_smartlead_inbox.core.timeutil import UTC
from tests.conftest import run_tap, run_tap_file, tap_config
from tests.support.paths import ROOT

README = ROOT / "README.md"

INVALID = [
    ({"rps": 0}, "'rps'", "from 0.01 to 1000"),
    ({"rps": -1.5}, "'rps'", "from 0.01 to 1000"),
    ({"rps": "fast"}, "'rps'", "must be a number"),
    ({"max_concurrency": 0}, "'max_concurrency'", "from 1 to 50"),
    ({"limit_per_page": 0}, "'limit_per_page'", "from 1 to 20"),
    ({"limit_per_page": 21}, "'limit_per_page'", "from 1 to 20"),
    ({"limit_per_page": 2.5}, "'limit_per_page'", "whole number"),
    ({"sort_by": "OLDEST_FIRST"}, "'sort_by'", "REPLY_TIME_DESC, SENT_TIME_DESC"),
    ({"start_date": "yesterday"}, "'start_date'", "ISO 8601"),
    ({"end_date": "2025-13-45"}, "'end_date'", "ISO 8601"),
    ({"start_date": "2025-02-01", "end_date": "2025-01-01"}, "'start_date'", "after end_date"),
    (
        {"filters": {"leadCategories": {"categoryIdsNotIn": list(range(11))}}},
        "'filters.leadCategories.categoryIdsNotIn'",
        "at most 10 per request, and an exclusion list cannot be split",
    ),
    ({"filters": {"campaignId": []}}, "'filters.campaignId'", "at least one ID"),
    ({"filters": {"emailStatus": "Maybe"}}, "'filters.emailStatus'", "Opened, Clicked"),
    ({"filters": {"search": "x" * 31}}, "'filters.search'", "at most 30"),
    ({"api_url": "ftp://example.com/api"}, "'api_url'", "http(s) URL"),
    ({"api_url": "not a url"}, "'api_url'", "http(s) URL"),
    ({"max_retries": -1}, "'max_retries'", "from 0 to 20"),
    ({"request_timeout": 0}, "'request_timeout'", "from 0.1 to 3600"),
    ({"filters": {"emailCampaignIdIn": [1]}}, "'filters.emailCampaignIdIn'", "campaignId"),
    ({"filters": {"replyTimeBetween": {"from": "2025-01-01"}}}, "'filters.replyTimeBetween'", "[start, end]"),
    ({"filters": "{not json"}, "'filters'", "not valid JSON"),
    ({"campaign_ids": ["abc"]}, "'campaign_ids'", "whole-number IDs"),
    ({"default_filters": "maybe"}, "'default_filters'", "true or false"),
    ({"api_key": ""}, "'api_key'", "SMARTLEAD_API_KEY"),
    ({"lookback": "15m"}, "'lookback'", "ISO 8601 duration from PT0S to P30D"),
    ({"lookback": "P90D"}, "'lookback'", "ISO 8601 duration from PT0S to P30D"),
    ({"lookback": 15}, "'lookback'", "such as PT15M"),
    ({"recheck_window": "1 day"}, "'recheck_window'", "ISO 8601 duration from PT0S to P90D"),
    ({"recheck_window": "P91D"}, "'recheck_window'", "ISO 8601 duration from PT0S to P90D"),
    ({"window_pages": 0}, "'window_pages'", "from 1 to 10000"),
    ({"max_server_wait": "1 hour"}, "'max_server_wait'", "ISO 8601 duration from PT0S to P1D"),
    ({"max_server_wait": "P2D"}, "'max_server_wait'", "ISO 8601 duration from PT0S to P1D"),
    ({"max_response_mb": 0}, "'max_response_mb'", "from 1 to 4096"),
    ({"max_response_mb": 1.5}, "'max_response_mb'", "from 1 to 4096"),
]


@pytest.mark.parametrize(("override", "setting", "allowed"), INVALID)
def test_invalid_setting_is_refused_before_any_request(sandbox, tmp_path, override, setting, allowed):
    run = run_tap(tap_config(sandbox, **override), tmp_path, env={"SMARTLEAD_API_KEY": ""}, expect_exit=2)
    assert sandbox.log == []
    assert "Traceback" not in run.stderr
    assert run.last_stderr_line.startswith("tap-smartlead-inbox: error: setting ")
    assert setting in run.last_stderr_line and allowed in run.last_stderr_line
    assert run.messages == []


def test_the_api_key_can_come_from_smartlead_api_key(sandbox, tmp_path):
    config = tap_config(sandbox)
    key = config.pop("api_key")
    run = run_tap(config, tmp_path, env={"SMARTLEAD_API_KEY": key})
    assert run.records("inbox_replies")


def test_defaults_match_the_replaced_exporter():
    settings = check_settings({"api_key": "k" * 10})
    assert settings.api_url == "https://server.smartlead.ai/api/v1"
    assert settings.filter_set.base == {"leadCategories": {"categoryIdsIn": [6]}}
    assert settings.filter_set.default_applied
    assert (settings.sort_by, settings.limit_per_page, settings.fetch_message_history) == (
        "REPLY_TIME_DESC",
        20,
        True,
    )
    assert (settings.rps, settings.max_concurrency, settings.max_retries, settings.request_timeout) == (
        5.0,
        10,
        6,
        60.0,
    )
    assert (settings.lookback, settings.window_pages) == (timedelta(minutes=15), 400)
    assert settings.recheck_window == timedelta(days=1), "labels set up to a day after a reply are kept"


def test_lookback_reads_iso_8601_durations():
    assert check_settings({"api_key": "k" * 10, "lookback": "PT2H30M"}).lookback == timedelta(
        hours=2, minutes=30
    )
    assert check_settings({"api_key": "k" * 10, "lookback": "p1d"}).lookback == timedelta(days=1)
    assert check_settings({"api_key": "k" * 10, "lookback": "PT0S"}).lookback == timedelta(0)
    assert check_settings({"api_key": "k" * 10, "recheck_window": "P7D"}).recheck_window == timedelta(days=7)
    assert check_settings({"api_key": "k" * 10, "recheck_window": "PT0S"}).recheck_window == timedelta(0)


def test_meltano_style_text_values_are_read():
    settings = check_settings(
        {
            "api_key": "k" * 10,
            "rps": "2.5",
            "limit_per_page": "10",
            "default_filters": "false",
            "filters": '{"emailStatus": "Replied"}',
            "campaign_ids": "[1, 2]",
        }
    )
    assert (settings.rps, settings.limit_per_page) == (2.5, 10)
    assert settings.filter_set.base == {"emailStatus": "Replied", "campaignId": [1, 2]}


def test_settings_error_names_the_setting():
    with pytest.raises(SettingsError) as caught:
        check_settings({"api_key": "k" * 10, "max_concurrency": 0})
    assert caught.value.setting == "max_concurrency"


def test_a_bare_end_date_includes_that_whole_day():
    settings = check_settings({"api_key": "k" * 10, "start_date": "2025-01-01", "end_date": "2025-01-31"})
    start, end = settings.filter_set.reply_from, settings.filter_set.reply_to
    assert start is not None and end is not None
    assert settings.filter_set.for_window((start, end)) == {
        "leadCategories": {"categoryIdsIn": [6]},
        "replyTimeBetween": ["2025-01-01T00:00:00.000Z", "2025-01-31T23:59:59.999Z"],
    }


@pytest.mark.parametrize(
    ("override", "setting"),
    [
        ({"api_url": "http://[::1"}, "api_url"),
        ({"api_url": "http://127.0.0.1:99999/api"}, "api_url"),
        ({"start_date": "9999-12-31T23:59:59-05:00"}, "start_date"),
        ({"api_key": "short"}, "api_key"),
    ],
)
def test_odd_values_are_refused_as_settings_errors(override, setting):
    with pytest.raises(SettingsError) as caught:
        check_settings({"api_key": "k" * 10, **override})
    assert caught.value.setting == setting


# --- the settings table (settings.SETTINGS): its bounds are the ones checked and declared ---------

BOUNDED = [s for s in SETTINGS if s.kind in ("integer", "number", "duration")]
NUMBERS = [s for s in SETTINGS if s.kind in ("integer", "number")]


def test_every_number_and_duration_setting_has_a_range_at_both_ends():
    assert {s.name for s in NUMBERS} >= {
        "window_pages",
        "limit_per_page",
        "rps",
        "max_concurrency",
        "max_retries",
        "request_timeout",
        "max_response_mb",
    }
    for setting in BOUNDED:
        if setting.kind == "duration":
            assert setting.shortest and setting.longest, setting.name
        else:
            assert setting.minimum is not None and setting.maximum is not None, setting.name


def just_past(setting):
    """The values just below and just above a number setting's range."""
    low, high = setting.minimum, setting.maximum
    if setting.kind == "integer":
        return low - 1, high + 1
    return math.nextafter(low, -math.inf), math.nextafter(high, math.inf)


@pytest.mark.parametrize("setting", BOUNDED, ids=lambda s: s.name)
def test_a_setting_takes_its_bounds_and_refuses_just_past_them(setting):
    def check(value):
        return check_settings({"api_key": "k" * 10, setting.name: value})

    if setting.kind == "duration":
        assert setting.shortest == "PT0S" and setting.longest, setting.name
        check(setting.shortest)
        check(setting.longest)
        with pytest.raises(SettingsError, match=f"from {setting.shortest} to {setting.longest}"):
            check(f"{setting.longest}T1S")
        return
    assert getattr(check(setting.minimum), setting.name) == setting.minimum
    assert getattr(check(setting.maximum), setting.name) == setting.maximum
    assert getattr(check(str(setting.maximum)), setting.name) == setting.maximum, "Meltano's text"
    for value in just_past(setting):
        with pytest.raises(SettingsError, match=f"from {re.escape(setting.bounds)}$") as caught:
            check(value)
        assert caught.value.setting == setting.name


# The values of issue 22 that ran without end or ended in a traceback.
RUNAWAY = {
    "request_timeout=1e20": ("request_timeout", 1e20),
    "max_concurrency=10**12": ("max_concurrency", 10**12),
    "max_retries=10**9": ("max_retries", 10**9),
    "rps=1e308": ("rps", 1e308),
    "window_pages=10**15": ("window_pages", 10**15),
    "rps=10**400": ("rps", 10**400),  # more than a float holds
}
PAST_THE_ENDS = [
    pytest.param(setting, value, id=f"{setting.name}={value!r}")
    for setting in NUMBERS
    for value in just_past(setting)
] + [pytest.param(SETTING[name], value, id=label) for label, (name, value) in RUNAWAY.items()]


@pytest.mark.parametrize(("setting", "value"), PAST_THE_ENDS)
def test_a_number_just_past_its_range_is_one_line_and_exit_2_before_any_request(
    sandbox, tmp_path, setting, value
):
    run = run_tap(tap_config(sandbox, **{setting.name: value}), tmp_path, expect_exit=2)
    assert "Traceback" not in run.stderr
    line = run.last_stderr_line
    assert line.startswith(f"tap-smartlead-inbox: error: setting '{setting.name}' is "), line
    kind = "a whole number" if setting.kind == "integer" else "a number"
    assert line.endswith(f"must be {kind} from {setting.bounds}"), line
    assert sandbox.log == []
    assert run.messages == []


def as_float(value):
    """A number as the settings read it (a float, as the JSON schema and the limiter take it);
    None for anything else, NaN, an infinity, or an integer past what a float holds."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    try:
        number = float(value)
    except (OverflowError, ValueError):  # 10**400; a signalling NaN
        return None
    return number if math.isfinite(number) else None


@given(
    setting=st.sampled_from(NUMBERS),
    value=st.integers()
    | st.floats()
    | st.decimals()
    | st.sampled_from([None, True, False, "", "fast", "1e400", [], {}]),
)
def test_any_number_inside_its_range_is_taken_and_any_other_value_refused_with_the_range(setting, value):
    number = as_float(value)
    inside = number is not None and setting.minimum <= number <= setting.maximum
    if inside and setting.kind == "integer":
        inside = number.is_integer()
    config = {"api_key": "k" * 10, setting.name: value}
    if inside:
        assert getattr(check_settings(config), setting.name) == number
        return
    with pytest.raises(SettingsError) as caught:
        check_settings(config)
    assert caught.value.setting == setting.name
    assert str(caught.value).endswith(f"from {setting.bounds}")


@pytest.mark.parametrize("setting", BOUNDED, ids=lambda s: s.name)
def test_the_schema_and_the_description_state_the_bounds(setting):
    schema = CONFIG_SCHEMA["properties"][setting.name]
    assert f"{setting.bounds}" in setting.description, setting.name
    if setting.kind == "duration":  # JSON schema cannot compare durations: the description says them
        return
    declared = {k: schema.get(k) for k in ("minimum", "maximum", "exclusiveMinimum")}
    assert declared == {"minimum": setting.minimum, "maximum": setting.maximum, "exclusiveMinimum": None}


def test_the_readme_settings_table_states_every_range():
    table = README.read_text(encoding="utf-8").split("## Settings", 1)[1].split("\n## ", 1)[0]
    rows = {line.split("|")[1].strip(): line for line in table.splitlines() if line.startswith("| ")}
    for setting in BOUNDED:
        assert setting.bounds in rows[setting.name], setting.name


# --- dates: none later than now ------------------------------------------------------------


@pytest.mark.parametrize("name", ["start_date", "end_date"])
@pytest.mark.parametrize(
    "ahead",
    [timedelta(minutes=10), timedelta(days=2), timedelta(days=365 * 7000)],
    ids=["10 minutes", "2 days", "the year 9000 or so"],
)
def test_a_date_later_than_now_is_refused_as_no_reply_can_be_that_recent(name, ahead):
    moment = datetime.now(UTC) + ahead
    for value in (moment.isoformat(), moment.date().isoformat()):
        if value == moment.date().isoformat() and ahead < timedelta(days=1):
            continue  # a bare date of today is today
        with pytest.raises(SettingsError, match=r"later than now \(.*\); no reply is that recent") as caught:
            check_settings({"api_key": "k" * 10, name: value})
        assert caught.value.setting == name


@pytest.mark.parametrize("name", ["start_date", "end_date"])
def test_a_clock_a_few_minutes_off_and_a_date_that_is_today_somewhere_are_not_the_future(name):
    now = datetime.now(UTC)
    for value in (
        (now + timedelta(minutes=2)).isoformat(),  # the same allowance a state's bookmark has
        now.date().isoformat(),
        (now + timedelta(hours=13)).date().isoformat(),  # today in Kiribati (UTC+14)
    ):
        check_settings({"api_key": "k" * 10, name: value})


def test_a_date_in_the_year_9999_is_one_line_and_exit_2_before_any_request(sandbox, tmp_path):
    run = run_tap(tap_config(sandbox, start_date="9999-01-01"), tmp_path, expect_exit=2)
    assert "Traceback" not in run.stderr
    assert run.last_stderr_line.startswith(
        "tap-smartlead-inbox: error: setting 'start_date' is \"9999-01-01\": later than now ("
    )
    assert sandbox.log == []


# --- the config file: a JSON object -------------------------------------------------------

NOT_OBJECTS = {
    "a list of pairs": ([["api_key", SANDBOX_KEY], ["default_filters", False]], "a list"),
    "an empty list": ([], "a list"),
    "a string": ("api_key=sandbox-key-0123456789", "a string"),
    "a number": (3, "a number"),
    "null": (None, "null"),
}


@pytest.mark.parametrize(("content", "kind"), NOT_OBJECTS.values(), ids=NOT_OBJECTS.keys())
def test_a_config_file_that_is_not_a_json_object_is_one_line_and_exit_2(sandbox, tmp_path, content, kind):
    config_file = tmp_path / "config.json"
    if isinstance(content, list) and content:  # pairs the SDK would have merged as settings
        content = [*content, ["api_url", sandbox.url]]
    config_file.write_text(json.dumps(content))
    process = run_tap_file(config_file, timeout=60, expect_exit=2)
    assert "Traceback" not in process.stderr
    assert process.stderr.strip().splitlines()[-1] == (
        f"tap-smartlead-inbox: error: cannot read the settings: {config_file} holds {kind}; "
        "the settings must be a JSON object"
    )
    assert sandbox.log == []
    assert process.stdout == ""


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)


@given(JSON_VALUES)
def test_a_config_file_is_read_only_when_it_holds_a_json_object(value):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.json"
        path.write_text(json.dumps(value))
        if isinstance(value, dict):
            check_config_file(str(path))
            return
        with pytest.raises(ConfigError, match=r"; the settings must be a JSON object$") as caught:
            check_config_file(str(path))
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("api_key: nope", "not valid JSON (Expecting value: line 1 column 1) in "),
        ("[" * 100_000, "not valid JSON ("),
        ('{"rps": 1' + "0" * 5000 + "}", "not valid JSON (a number with too many digits to read) in "),
    ],
    ids=["YAML", "nested without end", "a 5001-digit number"],
)
def test_a_config_file_that_is_not_json_is_a_config_error(tmp_path, text, problem):
    path = tmp_path / "config.json"
    path.write_text(text)
    with pytest.raises(ConfigError, match=re.escape(f"cannot read the settings: {problem}")):
        check_config_file(str(path))


def test_a_config_file_that_is_missing_is_a_config_error(tmp_path):
    path = tmp_path / "nowhere.json"
    with pytest.raises(ConfigError, match=re.escape(f"cannot read the settings: {path}: No such file")):
        check_config_file(str(path))


def test_each_default_is_a_value_the_checks_accept_and_settings_hold():
    settings = check_settings({"api_key": "k" * 10})
    for setting in SETTINGS:
        if setting.default is not None and hasattr(settings, setting.name):
            assert getattr(settings, setting.name) == default(setting.name), setting.name
        assert CONFIG_SCHEMA["properties"][setting.name].get("default") == setting.default, setting.name


def test_the_client_built_without_settings_has_the_settings_defaults():
    client = Transport(api_url="http://127.0.0.1:9", api_key="k" * 10, limiter=RateLimiter(rps=5))
    assert client.max_retries == default("max_retries")
    assert client.timeout == default("request_timeout")
    assert client.max_response_bytes == default("max_response_mb") * 2**20
    assert client.max_in_flight == default("max_concurrency")
    assert client.max_server_wait == default("max_server_wait") == timedelta(hours=1)
