"""The report page, made as a user makes it: `meltano run tap-smartlead-inbox target-duckdb
dbt-duckdb:build smartlead-report:html` on a sandbox, then opened from disk in a real headless
Chromium (Debian's). It draws every chart, logs no error and fetches nothing; its numbers are
the marts' (read here with SQL of the test's own), and the marts' are the sandbox's truth
(tests/support/dbt_marts.py). One load, one page, one visit for the whole module."""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from smartlead_report.marts import ReportData
from smartlead_report.page import render_page
from smartlead_sandbox import Sandbox, SandboxConfig
from tests.support import dbt_marts, pipelines
from tests.support.browser import Visit, chromium, visit
from tests.support.dbt_marts import Thread
from tests.support.pipelines import duckdb_query
from tests.support.vega_specs import axis_titles, data_rows

pytestmark = pipelines.needs_meltano

CHARTS = ("reply-rate", "time-to-reply", "replies-by-week", "bounces")
SPECS = re.compile(r'<script type="application/json" id="chart-specs">(.*?)</script>', re.S)
M = dbt_marts.SCHEMA


@dataclass
class Report:
    page: Path
    html: str
    specs: dict[str, dict[str, Any]]  # chart id -> its Vega-Lite spec, as the page carries it
    truth: list[Thread]
    query: Any  # SQL on the loaded file, through the loader's own DuckDB
    visit: Visit


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    chromium()  # skip (fail under CI) before loading anything when there is no browser
    tmp = tmp_path_factory.mktemp("report")
    database, page = tmp / "warehouse.duckdb", tmp / "exports" / "report.html"
    env = {
        **pipelines.own_state(tmp),
        "TARGET_DUCKDB_FILEPATH": str(database),
        "DBT_DUCKDB_PATH": str(database),
        "DBT_DUCKDB_TARGET_PATH": str(tmp / "dbt-target"),
        "DBT_DUCKDB_LOG_PATH": str(tmp / "dbt-logs"),
        "SMARTLEAD_REPORT_DATABASE": str(database),
        "SMARTLEAD_REPORT_OUTPUT": str(page),
    }
    with Sandbox(SandboxConfig(leads=dbt_marts.LEADS, rate_limit=None)) as sandbox:
        pipelines.meltano_run(sandbox, "target-duckdb", "dbt-duckdb:build", "smartlead-report:html", **env)
        truth = dbt_marts.truth(sandbox)
    text = page.read_text(encoding="utf-8")
    specs = json.loads(SPECS.search(text).group(1))  # type: ignore[union-attr]
    seen = visit(page, tmp / "screenshot.png")
    return Report(page, text, specs, truth, duckdb_query(database), seen)


def chart_rows(report: Report, chart: str, dataset: str) -> list[dict[str, Any]]:
    return data_rows(report.specs[chart])[dataset]


def replied(report: Report) -> list[Thread]:
    return [lead for lead in report.truth if lead.replied]


def test_the_pipeline_writes_one_page_small_enough_to_mail(report):
    assert [p.name for p in report.page.parent.iterdir()] == ["report.html"]
    assert 500_000 < report.page.stat().st_size < 2_000_000  # Vega's inlined JavaScript is ~0.9 MB


def test_it_opens_from_disk_with_every_chart_drawn_no_console_message_and_no_request(report):
    seen = report.visit
    assert seen.requests == [seen.url]  # the file itself, and nothing else
    assert seen.console == [] and seen.errors == []  # not even a Vega warning
    assert set(seen.charts) == set(CHARTS)
    for key, chart in seen.charts.items():
        assert chart["drawn"] == "true", key
        assert chart["width"] > 300 and chart["height"] > 150, key
        assert chart["marks"] > 10, key
    assert seen.screenshot.stat().st_size > 50_000


def test_the_page_names_no_address_to_fetch_and_forbids_any(report):
    outside_scripts = re.sub(r"<script.*?</script>", "", report.html, flags=re.S)
    assert not re.search(r"\b(src|href)\s*=", outside_scripts)
    assert "@import" not in outside_scripts and "url(" not in outside_scripts
    assert "default-src 'none'" in report.html  # the browser itself refuses any fetch


