"""The reading machinery (pages, consistent_read, span_read, fetch_plan) against a
scripted page source, in process and without HTTP, over generated page sequences.

The source is the real Transport with its HTTP send replaced by an in-memory inbox
that changes as it is read: leads get new replies and jump to the top, new leads
arrive, leads are re-labelled into or out of the filter, totals lie, answers come
back empty or repeat the query's page before (its offset ignored), and offsets past the end
may be clamped to the last page. Whatever the
script, these must hold:

- every lead that matched at the sync start and still matches at the end is emitted,
  and no lead is emitted twice;
- no checkpoint passes a lead that was not emitted before it;
- every run ends (a scripted source refuses to answer forever).
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from smartlead_sandbox import api
from smartlead_sandbox.inbox import iso
from tap_smartlead_inbox.client.request import ApiRequest
from tap_smartlead_inbox.config.filters import REPLY_TIME_FILTER
from tap_smartlead_inbox.core.errors import ListKeptChanging, PagingError
from tap_smartlead_inbox.core.timeutil import UTC
from tap_smartlead_inbox.inbox.lead_rows import LEAD_ROWS, LeadPage, NewLeads
from tap_smartlead_inbox.reading.fetch_plan import OPEN_END, Span
from tap_smartlead_inbox.reading.pages import Query
from tap_smartlead_inbox.reading.span_read import Checkpoint, SpanReader
from tap_smartlead_inbox.run.progress import RunProgress
from tests.conftest import OfflineTransport
from tests.support.examples import examples

OUT_OF_OFFICE, NOT_INTERESTED = 6, 3
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
BASE = datetime(2025, 1, 1, tzinfo=UTC)
REQUEST_CAP = 3_000  # a run needing more than this is taken not to end

# --- the scripted source ------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """Something that happens to the inbox just before request number ``at`` is answered."""

    at: int
    kind: str  # "reply" | "new" | "leave" | "enter" | "send"
    pick: int  # which lead, as an index into the leads it can apply to


@dataclass(frozen=True)
class Script:
    leads: int
    seed: int
    events: tuple[Event, ...]
    total: str  # "none" | "true" | "lie"
    total_error: int
    empty_at: frozenset[int]  # answers served empty (never two in a row)
    repeat_at: frozenset[int]  # answers that repeat the last page of the same query (offset ignored)
    clamp: bool  # offsets past the end answer the last page again
    limit: int
    window_pages: int
    concurrency: int
    sort_by: str
    filtered: bool  # the Out Of Office filter, so re-labels move leads in and out


@dataclass
class ScriptedInbox:
    """An inbox of flat rows that changes under the reader as the script says."""

    script: Script
    leads: list[dict[str, Any]] = field(default_factory=list)
    requests: int = 0
    relabelled: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _clock: datetime = field(default_factory=lambda: datetime.now(UTC))
    _last_rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        rng = random.Random(self.script.seed)
        for _ in range(self.script.leads):
            replied = BASE + timedelta(minutes=rng.randrange(0, 500_000))
            sent = replied - timedelta(hours=rng.randrange(1, 500))
            category = rng.choice([OUT_OF_OFFICE, OUT_OF_OFFICE, NOT_INTERESTED, None])
            self._add(iso(replied), iso(sent), category)

    def _add(self, replied: str, sent: str, category: int | None) -> None:
        key = str(1000 + len(self.leads))
        self.leads.append(
            {
                "email_lead_map_id": key,
                "last_reply_time": replied,
                "last_sent_time": sent,
                "lead_category_id": category,
                "email_status": "Replied",
            }
        )

    def answer(self, path: str, body: Mapping[str, Any]) -> dict[str, Any]:
        with self.lock:
            self.requests += 1
            if self.requests > REQUEST_CAP:
                raise AssertionError(f"the reader sent more than {REQUEST_CAP} requests: it does not end")
            for event in self.script.events:
                if event.at == self.requests:
                    self._apply(event)
            chosen = api.select(self.leads, dict(body), replied_only=path.endswith("inbox-replies"))
            offset, limit = body["offset"], body["limit"]
            if self.script.clamp and chosen and offset >= len(chosen):
                offset = max(0, len(chosen) - limit)
            rows = [] if self.requests in self.script.empty_at else chosen[offset : offset + limit]
            same_query = json.dumps([body["filters"], body["sortBy"], limit], sort_keys=True)
            if self.requests in self.script.repeat_at and self._last_rows.get(same_query):
                rows = self._last_rows[same_query]  # a page with rows again (an empty one is a glitch)
            self._last_rows[same_query] = rows
            payload: dict[str, Any] = {"ok": True, "data": [dict(row) for row in rows]}
            if self.script.total != "none":
                error = self.script.total_error if self.script.total == "lie" else 0
                payload["total_count"] = max(0, len(chosen) + error)
            return payload

    def matching(self, filters: Mapping[str, Any]) -> dict[str, str]:
        """Lead key -> last reply time of the leads the filters select now."""
        with self.lock:
            chosen = api.select(self.leads, {"filters": dict(filters)}, replied_only=True)
            return {lead["email_lead_map_id"]: lead["last_reply_time"] for lead in chosen}

    def _now(self) -> str:
        # Strictly increasing, so a lead that replies during the run sorts above the rest.
        self._clock = max(datetime.now(UTC), self._clock + timedelta(milliseconds=1))
        return iso(self._clock)

    def _apply(self, event: Event) -> None:
        if event.kind == "new":
            now = self._now()
            self._add(now, now, OUT_OF_OFFICE)
            return
        if not self.leads:
            return
        if event.kind in ("reply", "send"):
            lead = self.leads[event.pick % len(self.leads)]
            lead["last_reply_time" if event.kind == "reply" else "last_sent_time"] = self._now()
            return
        # A re-label moves a lead into or out of the filter once, without touching its times.
        before, after = (
            (OUT_OF_OFFICE, NOT_INTERESTED) if event.kind == "leave" else (NOT_INTERESTED, OUT_OF_OFFICE)
        )
        candidates = [
            lead
            for lead in self.leads
            if lead["lead_category_id"] == before and lead["email_lead_map_id"] not in self.relabelled
        ]
        if candidates:
            lead = candidates[event.pick % len(candidates)]
            lead["lead_category_id"] = after
            self.relabelled.add(lead["email_lead_map_id"])


class ScriptedTransport(OfflineTransport):
    """The real transport answered by the scripted inbox; answers may come back out of order."""

    def __init__(self, inbox: ScriptedInbox, max_in_flight: int) -> None:
        super().__init__("scripted", max_in_flight=max_in_flight, max_retries=2)
        self.inbox = inbox
        self._jitter = random.Random(inbox.script.seed)

    def _send(self, request: ApiRequest) -> Any:
        payload = self.inbox.answer(request.path, request.body or {})
        if self.max_in_flight > 1:  # answers overtake each other
            time.sleep(self._jitter.random() * 0.002)
        return payload


# --- scripts ------------------------------------------------------------------------


@st.composite
def scripts(draw: st.DrawFn, *, timed: bool = True) -> Script:
    leads = draw(st.integers(0, 120))
    kinds = ["reply", "new", "leave", "enter"] if timed else ["send", "reply", "new"]
    events = draw(
        st.lists(
            st.builds(Event, at=st.integers(1, 60), kind=st.sampled_from(kinds), pick=st.integers(0, 10_000)),
            max_size=12,
        )
    )
    # Glitches far enough apart that a re-asked first page, with up to three other
    # requests in flight, is not one of them too.
    empties = sorted(draw(st.sets(st.integers(1, 60), max_size=4)))
    apart = [n for i, n in enumerate(empties) if i == 0 or n - empties[i - 1] >= 6]
    return Script(
        leads=leads,
        seed=draw(st.integers(0, 2**16)),
        events=tuple(events),
        total=draw(st.sampled_from(["none", "true", "lie"])),
        total_error=draw(st.integers(-5, 5)),
        empty_at=frozenset(apart),
        repeat_at=frozenset(draw(st.sets(st.integers(2, 60), max_size=3))),
        clamp=draw(st.booleans()),
        limit=draw(st.sampled_from([2, 3, 5, 20])),
        window_pages=draw(st.integers(1, 4)),
        concurrency=draw(st.sampled_from([1, 1, 3])),
        sort_by=draw(st.sampled_from(["REPLY_TIME_DESC", "SENT_TIME_DESC"])),
        filtered=timed and draw(st.booleans()),
    )


# --- running the machinery ----------------------------------------------------------


@dataclass
class Outcome:
    emitted: list[str]
    checkpoints: list[tuple[datetime, set[str]]]  # each bookmark, and what was emitted before it
    failed: Exception | None


def run_reader(inbox: ScriptedInbox, items: Iterator[LeadPage | Checkpoint]) -> Outcome:
    """What a stream does with the reader's output: new leads out, checkpoints noted."""
    new = NewLeads()
    emitted: list[str] = []
    checkpoints: list[tuple[datetime, set[str]]] = []
    try:
        for item in items:
            if isinstance(item, Checkpoint):
                checkpoints.append((item.bookmark, set(emitted)))
            else:
                emitted.extend(lead.key for lead in new.of(item) if lead.key)
    except PagingError as exc:
        return Outcome(emitted, checkpoints, exc)
    return Outcome(emitted, checkpoints, None)


