"""The docs' "Questions you can answer" (docs/warehouses-and-questions.md): the sandbox loaded
into DuckDB through Meltano once, then each of the five queries run on that load, its answer
checked against what the sandbox itself knows (the true kind of every reply, which the tap never
sees)."""

from __future__ import annotations

import copy
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from smartlead_sandbox import Sandbox, SandboxConfig
from smartlead_sandbox.inbox import iso
from tap_smartlead_inbox.core.timeutil import UTC
from tests.pipeline.test_warehouse import BATCH
from tests.support import pipelines
from tests.support.doc_pages import headings, page, section
from tests.support.pipelines import Query, duckdb_query

pytestmark = [pipelines.needs_meltano, pytest.mark.pipeline, pytest.mark.slow]

PAGE = "warehouses-and-questions.md"
SECTION = "## Questions you can answer"
ROUNDING = 0.05 + 1e-9  # the queries round to one decimal


def docs_queries() -> list[str]:
    """The ```sql blocks of the page's section, in order."""
    questions = section(page(PAGE), SECTION)
    return re.findall(r"^```sql\n(.*?)^```", questions, flags=re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Email:
    type: str
    time: datetime
    step: int | None  # email_seq_number, on sequence emails
    kind: str | None  # the reply's true kind


@dataclass(frozen=True)
class Lead:
    map_id: str
    email: str
    campaign_id: int
    campaign: str
    account: int
    category_id: int | None
    thread: tuple[Email, ...]  # time-ascending, as served

    @property
    def humans(self) -> list[int]:
        return [i for i, email in enumerate(self.thread) if email.kind == "human"]

    def sent_before(self, index: int) -> list[Email]:
        return [email for email in self.thread[:index] if email.type == "SENT"]


@dataclass(frozen=True)
class Load:
    query: Query
    leads: list[Lead]
    categories: dict[int, str]


def truth(sandbox: Sandbox) -> list[Lead]:
    """The replied leads with the true kind of each reply (``reply_kinds``, by 1-based index)."""
    kinds = sandbox.reply_kinds()
    leads = []
    for lead in sandbox.expected():
        map_id = str(lead["email_lead_map_id"])
        thread = tuple(
            Email(
                item["type"],
                datetime.fromisoformat(item["time"]),
                int(item["email_seq_number"]) if item["email_seq_number"] else None,
                kinds.get((map_id, index)),
            )
            for index, item in enumerate(lead["email_history"], start=1)
        )
        assert all(e.kind for e in thread if e.type == "REPLY")
        leads.append(
            Lead(
                map_id,
                lead["lead_email"],
                lead["email_campaign_id"],
                lead["email_campaign_name"],
                lead["email_account_id"],
                lead["lead_category_id"],
                thread,
            )
        )
    return leads


def auto_reply_after_a_person(sandbox: Sandbox) -> str:
    """A lead waiting for us gets an out-of-office after its person's last reply (it still
    waits): its ``email_lead_map_id``."""
    leads = sandbox.inbox.replied()
    template = next(item for ld in leads for item in ld["email_history"] if item.get("_kind") == "auto_reply")
    lead = next(ld for ld in leads if ld["email_history"][-1].get("_kind") == "human")
    last, map_id = lead["email_history"][-1], lead["email_lead_map_id"]
    when = iso(datetime.fromisoformat(last["time"]) + timedelta(hours=2))
    with sandbox.inbox.lock:
        lead["email_history"].append(
            {
                **copy.deepcopy(template),
                "stats_id": last["stats_id"],
                "message_id": f"<ooo.{map_id}@lead.example>",
                "from": lead["lead_email"],
                "time": when,
            }
        )
        lead["last_reply_time"] = when
    return str(map_id)


@pytest.fixture(scope="module")
def load(tmp_path_factory: pytest.TempPathFactory) -> Load:
    tmp_path = tmp_path_factory.mktemp("questions")
    database = tmp_path / "warehouse.duckdb"
    with Sandbox(SandboxConfig(leads=120, rate_limit=None)) as sandbox:
        late_auto_reply = auto_reply_after_a_person(sandbox)
        pipelines.meltano_run(
            sandbox,
            "target-duckdb",
            TARGET_DUCKDB_FILEPATH=str(database),
            TARGET_DUCKDB_BATCH_SIZE_ROWS=BATCH,
            **pipelines.own_state(tmp_path),
        )
        leads = truth(sandbox)
    lead = next(lead for lead in leads if lead.map_id == late_auto_reply)
    assert [e.kind for e in lead.thread[-2:]] == ["human", "auto_reply"]
    categories = {category["id"]: category["name"] for category in Sandbox.categories()}
    return Load(duckdb_query(Path(database)), leads, categories)


def ask(load: Load, number: int) -> list[list[str]]:
    return load.query(docs_queries()[number - 1])


def close(got: str, expected: float) -> bool:
    return abs(float(got) - expected) <= ROUNDING


def test_the_docs_ask_five_questions_between_loading_and_scaling_out():
    queries = docs_queries()
    assert len(queries) == 5, f"{len(queries)} sql blocks in {SECTION!r}"
    sections = headings(page(PAGE), 2)
    at = sections.index(SECTION)
    assert sections[at - 1 : at + 2] == [
        "## Loading into a warehouse",
        SECTION,
        "## Scaling out: many client accounts",
    ]


def test_1_human_reply_rate_by_campaign_and_step(load):
    sent: Counter[tuple[int, int]] = Counter()
    answered: Counter[tuple[int, int]] = Counter()
    names = {}
    for lead in load.leads:
        names[lead.campaign_id] = lead.campaign
        for step in {email.step for email in lead.thread if email.type == "SENT" and email.step}:
            sent[lead.campaign_id, step] += 1
        if lead.humans:
            steps = [e.step for e in lead.sent_before(lead.humans[0]) if e.step]
            if steps:
                answered[lead.campaign_id, steps[-1]] += 1
    rows = ask(load, 1)
    assert [(int(r[0]), int(r[2])) for r in rows] == sorted(sent), "one row per campaign and step, in order"
    for campaign_id, name, step, leads, first_human, pct in rows:
        key = (int(campaign_id), int(step))
        assert (name, int(leads), int(first_human)) == (names[key[0]], sent[key], answered[key]), key
        assert close(pct, 100 * answered[key] / sent[key]), (key, pct)
    assert sum(answered.values()) == sum(1 for lead in load.leads if lead.humans)
    # Auto-replies are not answers: leads that only auto-replied are in the denominator alone.
    auto_only = [ld for ld in load.leads if not ld.humans and any(e.kind == "auto_reply" for e in ld.thread)]
    assert auto_only
    assert sum(int(r[3]) for r in rows if r[2] == "1") == sum(
        1 for lead in load.leads if any(e.step == 1 for e in lead.thread)
    )


def test_2_median_hours_to_first_human_reply(load):
    seconds: dict[str, list[float]] = defaultdict(list)
    auto_first = 0
    for lead in load.leads:
        if not lead.humans or not lead.sent_before(lead.humans[0]):
            continue
        first = lead.humans[0]
        wait = (lead.thread[first].time - lead.sent_before(first)[-1].time).total_seconds()
        seconds[lead.campaign].append(wait)
        seconds["(all campaigns)"].append(wait)
        auto_first += any(e.kind == "auto_reply" for e in lead.thread[:first])
    assert auto_first, "the sandbox has threads where an auto-reply came before the person"
    rows = ask(load, 2)
    assert [r[0] for r in rows][-1] == "(all campaigns)"
    assert {r[0] for r in rows} == set(seconds)
    for campaign, count, hours in rows:
        assert int(count) == len(seconds[campaign]), campaign
        assert close(hours, statistics.median(seconds[campaign]) / 3600), (campaign, hours)


def test_3_leads_awaiting_our_reply_oldest_first(load):
    before = datetime.now(UTC)
    rows = ask(load, 3)
    after = datetime.now(UTC)
    waiting = sorted(
        (lead.thread[lead.humans[-1]].time, lead.email, lead.campaign)
        for lead in load.leads
        if lead.humans and not any(e.type == "SENT" for e in lead.thread[lead.humans[-1] + 1 :])
    )
    assert any(lead.thread[-1].kind == "auto_reply" and lead.humans for lead in load.leads)
    assert waiting
    assert [(r[0], r[1]) for r in rows] == [(email, campaign) for _, email, campaign in waiting]
    for (email, _, last_human, hours), (since, _, _) in zip(rows, waiting, strict=True):
        assert datetime.fromisoformat(last_human).replace(tzinfo=UTC) == since, email
        low, high = ((moment - since).total_seconds() / 3600 for moment in (before, after))
        assert low - ROUNDING <= float(hours) <= high + ROUNDING, (email, hours)
    # We answered some people by hand, so not every lead a person answered from is waiting.
    assert len(waiting) < sum(1 for lead in load.leads if lead.humans)


def test_4_bounce_rate_by_sending_account(load):
    mailed: Counter[int] = Counter()
    bounced: Counter[int] = Counter()
    for lead in load.leads:
        if any(e.type == "SENT" for e in lead.thread):
            mailed[lead.account] += 1
            bounced[lead.account] += any(e.kind == "bounce" for e in lead.thread)
    assert sum(bounced.values()) > 0
    rows = ask(load, 4)
    assert {int(r[0]) for r in rows} == set(mailed)
    for account, leads, bounces, pct in rows:
        key = int(account)
        assert (int(leads), int(bounces)) == (mailed[key], bounced[key]), key
        assert close(pct, 100 * bounced[key] / mailed[key]), (key, pct)
    pcts = [float(r[3]) for r in rows]
    assert pcts == sorted(pcts, reverse=True)


def test_5_human_replies_by_category(load):
    leads: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    replies: Counter[str] = Counter()
    for lead in load.leads:
        if lead.category_id is None:
            name = "(none)"
        else:
            name = load.categories.get(lead.category_id, f"(deleted category {lead.category_id})")
        leads[name] += 1
        answered[name] += bool(lead.humans)
        replies[name] += len(lead.humans)
    assert "(none)" in leads and any(name.startswith("(deleted") for name in leads)
    rows = ask(load, 5)
    assert {r[0]: (int(r[1]), int(r[2]), int(r[3])) for r in rows} == {
        name: (leads[name], answered[name], replies[name]) for name in leads
    }
    assert len(rows) == len(leads)
    assert [int(r[3]) for r in rows] == sorted((int(r[3]) for r in rows), reverse=True)
