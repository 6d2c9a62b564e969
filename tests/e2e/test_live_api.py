"""What live Smartlead accounts do that the docs do not say, end to end against the
sandbox: labels set after the reply, lists that grow while they are read, answers
that are empty or say they failed, offsets past the end clamped, and half emojis.
Each run either delivers every lead or exits non-zero with one line."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from smartlead_sandbox import live
from tap_smartlead_inbox.core.timeutil import UTC
from tests.conftest import run_tap, tap_config, write_state
from tests.e2e.test_sent_stream import selecting

OUT_OF_OFFICE = 6


def keys(run, stream: str = "inbox_replies", *, allow_empty: bool = False) -> list[str]:
    return [record["email_lead_map_id"] for record in run.records(stream, allow_empty=allow_empty)]


def expected_keys(sandbox, *, sent: bool = False) -> set[str]:
    return {lead["email_lead_map_id"] for lead in sandbox.expected(sent=sent)}


def email_keys(run, map_id: str) -> set[str]:
    return {r["email_key"] for r in run.records("email_history") if r["email_lead_map_id"] == map_id}


def record_of(run, map_id: str) -> dict:
    return next(r for r in run.records("inbox_replies") if r["email_lead_map_id"] == map_id)


# --- labels and flags set after the reply --------------------------------------------


def _replied_hours_ago(sandbox, hours: float, category: int | None):
    """A lead that replied ``hours`` ago, labelled ``category`` for now."""
    map_id = sandbox.expected()[10]["email_lead_map_id"]
    sandbox.inbox.add_reply(map_id, datetime.now(UTC) - timedelta(hours=hours))
    live.relabel(sandbox.inbox, map_id, category)
    return map_id


@pytest.mark.parametrize(("recheck_window", "found"), [(None, True), ("PT0S", False)])
def test_a_lead_labelled_out_of_office_after_a_run_is_exported_by_the_next(
    make_sandbox, tmp_path, recheck_window, found
):
    sandbox = make_sandbox(leads=100)
    late = _replied_hours_ago(sandbox, 20, category=None)  # not labelled yet
    config = tap_config(sandbox, default_filters=True)
    first = run_tap(config, tmp_path)
    assert late not in keys(first), "unlabelled, it is not an Out Of Office lead yet"

    live.relabel(sandbox.inbox, late, OUT_OF_OFFICE)  # Smartlead's AI labels it after the run
    if recheck_window:
        config["recheck_window"] = recheck_window
    second = run_tap(config, tmp_path, "--state", write_state(tmp_path, first.states()[-1]))
    assert (late in keys(second, allow_empty=not found)) is found
    if found:
        assert record_of(second, late)["lead_category_id"] == OUT_OF_OFFICE
        assert {r["email_lead_map_id"] for r in second.records("email_history")} == {late}


def test_a_relabelled_lead_and_its_changed_flags_come_again_with_the_same_keys(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=100)
    lead = _replied_hours_ago(sandbox, 3, category=1)
    first = run_tap(tap_config(sandbox), tmp_path)
    assert record_of(first, lead)["lead_category_id"] == 1

    live.relabel(
        sandbox.inbox,
        lead,
        3,
        is_important=True,
        is_archived=True,
        has_new_unread_email=False,
        lead_status="COMPLETED",
    )
    second = run_tap(tap_config(sandbox), tmp_path, "--state", write_state(tmp_path, first.states()[-1]))
    again = record_of(second, lead)
    assert (again["lead_category_id"], again["is_important"], again["is_archived"]) == (3, True, True)
    assert (again["has_new_unread_email"], again["lead_status"]) == (False, "COMPLETED")
    assert email_keys(second, lead) == email_keys(first, lead), "the same keys, so a target upserts the rows"
    assert "Re-checking leads whose last reply is since" in second.stderr


# --- lists that grow while they are read -----------------------------------------------


@pytest.mark.parametrize(
    "shape", [{"shape": "documented", "total_count": True}, {"shape": "flat", "flat_total": True}]
)
def test_leads_pushed_past_the_first_total_by_new_replies_are_still_read(make_sandbox, tmp_path, shape):
    sandbox = make_sandbox(leads=300, churn_every=2, churn_pick="new", churn_burst=2, **shape)
    at_start = expected_keys(sandbox)
    run = run_tap(tap_config(sandbox, max_concurrency=4), tmp_path)
    assert len(sandbox.inbox.leads) > 300 * 1.25 + 10, "new leads arrived during the run"
    assert at_start <= set(keys(run)), f"lost {len(at_start - set(keys(run)))}"
    assert len(keys(run)) == len(set(keys(run)))


@pytest.mark.parametrize(
    "shape", [{"shape": "documented", "total_count": True}, {"shape": "flat", "flat_total": True}]
)
def test_sent_leads_pushed_past_the_first_total_by_new_leads_are_still_read(make_sandbox, tmp_path, shape):
    sandbox = make_sandbox(leads=300, churn_every=2, churn_pick="new", churn_event="send", **shape)
    at_start = expected_keys(sandbox, sent=True)
    config = tap_config(sandbox, max_concurrency=4)
    run = run_tap(config, tmp_path, "--catalog", selecting(config, tmp_path, "sent_emails"))
    got = keys(run, "sent_emails")
    assert at_start <= set(got), f"lost {len(at_start - set(got))}"
    assert len(got) == len(set(got))


# --- answers not to be trusted ---------------------------------------------------------


def test_an_empty_first_answer_on_a_full_export_is_asked_again(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=60, empty_answers=1)
    run = run_tap(tap_config(sandbox, max_concurrency=1), tmp_path)  # the first answer is the first page
    assert run.returncode == 0, run.stderr[-800:]
    assert set(keys(run)) == expected_keys(sandbox)
    first, second = sandbox.pages[:2]
    assert first.body == second.body, "the same first page, asked twice"
    assert "answered an empty first page, then 20 rows when asked again" in run.stderr


def test_a_full_export_that_reads_nothing_moves_no_bookmark_and_says_what_it_asked(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=60, empty_answers=2)  # the glitch repeats: believed, but not bookmarked
    run = run_tap(tap_config(sandbox, max_concurrency=1), tmp_path)
    assert keys(run, allow_empty=True) == [] and len(sandbox.pages) == 2
    assert all("replication_key_value" not in str(state) for state in run.states())
    assert "Read nothing: no lead matches the filters with a last reply between 1970-01-01T00:00:00.000Z" in (
        run.stderr
    )
    rerun = run_tap(tap_config(sandbox), tmp_path, "--state", write_state(tmp_path, run.states()[-1]))
    assert set(keys(rerun)) == expected_keys(sandbox), "the next run reads the whole history"


def test_an_incremental_run_that_reads_nothing_says_which_reply_times_it_asked_for(sandbox, tmp_path):
    first = run_tap(tap_config(sandbox), tmp_path)
    second = run_tap(tap_config(sandbox), tmp_path, "--state", write_state(tmp_path, first.states()[-1]))
    assert keys(second, allow_empty=True) == []
    assert "Read nothing: no lead matches the filters with a last reply between" in second.stderr
    assert "(from the bookmark in the state given)" in second.stderr


def test_answers_whose_body_says_they_failed_are_retried_not_read_as_empty(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=150, p_not_ok=0.2, fault_seed=5)
    run = run_tap(tap_config(sandbox), tmp_path)
    assert set(keys(run)) == expected_keys(sandbox)
    assert "body says the request failed (ok: false)" in run.stderr


def test_an_api_that_always_says_it_failed_ends_the_run_non_zero_with_the_cause(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=60, p_not_ok=1.0)
    run = run_tap(tap_config(sandbox, max_retries=1), tmp_path, expect_exit=1)
    assert run.last_stderr_line == (
        "tap-smartlead-inbox: error: gave up on POST /master-inbox/inbox-replies after 2 attempts: "
        "HTTP 200 but the body says the request failed (ok: false)"
    )
    assert run.records("inbox_replies", allow_empty=True) == []


def test_offsets_clamped_to_the_last_page_stop_the_run_non_zero_at_once(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=60, offsets="clamp")
    run = run_tap(tap_config(sandbox), tmp_path, timeout=60, expect_exit=1)
    assert "ignores or clamps offsets" in run.last_stderr_line
    assert run.last_stderr_line.startswith("tap-smartlead-inbox: error: POST /master-inbox/inbox-replies")
    assert "Traceback" not in run.stderr
    assert len(sandbox.pages) < 15, "a few repeats, not hundreds of requests"


# --- text the API cut in half ------------------------------------------------------------


def test_half_an_emoji_is_replaced_and_counted_and_the_run_goes_on(make_sandbox, tmp_path):
    sandbox = make_sandbox(leads=60, surrogates=True)
    run = run_tap(tap_config(sandbox), tmp_path)
    assert set(keys(run)) == expected_keys(sandbox)
    run.stdout.encode("utf-8")  # strict: every string written is valid UTF-8
    names = [r["lead_first_name"] for r in run.records("inbox_replies")]
    assert names.count("Zoë\ufffd") == 3
    subjects = [r["history_subject"] for r in run.records("email_history")]
    assert subjects.count("Re: Great news \ufffd") == 3
    assert "6 strings holding half a UTF-16 pair (replaced by U+FFFD)" in run.stderr
