"""What a run writes to stderr: the lines a person needs, not one per page.

A run shows its start lines, progress, warnings and the summary. The SDK's METRIC lines
(two per page) appear only when asked for; its pointless and duplicate lines never do.
"""

from __future__ import annotations

import json

from tests.conftest import run_tap, tap_config

PAGES = {"leads": 120}  # 6 pages of 20: a per-page line would show 6 times


def test_a_run_writes_no_metric_line_and_no_settings_chatter(make_sandbox, tmp_path):
    run = run_tap(tap_config(make_sandbox(**PAGES)), tmp_path)
    assert "METRIC" not in run.stderr
    assert "Skipping parse of env var settings" not in run.stderr
    assert "as child stream" not in run.stderr
    assert run.stderr.count("Beginning sync of 'email_history'") == 1
    summary = [line for line in run.stderr.splitlines() if "Summary:" in line]
    assert len(summary) == 1 and "120 leads" in summary[0]


def test_metric_lines_come_back_at_debug_level(make_sandbox, tmp_path):
    run = run_tap(tap_config(make_sandbox(**PAGES)), tmp_path, env={"TAP_SMARTLEAD_INBOX_LOGLEVEL": "DEBUG"})
    metrics = [
        json.loads(line.split("METRIC: ", 1)[1]) for line in run.stderr.splitlines() if "METRIC: " in line
    ]
    counted = sum(
        m["value"]
        for m in metrics
        if m["metric"] == "record_count" and m["tags"]["stream"] == "inbox_replies"
    )
    assert counted == 120


def test_metric_lines_follow_the_sdks_logging_config(make_sandbox, tmp_path):
    metrics_file = tmp_path / "metrics.log"
    config = tmp_path / "logging.yml"
    config.write_text(
        "version: 1\n"
        "disable_existing_loggers: false\n"
        "handlers:\n"
        f"  metrics: {{class: logging.FileHandler, filename: '{metrics_file}'}}\n"
        "loggers:\n"
        "  singer_sdk.metrics: {handlers: [metrics], propagate: false}\n"
    )
    run = run_tap(tap_config(make_sandbox(**PAGES)), tmp_path, env={"SINGER_SDK_LOG_CONFIG": str(config)})
    assert "METRIC" not in run.stderr
    lines = metrics_file.read_text().splitlines()
    assert sum('"metric":"record_count"' in line for line in lines) >= 6


def test_an_sdk_logging_config_that_does_not_route_metrics_asks_for_none(make_sandbox, tmp_path):
    """Meltano hands every run a config like this one, for its structured console output."""
    config = tmp_path / "meltano-like.json"
    config.write_text(
        json.dumps(
            {
                "version": 1,
                "disable_existing_loggers": False,
                "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr"}},
                "root": {"handlers": ["console"], "level": "INFO"},
            }
        )
    )
    run = run_tap(tap_config(make_sandbox(**PAGES)), tmp_path, env={"SINGER_SDK_LOG_CONFIG": str(config)})
    assert "Summary:" in run.stderr
    assert "METRIC" not in run.stderr


def test_a_failed_run_says_so_once_in_the_taps_own_words(make_sandbox, tmp_path):
    sandbox = make_sandbox(forced_error=(500, {"error": "boom"}))
    run = run_tap(tap_config(sandbox, max_retries=0, max_concurrency=1), tmp_path, expect_exit=1)
    assert "An unhandled error occurred" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if "error" in line.lower()]
    assert errors == [run.last_stderr_line]
    assert run.last_stderr_line.startswith("tap-smartlead-inbox: error: ")


def test_a_stream_map_that_cannot_be_evaluated_is_one_line_naming_the_cause(sandbox, tmp_path):
    config = tap_config(sandbox, stream_maps={"inbox_replies": {"x": "nosuch(lead_email)"}})
    run = run_tap(config, tmp_path, expect_exit=2)
    assert "Traceback" not in run.stderr
    assert run.last_stderr_line == (
        "tap-smartlead-inbox: error: setting 'stream_maps' is invalid: Failed to evaluate simpleeval "
        "expressions nosuch(lead_email) (Function 'nosuch' not defined, for expression 'nosuch(lead_email)')"
    )


def test_a_stream_map_that_cannot_be_parsed_is_one_line_before_any_request(sandbox, tmp_path):
    config = tap_config(sandbox, stream_maps={"email_history": {"x": "lead_email +"}})
    run = run_tap(config, tmp_path, expect_exit=2)
    assert "Traceback" not in run.stderr
    line = run.last_stderr_line
    assert line.startswith("tap-smartlead-inbox: error: setting 'stream_maps' is invalid: ")
    assert "Failed to parse expression lead_email +" in line
    assert sandbox.log == []
