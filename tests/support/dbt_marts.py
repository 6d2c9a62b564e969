"""The dbt package (transform/) run by Meltano on a sandbox load, twice: what its marts should
hold, from the sandbox's own truth (the true kind of every reply, every lead mailed), what
each build's run_results.json says of each model and test, and the load itself (load_twice)."""

from __future__ import annotations

import json
import os
import subprocess
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from smartlead_sandbox import Sandbox, SandboxConfig
from tap_smartlead_inbox.core.timeutil import UTC
from tests.conftest import check_exit
from tests.support import pipelines
from tests.support.paths import ROOT
from tests.support.pipelines import Query
from tests.support.postgres_server import PASSWORD

SCHEMA = "smartlead_marts"  # the utilities' default schema for the models (meltano.yml)


@dataclass(frozen=True)
class Thread:
    """One lead as the sandbox serves it, with the true kind of each reply."""

    map_id: str
    campaign_id: int
    account: int
    replied: bool  # in inbox-replies (a reply of any kind), not only in the sent list
    category_id: int | None
    thread: tuple[tuple[str, int | None, str | None, str], ...]  # (type, step, kind, time), in order

    @property
    def steps(self) -> set[int]:
        return {step for kind, step, _, _ in self.thread if kind == "SENT" and step}

    @property
    def humans(self) -> list[int]:
        return [i for i, email in enumerate(self.thread) if email[2] == "human"]

    @property
    def answered_step(self) -> int | None:
        """The step of our last sequence email before the first human reply."""
        if not self.humans:
            return None
        steps = [step for kind, step, _, _ in self.thread[: self.humans[0]] if kind == "SENT" and step]
        return steps[-1] if steps else None

    @property
    def waiting_since(self) -> str | None:
        """The time of the last human reply when no email of ours follows it."""
        if not self.humans or any(e[0] == "SENT" for e in self.thread[self.humans[-1] + 1 :]):
            return None
        return self.thread[self.humans[-1]][3]


def truth(sandbox: Sandbox) -> list[Thread]:
    """Every lead of the sandbox (the sent list: replied or not), as it is now."""
    kinds = sandbox.reply_kinds()
    replied = {str(lead["email_lead_map_id"]) for lead in sandbox.expected()}
    leads = []
    for lead in sandbox.expected(sent=True):
        map_id = str(lead["email_lead_map_id"])
        thread = tuple(
            (
                item["type"],
                int(item["email_seq_number"]) if item["email_seq_number"] else None,
                kinds.get((map_id, index)),
                item["time"],
            )
            for index, item in enumerate(lead["email_history"], start=1)
        )
        leads.append(
            Thread(
                map_id,
                lead["email_campaign_id"],
                lead["email_account_id"],
                map_id in replied,
                lead["lead_category_id"],
                thread,
            )
        )
    return leads


def unlisted_categories(leads: list[Thread]) -> int:
    """Threads whose category the account no longer lists (a deleted one)."""
    listed = {category["id"] for category in Sandbox.categories()}
    return sum(1 for lead in leads if lead.replied and lead.category_id not in listed | {None})


def reply_rate(leads: list[Thread], *, sent_list: bool) -> dict[tuple[int, int], tuple[int, int]]:
    """(campaign, step) -> (leads the step went to, leads whose first human reply followed it);
    without the sent list, over the leads that replied in some way alone."""
    sent: Counter[tuple[int, int]] = Counter()
    answered: Counter[tuple[int, int]] = Counter()
    for lead in leads:
        if not (lead.replied or sent_list):
            continue
        for step in lead.steps:
            sent[lead.campaign_id, step] += 1
        if lead.answered_step is not None:
            answered[lead.campaign_id, lead.answered_step] += 1
    return {key: (sent[key], answered[key]) for key in sent}


def bounces(leads: list[Thread], *, sent_list: bool) -> dict[int, tuple[int, int]]:
    """Sending account -> (leads mailed, leads with a bounce)."""
    mailed: Counter[int] = Counter()
    bounced: Counter[int] = Counter()
    for lead in leads:
        if lead.replied or sent_list:
            mailed[lead.account] += 1
            bounced[lead.account] += any(email[2] == "bounce" for email in lead.thread)
    return {account: (mailed[account], bounced[account]) for account in mailed}


def results(target_path: Path) -> dict[str, tuple[str, int]]:
    """What the last dbt command did to each node: unique id -> (status, failures)."""
    run = json.loads((target_path / "run_results.json").read_text(encoding="utf-8"))
    return {r["unique_id"]: (r["status"], r["failures"] or 0) for r in run["results"]}


def manifest(target_path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((target_path / "manifest.json").read_text(encoding="utf-8"))
    return loaded


STREAMS = ("inbox_replies", "email_history", "lead_categories", "sent_emails")
LEADS = 40  # small: the numbers, not the volume, are under test


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
    catalog: dict | None  # `dbt docs generate`'s, when it ran: what each relation holds


MARTS = {
    "rate": "SELECT email_campaign_id, step, leads_sent_step, leads_first_human_reply, human_reply_pct, "
    "denominator FROM {schema}.smartlead__human_reply_rate_by_step",
    "awaiting": "SELECT email_lead_map_id, last_human_reply_at, hours_waited "
    "FROM {schema}.smartlead__awaiting_our_reply",
    "bounces": "SELECT email_account_id, leads_mailed, leads_bounced, bounce_pct, denominator "
    "FROM {schema}.smartlead__bounces_by_account",
    "threads": "SELECT email_lead_map_id, history_count FROM {schema}.smartlead__threads",
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
    return Run(truth(sandbox), results(target), marts, raw, (before, after))


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


def load_twice(
    warehouse: str, env: dict[str, str], query: Query, tmp_path: Path, *, sent_list: bool, docs: bool = False
) -> Load:
    """The pipeline with `dbt-<warehouse>:build`, then three threads change and it runs again;
    with ``docs``, `dbt docs generate` last. ``env``: the loader's and dbt's settings."""
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
    catalog = None
    if docs:
        generated = subprocess.run(
            [str(pipelines.MELTANO), "invoke", f"{utility}:docs-generate"],
            cwd=ROOT,
            env={**os.environ, "MELTANO_SEND_ANONYMOUS_USAGE_STATS": "false", **env},
            capture_output=True,
            text=True,
            timeout=300,
        )
        check_exit(generated.returncode, 0, generated.stderr)
        catalog = json.loads((target / "catalog.json").read_text(encoding="utf-8"))
    for process in (done, again):
        assert PASSWORD not in process.stdout + process.stderr
    return Load(warehouse, sent_list, (runs[0], runs[1]), redelivered, manifest(target), catalog)
