"""`meltano run tap-smartlead-inbox target-csv` writes the tidy CSV the replaced exporter did."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from smartlead_sandbox import SANDBOX_KEY
from tests.conftest import emails_of, eventually
from tests.support import pipelines
from tests.support.paths import ROOT

# The replaced exporter's columns (shared/SMARTLEAD_API.md), in its order.
SEED_COLUMNS = [
    "lead_category_id",
    "last_sent_time",
    "last_reply_time",
    "has_new_unread_email",
    "email_account_id",
    "revenue",
    "is_pushed_to_sub_sequence",
    "lead_first_name",
    "lead_last_name",
    "lead_email",
    "email_lead_id",
    "email_lead_map_id",
    "lead_status",
    "current_sequence_number",
    "sub_sequence_id",
    "old_replaced_lead_data",
    "lead_next_timestamp_to_send",
    "email_campaign_seq_id",
    "is_important",
    "is_archived",
    "is_snoozed",
    "team_member_id",
    "is_ooo_automated_push_lead",
    "email_campaign_id",
    "email_campaign_name",
    "client_id",
    "belongs_to_sub_sequence",
    "campaign_sending_tz",
    "campaign_sending_days",
    "campaign_sending_startHour",
    "campaign_sending_endHour",
    "sequence_count",
    "history_stats_id",
    "history_from",
    "history_to",
    "history_type",
    "history_message_id",
    "history_time",
    "history_subject",
    "history_email_seq_number",
    "history_open_count",
    "history_click_count",
    "history_click_details_json",
    "history_cc_joined",
    "email_body_html",
    "email_body_text",
    "thread_key",
    "thread_lead_id",
    "history_index",
    "history_count",
    "api_fetched_at",
    "source_endpoint",
    "api_sort_by",
    "api_filters_json",
    "page_offset",
    "page_limit",
]

pytestmark = pipelines.needs_meltano


def meltano_run(sandbox, out: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`meltano run tap-smartlead-inbox target-csv` against ``sandbox``, writing into ``out``;
    a failed run fails the test."""
    return pipelines.meltano_run(sandbox, "target-csv", *args, TARGET_CSV_OUTPUT_PATH=str(out), **env)


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    from smartlead_sandbox import Sandbox, SandboxConfig

    out = tmp_path_factory.mktemp("exports")
    sandbox = Sandbox(SandboxConfig(leads=80, rate_limit=(10, 2.0))).start()
    try:
        process = meltano_run(sandbox, out, "--full-refresh")
    finally:
        sandbox.stop()
    return sandbox, out, process


def read(path: Path, *, allow_empty: bool = False) -> tuple[list[str], list[dict[str, str]]]:
    """A CSV file's header and rows; no row is a failure unless the test checks for none."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header, rows = list(reader.fieldnames or []), list(reader)
    assert rows or allow_empty, f"{path.name} holds no row"
    return header, rows


STAMPED = re.compile(r"smartlead_inbox_export_(\d{8}_\d{6})_(\w+)\.csv")


def stamps(out: Path) -> dict[str, str]:
    """Each file's stream and its timestamp."""
    found = {}
    for path in out.iterdir():
        match = STAMPED.fullmatch(path.name)
        assert match, path.name
        found[match.group(2)] = match.group(1)
    return found


def test_one_file_per_stream_all_with_the_runs_one_timestamp(export):
    _, out, _ = export
    files = stamps(out)
    assert sorted(files) == ["email_history", "inbox_replies", "lead_categories"]
    assert len(set(files.values())) == 1


def next_second() -> None:
    """Return once the clock is in its next second."""
    later = int(time.time()) + 1
    assert eventually(lambda: time.time() >= later)


