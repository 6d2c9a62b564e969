"""The one place that talks HTTP: rate limit, deadline, retries, and a scrubbed key.

Every request waits for the shared limiter, then is retried on 429, 5xx (the API's
and a CDN's), timeouts, dropped connections and cut-off or non-JSON bodies. Each has
a deadline for its whole answer and a cap on its decompressed size, and is never
sent beyond api_url's origin. Errors that retrying cannot fix become TapError
subclasses whose messages never carry the URL (it holds the key).
"""

from __future__ import annotations

import json
import logging
import random
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol, TypeVar

import pendulum
import requests

from tap_smartlead_inbox import __version__
from tap_smartlead_inbox.client.deadline import Deadline, DeadlineAdapter
from tap_smartlead_inbox.client.error_text import answer_text, connection_problem, host_and_port
from tap_smartlead_inbox.client.limiter import Limiter
from tap_smartlead_inbox.client.redirects import MAX_REDIRECTS, REDIRECT_STATUSES, redirect_target
from tap_smartlead_inbox.client.request import ApiRequest
from tap_smartlead_inbox.client.retry_policy import (
    RETRYABLE_STATUSES,
    backoff_delay,
    is_rate_limit,
    server_wait,
)
from tap_smartlead_inbox.core.errors import (
    ApiError,
    ApiValidationError,
    ComeBackLater,
    InvalidApiKey,
    MalformedResponse,
    RetriesExhausted,
)
from tap_smartlead_inbox.core.timeutil import UTC

T = TypeVar("T")

# A wait asked for longer than this is a budget used up (an hourly plan), not a burst:
# everyone waits it out (up to max_server_wait), and it teaches the limiter nothing.
LONG_WAIT = 60.0
# A Smartlead answer nests about six levels; far deeper is a broken or hostile body,
# which later steps (JSON writers among them) could not walk.
MAX_JSON_DEPTH = 64
_TOO_DEEP = f"HTTP 200 with JSON nested deeper than {MAX_JSON_DEPTH} levels"
_CHUNK = 64 * 1024

# The client's defaults, for code that builds one without settings; the settings table
# (settings.SETTINGS) offers them as the settings' defaults.
MAX_RETRIES = 6
TIMEOUT = 60.0  # seconds for a whole answer, body included
MAX_RESPONSE_MB = 64  # decompressed
MAX_IN_FLIGHT = 10  # requests out at once, whoever sends them
MAX_SERVER_WAIT = timedelta(hours=1)  # an hourly budget's longest wait: the run waits it out


class Aborted(Protocol):
    """Anything that says whether a request is still wanted, like a threading.Event."""

    def is_set(self) -> bool: ...


class RequestAborted(Exception):
    """The request was no longer wanted when its turn came."""


LOGGER = logging.getLogger("tap_smartlead_inbox.client.transport")


@dataclass
class TransportStats:
    """Counters shared by every worker; updated under a lock."""

    requests: int = 0
    retries: int = 0
    rate_limited: int = 0
    bad_utf8: int = 0  # responses whose invalid bytes were replaced
    lone_surrogates: int = 0  # strings that held half a UTF-16 pair (replaced)
    latency: float | None = None  # moving average of answered page requests (POST), seconds
    waiting_until: datetime | None = None  # the end of a long pause the server asked for
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, name: str, n: int = 1) -> None:
        with self.lock:
            setattr(self, name, getattr(self, name) + n)

    def observe_latency(self, seconds: float) -> None:
        with self.lock:
            self.latency = seconds if self.latency is None else 0.8 * self.latency + 0.2 * seconds


@dataclass
class _Failure:
    """A retryable outcome: what happened, and how long the server asked us to wait."""

    cause: str
    wait: float | None = None
    rate_limited: bool = False


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: Mapping[str, str]
    content: bytes
    elapsed: float


class _TooLarge(Exception):
    pass


