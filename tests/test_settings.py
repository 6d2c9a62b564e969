"""Every setting is checked before the first request, with one line naming it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tap_smartlead_inbox.errors import SettingsError
from tap_smartlead_inbox.settings import CONFIG_SCHEMA, SETTINGS, check_settings, default
from tests.conftest import run_tap, tap_config

INVALID = [
    ({"rps": 0}, "'rps'", "greater than 0"),
    ({"rps": -1.5}, "'rps'", "greater than 0"),
    ({"rps": "fast"}, "'rps'", "must be a number"),
    ({"max_concurrency": 0}, "'max_concurrency'", "1 or more"),
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
    ({"max_retries": -1}, "'max_retries'", "0 or more"),
    ({"request_timeout": 0}, "'request_timeout'", "greater than 0"),
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
    ({"window_pages": 0}, "'window_pages'", "1 or more"),
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
    assert (settings.lookback, settings.window_pages) == (timedelta(minutes=15), 200)
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
    if setting.minimum is not None:
        check(setting.minimum)
        with pytest.raises(SettingsError, match=str(setting.minimum)):
            check(setting.minimum - 1)
    if setting.maximum is not None:
        check(setting.maximum)
        with pytest.raises(SettingsError, match=str(setting.maximum)):
            check(setting.maximum + 1)
    if setting.above is not None:
        check(setting.above + 0.001)
        with pytest.raises(SettingsError, match=f"greater than {setting.above}"):
            check(setting.above)


@pytest.mark.parametrize("setting", BOUNDED, ids=lambda s: s.name)
def test_the_schema_and_the_description_state_the_bounds(setting):
    schema = CONFIG_SCHEMA["properties"][setting.name]
    if setting.kind == "duration":  # JSON schema cannot compare durations: the description says them
        assert f"{setting.shortest} to {setting.longest}" in setting.description
        return
    declared = {k: schema.get(k) for k in ("minimum", "maximum", "exclusiveMinimum")}
    assert declared == {
        "minimum": setting.minimum,
        "maximum": setting.maximum,
        "exclusiveMinimum": setting.above,
    }
    said = {
        (setting.minimum, setting.maximum): f"{setting.minimum} to {setting.maximum}",
        (setting.minimum, None): f">= {setting.minimum}",
        (None, None): f"> {setting.above}",
    }[(setting.minimum, setting.maximum)]
    assert said in setting.description, setting.name


def test_each_default_is_a_value_the_checks_accept_and_settings_hold():
    settings = check_settings({"api_key": "k" * 10})
    for setting in SETTINGS:
        if setting.default is not None and hasattr(settings, setting.name):
            assert getattr(settings, setting.name) == default(setting.name), setting.name
        assert CONFIG_SCHEMA["properties"][setting.name].get("default") == setting.default, setting.name