def test_the_csv_loader_gives_files_opened_seconds_apart_one_timestamp(tmp_path):
    """target-csv stamps a file when it opens it; the project's loader keeps the first
    file's stamp for the whole run, however far apart the streams start."""
    loader = ROOT / ".meltano" / "loaders" / "target-csv" / "venv" / "bin" / "target-csv-run-stamp"
    config = tmp_path / "config.json"
    config.write_text(
        json.dumps(
            {"output_path": str(tmp_path / "out"), "file_naming_scheme": "x_{timestamp}_{stream_name}.csv"}
        )
    )
    target = subprocess.Popen(
        [str(loader), "--config", str(config)], stdin=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert target.stdin
    for stream in ("first", "second"):
        schema = {"type": "object", "properties": {"id": {"type": "integer"}}}
        target.stdin.write(
            json.dumps({"type": "SCHEMA", "stream": stream, "schema": schema, "key_properties": ["id"]})
            + "\n"
        )
        target.stdin.write(json.dumps({"type": "RECORD", "stream": stream, "record": {"id": 1}}) + "\n")
        target.stdin.flush()
        next_second()  # the second stream opens in a later second
    target.stdin.close()
    assert target.wait(timeout=60) == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 2 and names[0].replace("_first.csv", "") == names[1].replace("_second.csv", "")


def test_dates_are_the_apis_own_text_as_in_the_replaced_exporters_file(export):
    sandbox, out, _ = export
    _, rows = read(next(out.glob("*_email_history.csv")))
    api_times = {item["time"] for lead in sandbox.expected() for item in lead["email_history"]}
    assert {r["history_time"] for r in rows} == api_times
    by_lead = {str(lead["email_lead_map_id"]): lead for lead in sandbox.expected()}
    for row in rows:
        assert row["last_reply_time"] == by_lead[row["email_lead_map_id"]]["last_reply_time"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", row["api_fetched_at"])


def test_every_date_column_of_every_stream_is_written_as_text(export):
    """The loader's stream maps name each date-time property; a new one must be added."""
    import yaml

    from tap_smartlead_inbox.inbox.schemas import (
        EMAIL_HISTORY_SCHEMA,
        INBOX_REPLIES_SCHEMA,
        LEAD_CATEGORIES_SCHEMA,
        SENT_EMAILS_SCHEMA,
    )

    project = yaml.safe_load((ROOT / "meltano.yml").read_text())
    loader = next(p for p in project["plugins"]["loaders"] if p["name"] == "target-csv")
    maps = loader["config"]["stream_maps"]
    schemas = {
        "lead_categories": LEAD_CATEGORIES_SCHEMA,
        "inbox_replies": INBOX_REPLIES_SCHEMA,
        "email_history": EMAIL_HISTORY_SCHEMA,
        "sent_emails": SENT_EMAILS_SCHEMA,
    }
    for stream, schema in schemas.items():
        dates = {name for name, prop in schema["properties"].items() if "date-time" in json.dumps(prop)}
        assert set(maps[stream]) == dates, stream
        for name in dates:
            assert maps[stream][name] == f"str({name}) if {name} is not None else None"


def test_meltano_shows_the_taps_progress_and_summary_but_no_metric_line(export):
    _, _, process = export
    tap_lines = [line for line in process.stderr.splitlines() if " tap-smartlead-inbox " in line]
    assert any("Summary:" in line for line in tap_lines)
    # Neither plugin says what a person reading the run has no use for (log_noise.py and
    # loaders/target-csv-run-stamp): METRIC lines, settings chatter, "Target sink … is full".
    for pointless in ("METRIC", "Skipping parse of env var settings", "as child stream", "Target sink for"):
        assert pointless not in process.stderr, pointless
    target_lines = [line for line in process.stderr.splitlines() if " target-csv " in line]
    assert any("Writing to destination file" in line for line in target_lines)
    assert any("Appending" in line for line in target_lines)


def test_one_row_per_email_with_the_seed_columns_first(export):
    sandbox, out, _ = export
    header, rows = read(next(out.glob("*_email_history.csv")))
    assert header[: len(SEED_COLUMNS)] == SEED_COLUMNS
    assert "email_key" in header
    assert len(rows) == emails_of(sandbox.expected())
    assert len({(r["email_lead_map_id"], r["email_key"]) for r in rows}) == len(rows)


def test_rows_are_time_ascending_within_each_lead(export):
    _, out, _ = export
    _, rows = read(next(out.glob("*_email_history.csv")))
    threads = defaultdict(list)
    for row in rows:
        threads[row["email_lead_map_id"]].append(row)
    for thread in threads.values():
        assert [r["history_time"] for r in thread] == sorted(r["history_time"] for r in thread)
        assert [int(r["history_index"]) for r in thread] == list(range(1, len(thread) + 1))


def test_missing_values_are_empty_strings_and_nothing_is_a_python_repr(export):
    _, out, _ = export
    _, rows = read(next(out.glob("*_email_history.csv")))
    assert any(r["lead_last_name"] == "" for r in rows)
    assert any(r["history_subject"] == "" and r["history_type"] == "REPLY" for r in rows)
    for row in rows:
        for value in row.values():
            assert value != "None"
            assert not value.startswith(("{'", "['"))
    cc = {r["history_cc_joined"] for r in rows}
    assert "boss@startup.io;ops@startup.io" in cc and "assistant@startup.io" in cc


def test_awkward_values_round_trip(export):
    _, out, _ = export
    _, rows = read(next(out.glob("*_email_history.csv")))
    names = {r["email_campaign_name"] for r in rows}
    assert "Line\nbreak campaign" in names and 'Q1 "Enterprise", EMEA' in names and "新年 outreach" in names
    assert any("José" in r["lead_first_name"] or "Zoë" in r["lead_first_name"] for r in rows)
    # No markup left in the text (an address in angle brackets is text, as in a bounce notice).
    tag = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>@]*)?/?>", re.IGNORECASE)
    assert all(not tag.search(r["email_body_text"]) or "&lt;" in r["email_body_html"] for r in rows)