@dataclass
class Transport:
    api_url: str
    api_key: str
    limiter: Limiter
    max_retries: int = MAX_RETRIES
    timeout: float = TIMEOUT
    max_response_bytes: int = MAX_RESPONSE_MB * 2**20
    max_server_wait: timedelta = MAX_SERVER_WAIT
    long_wait: float = LONG_WAIT
    session: requests.Session = field(default_factory=requests.Session)
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)
    stats: TransportStats = field(default_factory=TransportStats)
    max_in_flight: int = MAX_IN_FLIGHT

    def __post_init__(self) -> None:
        self.session.headers.update(
            {"User-Agent": f"tap-smartlead-inbox/{__version__}", "Accept": "application/json"}
        )
        self._slots = threading.BoundedSemaphore(self.max_in_flight)
        self._answered = 0  # answers read whole and well, by every worker
        # One kept-alive connection per slot; urllib3 would otherwise drop extras.
        adapter = DeadlineAdapter(pool_connections=1, pool_maxsize=self.max_in_flight)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def post(
        self,
        path: str,
        params: Mapping[str, str],
        body: Mapping[str, Any],
        read: Callable[[Any], T],
        abort: Aborted | None = None,
    ) -> T:
        """POST ``body`` to ``path`` and return ``read(parsed JSON)`` (see :meth:`send`)."""
        return self.send(ApiRequest("POST", path, params, body), read, abort)

    def get(self, path: str, params: Mapping[str, str], read: Callable[[Any], T]) -> T:
        """GET ``path`` and return ``read(parsed JSON)`` (see :meth:`send`)."""
        return self.send(ApiRequest("GET", path, params), read)

    def send(self, request: ApiRequest, read: Callable[[Any], T], abort: Aborted | None = None) -> T:
        """Send ``request`` until it is answered and return ``read(parsed JSON)``.

        ``read`` raises MalformedResponse for a body of the wrong shape, which is
        retried like a cut-off one. Once ``abort`` is set no further attempt starts.
        A 429 does not use up an attempt, up to twice as many 429s: a storm of them
        from other integrations on the key must not fail a request the server would take.
        """
        attempts = self.max_retries + 1
        failures = refusals = 0
        # Another answer read well since this request last failed: the server is up, and
        # the retry goes at the next slot; only when none was does it back off.
        answered, server_up = self._answered, True
        while True:
            outcome = self._attempt(request, abort, retry=failures + refusals > 0)
            if not isinstance(outcome, _Failure):
                try:
                    payload = read(outcome)
                except MalformedResponse as exc:
                    outcome = _Failure(f"HTTP 200 but the {exc}")
                else:
                    self._answered += 1  # no lock: a lost update still moves it
                    return payload
            failure = outcome
            if failure.rate_limited and refusals < 2 * attempts:
                refusals += 1
            else:
                failures += 1
                server_up, answered = self._answered != answered, self._answered
            if failures >= attempts:
                tries = f"{failures + refusals} attempt{'s' if failures + refusals > 1 else ''}"
                raise RetriesExhausted(
                    f"gave up on {request.label} after {tries}: {failure.cause}", path=request.path
                )
            self._wait_before_retry(request, failures, failure, back_off=not server_up)

    def _attempt(self, request: ApiRequest, abort: Aborted | None, *, retry: bool) -> Any:
        # The slot comes before the limiter, so no rate is spent on a request that must wait.
        # A retry goes ahead of first attempts: the page it is for is the one awaited.
        with self._slots:
            self.limiter.acquire(ahead=retry)
            if abort is not None and abort.is_set():
                raise RequestAborted(request.path)
            self.stats.count("requests")
            return self._send(request)

    def _send(self, request: ApiRequest) -> Any:
        url = f"{self.api_url}{request.path}"
        for _ in range(MAX_REDIRECTS + 1):
            answer = self._exchange(url, request)
            if isinstance(answer, _Failure):
                return answer
            if answer.status not in REDIRECT_STATUSES:
                return self._read(request, answer)
            url = redirect_target(url, answer.status, answer.headers.get("Location"), request)
            self.limiter.acquire(ahead=True)  # the request sent again spends the rate too
            self.stats.count("requests")
        host, port = host_and_port(url)
        raise ApiError(f"{request.label} was redirected more than {MAX_REDIRECTS} times within {host}:{port}")

    def _exchange(self, url: str, request: ApiRequest) -> _Answer | _Failure:
        """One request and its whole answer, or why there is none; redirects are not followed."""
        with Deadline(self.timeout) as deadline:
            try:
                return self._fetch(url, request, deadline)
            except requests.exceptions.SSLError:
                # Not retried and never switched off: the key would go to whoever answers.
                host, port = host_and_port(self.api_url)
                raise ApiError(
                    f"the TLS certificate of {host}:{port} could not be verified, so no request was "
                    "sent; check api_url (certificate checks cannot be turned off)",
                    path=request.path,
                ) from None
            except requests.RequestException as exc:
                if deadline.expired or isinstance(exc, requests.Timeout):
                    return _Failure(f"no whole answer within {self.timeout:g} s")
                return _Failure(connection_problem(exc, self.api_url))

    def _fetch(self, url: str, request: ApiRequest, deadline: Deadline) -> _Answer | _Failure:
        wait = deadline.remaining()
        with self.session.request(
            request.method,
            url,
            params={**request.params, "api_key": self.api_key},
            json=request.body,
            timeout=(wait, wait),
            stream=True,
            allow_redirects=False,
        ) as response:
            try:
                content = _read_capped(response, self.max_response_bytes)
            except _TooLarge:
                mb = self.max_response_bytes / 2**20
                raise ApiError(
                    f"{request.label} answered a body over {mb:g} MB once decompressed; it was not read "
                    "(raise max_response_mb if Smartlead's answers are really this large)",
                    response.status_code,
                    request.path,
                ) from None
        if deadline.expired:  # the body may have been cut short by the deadline
            return _Failure(f"no whole answer within {self.timeout:g} s")
        return _Answer(response.status_code, response.headers, content, response.elapsed.total_seconds())

    def _text(self, content: bytes) -> str:
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError:
            self.stats.count("bad_utf8")
            return content.decode("utf-8", errors="replace")

    def _read(self, request: ApiRequest, answer: _Answer) -> Any:
        status, text = answer.status, self._text(answer.content)
        rate_limited = is_rate_limit(status, answer.headers, text)
        if not rate_limited:
            self.limiter.record_accepted()
            if request.method == "POST":  # a page's latency sets how many pages are in flight
                self.stats.observe_latency(answer.elapsed)
        payload = _parse(text)
        if isinstance(payload, _Failure):
            if status == 200:
                return payload
            payload = None
        elif _SURROGATE_ESCAPE.search(text):
            payload, lone = replace_lone_surrogates(payload)
            self.stats.count("lone_surrogates", lone)
        if status == 200:
            return payload
        if rate_limited or status in RETRYABLE_STATUSES:
            said = answer_text(payload, text)
            return _Failure(
                f"HTTP {status}" + (f" ({said})" if said else ""),
                wait=server_wait(answer.headers, payload),
                rate_limited=rate_limited,
            )
        raise _api_error(status, request, payload, text)

    def _wait_before_retry(
        self, request: ApiRequest, attempt: int, failure: _Failure, *, back_off: bool
    ) -> None:
        """The retry after failure number ``attempt`` goes at the limiter's next free slot
        (ahead of requests still waiting), unless the server asked for a wait, or
        ``back_off`` (nothing else was answered well since this request last failed: the
        server looks down): then it backs off exponentially, by ``attempt``."""
        self.stats.count("retries")
        wait, path = failure.wait, request.path
        if wait is not None and wait > self.long_wait:
            self._wait_long(request, failure, wait)
            return
        if failure.rate_limited:
            self.stats.count("rate_limited")
            # Another 429 just before this one: a rate is enforced on the key, so every
            # worker waits, and the limiter re-measures what the plan allows.
            pause = wait if wait is not None else max(1.0, backoff_delay(attempt + 2, self.rng))
            if self.limiter.note_rate_limited(pause):
                LOGGER.info("Rate limited on %s; all requests wait %.1f s", path, pause)
                return
            # A lone 429 while other requests go through says nothing about our rate: this
            # request alone goes again at the next slot, and nobody else waits.
            LOGGER.info("HTTP 429 on %s while other requests go through; sending it again", path)
            return
        if wait is None:
            wait = backoff_delay(attempt, self.rng) if back_off else 0.0
        LOGGER.warning(
            "Retrying %s in %.1f s (attempt %d of %d): %s",
            request.label,
            wait,
            attempt + 1,
            self.max_retries + 1,
            failure.cause,
        )
        if wait > 0:  # else the limiter's next free slot, without giving up the thread first
            self.sleep(wait)

    def _wait_long(self, request: ApiRequest, failure: _Failure, wait: float) -> None:
        """A wait of minutes to an hour: everyone waits until then, or the run stops there."""
        if failure.rate_limited:
            self.stats.count("rate_limited")
        until = datetime.now(UTC) + timedelta(seconds=wait)
        when = f"{_words(wait)}, until {until:%Y-%m-%d %H:%M:%S} UTC"
        limit = _words(self.max_server_wait.total_seconds())
        if wait > self.max_server_wait.total_seconds():
            raise ComeBackLater(
                f"Smartlead asked this key to wait {when}, before its next request ({request.label}: "
                f"{failure.cause}); that is longer than max_server_wait ({limit}), so the run stopped at "
                f"its last checkpoint: run again after {until:%Y-%m-%d %H:%M:%S} UTC",
                path=request.path,
            )
        if self.limiter.pause_for(wait):
            self.stats.waiting_until = until
            what = "Smartlead's rate limit for this key is used up" if failure.rate_limited else failure.cause
            LOGGER.warning(
                "%s (%s): every request waits %s, as the server asked (max_server_wait %s)",
                what,
                request.label,
                when,
                limit,
            )


