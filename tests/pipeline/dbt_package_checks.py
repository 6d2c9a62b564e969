"""What the dbt package's pipeline must give on any warehouse, written once: the test modules
of each warehouse (test_dbt_duckdb.py, test_dbt_postgres.py) subclass DbtPackageChecks with a
module fixture ``load`` (dbt_marts.load_twice), so each warehouse has one load and its own
pytest-xdist group, and the two run side by side."""

from __future__ import annotations

from datetime import datetime

from smartlead_sandbox import Sandbox
from tap_smartlead_inbox.core.timeutil import UTC
from tests.support import dbt_marts
from tests.support.dbt_marts import Load, Run

ROUNDING = 0.05 + 1e-9  # the marts round percentages and hours to one decimal


def runs(load: Load) -> list[tuple[str, Run]]:
    return [("first run", load.runs[0]), ("second run", load.runs[1])]


class DbtPackageChecks:
    """The checks; a subclass named Test… runs them on its module's ``load``."""

    def test_every_model_builds_and_every_dbt_test_passes_in_both_runs(self, load: Load) -> None:
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

    def test_every_model_and_column_is_described_for_the_reader(self, load: Load) -> None:
        for node in load.manifest["nodes"].values():
            if node["resource_type"] != "model":
                continue
            assert len(node["description"]) > 80, node["name"]
            assert node["columns"], node["name"]
            undescribed = [
                name for name, column in node["columns"].items() if len(column["description"]) < 15
            ]
            assert undescribed == [], node["name"]

    def test_staging_keeps_one_row_per_key_whatever_the_loader_kept(self, load: Load) -> None:
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
            assert second.raw_counts["inbox_replies"] >= first.raw_counts["inbox_replies"] + len(
                load.redelivered
            )
            assert second.raw_counts["sent_emails"] == 2 * len(second.truth)
            assert second.raw_counts["lead_categories"] == 2 * len(Sandbox.categories())
        else:  # upserted: one row per key already
            assert second.raw_counts["inbox_replies"] == first.raw_counts["inbox_replies"]

    def test_the_email_mart_holds_each_threads_emails_once(self, load: Load) -> None:
        for name, run in runs(load):
            emails = {map_id: int(n) for map_id, n in run.marts["emails"]}
            assert emails == {lead.map_id: len(lead.thread) for lead in run.truth if lead.replied}, name
            counts = {map_id: int(n) for map_id, n in run.marts["threads"]}
            assert counts == emails, name

    def test_human_reply_rate_per_step_is_the_sandboxs(self, load: Load) -> None:
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

    def test_the_leads_awaiting_our_reply_are_the_sandboxs_with_the_hours_they_waited(
        self, load: Load
    ) -> None:
        for name, run in runs(load):
            waiting = {lead.map_id: lead.waiting_since for lead in run.truth if lead.waiting_since}
            rows = {map_id: (since, float(hours)) for map_id, since, hours in run.marts["awaiting"]}
            assert set(rows) == set(waiting), name
            for map_id, (since, hours) in rows.items():
                replied_at = datetime.fromisoformat(waiting[map_id].replace("Z", "+00:00"))
                assert (
                    abs((datetime.fromisoformat(since).replace(tzinfo=UTC) - replied_at).total_seconds()) < 1
                )
                low, high = ((moment - replied_at).total_seconds() / 3600 for moment in run.read_at)
                assert low - ROUNDING <= hours <= high + ROUNDING, (name, map_id, hours)
        # Of the threads delivered again, the one we had answered and the one no person had now wait.
        before, after = ({row[0] for row in run.marts["awaiting"]} for run in load.runs)
        assert set(load.redelivered) <= after
        assert len(set(load.redelivered) - before) == 2

    def test_bounces_per_sending_account_are_the_sandboxs(self, load: Load) -> None:
        denominator = "every lead mailed (sent_emails)" if load.sent_list else "replied leads only"
        for name, run in runs(load):
            truth = dbt_marts.bounces(run.truth, sent_list=load.sent_list)
            rows = {int(a): (int(m), int(b), float(pct), d) for a, m, b, pct, d in run.marts["bounces"]}
            assert {account: row[:2] for account, row in rows.items()} == truth, name
            assert sum(bounced for _, bounced in truth.values()) > 0
            for account, (mailed, bounced, pct, said) in rows.items():
                assert abs(pct - 100 * bounced / mailed) <= ROUNDING, (name, account)
                assert said.startswith(denominator), said
