"""The sandbox Smartlead API: a real HTTP server on 127.0.0.1 on a free port.

It serves both response shapes, validates like the API (401, 422), applies a
sliding-window rate limit (10 per 2 s by default, 429 with a configurable hint),
adds latency, injects faults from a seeded generator, and can change the inbox
while it is read. It can also act like an API behind a CDN (edge.py): redirects,
HTML error pages, storms of 429s, an hourly budget, slow, huge or deep bodies.
Every request is logged for tests to inspect.

Besides the two POST list endpoints it answers GET /api/v1/leads/fetch-categories
(the account's lead categories, in the shape ``categories_shape`` names) through the
same path: redirects, the key check, rate limits, outages and faults apply alike, and
the request is logged with ``method="GET"``.
"""

from __future__ import annotations

import json
import math
import random
import socket
import ssl
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from smartlead_sandbox import api, edge, hostile, live
from smartlead_sandbox.inbox import CATEGORIES, Inbox, generate_inbox

API_PREFIX = "/api/v1"
# The POST endpoints, each with whether it lists only leads that replied.
ENDPOINTS = {f"{API_PREFIX}/master-inbox/inbox-replies": True, f"{API_PREFIX}/master-inbox/sent": False}
# The GET endpoint: the account's lead categories (api.render_categories).
CATEGORIES_PATH = f"{API_PREFIX}/leads/fetch-categories"
GET_ENDPOINTS = {CATEGORIES_PATH}
SANDBOX_KEY = "sandbox-key-0123456789"
JSON = "application/json; charset=utf-8"
TLS_DIR = Path(__file__).parent / "tls"  # a throwaway self-signed certificate for 127.0.0.1


@dataclass
class SandboxConfig:
    api_key: str = SANDBOX_KEY
    shape: str = "flat"  # "flat" (data[], no total_count) or "documented" (messages[])
    total_count: bool = True  # documented shape only: include total_count
    leads: int = 200  # leads that replied; about a quarter more never did
    seed: int = 7
    latency: float = 0.0  # seconds added to every request
    history_latency: float = 0.0  # more seconds when fetch_message_history=true
    jitter: float = 0.0  # up to this many more seconds, drawn per request from fault_seed
    rate_limit: tuple[int, float] | None = (10, 2.0)  # requests per window seconds
    # retry-after | retry-after-date | reset-epoch | body | none | nan | bogus
    rate_limit_hint: str = "retry-after"
    p_500: float = 0.0
    p_drop: float = 0.0
    p_truncate: float = 0.0
    p_429: float = 0.0
    fault_seed: int = 1
    churn_every: int = 0  # after every N inbox pages served, one lead replies again
    # Who replies: "lower-half" (an older lead, anywhere), "behind": the lead just before
    # the page served, in its own query, so every later offset of that query shifts, or
    # "new": a lead never seen before, so the whole list grows by one at its top.
    churn_pick: str = "lower-half"
    churn_burst: int = 1  # how many leads reply at each churn
    # "reply": the lead replies (it moves up by reply time); "send": we email it again (by sent time)
    churn_event: str = "reply"
    forced_error: tuple[int, dict[str, Any]] | None = None  # answer every request with this
    outage_after: int = 0  # from this many requests on, answer 503 (0: never)
    tls: bool = False  # HTTPS with a self-signed certificate (smartlead_sandbox/tls), which nobody trusts
    hostile: bool = False  # flat shape: spoil a few leads, repeat a lead, bad bytes (see hostile.py)
    # What live accounts do that the docs do not say:
    flat_total: bool = False  # the flat shape carries total_count too
    offsets: str = "honour"  # "clamp": any offset past the end answers the last page again
    empty_answers: int = 0  # the first N page answers are empty (a glitch, not an empty inbox)
    p_not_ok: float = 0.0  # a 200 whose body says it failed: {"ok": false, "data": []}
    surrogates: bool = False  # a few strings hold half an emoji ("\ud83d"), as JSON escapes
    # What an API behind a CDN or load balancer does (edge.py):
    # "cross-origin-301|302|307|308" (to the recorder), "same-origin-307" (to /moved/…),
    # "downgrade" (HTTPS to the plain recorder), "downgrade-same-port" (https → http, same port)
    redirect: str = ""
    redirect_after: int = 0  # only requests after the first N are redirected (0: all)
    p_edge: float = 0.0  # the CDN's HTML error page, its status drawn from edge_statuses
    edge_statuses: tuple[int, ...] = (502, 503, 504, 520, 521, 522, 523, 524, 529)
    edge_answers: int = 0  # the first N admitted requests get that page
    rate_limit_status: int = 429  # the status of every rate-limit refusal (406 is seen live)
    stray_429_wait: int = 1  # the wait that p_429 and storm refusals announce
    storm: tuple[int, int] | None = None  # (first, count): those admitted requests are refused
    hourly_budget: tuple[int, float] | None = None  # (requests, window seconds): a fixed window
    drip_answers: int = 0  # the first N pages are sent drip_chunk bytes every drip_interval s
    drip_chunk: int = 1
    drip_interval: float = 1.0
    drip_headers: bool = False  # drip the status line and headers too, a byte at a time
    gzip_answers: int = 0  # the first N pages are gzip that inflates to gzip_mb MB
    gzip_mb: int = 300
    deep_answers: int = 0  # the first N pages are an array nested deep_levels deep
    deep_levels: int = 100_000
    # GET /leads/fetch-categories answers "list" (a bare array), "data" ({"ok", "data"}),
    # "categories" ({"categories": [...]}) or "unknown" ({"ok", "names_by_id": {id: name}}).
    categories_shape: str = "list"
    categories_status: int = 200  # any other: GET /leads/fetch-categories answers it, every time


