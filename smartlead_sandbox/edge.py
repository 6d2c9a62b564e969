"""What a live API behind a CDN or load balancer does, for the sandbox to do too:
redirects (to another origin, or from HTTPS to plain HTTP), the CDN's own HTML error
pages, rate-limit refusals in odd shapes and bursts, an hourly budget, bodies that
arrive a byte at a time, a small gzip body that inflates to hundreds of MB, and JSON
nested past any parser's depth limit.

server.py wires these in; the state they share lives in ``EdgeState``, guarded by the
sandbox's own lock so that concurrent requests count exactly.
"""

from __future__ import annotations

import functools
import json
import math
import struct
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from smartlead_sandbox import api

if TYPE_CHECKING:
    from smartlead_sandbox.server import SandboxConfig

# --- shared state -----------------------------------------------------------------

CROSS_ORIGIN = {f"cross-origin-{status}": status for status in (301, 302, 307, 308)}
REDIRECTS = {"", *CROSS_ORIGIN, "same-origin-307", "downgrade", "downgrade-same-port"}
MOVED = "/moved"  # where a same-origin redirect sends a request; served like the original


@dataclass
class EdgeState:
    lock: threading.Lock  # the sandbox's lock: one lock for all its counters
    left: dict[str, int]  # the first-N countdowns: "edge", "drip", "gzip", "deep"
    arrivals: int = 0  # requests that met the redirect check (for redirect_after)
    admitted: int = 0  # requests that reached the fault stage (for storm and edge_answers)
    budget_end: float | None = None  # monotonic end of the hourly budget's current window
    budget_used: int = 0

    @classmethod
    def of(cls, config: SandboxConfig, lock: threading.Lock) -> EdgeState:
        if config.redirect not in REDIRECTS:
            raise ValueError(f"unknown redirect {config.redirect!r}; one of {sorted(REDIRECTS)}")
        left = {
            "edge": config.edge_answers,
            "drip": config.drip_answers,
            "gzip": config.gzip_answers,
            "deep": config.deep_answers,
        }
        return cls(lock, left)


def take(state: EdgeState, kind: str) -> bool:
    """Whether this answer is one of the first N of ``kind`` (and count it if so)."""
    with state.lock:
        if state.left[kind] <= 0:
            return False
        state.left[kind] -= 1
        return True


# --- redirects --------------------------------------------------------------------


def unmoved(config: SandboxConfig, path: str) -> tuple[str, bool]:
    """The path a same-origin redirect pointed at, as the original path, and whether it
    was one. Only with that redirect set: otherwise /moved/… is an unknown path as before."""
    if config.redirect == "same-origin-307" and path.startswith(MOVED + "/"):
        return path[len(MOVED) :], True
    return path, False


def redirect(
    config: SandboxConfig, state: EdgeState, target: str, *, own: str, recorder: Recorder
) -> tuple[int, str] | None:
    """(status, Location) when this request is to be redirected, else None.

    ``target`` is the path with its raw query (the key in it, as a naive server echoes
    it back); ``own`` is the sandbox's own scheme://host:port; ``recorder`` the plain-HTTP
    server that stands for a foreign origin.
    """
    if not config.redirect:
        return None
    with state.lock:
        state.arrivals += 1
        if state.arrivals <= config.redirect_after:
            return None
    foreign = f"http://127.0.0.1:{recorder.port}"
    if config.redirect in CROSS_ORIGIN:
        return CROSS_ORIGIN[config.redirect], foreign + target
    if config.redirect == "same-origin-307":
        return 307, own + MOVED + target
    if config.redirect == "downgrade":
        return 308, foreign + target
    # downgrade-same-port: the scheme alone changes; nothing plain listens on that port.
    return 308, "http://" + own.split("://", 1)[1] + target


# --- scripted faults: the CDN's pages and storms of refusals ------------------------


def scripted_fault(config: SandboxConfig, state: EdgeState) -> str | None:
    """Count an admitted request; "edge" or "storm" when it is scripted to fail so."""
    with state.lock:
        state.admitted += 1
        number = state.admitted
    if take(state, "edge"):
        return "edge"
    if config.storm:
        first, count = config.storm
        if first <= number < first + count:
            # Another integration on the same key spends its budget: refusals, whatever our rate.
            return "storm"
    return None


# The reason Cloudflare shows for each status it answers with.
EDGE_REASONS = {
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Gateway time-out",
    520: "Web server is returning an unknown error",
    521: "Web server is down",
    522: "Connection timed out",
    523: "Origin is unreachable",
    524: "A timeout occurred",
    529: "Site is overloaded",
}