def test_the_inbox_file_has_one_row_per_lead(export):
    sandbox, out, _ = export
    header, rows = read(next(out.glob("*_inbox_replies.csv")))
    assert [r["email_lead_map_id"] for r in rows] == [
        str(lead["email_lead_map_id"]) for lead in sandbox.expected()
    ]
    assert "email_body_html" not in header


def test_reply_kinds_metrics_attachments_and_categories_are_in_the_files(export):
    sandbox, out, _ = export
    _, emails = read(next(out.glob("*_email_history.csv")))
    truth = {(m, str(i)): kind for (m, i), kind in sandbox.reply_kinds().items()}
    assert {
        (r["email_lead_map_id"], r["history_index"]): r["reply_kind"] for r in emails if r["reply_kind"]
    } == truth
    assert {r["reply_kind"] for r in emails if r["history_type"] == "SENT"} == {""}
    attached = [json.loads(r["history_attachments_json"]) for r in emails if r["history_attachments_json"]]
    assert attached and all(item["file_name"] and item["file_url"] for files in attached for item in files)
    assert any(";" in r["history_bcc_joined"] for r in emails), "a bcc list is joined like cc"
    header, leads = read(next(out.glob("*_inbox_replies.csv")))
    assert header[-2:] == ["api_fetched_at", "source_endpoint"]
    assert {r["awaiting_our_reply"] for r in leads} == {"True", "False"}
    assert all(
        re.fullmatch(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)?", r["first_human_reply_at"]) for r in leads
    )
    assert sum(int(r["bounce_count"]) for r in leads) == list(truth.values()).count("bounce")
    _, categories = read(next(out.glob("*_lead_categories.csv")))
    assert [(int(r["id"]), r["name"]) for r in categories] == [
        (c["id"], c["name"]) for c in sandbox.categories()
    ]


def test_meltano_keeps_the_bookmark_and_a_second_run_exports_only_what_changed(tmp_path):
    from smartlead_sandbox import Sandbox, SandboxConfig

    system_db = pipelines.own_state(tmp_path)
    with Sandbox(SandboxConfig(leads=60, rate_limit=None)) as sandbox:
        meltano_run(sandbox, tmp_path / "first", **system_db)
        changed = sorted(lead["email_lead_map_id"] for lead in sandbox.expected()[20:22])
        for map_id in changed:
            sandbox.inbox.add_reply(map_id)
        meltano_run(sandbox, tmp_path / "second", **system_db)

    _, first_rows = read(next((tmp_path / "first").glob("*_email_history.csv")))
    _, second_rows = read(next((tmp_path / "second").glob("*_email_history.csv")))
    assert len(first_rows) == emails_of(sandbox.expected()) - len(changed)
    assert sorted({r["email_lead_map_id"] for r in second_rows}) == changed
    assert len(second_rows) == emails_of([sandbox.inbox.by_map_id(m) for m in changed]), "whole threads"


