"""The report page as written from the marts' rows (smartlead_report), without a browser: what it
says when a mart is empty, what it says the rates are over, and that a name from the inbox can
never end its script early. tests/pipeline/test_report.py opens the real page in Chromium."""

from __future__ import annotations

import ast
import json
import re
import sys

import duckdb
import yaml

from smartlead_report.__main__ import main as report_main
from smartlead_report.charts import figures
from smartlead_report.marts import SENT_LIST, ReportData, Row, campaign_labels
from smartlead_report.page import render_page
from tests.support.paths import ROOT
from tests.support.vega_specs import data_rows

if sys.version_info >= (3, 11):
    import tomllib
else:  # tomllib is new in 3.11; tomli is the same parser
    import tomli as tomllib

SPECS = re.compile(r'<script type="application/json" id="chart-specs">(.*?)</script>', re.S)
RATE = {
    "email_campaign_id": 7,
    "campaign": "Spring",
    "step": 1,
    "leads_sent_step": 20,
    "leads_first_human_reply": 5,
    "human_reply_pct": 25.0,
}
BOUNCE = {
    "email_account_id": 3,
    "account": "a@x.io",
    "leads_mailed": 20,
    "leads_bounced": 2,
    "bounce_notices": 3,
}


def test_every_empty_mart_is_said_in_words_and_no_chart_is_drawn_blank():
    page = render_page(ReportData(source="an empty load"))
    assert json.loads(SPECS.search(page).group(1)) == {}  # type: ignore[union-attr]
    assert 'class="chart"' not in page
    for said in (
        "No sequence steps in this data: the threads carry no step numbers",
        "No person has replied yet",
        "No reply of any kind in this data yet.",
        "No sending account in this data.",
        "Nobody is waiting: every human reply has an email of ours after it.",
        "Period covered</dt><dd>no email in this data",
    ):
        assert said in page, said


def test_without_the_sent_list_every_rate_says_it_is_among_replied_leads_only():
    data = ReportData(
        source="x",
        rate_by_step=[{**RATE, "denominator": "replied leads only (sent_emails not loaded)"}],
        bounces=[
            {**BOUNCE, "bounce_pct": 10.0, "denominator": "replied leads only (sent_emails not loaded)"}
        ],
    )
    rate, _, _, bounce = figures(data)
    for figure in (rate, bounce):
        assert "the sent_emails stream was not loaded" in figure.note
    assert "sent_emails not loaded: rates read high" in render_page(data)


def test_with_the_sent_list_the_rates_are_over_every_lead_mailed():
    data = ReportData(source="x", rate_by_step=[{**RATE, "denominator": SENT_LIST}])
    assert data.sent_list_loaded
    assert "over every lead mailed" in figures(data)[0].note


def test_each_rate_is_drawn_with_what_it_is_over():
    data = ReportData(source="x", rate_by_step=[{**RATE, "denominator": SENT_LIST}])
    spec = figures(data)[0].spec
    assert spec is not None
    assert [row["label"] for row in data_rows(spec)["reply_rate"]] == ["25.0% · 5/20"]
    assert "label" not in data.rate_by_step[0]  # the mart's rows are left as read


def test_a_name_from_the_inbox_cannot_end_the_pages_script_or_add_markup():
    hostile = "</script><img src=x onerror=alert(1)>"
    rate = {**RATE, "campaign": hostile, "denominator": SENT_LIST}
    waiting = {
        "email_lead_map_id": 1,
        "lead_email": "a@b.c",
        "lead_first_name": hostile,
        "lead_last_name": None,
        "lead_company": None,
        "campaign": hostile,
        "category_name": None,
        "last_human_reply_at": "2025-01-01T10:00:00",
        "hours_waited": 5.0,
    }
    page = render_page(ReportData(source="x", rate_by_step=[rate], awaiting=[waiting]))
    assert page.count("</script>") == 2  # the specs' and the bundle's own ends, no other
    assert "<img" not in re.sub(r"<script.*?</script>", "", page, flags=re.S)
    specs = json.loads(SPECS.search(page).group(1))  # type: ignore[union-attr]
    assert data_rows(specs["reply-rate"])["reply_rate"][0]["campaign"] == hostile


def test_campaigns_that_share_a_name_keep_apart_on_the_axes_and_a_newline_goes():
    rows: list[Row] = [
        {"email_campaign_id": 1, "email_campaign_name": "Q1"},
        {"email_campaign_id": 2, "email_campaign_name": "Q1"},
        {"email_campaign_id": 3, "email_campaign_name": "Line\nbreak"},
        {"email_campaign_id": 4, "email_campaign_name": None},
    ]
    assert campaign_labels(rows) == {1: "Q1 (#1)", 2: "Q1 (#2)", 3: "Line break", 4: "campaign 4"}


def test_the_meltano_utility_installs_what_make_report_installs():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    report = pyproject["project"]["optional-dependencies"]["report"]
    assert "tap-smartlead-inbox[report]" in pyproject["project"]["optional-dependencies"]["dev"]
    meltano = yaml.safe_load((ROOT / "meltano.yml").read_text(encoding="utf-8"))
    utility = next(p for p in meltano["plugins"]["utilities"] if p["name"] == "smartlead-report")
    assert utility["pip_url"].split() == report
    # The loader's DuckDB: a file written by another could be unreadable to it.
    loader = next(p for p in meltano["plugins"]["loaders"] if p["name"] == "target-duckdb")
    assert [r for r in report if r.startswith("duckdb")] == [
        r for r in loader["pip_url"].split() if r.startswith("duckdb")
    ]


def test_without_the_file_or_its_marts_it_says_how_to_build_them_and_writes_nothing(tmp_path, capsys):
    page = tmp_path / "report.html"
    assert report_main(["--database", str(tmp_path / "none.duckdb"), "--output", str(page)]) == 1
    assert "no DuckDB file at" in capsys.readouterr().err
    empty = tmp_path / "loaded_only.duckdb"
    duckdb.connect(str(empty)).close()  # a file with no marts in it
    assert report_main(["--database", str(empty), "--output", str(page)]) == 1
    err = capsys.readouterr().err
    assert "has no marts in schema smartlead_marts" in err and "make export" in err
    assert not page.exists()


def test_the_report_and_the_tap_never_import_each_other():
    def imported(folder: str) -> set[str]:
        names: set[str] = set()
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names.add(node.module.split(".")[0])
        return names

    assert "tap_smartlead_inbox" not in imported("smartlead_report")
    assert "smartlead_report" not in imported("tap_smartlead_inbox")