def edge_page(status: int, ray: str, host: str = "127.0.0.1") -> bytes:
    """A Cloudflare-like error page: HTML where the client expects JSON, about 1.5 KB."""
    reason = EDGE_REASONS.get(status, "Error")
    return f"""<!DOCTYPE html>
<html class="no-js" lang="en-US">
<head>
<title>{host} | {status}: {reason}</title>
<meta charset="UTF-8" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta name="robots" content="noindex, nofollow" />
<meta name="viewport" content="width=device-width,initial-scale=1" />
<style>
body{{margin:0;padding:0;font-family:-apple-system,system-ui,sans-serif}}
#cf-wrapper .cf-section{{max-width:960px;margin:0 auto;padding:2rem}}
#cf-wrapper h1{{font-size:3.75rem;font-weight:300;color:#404040}}
#cf-wrapper .cf-error-type{{color:#bd2426;margin-right:.5rem}}
#cf-wrapper .cf-footer{{font-size:13px;color:#999;border-top:1px solid #ebebeb}}
</style>
<script>(function(){{if(document.addEventListener){{window.addEventListener('load',function(){{
var e=document.getElementById('cf-footer-ip-reveal');if(e){{e.classList.remove('hidden');}}}});}}}})();
</script>
</head>
<body>
<div id="cf-wrapper">
  <div id="cf-error-details" class="cf-error-details-wrapper">
    <div class="cf-wrapper cf-header cf-error-overview">
      <h1><span class="cf-error-type">Error</span><span class="cf-error-code">{status}</span></h1>
      <span class="cf-error-subtitle">{reason}</span>
    </div>
    <div class="cf-section cf-wrapper">
      <div class="cf-column"><h2>What happened?</h2>
        <p>The web server reported an error to the edge, or could not be reached in time.</p>
      </div>
      <div class="cf-column"><h2>What can I do?</h2>
        <p>Please try again in a few minutes.</p>
      </div>
    </div>
    <div class="cf-error-footer cf-wrapper cf-footer">
      <p><span>Cloudflare Ray ID: <strong class="font-semibold">{ray}</strong></span>
      <span>Performance &amp; security by Cloudflare</span></p>
    </div>
  </div>
</div>
<script>window._cf_translation = {{}};</script>
</body>
</html>
""".encode()


# --- rate-limit refusals in every shape ----------------------------------------------


def rate_limit_hint(hint: str, limit: int, seconds: int) -> tuple[dict[str, str], dict[str, Any]]:
    """The headers and body of a rate-limit refusal that says to wait ``seconds``."""
    body: dict[str, Any] = {"message": f"Rate limit exceeded: {limit} requests"}
    if hint == "retry-after":
        return {"Retry-After": str(seconds)}, body
    if hint == "retry-after-date":
        return {"Retry-After": formatdate(math.ceil(time.time() + seconds), usegmt=True)}, body
    if hint == "reset-epoch":
        return {"X-RateLimit-Reset": str(math.ceil(time.time() + seconds))}, body
    if hint == "body":
        return {}, {"error": {"code": "RATE_LIMIT_EXCEEDED", "retry_after": seconds}}
    if hint == "nan":  # a float formatted without a check: float("nan") parses
        return {"Retry-After": "nan"}, body
    if hint == "bogus":  # every hint present, none a number
        headers = {"Retry-After": "soon", "X-RateLimit-Reset": "never"}
        return headers, {"error": {"code": "RATE_LIMIT_EXCEEDED", "retry_after": "later"}}
    return {}, body  # "none"


def hourly_budget(config: SandboxConfig, state: EdgeState) -> tuple[dict[str, str], dict[str, Any]] | None:
    """None while the fixed window has budget left (and count this request), else the
    refusal's headers and body. A window starts at the first request it admits."""
    if not config.hourly_budget:
        return None
    limit, window = config.hourly_budget
    with state.lock:
        now = time.monotonic()
        if state.budget_end is None or now >= state.budget_end:
            state.budget_end, state.budget_used = now + window, 0
        if state.budget_used < limit:
            state.budget_used += 1
            return None
        left = state.budget_end - now
    seconds = max(1, math.ceil(left))
    headers = {
        "Retry-After": str(seconds),
        "X-RateLimit-Limit": str(limit),
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": str(math.ceil(time.time() + left)),
    }
    body = {
        "error": {
            "code": "RATE_LIMIT_EXCEEDED",
            "message": "Hourly request limit reached",
            "retry_after": seconds,
        }
    }
    return headers, body


# --- bodies no client should trust ---------------------------------------------------

MB = 1 << 20
_GZIP_CACHE: dict[int, bytes] = {}
_GZIP_LOCK = threading.Lock()


def gzip_body(mb: int) -> bytes:
    """A gzip stream that inflates to exactly ``mb`` MB of one valid JSON page, built once
    per size. It is compressed 1 MB at a time, so the inflated body is never held."""
    with _GZIP_LOCK:  # two requests at once must not both spend a second compressing
        if mb not in _GZIP_CACHE:
            _GZIP_CACHE[mb] = _compress_page(mb)
        return _GZIP_CACHE[mb]


