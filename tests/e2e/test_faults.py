"""Under faults nothing is lost: a faulty API is survived, and a run that gives up leaves
a checkpoint from which the next run completes the export."""

from __future__ import annotations

import json
import threading

from smartlead_sandbox import SANDBOX_KEY
from tap_smartlead_inbox.client.limiter import RateLimiter
from tap_smartlead_inbox.client.transport import Transport, _Failure
from tap_smartlead_inbox.config.filters import REPLY_TIME_FILTER
from tap_smartlead_inbox.reading.pages import Query, iter_pages
from tests.conftest import emails_of, run_tap, tap_config, write_state


def test_with_every_kind_of_fault_each_lead_and_email_is_exported_exactly_once(make_sandbox, tmp_path):
    # The mix, from a fixed seed so that a failure can be replayed.
    sandbox = make_sandbox(
        leads=300,
        p_500=0.10,
        p_drop=0.03,
        p_truncate=0.05,
        p_429=0.05,
        fault_seed=2026,
        rate_limit_hint="body",
    )
    run = run_tap(tap_config(sandbox, window_pages=3, max_retries=8), tmp_path, timeout=300)

    statuses = {r.status for r in sandbox.log}
    assert {500, 429, 0}.issubset(statuses) or {500, 429, -1}.issubset(statuses), statuses
    ids = [r["email_lead_map_id"] for r in run.records("inbox_replies")]
    assert sorted(ids) == sorted(lead["email_lead_map_id"] for lead in sandbox.expected())
    keys = [(r["email_lead_map_id"], r["email_key"]) for r in run.records("email_history")]
    assert len(keys) == len(set(keys)) == emails_of(sandbox.expected())


def test_exhausted_retries_end_the_run_after_its_last_checkpoint_and_a_rerun_completes(
    make_sandbox, tmp_path
):
    sandbox = make_sandbox(leads=300, outage_after=18)
    config = tap_config(sandbox, window_pages=2, max_retries=1, max_concurrency=2)
    failed = run_tap(config, tmp_path, expect_exit=1)

    assert "Traceback" not in failed.stderr
    line = failed.last_stderr_line
    assert line.startswith("tap-smartlead-inbox: error: ")
    assert "HTTP 503" in line and "/master-inbox/inbox-replies" in line and "after 2 attempts" in line
    assert failed.checkpoints(), "windows completed before the outage left a checkpoint"
    last_message = json.loads(failed.stdout.strip().splitlines()[-1])
    assert last_message["type"] == "STATE", "the last checkpoint is the last thing written"

    sandbox.config.outage_after = 0  # the API is back
    rerun = run_tap(config, tmp_path, "--state", write_state(tmp_path, failed.checkpoints()[-1]))
    union = {r["email_lead_map_id"] for run in (failed, rerun) for r in run.records("inbox_replies")}
    assert union == {lead["email_lead_map_id"] for lead in sandbox.expected()}
    emails = {
        (r["email_lead_map_id"], r["email_key"])
        for run in (failed, rerun)
        for r in run.records("email_history")
    }
    assert len(emails) == emails_of(sandbox.expected())


class _FirstPageFailsSlowly(Transport):
    """The real transport against the sandbox, except that the first attempt at offset 0
    fails only once more than four later pages have gone out (or after ten seconds, if they
    never do): the time a page can spend failing and being retried."""

    def __init__(self, sandbox) -> None:
        super().__init__(sandbox.url, SANDBOX_KEY, RateLimiter(50.0), max_in_flight=4)
        self.sent: list[tuple[int, int]] = []  # (offset, attempt at it)
        self._sent_one = threading.Condition()

    def _send(self, request):
        body = request.body
        with self._sent_one:
            attempt = 1 + sum(1 for offset, _ in self.sent if offset == body["offset"])
            self.sent.append((body["offset"], attempt))
            self._sent_one.notify_all()
            if body["offset"] == 0 and attempt == 1:
                self._sent_one.wait_for(lambda: len({o for o, _ in self.sent if o > 0}) > 4, timeout=10)
                return _Failure("HTTP 503")
        return super()._send(request)


def test_pages_after_a_failing_one_go_on_while_it_is_retried(make_sandbox):
    sandbox = make_sandbox(leads=300, latency=0.02)
    transport = _FirstPageFailsSlowly(sandbox)
    query = Query("/master-inbox/inbox-replies", {}, {}, "REPLY_TIME_DESC", 20, REPLY_TIME_FILTER)
    pages = list(iter_pages(transport, query, 4))
    assert [row["email_lead_map_id"] for page in pages for row in page.rows] == [
        lead["email_lead_map_id"] for lead in sandbox.expected()
    ], "every lead, in order, once"
    retry = transport.sent.index((0, 2))
    sent_meanwhile = {offset for offset, _ in transport.sent[:retry] if offset > 0}
    # At most four in flight, but pages already in do not count against them (up to
    # max_concurrency are held): while offset 0 fails, more than four later pages go out.
    assert len(sent_meanwhile) > 4, transport.sent[: retry + 1]
