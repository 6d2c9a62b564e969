"""The dbt package in transform/, run by Meltano as the README says
(`meltano run tap-smartlead-inbox target-duckdb dbt-duckdb:build` and its PostgreSQL twin), on
a sandbox: every dbt test passes and the marts' numbers are the sandbox's own truth, after a
first load and after an incremental one that delivers some threads again.

One load per warehouse, shared by every test of that warehouse. DuckDB upserts and leaves
sent_emails out (the marts then divide by the replied leads, and say so); PostgreSQL appends
(a stream map drops the streams' keys) and loads sent_emails, so its raw tables hold each
delivery of a lead and only the staging models' "newest row per key" keeps the marts from
counting twice.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from smartlead_sandbox import Sandbox, SandboxConfig
from tap_smartlead_inbox.core.timeutil import UTC
from tests.pipeline.test_warehouse import duckdb_query, postgres  # noqa: F401  (the server fixture)
from tests.support import dbt_marts, pipelines
from tests.support.dbt_marts import SCHEMA, Thread
from tests.support.postgres_server import PASSWORD

pytestmark = pipelines.needs_meltano

Query = Callable[[str], list[list[str]]]
# target-postgres upserts every stream that has a key, whatever its load_method: a stream map
# that drops the keys makes it append, as a target without upserts does.
STREAMS = ("inbox_replies", "email_history", "lead_categories", "sent_emails")
WITHOUT_KEYS = json.dumps({stream: {"__key_properties__": []} for stream in STREAMS})
LEADS = 40  # small: the numbers, not the volume, are under test
ROUNDING = 0.05 + 1e-9  # the marts round percentages and hours to one decimal


@dataclass
class Run:
    """One pipeline run: the sandbox's truth then, what dbt did, and the marts it built."""

    truth: list[Thread]
    results: dict[str, tuple[str, int]]
    marts: dict[str, list[list[str]]]
    raw_counts: dict[str, int]
    read_at: tuple[datetime, datetime]  # the awaiting view was read between these


@dataclass
class Load:
    warehouse: str
    sent_list: bool  # sent_emails loaded
    runs: tuple[Run, Run]  # the first load, then the incremental one
    redelivered: list[str]  # the threads the second run delivered again, changed
    manifest: dict


MARTS = {
    "rate": "SELECT email_campaign_id, step, leads_sent_step, leads_first_human_reply, human_reply_pct, "
    "denominator FROM {schema}.smartlead__human_reply_rate_by_step",
    "awaiting": "SELECT email_lead_map_id, last_human_reply_at, hours_waited "
    "FROM {schema}.smartlead__awaiting_our_reply",
    "bounces": "SELECT email_account_id, leads_mailed, leads_bounced, bounce_pct, denominator "
    "FROM {schema}.smartlead__bounces_by_account",
    "threads": "SELECT email_lead_map_id, history_count, human_reply_count FROM {schema}.smartlead__threads",
    "emails": "SELECT email_lead_map_id, count(*) FROM {schema}.smartlead__emails GROUP BY 1",
    "staged": "SELECT 'inbox_replies', count(*) FROM {schema}.stg_smartlead__inbox_replies UNION ALL "
    "SELECT 'email_history', count(*) FROM {schema}.stg_smartlead__email_history UNION ALL "
    "SELECT 'sent_emails', count(*) FROM {schema}.stg_smartlead__sent_emails",
}
RAW = ("inbox_replies", "email_history", "lead_categories")


def snapshot(query: Query, sandbox: Sandbox, target: Path, sent_list: bool) -> Run:
    before = datetime.now(UTC)
    marts = {name: query(sql.format(schema=SCHEMA)) for name, sql in MARTS.items()}
    after = datetime.now(UTC)
    tables = RAW + (("sent_emails",) if sent_list else ())
    raw = {table: int(query(f"SELECT count(*) FROM smartlead.{table}")[0][0]) for table in tables}
    return Run(dbt_marts.truth(sandbox), dbt_marts.results(target), marts, raw, (before, after))