def test_a_run_that_finds_nothing_new_still_writes_every_streams_file_header_only(tmp_path):
    from smartlead_sandbox import Sandbox, SandboxConfig

    system_db = pipelines.own_state(tmp_path)
    with Sandbox(SandboxConfig(leads=30, rate_limit=None)) as sandbox:
        meltano_run(sandbox, tmp_path / "first", **system_db)
        # Past the re-check window and lookback: the next run finds nothing to re-read.
        meltano_run(
            sandbox,
            tmp_path / "again",
            TAP_SMARTLEAD_INBOX_RECHECK_WINDOW="PT0S",
            TAP_SMARTLEAD_INBOX_LOOKBACK="PT0S",
            **system_db,
        )
    first_files, again_files = stamps(tmp_path / "first"), stamps(tmp_path / "again")
    assert sorted(again_files) == sorted(first_files) == ["email_history", "inbox_replies", "lead_categories"]
    for stream in again_files:
        header, rows = read(next((tmp_path / "again").glob(f"*_{stream}.csv")), allow_empty=True)
        first_header, first_rows = read(next((tmp_path / "first").glob(f"*_{stream}.csv")))
        assert header == first_header
        # The category list is FULL_TABLE: every run writes it whole.
        assert len(rows) == (len(first_rows) if stream == "lead_categories" else 0), stream


def test_the_key_is_in_no_csv_no_meltano_log_and_no_file_meltano_keeps(export):
    _, out, process = export
    assert SANDBOX_KEY not in process.stdout + process.stderr
    assert "Run completed" in process.stderr, "Meltano's own log is there to check"
    meltano = pipelines.system_folder()
    kept = [*out.iterdir(), *(meltano / "run").rglob("*"), meltano / "meltano.db"]
    for path in kept:
        if path.is_file():
            assert SANDBOX_KEY.encode() not in path.read_bytes(), path


def test_sent_emails_is_opt_in_and_then_gets_its_own_file(tmp_path):
    from smartlead_sandbox import Sandbox, SandboxConfig

    out = tmp_path / "exports"
    sandbox = Sandbox(SandboxConfig(leads=40, rate_limit=None)).start()
    try:
        # What `meltano select tap-smartlead-inbox sent_emails "*"` adds to meltano.yml.
        select = '["lead_categories.*", "inbox_replies.*", "email_history.*", "sent_emails.*"]'
        meltano_run(sandbox, out, "--full-refresh", TAP_SMARTLEAD_INBOX__SELECT=select)
    finally:
        sandbox.stop()
    files = stamps(out)  # sent_emails starts minutes after the others on a big inbox
    assert sorted(files) == ["email_history", "inbox_replies", "lead_categories", "sent_emails"]
    assert len(set(files.values())) == 1
    header, rows = read(next(out.glob("*_sent_emails.csv")))
    assert header[: len(SEED_COLUMNS[:32])] == SEED_COLUMNS[:32], "the lead columns, in the exporter's order"
    expected = sandbox.expected(sent=True)
    assert [r["email_lead_map_id"] for r in rows] == [lead["email_lead_map_id"] for lead in expected]
    assert {r["email_status"] for r in rows} >= {"Replied", "Bounced"}
    _, emails = read(next(out.glob("*_email_history.csv")))
    replies = [r for r in emails if r["history_type"] == "REPLY"]
    assert replies and all("wrote:" not in r["reply_text"] for r in replies)


def test_the_sandbox_demo_says_it_keeps_no_state_and_saves_no_bookmark(tmp_path):
    """`make export` without a key exports the sandbox; the first real export after it
    must still read the whole inbox, so the demo leaves no state behind, and says so."""
    system_db = pipelines.own_state(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "SMARTLEAD_API_KEY"}
    demo = subprocess.run(
        [sys.executable, "scripts/export.py"],
        cwd=ROOT,
        env={**env, **system_db, "MELTANO": str(pipelines.MELTANO)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert "sandbox check:" in demo.stdout and ": OK" in demo.stdout
    assert "dbt build: 11 models" in demo.stdout, "the marts, built on the same inbox in DuckDB"
    # The first screen: the banner says it, and Meltano's own word for a run that saves no
    # state, "No active environment", is left out (it came right after "Environment 'dev'
    # is active"). No METRIC line from either plugin.
    said, active = "This demo run keeps no state", "Environment 'dev' is active"
    assert said in demo.stderr and active in demo.stderr
    assert demo.stderr.index(said) < demo.stderr.index(active)
    assert "No active environment" not in demo.stderr and "stateless" not in demo.stderr
    assert "METRIC" not in demo.stderr
    states = subprocess.run(
        [str(pipelines.MELTANO), "state", "list"],
        cwd=ROOT,
        env={**env, **system_db},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert states.returncode == 0, states.stderr[-2000:]
    assert "No state IDs found." in states.stdout + states.stderr
