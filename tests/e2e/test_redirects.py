"""A redirect never carries the key beyond api_url's scheme, host and port.

The sandbox answers with a redirect to a second listener (the recorder) that keeps
everything it receives and would answer like the API, so a client that followed
would succeed: the run must stop instead, and the recorder must receive nothing.
"""

from __future__ import annotations

import json
import time
from collections import Counter

import pytest

from smartlead_sandbox import SANDBOX_KEY
from smartlead_sandbox.server import TLS_DIR
from tests.conftest import run_tap, tap_config
from tests.e2e.test_errors import assert_one_line_failure


def settled_log(sandbox, at_least: int = 1):
    """The sandbox's log once it holds ``at_least`` requests: an answer is logged just
    after it is sent, so a tap that stops at once can exit before the entry exists."""
    deadline = time.monotonic() + 10
    while len(sandbox.log) < at_least and time.monotonic() < deadline:
        time.sleep(0.01)
    return list(sandbox.log)


def assert_not_retried(log, status: int) -> None:
    """The requests already out when the first redirect came (the first pages, the
    window probe, the category list's GET read alongside them) were each redirected once,
    and none was sent again. A request cut off as the tap exited is logged with status -1
    and no body."""
    answered = [r for r in log if r.status != -1]
    assert answered and all(r.status == status for r in answered)
    asked = [(r.method, r.path, *((r.body["offset"], r.body["limit"]) if r.body else ())) for r in answered]
    assert len(asked) == len(set(asked)), "a redirect is not retried"


def assert_key_kept(run, sandbox) -> None:
    assert sandbox.recorder.received == [], "no request of any kind reached the other origin"
    assert SANDBOX_KEY not in run.stdout + run.stderr


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_to_another_origin_stops_the_run_and_names_only_its_host(make_sandbox, tmp_path, status):
    sandbox = make_sandbox(redirect=f"cross-origin-{status}")
    run = run_tap(tap_config(sandbox, max_retries=2), tmp_path, expect_exit=1)
    target = f"http://127.0.0.1:{sandbox.recorder.port}"
    assert_one_line_failure(run, f"redirected (HTTP {status}) to another address, {target}", "api_url")
    assert "?" not in run.last_stderr_line, "the target's query (the key) is never quoted"
    assert_key_kept(run, sandbox)
    assert_not_retried(settled_log(sandbox), status)


def test_a_redirect_that_starts_mid_run_ends_on_the_last_checkpoint(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=400, redirect="cross-origin-307", redirect_after=20)
    run = run_tap(tap_config(sandbox, window_pages=3, max_concurrency=1), tmp_path, expect_exit=1)
    assert_one_line_failure(run, "redirected (HTTP 307) to another address")
    assert_key_kept(run, sandbox)
    assert run.checkpoints(), "windows completed before the redirect are checkpointed"
    assert run.messages[-1]["type"] == "STATE", "the output ends on the last checkpoint"
    emitted = {r["email_lead_map_id"] for r in run.records("inbox_replies")}
    assert 0 < len(emitted) < len(sandbox.expected())


@pytest.mark.parametrize("redirect", ["downgrade", "downgrade-same-port"])
def test_https_is_never_downgraded_to_http(make_sandbox, tmp_path, redirect):
    sandbox = make_sandbox(tls=True, redirect=redirect)
    # The sandbox's certificate is trusted for this run only, so the request reaches it.
    env = {"REQUESTS_CA_BUNDLE": str(TLS_DIR / "cert.pem")}
    run = run_tap(tap_config(sandbox, max_retries=1), tmp_path, env=env, expect_exit=1)
    assert_one_line_failure(run, "from https to plain http at 127.0.0.1", "never sent unencrypted")
    assert_key_kept(run, sandbox)
    assert_not_retried(settled_log(sandbox), 308)


def test_a_redirect_within_the_same_origin_is_followed_with_the_same_request(make_sandbox, tmp_path):
    sandbox = make_sandbox(redirect="same-origin-307")
    run = run_tap(tap_config(sandbox), tmp_path)
    assert len(run.records("inbox_replies")) == len(sandbox.expected())
    moved = [r for r in sandbox.log if r.path.startswith("/moved/")]
    redirected = [r for r in sandbox.log if r.status == 307]
    assert moved and all(r.status == 200 for r in moved)
    # Each request sent again carries the body of one that was redirected (a request past
    # the end may be redirected and then not needed any more).
    assert Counter(json.dumps(r.body) for r in moved) <= Counter(json.dumps(r.body) for r in redirected)
