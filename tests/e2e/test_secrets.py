"""The API key never leaks: not in output or logs at DEBUG level, in any failure, nor in
STATE or records; and TLS certificates are always checked before the key is sent."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, quote_plus

import pytest

from tests.conftest import run_tap, run_tap_process, tap_config
from tests.e2e.test_errors import free_port

SECRET = "sk-live-SECRET-9f3a7c1d"
FORMS = (SECRET, quote(SECRET, safe=""), quote_plus(SECRET))
DEBUG = {"LOGLEVEL": "DEBUG", "TAP_SMARTLEAD_INBOX_LOGLEVEL": "DEBUG"}

# Each failure the tap reports, with the sandbox (or none) and the settings that cause it.
SCENARIOS: dict[str, tuple[dict[str, Any] | None, dict[str, Any]]] = {
    "wrong key (401)": ({}, {}),
    "validation error (422)": ({"api_key": SECRET, "forced_error": (422, {"error": "bad filter"})}, {}),
    "nothing listening": (None, {}),
    "timeouts": ({"api_key": SECRET, "latency": 1.5}, {"request_timeout": 0.3, "max_retries": 1}),
    "exhausted retries": (
        {"api_key": SECRET, "forced_error": (503, {"message": "down"})},
        {"max_retries": 1},
    ),
    "faults survived": (
        {"api_key": SECRET, "p_500": 0.2, "p_drop": 0.1, "p_truncate": 0.1, "p_429": 0.1, "fault_seed": 5},
        {"max_retries": 10},
    ),
    "untrusted TLS certificate": ({"api_key": SECRET, "tls": True}, {}),
    "invalid setting": ({"api_key": SECRET}, {"rps": 0}),
}


# How each scenario ends: its exit code and what its last line says (the run got that far).
OUTCOMES: dict[str, tuple[int, str]] = {
    "wrong key (401)": (1, "invalid API key"),
    "validation error (422)": (1, "bad filter"),
    "nothing listening": (1, "nothing is listening at 127.0.0.1:"),
    "timeouts": (1, "no whole answer within 0.3 s"),
    "exhausted retries": (1, "HTTP 503"),
    "faults survived": (0, "Summary:"),
    "untrusted TLS certificate": (1, "the TLS certificate of 127.0.0.1:"),
    "invalid setting": (2, "setting 'rps'"),
}


def test_every_scenario_says_how_it_ends():
    assert OUTCOMES.keys() == SCENARIOS.keys()


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_key_is_in_no_output_at_debug_level_whatever_fails(make_sandbox, tmp_path, scenario):
    sandbox_settings, tap_settings = SCENARIOS[scenario]
    if sandbox_settings is None:
        config = {"api_url": f"http://127.0.0.1:{free_port()}/api/v1", "max_retries": 1}
    else:
        config = tap_config(make_sandbox(**sandbox_settings))
    config.update(api_key=SECRET, **tap_settings)
    exit_code, says = OUTCOMES[scenario]
    # A process: the key must be in nothing it writes, however the text gets out.
    run = run_tap_process(config, tmp_path, env=DEBUG, timeout=300, expect_exit=exit_code)
    assert says in (run.last_stderr_line if exit_code else run.stderr), run.stderr[-2000:]
    if not exit_code:
        assert run.records("email_history")
    output = run.stdout + run.stderr
    assert "DEBUG" in output or scenario == "invalid setting", "the run must really log at debug level"
    for form in FORMS:
        assert form not in output, f"{scenario}: the key leaked"


def test_a_good_run_keeps_the_key_out_of_records_and_state(make_sandbox, tmp_path):
    sandbox = make_sandbox(api_key=SECRET, leads=40)
    run = run_tap_process({**tap_config(sandbox), "api_key": SECRET}, tmp_path, env=DEBUG)
    assert run.records("email_history") and run.states()
    assert all(form not in run.stdout for form in FORMS)
    assert "[REDACTED]" in run.stderr, "urllib3's request line is logged, with the key masked"


def test_an_untrusted_certificate_stops_the_run_before_any_request(make_sandbox, tmp_path):
    sandbox = make_sandbox(api_key=SECRET, tls=True)
    run = run_tap({**tap_config(sandbox), "api_key": SECRET}, tmp_path, expect_exit=1)
    assert "Traceback" not in run.stderr
    assert run.last_stderr_line.startswith("tap-smartlead-inbox: error: the TLS certificate of 127.0.0.1:")
    assert "cannot be turned off" in run.last_stderr_line
    assert sandbox.log == [], "no request (and so no key) reached the server"