def _words(seconds: float) -> str:
    return str(pendulum.duration(seconds=round(seconds)).in_words(locale="en"))


def _read_capped(response: requests.Response, cap: int) -> bytes:
    """The decoded body, read in chunks: a body over ``cap`` bytes raises _TooLarge
    before it is held, whatever its compression ratio."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > cap:
        raise _TooLarge
    body = bytearray()  # grown in place: a list of chunks joined at the end would need twice the size
    for chunk in response.iter_content(_CHUNK):
        if len(body) + len(chunk) > cap:
            raise _TooLarge
        body += chunk
    return bytes(body)


def _parse(text: str) -> Any:
    """The JSON of a body, or a _Failure for one that is cut off, not JSON, or absurdly deep."""
    try:
        payload = json.loads(text)
    except ValueError:
        return _Failure("HTTP 200 with a cut-off or non-JSON body")
    except RecursionError:
        return _Failure(_TOO_DEEP)
    return _Failure(_TOO_DEEP) if _deeper_than(payload, MAX_JSON_DEPTH) else payload


def _deeper_than(payload: Any, limit: int) -> bool:
    """Whether containers nest more than ``limit`` levels (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(payload, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values() if isinstance(item, dict | list))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value if isinstance(item, dict | list))
    return False


# JSON can escape half of a UTF-16 pair ("\ud83d", from text cut by UTF-16 length);
# Python keeps it as a lone surrogate, which no UTF-8 writer accepts. Only a body with
# such an escape is walked.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(payload: Any) -> tuple[Any, int]:
    """``payload`` with every lone surrogate in its strings (keys too) replaced by
    U+FFFD, and how many strings held one. Pairs were joined by the JSON parser."""
    count = 0

    def clean(text: str) -> str:
        nonlocal count
        fixed, n = _LONE_SURROGATE.subn("\ufffd", text)
        count += n > 0
        return fixed

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return clean(value)
        if isinstance(value, list):
            stack.append(value)
        elif isinstance(value, dict):
            fixed = {clean(key): item for key, item in value.items()}
            value.clear()
            value.update(fixed)
            stack.append(value)
        return value

    stack: list[Any] = []
    root = walk(payload)
    while stack:  # iterative: a deeply nested body must not exhaust the call stack
        container = stack.pop()
        items = enumerate(container) if isinstance(container, list) else container.items()
        for key, item in list(items):
            container[key] = walk(item)
    return root, count


def _api_error(status: int, request: ApiRequest, payload: object, text: str) -> ApiError:
    message, label, path = answer_text(payload, text) or "no message", request.label, request.path
    if status == 401:
        return InvalidApiKey(
            f"invalid API key: {label} answered 401 ({message}); check SMARTLEAD_API_KEY", status, path
        )
    if status == 422:
        return ApiValidationError(
            f"the API rejected the request (HTTP 422 on {label}): {message}", status, path
        )
    return ApiError(f"HTTP {status} on {label}: {message}", status, path)