@dataclass
class LoggedRequest:
    at: float
    path: str
    params: dict[str, str]
    body: Any
    status: int
    cut_after: float | None = None  # a dripped answer the client left: seconds into the drip
    done: float = 0.0  # when the answer had been written (or the client had gone)
    method: str = "POST"  # or "GET" (the categories endpoint)


@dataclass
class Sandbox:
    config: SandboxConfig = field(default_factory=SandboxConfig)
    inbox: Inbox = field(init=False)
    log: list[LoggedRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.config.categories_shape not in api.CATEGORY_SHAPES:
            raise ValueError(
                f"unknown categories_shape {self.config.categories_shape!r}; one of {api.CATEGORY_SHAPES}"
            )
        self.inbox = generate_inbox(self.config.leads, self.config.seed)
        if self.config.hostile:
            hostile.make_hostile(self.inbox.leads)
        if self.config.surrogates:
            live.add_lone_surrogates(self.inbox.leads)
        self._lock = threading.Lock()
        self._window: deque[float] = deque()
        self._faults = random.Random(self.config.fault_seed)
        self._pages_served = 0
        self._empty_left = self.config.empty_answers
        self._arrivals = 0
        self._in_flight = 0
        self.most_in_flight = 0  # the most requests the client had out at once
        self._server: ThreadingHTTPServer | None = None
        self.edge = edge.EdgeState.of(self.config, self._lock)
        # runs when a redirect is set
        self.recorder = edge.Recorder(self.answer, set(ENDPOINTS), get_endpoints=set(GET_ENDPOINTS))

    # --- lifecycle ---
    def start(self, port: int = 0) -> Sandbox:
        handler = type("Handler", (_Handler,), {"sandbox": self})
        self._server = _QuietServer(("127.0.0.1", port), handler)
        if self.config.tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(TLS_DIR / "cert.pem", TLS_DIR / "key.pem")
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(edge.POLL_INTERVAL,), daemon=True).start()
        if self.config.redirect:
            self.recorder.start()
        return self

    def stop(self) -> None:
        self.recorder.stop()
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        scheme = "https" if self.config.tls else "http"
        return f"{scheme}://127.0.0.1:{self.port}{API_PREFIX}"

    # --- what the tests compare against ---
    def expected(
        self, filters: dict[str, Any] | None = None, sort_by: str = "REPLY_TIME_DESC", *, sent: bool = False
    ) -> list[dict[str, Any]]:
        """What inbox-replies (or with ``sent`` the sent list) holds now for these filters."""
        body = {"filters": filters or {}, "sortBy": sort_by}
        return api.select(self.inbox.leads, body, replied_only=not sent)

    @property
    def pages(self) -> list[LoggedRequest]:
        """The page requests (POSTs to the inbox and sent lists), in the log's order: what
        paging tests count and read; a run's GET of the category list is not a page."""
        return [r for r in self.log if r.method == "POST"]

    @property
    def window_pages(self) -> list[LoggedRequest]:
        """The page requests sorted by reply time: a run's windows, not its pass over the
        leads it emailed lately (sorted by sent time)."""
        return [r for r in self.pages if r.body.get("sortBy", "REPLY_TIME_DESC") == "REPLY_TIME_DESC"]

    @property
    def sent_time_pages(self) -> list[LoggedRequest]:
        return [r for r in self.pages if r.body.get("sortBy") == "SENT_TIME_DESC"]

    def requests_to(self, suffix: str) -> list[LoggedRequest]:
        return [r for r in self.log if r.path.endswith(suffix)]

    def reply_kinds(self) -> dict[tuple[str, int], str]:
        """The true kind of every reply the inbox holds now: ``human``, ``auto_reply``,
        ``bounce`` or ``unsubscribe``, keyed by (``email_lead_map_id``, ``history_index``),
        the index being the reply's 1-based place in the lead's ``email_history`` as served
        (time-ascending, as the tap numbers it).

        The kinds live on the REPLY items themselves, under ``_kind`` (and the words the
        reply was written with under ``_text``), so the leads ``expected()`` returns carry
        them too; neither key is ever served (api.PRIVATE_KEYS is stripped in both shapes).
        """
        with self.inbox.lock:
            return {
                (str(lead["email_lead_map_id"]), index): item["_kind"]
                for lead in self.inbox.leads
                if isinstance(lead["email_history"], list)
                for index, item in enumerate(lead["email_history"], start=1)
                if isinstance(item, dict) and "_kind" in item
            }

    @staticmethod
    def categories() -> list[dict[str, Any]]:
        """The categories GET /leads/fetch-categories lists (standard and custom), in order.
        ``inbox.DELETED_CATEGORY_ID``, held by one lead, is not among them."""
        return [dict(category) for category in CATEGORIES]

    # --- request handling, called by the handler ---
    def arrive(self) -> None:
        with self._lock:
            self._in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self._in_flight)

    def depart(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def admit(self) -> tuple[int, float] | None:
        """Rate limit: None to go ahead, or (count, seconds until a slot frees)."""
        if not self.config.rate_limit:
            return None
        limit, window = self.config.rate_limit
        with self._lock:
            now = time.monotonic()
            while self._window and self._window[0] <= now - window:
                self._window.popleft()
            if len(self._window) >= limit:
                return limit, self._window[0] + window - now
            self._window.append(now)
        return None

    def outage(self) -> tuple[int, dict[str, Any]] | None:
        """A 503 once ``outage_after`` requests have arrived."""
        with self._lock:
            self._arrivals += 1
            down = 0 < self.config.outage_after < self._arrivals
        return (503, {"message": "Service Unavailable"}) if down else None

    def draw_fault(self) -> str | None:
        config = self.config
        with self._lock:
            roll = self._faults.random()
        for name, p in (
            ("500", config.p_500),
            ("drop", config.p_drop),
            ("truncate", config.p_truncate),
            ("429", config.p_429),
            ("not_ok", config.p_not_ok),
            ("edge", config.p_edge),
        ):
            if roll < p:
                return name
            roll -= p
        return None

    def answer(self, path: str, params: dict[str, str], body: Any) -> Any:
        if path in GET_ENDPOINTS:
            return api.render_categories(self.config.categories_shape)
        api.validate(body)
        replied_only = ENDPOINTS[path]
        history = replied_only and params.get("fetch_message_history", "false") == "true"
        with self.inbox.lock:
            chosen = api.select(self.inbox.leads, body, replied_only=replied_only)
            offset, limit = body.get("offset", 0), body.get("limit", 20)
            if self.config.offsets == "clamp" and chosen and offset >= len(chosen):
                offset = max(0, len(chosen) - limit)
            page = [] if self._glitch() else chosen[offset : offset + limit]
            render = api.render_documented if self.config.shape == "documented" else api.render_flat
            rows = [render(lead, history) for lead in page]
            if not replied_only and self.config.shape == "flat":
                for row, lead in zip(rows, page, strict=True):
                    row["email_status"] = lead["email_status"]  # a field of the sent list
            if self.config.hostile:
                rows = hostile.last_page_extras(rows, limit)
        if self.config.shape == "documented":
            out: dict[str, Any] = {"messages": rows, "offset": offset, "limit": limit}
            if self.config.total_count:
                out["total_count"] = len(chosen)
            return out
        flat: dict[str, Any] = {"ok": True, "data": rows, "offset": offset, "limit": limit}
        if self.config.flat_total:
            flat["total_count"] = len(chosen)
        return flat

    def _glitch(self) -> bool:
        """Whether this answer is one of the first ``empty_answers``, served empty."""
        with self._lock:
            if self._empty_left <= 0:
                return False
            self._empty_left -= 1
            return True

    def after_page(self, path: str, body: Any) -> None:
        if not self.config.churn_every or path not in ENDPOINTS:
            return
        with self._lock:
            self._pages_served += 1
            due = self._pages_served % self.config.churn_every == 0
        if due:
            event = self.inbox.add_sent if self.config.churn_event == "send" else self.inbox.add_reply
            for lead in self._churn_picks(body, replied_only=ENDPOINTS[path]):
                event(lead["email_lead_map_id"])

    def _churn_picks(self, body: dict[str, Any], *, replied_only: bool) -> list[dict[str, Any]]:
        offset, burst = body.get("offset", 0), self.config.churn_burst
        if self.config.churn_pick == "new":  # leads never seen before: the list grows
            kind = "SENT" if self.config.churn_event == "send" else "REPLY"
            for _ in range(burst):
                live.add_new_lead(self.inbox, kind)
            return []
        if self.config.churn_pick == "behind" and offset >= burst:
            chosen = api.select(self.inbox.leads, body, replied_only=replied_only)
            if offset <= len(chosen):
                return chosen[offset - burst : offset]
        order = {"sortBy": "SENT_TIME_DESC"} if self.config.churn_event == "send" else {}
        replied = api.select(self.inbox.leads, order, replied_only=replied_only)
        # Someone from the lower half of the list replies (or is emailed) and jumps to the top.
        half = max(1, len(replied) // 2)
        return [replied[len(replied) // 2 + (self._pages_served * 7 + i) % half] for i in range(burst)]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that goes away mid-connection (a tap that has finished) is normal.
        pass


class _Handler(BaseHTTPRequestHandler):
    sandbox: Sandbox
    protocol_version = "HTTP/1.1"
    _answered = False
    _cut_after: float | None = None

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the request log is kept as data instead

    def do_POST(self) -> None:
        self._serve()

    def do_GET(self) -> None:
        # The same way as a POST: redirects, key, rate limits, faults, latency, logging.
        self._serve()

    def _serve(self) -> None:
        arrived = time.time()
        parts = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body: Any = None
        if self.command != "GET" or raw:
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = None
        status = -1  # no answer could be written: the client had gone
        self.sandbox.arrive()
        self._answered = False
        self._cut_after = None
        try:
            status = self._handle(parts.path, params, body)
        finally:
            self._depart()
            params.pop("api_key", None)
            logged = LoggedRequest(
                arrived, parts.path, params, body, status, self._cut_after, time.time(), self.command
            )
            with self.sandbox._lock:
                self.sandbox.log.append(logged)

    def _handle(self, path: str, params: dict[str, str], body: Any) -> int:
        # Like an API gateway: routing, the key and the rate limit are checked on
        # arrival and refused at once; only admitted requests pay the latency.
        # A load balancer in front of it redirects before any of that.
        config = self.sandbox.config
        path, moved = edge.unmoved(config, path)
        if path not in (GET_ENDPOINTS if self.command == "GET" else ENDPOINTS):
            return self._send(404, {"message": "Not Found"})
        redirected = None if moved else self._redirect()
        if redirected is not None:
            return redirected
        if params.get("api_key") != config.api_key:
            return self._send(401, {"message": "Invalid API Key"})
        refused = self._refuse()
        if refused is not None:
            return refused
        self._wait(params)
        fault = edge.scripted_fault(config, self.sandbox.edge) or self.sandbox.draw_fault()
        if fault in ("500", "429", "drop", "not_ok", "edge", "storm"):
            return self._fail(fault)
        try:
            payload = self.sandbox.answer(path, params, body)
        except api.Invalid as exc:
            return self._send(422, exc.body)
        if fault == "truncate":
            data = json.dumps(payload).encode()
            return self._send_bytes(200, data[: max(1, len(data) // 2)])
        self.sandbox.after_page(path, body)  # before answering, so the next request sees the change
        if path in GET_ENDPOINTS:  # the first-N deep, gzip and drip answers are inbox pages
            if config.categories_status != 200:
                return self._send(config.categories_status, {"message": "Categories are unavailable"})
            return self._send(200, payload)
        return self._page(payload)

    def _redirect(self) -> int | None:
        sandbox = self.sandbox
        parts = urlsplit(self.path)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        own = sandbox.url.removesuffix(API_PREFIX)
        moving = edge.redirect(sandbox.config, sandbox.edge, target, own=own, recorder=sandbox.recorder)
        if moving is None:
            return None
        status, location = moving
        return self._send_bytes(status, b"", {"Location": location}, content_type="text/html")

    def _refuse(self) -> int | None:
        """A refusal on arrival (forced error, outage, hourly budget, rate limit), or None."""
        config = self.sandbox.config
        refusal = config.forced_error or self.sandbox.outage()
        if refusal:
            return self._send(*refusal)
        over_budget = edge.hourly_budget(config, self.sandbox.edge)
        if over_budget:
            headers, body = over_budget
            return self._send(config.rate_limit_status, body, headers)
        limited = self.sandbox.admit()
        if limited:
            limit, wait = limited
            return self._rate_limited(limit, max(1, math.ceil(wait)))
        return None

    def _wait(self, params: dict[str, str]) -> None:
        config = self.sandbox.config
        delay = config.latency + (
            config.history_latency if params.get("fetch_message_history") == "true" else 0
        )
        if config.jitter:
            with self.sandbox._lock:
                delay += self.sandbox._faults.uniform(0, config.jitter)
        if delay:
            time.sleep(delay)

    def _fail(self, fault: str) -> int:
        if fault == "not_ok":  # the body, not the status, says it failed
            return self._send(200, {"ok": False, "data": [], "message": "Something went wrong"})
        if fault == "500":
            return self._send(500, {"message": "Internal Server Error"})
        if fault in ("429", "storm"):
            return self._rate_limited(10, self.sandbox.config.stray_429_wait)
        if fault == "edge":
            return self._edge_page()
        self.close_connection = True  # a dropped connection: no answer at all
        self._depart()
        self.connection.shutdown(socket.SHUT_RDWR)
        return 0

    def _edge_page(self) -> int:
        sandbox = self.sandbox
        with sandbox._lock:  # the seeded generator: the same statuses run after run
            status = sandbox._faults.choice(sandbox.config.edge_statuses)
            ray = f"{sandbox._faults.getrandbits(64):016x}"
        page = edge.edge_page(status, ray)
        reason = edge.EDGE_REASONS.get(status)
        return self._send_bytes(status, page, content_type="text/html; charset=UTF-8", reason=reason)

    def _rate_limited(self, limit: int, seconds: int) -> int:
        config = self.sandbox.config
        headers, body = edge.rate_limit_hint(config.rate_limit_hint, limit, seconds)
        return self._send(config.rate_limit_status, body, headers)

    def _page(self, payload: Any) -> int:
        """A 200 page, unless it is one of the first pages to be sent deep, gzipped or slowly."""
        config, state = self.sandbox.config, self.sandbox.edge
        if edge.take(state, "deep"):
            return self._send_bytes(200, edge.deep_body(config.deep_levels))
        if edge.take(state, "gzip"):
            return self._send_bytes(200, edge.gzip_body(config.gzip_mb), {"Content-Encoding": "gzip"})
        if edge.take(state, "drip"):
            return self._drip(self._encode(payload))
        return self._send(200, payload)

    def _drip(self, data: bytes) -> int:
        config = self.sandbox.config
        headers = {"Server": self.version_string(), "Content-Type": JSON, "Content-Length": str(len(data))}
        self._depart()
        self._cut_after = edge.drip(
            self.wfile.write,
            edge.head_bytes(200, headers),
            data,
            config.drip_chunk,
            config.drip_interval,
            slow_head=config.drip_headers,
        )
        if self._cut_after is not None:
            self.close_connection = True
        return 200

    def _encode(self, payload: Any) -> bytes:
        data = json.dumps(payload).encode()
        return hostile.spoil_bytes(data) if self.sandbox.config.hostile else data

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> int:
        return self._send_bytes(status, self._encode(payload), headers)

    def _send_bytes(
        self,
        status: int,
        data: bytes,
        headers: dict[str, str] | None = None,
        *,
        content_type: str = JSON,
        reason: str | None = None,
    ) -> int:
        self._depart()
        self.send_response(status, reason)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        return status

    def _depart(self) -> None:
        # Before the first byte of the answer: a client that waits for it must not
        # be seen with two requests out.
        if not self._answered:
            self._answered = True
            self.sandbox.depart()
