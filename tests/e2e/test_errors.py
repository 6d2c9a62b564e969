"""Expected failures end the run non-zero with one line that names the cause."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys

import pytest

from tests.conftest import check_exit, run_tap, run_tap_file, run_tap_process, tap_config
from tests.support.paths import ROOT


def assert_one_line_failure(run, *needles) -> None:
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    line = run.last_stderr_line
    assert line.startswith("tap-smartlead-inbox: error: ")
    for needle in needles:
        assert needle in line, line


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_wrong_key_says_invalid_api_key(sandbox, tmp_path):
    run = run_tap(tap_config(sandbox, api_key="wrong-key-123"), tmp_path, expect_exit=1)
    assert_one_line_failure(run, "invalid API key", "401", "/master-inbox/inbox-replies")
    offsets = [r.body["offset"] for r in sandbox.pages]
    assert len(offsets) == len(set(offsets)), "a 401 is not retried"
    # The category list, read alongside the first pages, failed too: a run that fails on
    # its pages uses no category, so it says nothing of the list.
    assert "category list" not in run.stderr


def test_validation_error_quotes_the_api_message(make_sandbox, tmp_path):
    error = {
        "error": "campaignId array cannot exceed 5 items",
        "field": "filters.campaignId",
        "provided_count": 10,
        "max_allowed": 5,
    }
    sandbox = make_sandbox(forced_error=(422, error))
    run = run_tap(tap_config(sandbox, max_concurrency=1), tmp_path, expect_exit=1)
    assert_one_line_failure(run, "422", "campaignId array cannot exceed 5 items", "max_allowed=5")
    assert len(sandbox.pages) == 1


def test_nothing_listening_is_named_with_host_and_port(tmp_path):
    port = free_port()
    config = {"api_key": "k" * 12, "api_url": f"http://127.0.0.1:{port}/api/v1", "max_retries": 1}
    run = run_tap(config, tmp_path, expect_exit=1)
    assert_one_line_failure(run, f"nothing is listening at 127.0.0.1:{port}", "after 2 attempts")


@pytest.mark.skipif(not shutil.which("unshare"), reason="needs unshare to keep DNS on this machine")
def test_a_name_that_does_not_resolve_is_named(tmp_path):
    # A private mount namespace points the resolver at 127.0.0.1, so the lookup
    # fails here instead of leaving the machine.
    resolv = tmp_path / "resolv.conf"
    resolv.write_text("nameserver 127.0.0.1\n")
    config_file = tmp_path / "config.json"
    secret = "sk-dns-SECRET-77e1"
    config = {"api_key": secret, "api_url": "http://smartlead-sandbox.invalid/api/v1", "max_retries": 0}
    config_file.write_text(json.dumps(config))
    script = (
        f"mount --bind {resolv} /etc/resolv.conf && "
        f"exec {sys.executable} -m tap_smartlead_inbox --config {config_file}"
    )
    process = subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "LOGLEVEL": "DEBUG"},
    )
    if "mount" in process.stderr and process.returncode != 0 and "error:" not in process.stderr:
        pytest.skip("mount namespaces are not available here")
    check_exit(process.returncode, 1, process.stderr)
    last = process.stderr.strip().splitlines()[-1]
    assert "Traceback" not in process.stderr
    assert "the host name smartlead-sandbox.invalid does not resolve" in last
    assert secret not in process.stdout + process.stderr


def test_timeouts_are_retried_then_reported(make_sandbox, tmp_path):
    sandbox = make_sandbox(latency=1.5)
    run = run_tap(tap_config(sandbox, request_timeout=0.3, max_retries=1), tmp_path, expect_exit=1)
    assert_one_line_failure(
        run, "no whole answer within 0.3 s", "after 2 attempts", "/master-inbox/inbox-replies"
    )


def test_exhausted_retries_name_status_path_and_attempts(make_sandbox, tmp_path):
    sandbox = make_sandbox(forced_error=(503, {"message": "down"}))
    run = run_tap(tap_config(sandbox, max_retries=2, max_concurrency=1), tmp_path, expect_exit=1)
    assert_one_line_failure(run, "HTTP 503", "POST /master-inbox/inbox-replies", "after 3 attempts")
    assert len(sandbox.pages) == 3  # one request at a time: the window probe waits for a first page


def test_other_client_errors_are_not_retried(make_sandbox, tmp_path):
    sandbox = make_sandbox(forced_error=(403, {"message": "Plan does not include the API"}))
    run = run_tap(tap_config(sandbox, max_concurrency=1), tmp_path, expect_exit=1)
    assert_one_line_failure(run, "HTTP 403", "Plan does not include the API")
    assert len(sandbox.pages) == 1


def test_the_api_key_never_appears_anywhere_even_at_debug_level(tmp_path):
    secret = "sk-live-SECRET-5f2e9a"
    port = free_port()
    config = {"api_key": secret, "api_url": f"http://127.0.0.1:{port}/api/v1", "max_retries": 1}
    run = run_tap_process(  # the key in nothing the process writes
        config, tmp_path, env={"TAP_SMARTLEAD_INBOX_LOGLEVEL": "DEBUG", "LOGLEVEL": "DEBUG"}, expect_exit=1
    )
    assert_one_line_failure(run, f"nothing is listening at 127.0.0.1:{port}")
    assert "DEBUG" in run.stderr, "the run must really log at debug level"
    assert secret not in run.stdout + run.stderr


def test_the_api_key_is_masked_in_debug_logs_of_a_good_run(sandbox, tmp_path):
    config = tap_config(sandbox)
    run = run_tap_process(config, tmp_path, env={"LOGLEVEL": "DEBUG"})
    assert run.records("email_history")
    assert config["api_key"] not in run.stdout + run.stderr
    assert "[REDACTED]" in run.stderr, "urllib3 logs the request line at debug level, masked"


@pytest.mark.parametrize("secret", [" sk-live-Spaces-5f2e9a \n", "sk+live/Enc=oded key&5f2e9a"])
def test_a_key_with_spaces_or_url_special_characters_is_masked_too(tmp_path, secret):
    port = free_port()
    config = {"api_key": secret, "api_url": f"http://127.0.0.1:{port}/api/v1", "max_retries": 0}
    run = run_tap_process(config, tmp_path, env={"LOGLEVEL": "DEBUG"}, expect_exit=1)
    assert_one_line_failure(run, f"nothing is listening at 127.0.0.1:{port}")
    output = run.stdout + run.stderr
    from urllib.parse import quote, quote_plus

    for form in (secret.strip(), quote(secret.strip(), safe=""), quote_plus(secret.strip())):
        assert form not in output


def test_a_config_file_that_is_not_json_is_one_line(tmp_path):
    bad = tmp_path / "config.json"
    bad.write_text("api_key: nope")
    process = run_tap_file(bad, timeout=60, expect_exit=2)
    assert "Traceback" not in process.stderr
    assert (
        process.stderr.strip()
        .splitlines()[-1]
        .startswith("tap-smartlead-inbox: error: cannot read the settings: not valid JSON")
    )


def test_settings_from_environment_variables_are_typed(sandbox, tmp_path):
    env = {
        "TAP_SMARTLEAD_INBOX_API_KEY": "sandbox-key-0123456789",
        "TAP_SMARTLEAD_INBOX_API_URL": sandbox.url,
        "TAP_SMARTLEAD_INBOX_RPS": "50",
        "TAP_SMARTLEAD_INBOX_LIMIT_PER_PAGE": "10",
        "TAP_SMARTLEAD_INBOX_DEFAULT_FILTERS": "false",
    }
    process = run_tap_file("ENV", env=env)
    assert '"type":"RECORD"' in process.stdout.replace(" ", ""), "the run wrote records"
    pages = [r for r in sandbox.pages if r.body["limit"] != 1]  # one-row requests probe the window plan
    assert pages and {r.body["limit"] for r in pages} == {10}
