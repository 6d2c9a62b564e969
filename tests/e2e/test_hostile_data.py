"""Hostile data: odd rows are read as far as possible, nothing crashes, and every kind of
anomaly is counted in one warning line at the end."""

from __future__ import annotations

import re

from smartlead_sandbox.hostile import DEEP_HTML_BODY, DEEP_HTML_TAIL, LARGE_BODY
from tests.conftest import run_tap, tap_config


def test_hostile_rows_are_kept_with_what_can_be_read_and_counted_once(make_sandbox, tmp_path):
    # 61: the last page is short but not empty, so it carries the extras (a repeated lead, a row
    # that is not an object) whatever pages the read asks for; with 60 only a re-read did.
    sandbox = make_sandbox(leads=61, hostile=True)
    run = run_tap(tap_config(sandbox), tmp_path, timeout=300)
    assert "Traceback" not in run.stderr

    keyed = [lead for lead in sandbox.expected() if lead["email_lead_map_id"] is not None]
    ids = [r["email_lead_map_id"] for r in run.records("inbox_replies")]
    assert sorted(ids) == sorted(lead["email_lead_map_id"] for lead in keyed), "every lead with an id, once"

    by_lead = {r["email_lead_map_id"]: r for r in run.records("inbox_replies")}
    emails = run.records("email_history")
    null_history = next(lead for lead in keyed if lead["email_history"] is None)
    assert by_lead[null_history["email_lead_map_id"]]["email_lead_map_id"]
    assert not [e for e in emails if e["email_lead_map_id"] == null_history["email_lead_map_id"]]
    large = [e for e in emails if len(e["email_body_html"] or "") == len(LARGE_BODY)]
    assert len(large) == 1 and len(large[0]["email_body_text"]) == 5_000_000
    assert any(e["history_subject"] == "\ufffd\ufffdBAD" for e in emails), "bad bytes become U+FFFD"
    assert any("Unclosed &" in (e["email_body_text"] or "") for e in emails)
    deep = [e for e in emails if e["email_body_html"] == DEEP_HTML_BODY]
    assert len(deep) == 1, "the body nested 400 levels deep"
    assert deep[0]["email_body_text"] == f"Thanks, let us talk.\nDeep inside\n{DEEP_HTML_TAIL}"
    assert deep[0]["reply_text"] == deep[0]["email_body_text"]

    lines = [line for line in run.stderr.splitlines() if "Data anomalies" in line]
    assert len(lines) == 1
    line = lines[0]
    for kind in (
        r"1 rows that are not objects",
        r"1 rows without a lead id",
        r"1 leads repeated on one page",
        r"2 histories that are null or not a list",
        r"1 history items that are not objects",
        r"\d+ emails without a readable time",
        r"\d+ emails without a body",
        r"1 bodies over 1 MB",
        r"3 values of the wrong type",
        r"1 unreadable dates",
        r"\d+ responses with invalid UTF-8",
        r"1 HTML bodies nested too deep for the parser \(text read flat\)",
    ):
        assert re.search(kind, line), (kind, line)