def test_each_chart_is_titled_with_its_question_has_units_on_its_axes_and_a_text_alternative(report):
    titles = re.findall(r'<h2 id="([\w-]+)-title">(.*?)</h2>', report.html)
    assert titles == [
        ("reply-rate", "Which step of each campaign makes people answer?"),
        ("time-to-reply", "How fast do people answer us?"),
        ("replies-by-week", "What kinds of answers come back, week by week?"),
        ("bounces", "Which sending account bounces?"),
    ]
    assert '<caption id="queue-title">Who is waiting for our reply? (oldest first)</caption>' in report.html
    assert '<th scope="col" class="num">Hours waited (h)</th>' in report.html
    axes = {key: axis_titles(spec) for key, spec in report.specs.items()}
    assert "Sequence step (the nth email of the campaign)" in axes["reply-rate"]
    assert "Human reply rate (%)" in axes["reply-rate"]
    assert "Hours from our last email to the lead's first human reply (h)" in axes["time-to-reply"]
    assert {"Week starting (Monday, UTC)", "Replies received (emails)"} <= axes["replies-by-week"]
    assert "Leads with a bounce (% of leads mailed)" in axes["bounces"]
    for key, chart in report.visit.charts.items():
        assert len(chart["label"]) > 60, key  # the summary a screen reader reads
        assert report.specs[key]["description"] == chart["label"], key


def test_the_reply_rate_per_step_is_the_marts_and_the_sandboxs(report):
    chart = {
        (r["email_campaign_id"], r["step"]): (
            r["leads_sent_step"],
            r["leads_first_human_reply"],
            r["human_reply_pct"],
        )
        for r in chart_rows(report, "reply-rate", "reply_rate")
    }
    mart = report.query(
        f"SELECT email_campaign_id, step, leads_sent_step, leads_first_human_reply, human_reply_pct "
        f"FROM {M}.smartlead__human_reply_rate_by_step"
    )
    assert chart == {(int(c), int(s)): (int(n), int(k), float(p)) for c, s, n, k, p in mart}
    truth = dbt_marts.reply_rate(report.truth, sent_list=False)
    assert {key: (n, k) for key, (n, k, _) in chart.items()} == truth
    # Every cell shows its rate and what it is over, as drawn.
    drawn = set(report.visit.charts["reply-rate"]["texts"])
    assert drawn == {f"{p:.1f}% · {k}/{n}" for n, k, p in chart.values()}
    assert "sent_emails stream was not loaded" in report.visit.text  # the denominator, said


def test_the_time_to_first_human_reply_is_each_leads_and_the_median_the_marts(report):
    leads = chart_rows(report, "time-to-reply", "first_reply_hours")
    medians = chart_rows(report, "time-to-reply", "time_to_reply")
    mart_leads = report.query(
        f"SELECT email_lead_map_id, email_campaign_id, hours_to_first_human_reply "
        f"FROM {M}.smartlead__threads WHERE hours_to_first_human_reply IS NOT NULL"
    )
    assert sorted((r["email_lead_map_id"], r["hours_to_first_human_reply"]) for r in leads) == sorted(
        (int(m), float(h)) for m, _, h in mart_leads
    )
    mart = report.query(
        f"SELECT email_campaign_id, leads_with_human_reply, median_hours_to_first_human_reply "
        f"FROM {M}.smartlead__time_to_first_human_reply WHERE NOT is_all_campaigns"
    )
    assert {
        r["email_campaign_id"]: (r["leads_with_human_reply"], r["median_hours_to_first_human_reply"])
        for r in medians
    } == {int(c): (int(n), None if h == "None" else float(h)) for c, n, h in mart}
    for row in medians:  # the median marked is the middle of the leads drawn (the mart rounds)
        hours = [
            r["hours_to_first_human_reply"]
            for r in leads
            if r["email_campaign_id"] == row["email_campaign_id"]
        ]
        assert len(hours) == row["leads_with_human_reply"]
        assert abs(statistics.median(hours) - row["median_hours_to_first_human_reply"]) <= 0.1
    answered = Counter(lead.campaign_id for lead in replied(report) if lead.humans)
    assert {
        r["email_campaign_id"]: r["leads_with_human_reply"] for r in medians if r["leads_with_human_reply"]
    } == answered
    drawn = set(report.visit.charts["time-to-reply"]["texts"])
    assert {f"median {r['median_hours_to_first_human_reply']:.1f} h" for r in medians} <= drawn


