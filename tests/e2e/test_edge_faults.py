"""What an API behind a CDN does to a run: error pages, odd rate-limit answers, slow or
huge or absurd bodies. Each case ends with every lead delivered, or one clear line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from smartlead_sandbox import SANDBOX_KEY
from tests.conftest import TapRun, check_exit, eventually, run_tap, tap_config
from tests.e2e.test_errors import assert_one_line_failure
from tests.support.paths import ROOT


def assert_everything_delivered(run, sandbox) -> None:
    assert run.returncode == 0, run.last_stderr_line
    assert "Traceback" not in run.stderr
    expected = {lead["email_lead_map_id"] for lead in sandbox.expected()}
    assert {r["email_lead_map_id"] for r in run.records("inbox_replies")} == expected


# --- the CDN's error pages ---------------------------------------------------------


def test_cdn_error_pages_are_retried_until_every_lead_is_in(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=150, p_edge=0.25, fault_seed=4)
    run = run_tap(tap_config(sandbox, max_retries=8), tmp_path)
    assert_everything_delivered(run, sandbox)
    edge = {r.status for r in sandbox.log} - {200}
    assert edge and edge <= {502, 503, 504, 520, 521, 522, 523, 524, 529}


@pytest.mark.parametrize("status", [502, 503, 504, 520, 521, 522, 523, 524, 529])
def test_every_edge_status_is_retried_and_the_line_quotes_a_short_tag_free_excerpt(
    make_sandbox, tmp_path, status
):
    sandbox = make_sandbox(edge_answers=100, edge_statuses=(status,))
    run = run_tap(tap_config(sandbox, max_retries=1), tmp_path, expect_exit=1)
    assert_one_line_failure(run, "after 2 attempts", f"HTTP {status} (127.0.0.1 | {status}: ")
    line = run.last_stderr_line
    assert "<" not in line and ">" not in line and len(line) < 250


# --- rate-limit answers in odd shapes ------------------------------------------------


def test_406_with_rate_limit_marks_is_waited_out_like_429(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=400, rate_limit=(10, 2.0), rate_limit_status=406)
    run = run_tap(tap_config(sandbox, rps=20), tmp_path)
    assert_everything_delivered(run, sandbox)
    assert any(r.status == 406 for r in sandbox.log), "the plan was hit, and answered 406"


def test_a_plain_406_is_an_error_not_a_rate_limit(make_sandbox, tmp_path):
    sandbox = make_sandbox(forced_error=(406, {"message": "Not Acceptable"}))
    run = run_tap(tap_config(sandbox), tmp_path, expect_exit=1)
    assert_one_line_failure(run, "HTTP 406 on POST /master-inbox/inbox-replies: Not Acceptable")


@pytest.mark.parametrize("hint", ["nan", "bogus"])
def test_unreadable_rate_limit_hints_fall_back_to_backoff(make_sandbox, tmp_path, hint):
    sandbox = make_sandbox(leads=400, rate_limit=(10, 2.0), rate_limit_hint=hint)
    run = run_tap(tap_config(sandbox, rps=20), tmp_path)
    assert_everything_delivered(run, sandbox)
    assert any(r.status == 429 for r in sandbox.log)


# --- bodies: slow, huge, absurd ------------------------------------------------------


@pytest.mark.parametrize("drip_headers", [False, True])
def test_a_dripped_answer_is_cut_at_the_deadline_and_asked_again(make_sandbox, tmp_path, drip_headers):
    # 10 bytes a second: the page would take minutes; each read is far under the timeout.
    sandbox = make_sandbox(drip_answers=1, drip_chunk=1, drip_interval=0.1, drip_headers=drip_headers)
    run = run_tap(tap_config(sandbox, request_timeout=2), tmp_path)
    assert_everything_delivered(run, sandbox)
    # The dripping answer is logged once the server finds its client gone.
    cut = eventually(lambda: [r.cut_after for r in sandbox.log if r.cut_after is not None])
    assert len(cut) == 1 and cut[0] < 10, "the client hung up at its deadline, long before the drip ended"
    assert "no whole answer within 2 s" in run.stderr


def test_a_request_that_never_completes_ends_in_one_line(make_sandbox, tmp_path):
    sandbox = make_sandbox(drip_answers=100, drip_interval=0.2)
    run = run_tap(tap_config(sandbox, request_timeout=1, max_retries=1), tmp_path, expect_exit=1)
    assert_one_line_failure(run, "after 2 attempts: no whole answer within 1 s")


def run_tap_measured(config: dict, tmp_path, *, expect_exit: int | None = 0) -> tuple[TapRun, int]:
    """The tap's run and its own peak resident memory in MB (a wrapper process has it
    as its only child, so no other test's processes count)."""
    config_file = tmp_path / "config.json"
    config_file.write_text(json.dumps(config))
    wrapper = (
        "import resource, subprocess, sys\n"
        "code = subprocess.call([sys.executable, '-m', 'tap_smartlead_inbox', '--config', sys.argv[1]])\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    process = subprocess.run(
        [sys.executable, "-c", wrapper, str(config_file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    *stderr, peak = process.stderr.strip().splitlines()
    check_exit(process.returncode, expect_exit, process.stderr)
    messages = [json.loads(line) for line in process.stdout.splitlines() if line.startswith("{")]
    return TapRun(process.returncode, process.stdout, "\n".join(stderr), messages), int(peak)


def test_a_body_that_inflates_past_the_cap_is_an_error_not_an_out_of_memory(make_sandbox, tmp_path):
    sandbox = make_sandbox(gzip_answers=100, gzip_mb=300)
    # One request at a time, so the peak is one capped body (64 MB) on top of the tap's own.
    run, peak_mb = run_tap_measured(tap_config(sandbox, max_concurrency=1), tmp_path, expect_exit=1)
    assert_one_line_failure(
        run, "POST /master-inbox/inbox-replies answered a body over 64 MB once decompressed"
    )
    assert peak_mb < 250, f"the tap held {peak_mb} MB: the 300 MB body was inflated"


def test_the_cap_is_a_setting(make_sandbox, tmp_path):
    over = make_sandbox(gzip_answers=100, gzip_mb=3)
    assert_one_line_failure(
        run_tap(tap_config(over, max_response_mb=2), tmp_path, expect_exit=1),
        "over 2 MB once decompressed",
        "max_response_mb",
    )
    # Under the cap, the 3 MB answer (an empty page with padding) is read, doubted, and asked again.
    under = make_sandbox(gzip_answers=1, gzip_mb=3)
    assert_everything_delivered(run_tap(tap_config(under, max_response_mb=4), tmp_path), under)


@pytest.mark.parametrize("levels", [100_000, 500])
def test_absurdly_deep_json_is_a_malformed_answer_that_is_asked_again(make_sandbox, tmp_path, levels):
    sandbox = make_sandbox(deep_answers=1, deep_levels=levels)
    run = run_tap(tap_config(sandbox), tmp_path)
    assert_everything_delivered(run, sandbox)
    assert "JSON nested deeper than 64 levels" in run.stderr


def test_deep_json_every_time_ends_in_one_line(make_sandbox, tmp_path):
    sandbox = make_sandbox(deep_answers=100)
    run = run_tap(tap_config(sandbox, max_retries=1), tmp_path, expect_exit=1)
    assert_one_line_failure(run, "after 2 attempts: HTTP 200 with JSON nested deeper than 64 levels")
    assert SANDBOX_KEY not in run.stderr