def make_reader(script: Script) -> tuple[ScriptedInbox, ScriptedTransport, SpanReader]:
    inbox = ScriptedInbox(script)
    transport = ScriptedTransport(inbox, script.concurrency)
    progress = RunProgress(transport.stats, transport.limiter, _quiet_logger(), interactive=False)
    return (
        inbox,
        transport,
        SpanReader(transport, LEAD_ROWS, progress, script.concurrency, script.window_pages),
    )


def query_of(script: Script, path: str) -> Query:
    """As the streams ask it: without a filter a lead can leave, inbox pages need not overlap."""
    filters = {"leadCategories": {"categoryIdsIn": [OUT_OF_OFFICE]}} if script.filtered else {}
    stay = path.endswith("inbox-replies") and not script.filtered
    return Query(path, {}, filters, script.sort_by, script.limit, REPLY_TIME_FILTER, rows_stay=stay)


def _quiet_logger() -> logging.Logger:
    logger = logging.getLogger("tests.reading_properties")
    logger.disabled = True
    return logger


def assert_invariants(outcome: Outcome, at_start: dict[str, str], at_end: dict[str, str]) -> None:
    assert len(outcome.emitted) == len(set(outcome.emitted)), "a lead was emitted twice"
    stayed = at_start.keys() & at_end.keys()
    if outcome.failed is None:
        missing = stayed - set(outcome.emitted)
        assert not missing, f"lost {len(missing)} of {len(stayed)} leads: {sorted(missing)[:5]}"
    for bookmark, before in outcome.checkpoints:
        # A resumed run reads from the bookmark on, so what is older must be out already.
        owed = {key for key in stayed if datetime.fromisoformat(at_end[key]) < bookmark}
        assert owed <= before, f"a checkpoint at {bookmark} passed {sorted(owed - before)[:5]}"


