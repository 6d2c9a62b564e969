"""The dbt package (transform/) run by Meltano on a sandbox load: what its marts should hold,
from the sandbox's own truth (the true kind of every reply, every lead mailed), and what a
build's run_results.json says of each model and test."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smartlead_sandbox import Sandbox

SCHEMA = "smartlead_marts"  # the utilities' default schema for the models (meltano.yml)
KINDS = ("human", "auto_reply", "bounce", "unsubscribe")


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