def changed_threads(leads: list[Thread]) -> list[str]:
    """Threads that a new human reply changes: one no person had answered (its first human
    reply, and so its step, arrive), one we answered (it waits again), one already waiting."""
    replied = [lead for lead in leads if lead.replied]
    picks = [
        next(lead for lead in replied if not lead.humans and lead.steps),
        next(lead for lead in replied if lead.humans and lead.waiting_since is None),
        next(lead for lead in replied if lead.waiting_since is not None),
    ]
    return [lead.map_id for lead in picks]


def load_twice(warehouse: str, env: dict[str, str], query: Query, tmp_path: Path, sent_list: bool) -> Load:
    loader, utility = f"target-{warehouse}", f"dbt-{warehouse}"
    target = tmp_path / "dbt-target"  # dbt's run_results.json and its partial parse, the test's own
    env = {
        **env,
        **pipelines.own_state(tmp_path),
        f"DBT_{warehouse.upper()}_TARGET_PATH": str(target),
        f"DBT_{warehouse.upper()}_LOG_PATH": str(tmp_path / "dbt-logs"),
    }
    if sent_list:
        env["TAP_SMARTLEAD_INBOX__SELECT"] = json.dumps([f"{stream}.*" for stream in STREAMS])
    runs = []
    with Sandbox(SandboxConfig(leads=LEADS, rate_limit=None)) as sandbox:
        done = pipelines.meltano_run(sandbox, loader, f"{utility}:build", **env)
        runs.append(snapshot(query, sandbox, target, sent_list))
        redelivered = changed_threads(runs[0].truth)
        for map_id in redelivered:
            sandbox.inbox.add_reply(map_id)
        again = pipelines.meltano_run(sandbox, loader, f"{utility}:build", **env)
        runs.append(snapshot(query, sandbox, target, sent_list))
    for process in (done, again):
        assert PASSWORD not in process.stdout + process.stderr
    return Load(warehouse, sent_list, (runs[0], runs[1]), redelivered, dbt_marts.manifest(target))