# --- the properties -----------------------------------------------------------------

PROPERTY_SETTINGS = settings(
    max_examples=examples(120),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _script(**overrides: Any) -> Script:
    base = Script(
        leads=100,
        seed=3,
        events=(),
        total="none",
        total_error=0,
        empty_at=frozenset(),
        repeat_at=frozenset(),
        clamp=False,
        limit=20,
        window_pages=200,
        concurrency=1,
        sort_by="REPLY_TIME_DESC",
        filtered=False,
    )
    return replace(base, **overrides)


@PROPERTY_SETTINGS
@given(script=scripts(), incremental=st.booleans())
# A lead replies (it jumps to the top, over pages read) just as another is re-labelled out
# of the filter: at the overlap the two shifts cancel, so the pages meet exactly and only
# a catch-up pass finds the lead that jumped.
@example(
    script=_script(
        leads=30,
        seed=4418,
        events=(Event(at=3, kind="reply", pick=318), Event(at=3, kind="leave", pick=3734)),
        total="lie",
        limit=5,
        window_pages=4,
        concurrency=1,
        filtered=True,
    ),
    incremental=False,
)
def test_a_windowed_read_emits_every_lead_that_stayed_once_and_checkpoints_only_what_is_out(
    script: Script, incremental: bool
) -> None:
    inbox, _, reader = make_reader(script)
    query = query_of(script, "/master-inbox/inbox-replies")
    sync_start = datetime.now(UTC)
    start = BASE + timedelta(minutes=250_000) if incremental else EPOCH
    span = Span(start, sync_start + OPEN_END, sync_start, incremental=incremental)
    if incremental:  # an incremental run believes an empty first answer; the next run re-checks
        _no_empty_first_answer(inbox)
    within = {**query.filters, "replyTimeBetween": [iso(start), iso(span.end)]}
    at_start = inbox.matching(within)

    outcome = run_reader(inbox, reader.read([query.within(start, span.end)], span))

    assert_invariants(outcome, at_start, inbox.matching(within))
    if outcome.failed is None and outcome.checkpoints:
        assert outcome.checkpoints[-1][0] == span.bookmark, "a completed run ends on the sync start"


def _no_empty_first_answer(inbox: ScriptedInbox) -> None:
    script = inbox.script
    inbox.script = replace(script, empty_at=script.empty_at - {1})


@PROPERTY_SETTINGS
@given(script=scripts(timed=False))
# A glitch (answer 5) sends the list to a re-read; a repeat there (10) shifts a page, so it
# is read once more, and that read's first answer (49) is the list's last page again: short,
# it ended the read, and no page overlaps a first page to show it.
@example(
    script=_script(
        leads=85, seed=0, empty_at=frozenset({5}), repeat_at=frozenset({10, 49}), limit=3, window_pages=1
    )
)
# Four glitches and a repeat keep the list moving under every re-read: it cannot be
# confirmed, and with no bookmark to hold its place the run must fail, not lose a lead.
@example(
    script=_script(leads=18, seed=0, empty_at=frozenset({2, 8, 14, 24}), repeat_at=frozenset({20}), limit=5)
)
def test_a_whole_list_read_emits_every_lead_that_stayed_once(script: Script) -> None:
    inbox, _, reader = make_reader(script)
    query = query_of(script, "/master-inbox/sent")
    everything: dict[str, Any] = {}

    def listed() -> dict[str, str]:
        with inbox.lock:
            chosen = api.select(inbox.leads, {"filters": everything}, replied_only=False)
            return {lead["email_lead_map_id"]: lead["last_reply_time"] for lead in chosen}

    at_start = listed()
    outcome = run_reader(inbox, reader.read_whole([query]))
    assert_invariants(outcome, at_start, listed())


# --- named cases the properties cover, kept as plain examples -----------------------


def test_a_whole_list_that_cannot_be_confirmed_stops_the_run_to_be_read_again():
    script = _script(leads=18, seed=0, empty_at=frozenset({2, 8, 14, 24}), repeat_at=frozenset({20}), limit=5)
    inbox, _, reader = make_reader(script)
    outcome = run_reader(inbox, reader.read_whole([query_of(script, "/master-inbox/sent")]))
    assert isinstance(outcome.failed, ListKeptChanging)
    assert outcome.failed.exit_code == 75
    assert "could not confirm it read every row; run again" in str(outcome.failed)


def _full_read(script: Script) -> tuple[ScriptedInbox, ScriptedTransport, Outcome, dict[str, str]]:
    inbox, transport, reader = make_reader(script)
    sync_start = datetime.now(UTC)
    span = Span(EPOCH, sync_start + OPEN_END, sync_start)
    at_start = inbox.matching({})
    outcome = run_reader(inbox, reader.read([query_of(script, "/master-inbox/inbox-replies")], span))
    return inbox, transport, outcome, at_start


@pytest.mark.parametrize("total", ["true", "lie"])
def test_leads_pushed_past_the_first_total_by_new_replies_are_still_read(total):
    events = tuple(Event(at=n, kind="new", pick=0) for n in range(2, 12))
    inbox, _, outcome, at_start = _full_read(_script(events=events, total=total, total_error=-3))
    assert outcome.failed is None
    assert set(at_start) <= set(outcome.emitted)
    assert len(outcome.emitted) == len(inbox.leads), "the new leads too"


def test_an_empty_first_answer_on_a_full_export_is_asked_again_before_it_is_believed():
    inbox, _, outcome, at_start = _full_read(_script(empty_at=frozenset({1})))
    assert sorted(outcome.emitted) == sorted(at_start)
    # Believed once an answer comes twice: a page from another offset must not pass for it.
    # 100 leads fill five pages exactly, so the sixth comes back empty; with one request in
    # flight no later answer confirms that end, so the rows below the last are asked once more.
    assert inbox.requests == 1 + 2 + 4 + 1 + 1 + 1, "empty, head twice, 4 more, end twice, probe"


def test_an_empty_inbox_costs_two_requests_on_a_full_export():
    inbox, _, outcome, _ = _full_read(_script(leads=0))
    assert outcome.emitted == [] and outcome.failed is None
    assert inbox.requests == 2


def test_offsets_clamped_to_the_last_page_stop_the_read_with_a_paging_error():
    # 100 leads fill the first page, so the window probes ask far past the end, and a
    # clamped answer never comes back empty.
    inbox, _, outcome, _ = _full_read(_script(clamp=True))
    assert isinstance(outcome.failed, PagingError)
    assert "ignores or clamps offsets" in str(outcome.failed)
    assert inbox.requests < 20, "it stops after a few repeats, not hundreds of requests"


# --- the first answer of a read that asks a query again ----------------------------
# No page before a read's first page overlaps it. A re-read of a whole list and a catch-up
# pass ask a query that was read before, and their first answer can be a glitch or a page
# of that read, its offset ignored: the short last page ends the read, an older one ends a
# catch-up pass. The leads it stood in for were lost, so such a first page is asked again.


def _whole_read(script: Script) -> tuple[Outcome, set[str]]:
    inbox, _, reader = make_reader(script)
    at_start = {lead["email_lead_map_id"] for lead in inbox.leads}
    return run_reader(inbox, reader.read_whole([query_of(script, "/master-inbox/sent")])), at_start


def _moved_from_ranks(script: Script, kind: str, at_by_rank: dict[int, int]) -> tuple[Script, list[str]]:
    """The script with the lead at each rank (newest first) replied or sent to before
    request number ``at_by_rank[rank]``: it jumps to the top, over the pages already read."""
    leads = ScriptedInbox(script).leads
    field = {"reply": "last_reply_time", "send": "last_sent_time"}[kind]
    ranked = sorted(leads, key=lambda row: row[field], reverse=True)
    events = tuple(Event(at=at, kind=kind, pick=leads.index(ranked[rank])) for rank, at in at_by_rank.items())
    return replace(script, events=events), [ranked[rank]["email_lead_map_id"] for rank in at_by_rank]


@pytest.mark.parametrize(
    "faults",
    [
        # 85 leads in pages of 3 take 43 requests; the re-read starts at request 44 or 49.
        {"empty_at": frozenset({5}), "repeat_at": frozenset({10, 49})},
        {"repeat_at": frozenset({5, 44})},
    ],
    ids=["glitch-then-repeats", "repeats"],
)
def test_a_list_read_again_whose_first_answer_is_its_last_page_loses_no_lead(faults):
    outcome, at_start = _whole_read(_script(leads=85, seed=0, limit=3, **faults))
    assert outcome.failed is None
    assert sorted(outcome.emitted) == sorted(at_start)


@pytest.mark.parametrize(
    "fault", [{"empty_at": frozenset({9})}, {"repeat_at": frozenset({9})}], ids=["glitch", "last-page-again"]
)
def test_a_lead_that_moved_is_caught_up_when_the_catch_up_pass_first_answer_is_not_the_head(fault):
    # 30 leads in pages of 5 take 8 requests; the catch-up pass asks the 9th.
    script, moved = _moved_from_ranks(_script(leads=30, limit=5, sort_by="SENT_TIME_DESC"), "send", {20: 3})
    outcome, at_start = _whole_read(replace(script, **fault))
    assert outcome.failed is None
    assert set(moved) <= set(outcome.emitted)
    assert sorted(outcome.emitted) == sorted(at_start)


def test_a_lead_that_replied_during_a_windowed_read_is_caught_up_past_a_glitch():
    # The first page, the probe and five more pages; the catch-up pass asks the 8th.
    script, moved = _moved_from_ranks(_script(), "reply", {80: 3})
    _, _, outcome, at_start = _full_read(replace(script, empty_at=frozenset({8})))
    assert outcome.failed is None
    assert set(moved) <= set(outcome.emitted)
    assert sorted(outcome.emitted) == sorted(at_start)


def test_a_catch_up_pass_cut_short_by_a_glitch_is_read_again_from_where_it_began():
    # The six deepest leads are sent to, one before each of requests 2 to 7: each shifts
    # the pages after it by one and jumps over them. The catch-up pass finds them at the
    # head, but its second page (request 11, its first asked twice) is a glitch: the next
    # pass must read from where this one began, not from when it began.
    moves = {rank: rank - 22 for rank in range(24, 30)}
    script, moved = _moved_from_ranks(_script(leads=30, limit=5, sort_by="SENT_TIME_DESC"), "send", moves)
    outcome, at_start = _whole_read(replace(script, empty_at=frozenset({11})))
    assert outcome.failed is None
    assert set(moved) <= set(outcome.emitted)
    assert sorted(outcome.emitted) == sorted(at_start)
