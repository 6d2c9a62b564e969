"""Retries against the sandbox: faults are survived, and the server's pauses are honoured."""

from __future__ import annotations

import pytest

from tests.conftest import emails_of, run_tap, tap_config


def test_faults_are_retried_and_nothing_is_lost_or_doubled(make_sandbox, tmp_path):
    sandbox = make_sandbox(p_500=0.15, p_drop=0.1, p_truncate=0.15, fault_seed=11, leads=100)
    run = run_tap(tap_config(sandbox, max_retries=8, limit_per_page=5), tmp_path)
    statuses = [r.status for r in sandbox.log]
    assert 500 in statuses and 0 in statuses, "the seed must really inject faults"
    assert len(run.records("email_history")) == emails_of(sandbox.expected())
    keys = [(r["email_lead_map_id"], r["email_key"]) for r in run.records("email_history")]
    assert len(keys) == len(set(keys))


def test_a_truncated_json_body_is_retried(make_sandbox, tmp_path):
    sandbox = make_sandbox(p_truncate=0.5, fault_seed=3, leads=30)
    run = run_tap(tap_config(sandbox, max_retries=10), tmp_path)
    assert "cut-off or non-JSON body" in run.stderr
    assert len(run.records("inbox_replies")) == 30


@pytest.mark.parametrize("hint", ["retry-after", "retry-after-date", "reset-epoch", "body"])
def test_every_kind_of_rate_limit_hint_is_honoured(make_sandbox, tmp_path, hint):
    sandbox = make_sandbox(rate_limit=(3, 1.0), rate_limit_hint=hint, leads=100)
    run = run_tap(tap_config(sandbox, rps=50, max_retries=10), tmp_path)
    assert len(run.records("inbox_replies")) == 100
    log = sandbox.log
    limited = [r.at for r in log if r.status == 429]
    assert limited, "the run must have hit the limit"
    # Every hint says "at least 1 s" and pauses every worker: after a 429 only the
    # requests already on their way (sent within moments) may arrive before then.
    for at in limited:
        early = [r for r in log if at + 0.25 < r.at < at + 0.9]
        assert early == []