def _compress_page(mb: int) -> bytes:
    head, tail = b'{"ok": true, "data": [], "offset": 0, "limit": 20, "pad": "', b'"}'
    pad = mb * MB - len(head) - len(tail)
    chunk = b"a" * MB
    # A full flush forgets what came before, so every whole MB of padding compresses to the same
    # bytes: one is compressed and repeated (seconds of zlib otherwise, in every test process).
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: the gzip framing is written here
    parts = [deflate.compress(head), deflate.flush(zlib.Z_FULL_FLUSH)]
    whole = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc, left = zlib.crc32(head), pad
    while left >= MB:
        parts.append(whole)
        crc, left = zlib.crc32(chunk, crc), left - MB
    parts += [deflate.compress(chunk[:left] + tail), deflate.flush()]
    crc = zlib.crc32(tail, zlib.crc32(chunk[:left], crc))
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # gzip, deflate, no name, no time
    trailer = struct.pack("<II", crc, (mb * MB) & 0xFFFFFFFF)
    return header + b"".join(parts) + trailer


@functools.cache
def deep_body(levels: int) -> bytes:
    """An array nested ``levels`` deep: valid JSON that a recursive parser cannot read."""
    return b"[" * levels + b"]" * levels


# --- slow answers ------------------------------------------------------------------


def head_bytes(status: int, headers: dict[str, str]) -> bytes:
    """A status line and headers as they go on the wire, to drip them."""
    lines = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}", f"Date: {formatdate(usegmt=True)}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def drip(
    write: Callable[[bytes], Any], head: bytes, body: bytes, chunk: int, interval: float, *, slow_head: bool
) -> float | None:
    """Write the head (at once, or a byte at a time with ``slow_head``) and then the body
    ``chunk`` bytes at a time, ``interval`` seconds apart. None once all is written;
    if the client goes away, the seconds from the first dripped byte to the failed write."""
    pieces = [head[i : i + 1] for i in range(len(head))] if slow_head else []
    pieces += [body[i : i + max(1, chunk)] for i in range(0, len(body), max(1, chunk))]
    started: float | None = None
    try:
        if not slow_head:
            write(head)
        for number, piece in enumerate(pieces):
            if number:
                time.sleep(interval)
            started = started or time.monotonic()
            write(piece)
    except OSError:  # BrokenPipe, ConnectionReset (or their TLS forms): the client gave up
        return time.monotonic() - (started or time.monotonic())
    return None


# --- the foreign origin a cross-origin redirect points at -----------------------------


@dataclass
class Received:
    method: str
    path: str
    query: str  # the raw query string: whatever the client sent, the key included
    headers: dict[str, str]
    body: bytes


# How often the servers (the sandbox's and the recorder's) look for a stop: http.server's
# default, half a second, is what each stop would wait, and a test run stops hundreds.
POLL_INTERVAL = 0.05


@dataclass
class Recorder:
    """A plain-HTTP server on another port that keeps every request exactly as it came
    (tests assert the key never reached it) and answers POSTs like the API would, so a
    client that follows a redirect here blindly succeeds and nothing else gives it away."""

    answer: Callable[[str, dict[str, str], Any], Any]
    endpoints: set[str]  # answered to a POST
    received: list[Received] = field(default_factory=list)
    get_endpoints: set[str] = field(default_factory=set)  # answered to a GET

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> Recorder:
        handler = type("RecorderHandler", (_RecorderHandler,), {"recorder": self})
        self._server = _QuietServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(POLL_INTERVAL,), daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def port(self) -> int:
        assert self._server is not None, "the recorder runs only when a redirect is set"
        return int(self._server.server_address[1])

    def keep(self, request: Received) -> None:
        with self._lock:
            self.received.append(request)

    def respond(self, path: str, query: str, body: bytes, method: str = "POST") -> tuple[int, Any]:
        if path not in (self.get_endpoints if method == "GET" else self.endpoints):
            return 404, {"message": "Not Found"}
        params = {k: v[-1] for k, v in parse_qs(query).items()}
        try:
            parsed = json.loads(body or b"{}")
        except ValueError:
            parsed = None  # answered 422 by the API's own validation
        try:
            return 200, self.answer(path, params, parsed)
        except api.Invalid as exc:
            return 422, exc.body


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that goes away is normal


class _RecorderHandler(BaseHTTPRequestHandler):
    recorder: Recorder
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _receive(self) -> tuple[str, str, bytes]:
        parts = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.recorder.keep(Received(self.command, parts.path, parts.query, dict(self.headers.items()), body))
        return parts.path, parts.query, body

    def do_POST(self) -> None:
        self._reply(*self.recorder.respond(*self._receive()))

    def do_GET(self) -> None:
        path, query, body = self._receive()
        if path in self.recorder.get_endpoints:  # a GET endpoint, answered like the API
            self._reply(*self.recorder.respond(path, query, body, "GET"))
            return
        # What a 301 or 302 makes of a POST: the endpoint takes no GET.
        self._reply(405, {"message": "Method Not Allowed"})

    def _reply(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