@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def load(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Load:
    tmp_path = tmp_path_factory.mktemp(f"dbt-{request.param}")
    if request.param == "duckdb":
        database = tmp_path / "warehouse.duckdb"
        env = {"TARGET_DUCKDB_FILEPATH": str(database), "DBT_DUCKDB_PATH": str(database)}
        return load_twice("duckdb", env, duckdb_query(database), tmp_path, sent_list=False)
    server = request.getfixturevalue("postgres")
    # The dbt-postgres utility connects with target-postgres' own variables (its defaults).
    env = {**server.env, "TAP_SMARTLEAD_INBOX_STREAM_MAPS": WITHOUT_KEYS}
    return load_twice("postgres", env, server.sql, tmp_path, sent_list=True)


def runs(load: Load) -> list[tuple[str, Run]]:
    return [("first run", load.runs[0]), ("second run", load.runs[1])]


def test_every_model_builds_and_every_dbt_test_passes_in_both_runs(load):
    nodes = load.manifest["nodes"]
    models = {uid for uid, node in nodes.items() if node["resource_type"] == "model"}
    tests = {uid for uid, node in nodes.items() if node["resource_type"] == "test"}
    assert len(models) == 11 and len(tests) > 60
    # The one test that warns instead of failing: a lead whose category the account has deleted.
    warned = {uid for uid in tests if nodes[uid]["config"]["severity"] == "warn"}
    assert [nodes[uid]["column_name"] for uid in warned] == ["lead_category_id"]
    for name, run in runs(load):
        expected = {uid: ("success", 0) for uid in models} | {uid: ("pass", 0) for uid in tests - warned}
        expected |= {uid: ("warn", dbt_marts.unlisted_categories(run.truth)) for uid in warned}
        assert run.results == expected, name
        assert dbt_marts.unlisted_categories(run.truth) == 1


def test_every_model_and_column_is_described_for_the_reader(load):
    for node in load.manifest["nodes"].values():
        if node["resource_type"] != "model":
            continue
        assert len(node["description"]) > 80, node["name"]
        assert node["columns"], node["name"]
        undescribed = [name for name, column in node["columns"].items() if len(column["description"]) < 15]
        assert undescribed == [], node["name"]


def test_staging_keeps_one_row_per_key_whatever_the_loader_kept(load):
    for name, run in runs(load):
        replied = [lead for lead in run.truth if lead.replied]
        staged = {table: int(n) for table, n in run.marts["staged"]}
        assert staged == {
            "inbox_replies": len(replied),
            "email_history": sum(len(lead.thread) for lead in replied),
            "sent_emails": len(run.truth) if load.sent_list else 0,
        }, name
    first, second = load.runs
    if load.warehouse == "postgres":  # appended: the raw tables hold every delivery
        assert second.raw_counts["inbox_replies"] >= first.raw_counts["inbox_replies"] + len(load.redelivered)
        assert second.raw_counts["sent_emails"] == 2 * len(second.truth)
        assert second.raw_counts["lead_categories"] == 2 * len(Sandbox.categories())
    else:  # upserted: one row per key already
        assert second.raw_counts["inbox_replies"] == first.raw_counts["inbox_replies"]


def test_the_email_mart_holds_each_threads_emails_once(load):
    for name, run in runs(load):
        emails = {map_id: int(n) for map_id, n in run.marts["emails"]}
        assert emails == {lead.map_id: len(lead.thread) for lead in run.truth if lead.replied}, name
        counts = {map_id: int(n) for map_id, n, _ in run.marts["threads"]}
        assert counts == emails, name


def test_human_reply_rate_per_step_is_the_sandboxs(load):
    denominator = "every lead mailed (sent_emails)" if load.sent_list else "replied leads only"
    for name, run in runs(load):
        truth = dbt_marts.reply_rate(run.truth, sent_list=load.sent_list)
        rows = {
            (int(campaign), int(step)): (int(sent), int(first), float(pct), said)
            for campaign, step, sent, first, pct, said in run.marts["rate"]
        }
        assert {key: row[:2] for key, row in rows.items()} == truth, name
        for key, (sent, first, pct, said) in rows.items():
            assert abs(pct - 100 * first / sent) <= ROUNDING, (name, key)
            assert said.startswith(denominator), said
    # The second run's new replies moved the numbers (a first human reply arrived), once each.
    first_run, second_run = (dbt_marts.reply_rate(r.truth, sent_list=load.sent_list) for r in load.runs)
    answered = [sum(first for _, first in t.values()) for t in (first_run, second_run)]
    assert answered[1] == answered[0] + 1


def test_the_leads_awaiting_our_reply_are_the_sandboxs_with_the_hours_they_waited(load):
    for name, run in runs(load):
        waiting = {lead.map_id: lead.waiting_since for lead in run.truth if lead.waiting_since}
        rows = {map_id: (since, float(hours)) for map_id, since, hours in run.marts["awaiting"]}
        assert set(rows) == set(waiting), name
        for map_id, (since, hours) in rows.items():
            replied_at = datetime.fromisoformat(waiting[map_id].replace("Z", "+00:00"))
            assert abs((datetime.fromisoformat(since).replace(tzinfo=UTC) - replied_at).total_seconds()) < 1
            low, high = ((moment - replied_at).total_seconds() / 3600 for moment in run.read_at)
            assert low - ROUNDING <= hours <= high + ROUNDING, (name, map_id, hours)
    # Of the threads delivered again, the one we had answered and the one no person had now wait.
    before, after = ({row[0] for row in run.marts["awaiting"]} for run in load.runs)
    assert set(load.redelivered) <= after
    assert len(set(load.redelivered) - before) == 2


def test_bounces_per_sending_account_are_the_sandboxs(load):
    denominator = "every lead mailed (sent_emails)" if load.sent_list else "replied leads only"
    for name, run in runs(load):
        truth = dbt_marts.bounces(run.truth, sent_list=load.sent_list)
        rows = {int(a): (int(m), int(b), float(pct), d) for a, m, b, pct, d in run.marts["bounces"]}
        assert {account: row[:2] for account, row in rows.items()} == truth, name
        assert sum(bounced for _, bounced in truth.values()) > 0
        for account, (mailed, bounced, pct, said) in rows.items():
            assert abs(pct - 100 * bounced / mailed) <= ROUNDING, (name, account)
            assert said.startswith(denominator), said