def test_the_reply_kinds_per_week_are_the_email_marts_and_the_sandboxs(report):
    chart = {
        (r["week"], r["reply_kind"]): r["replies"]
        for r in chart_rows(report, "replies-by-week", "replies_by_week")
    }
    mart = report.query(
        f"SELECT CAST(date_trunc('week', history_time) AS DATE), reply_kind, count(*) "
        f"FROM {M}.smartlead__emails WHERE reply_kind IS NOT NULL GROUP BY ALL"
    )
    assert chart == {(w, k): int(n) for w, k, n in mart}
    assert all(date.fromisoformat(week).weekday() == 0 for week, _ in chart)  # Mondays
    truth: Counter[tuple[str, str]] = Counter()
    for lead in replied(report):
        for _, _, kind, at in lead.thread:
            if kind:
                day = datetime.fromisoformat(at.replace("Z", "+00:00")).date()
                truth[date.fromordinal(day.toordinal() - day.weekday()).isoformat(), kind] += 1
    assert chart == dict(truth)


def test_the_bounce_rate_per_account_is_the_marts_and_the_sandboxs(report):
    rows = chart_rows(report, "bounces", "bounces")
    chart = {r["email_account_id"]: (r["leads_mailed"], r["leads_bounced"], r["bounce_pct"]) for r in rows}
    mart = report.query(
        f"SELECT email_account_id, leads_mailed, leads_bounced, bounce_pct "
        f"FROM {M}.smartlead__bounces_by_account"
    )
    assert chart == {int(a): (int(n), int(b), float(p)) for a, n, b, p in mart}
    assert {a: (n, b) for a, (n, b, _) in chart.items()} == dbt_marts.bounces(report.truth, sent_list=False)
    assert [r["bounce_pct"] for r in rows] == sorted((r["bounce_pct"] for r in rows), reverse=True)


def test_the_queue_lists_who_waits_oldest_first_with_hours_waited(report):
    mart = report.query(
        f"SELECT email_lead_map_id, hours_waited FROM {M}.smartlead__awaiting_our_reply "
        "ORDER BY last_human_reply_at, email_lead_map_id"
    )
    assert report.visit.queue_leads == [m for m, _ in mart]
    waiting = {lead.map_id: lead.waiting_since for lead in replied(report) if lead.waiting_since}
    assert set(report.visit.queue_leads) == set(waiting)
    since = [waiting[m] for m in report.visit.queue_leads]
    assert since == sorted(since)  # oldest first
    for (_, hours), row in zip(mart, report.visit.queue, strict=True):
        # Read a few seconds apart: the view counts the hours to the moment it is read.
        assert abs(float(row[5].replace(",", "")) - float(hours)) <= 0.2
        assert row[2] and "@" in row[0]  # the campaign, and the lead by address


def test_the_header_says_the_period_the_counts_and_when_the_data_was_read(report):
    leads = replied(report)
    times = [at for lead in leads for *_, at in lead.thread]
    text = report.visit.text
    assert f"{min(times)[:16].replace('T', ' ')} to {max(times)[:16].replace('T', ' ')} (UTC)" in text
    assert f"{len(leads)} threads (a reply of any kind)" in text
    kinds = Counter(kind for lead in leads for _, _, kind, _ in lead.thread if kind)
    assert f"human reply {kinds['human']}, auto-reply {kinds['auto_reply']}, bounce {kinds['bounce']}" in text
    assert f"{sum(1 for lead in leads if lead.waiting_since)} leads" in text
    fetched = report.query(f"SELECT max(api_fetched_at) FROM {M}.smartlead__threads")[0][0]
    assert f"Data read from Smartlead\n{fetched[:16]} UTC" in text


def test_a_page_of_empty_marts_says_so_for_each_chart_and_still_opens_cleanly(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text(render_page(ReportData(source="an empty load")), encoding="utf-8")
    seen = visit(page, tmp_path / "empty.png")
    assert seen.charts == {} and seen.console == [] and seen.errors == []
    assert seen.requests == [seen.url]
    assert "the API shape Smartlead documents has none" in seen.text
    assert "No person has replied yet" in seen.text
    assert "Nobody is waiting" in seen.text
