"""The one place that talks HTTP: rate limit, timeout, retries, and a scrubbed key.

Every request waits for the shared limiter, then is retried on 429, 5xx, timeouts,
dropped connections and cut-off or non-JSON bodies. Errors that retrying cannot fix
become TapError subclasses whose messages never carry the URL (it holds the key).
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
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from tap_smartlead_inbox import __version__
from tap_smartlead_inbox.errors import (
    ApiError,
    ApiValidationError,
    InvalidApiKey,
    MalformedResponse,
    RetriesExhausted,
)
from tap_smartlead_inbox.limiter import RateLimiter
from tap_smartlead_inbox.redaction import redact
from tap_smartlead_inbox.retry_policy import RETRYABLE_STATUSES, backoff_delay, server_wait

T = TypeVar("T")


class Aborted(Protocol):
    """Anything that says whether a request is still wanted, like a threading.Event."""

    def is_set(self) -> bool: ...


class RequestAborted(Exception):
    """The request was no longer wanted when its turn came."""


LOGGER = logging.getLogger("tap_smartlead_inbox.transport")


@dataclass
class TransportStats:
    """Counters shared by every worker; updated under a lock."""

    requests: int = 0
    retries: int = 0
    rate_limited: int = 0
    bad_utf8: int = 0  # responses whose invalid bytes were replaced
    lone_surrogates: int = 0  # strings that held half a UTF-16 pair (replaced)
    latency: float | None = None  # moving average of answered requests, seconds
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


@dataclass
class Transport:
    api_url: str
    api_key: str
    limiter: RateLimiter
    max_retries: int = 6
    timeout: float = 60.0
    session: requests.Session = field(default_factory=requests.Session)
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)
    stats: TransportStats = field(default_factory=TransportStats)
    max_in_flight: int = 10  # requests out at once, whoever sends them (pages, probes, re-reads)

    def __post_init__(self) -> None:
        self.session.headers.update(
            {"User-Agent": f"tap-smartlead-inbox/{__version__}", "Accept": "application/json"}
        )
        self._slots = threading.BoundedSemaphore(self.max_in_flight)
        # One kept-alive connection per slot; urllib3 would otherwise drop extras.
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=self.max_in_flight)
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
        """POST ``body`` to ``path`` and return ``read(parsed JSON)``.

        ``read`` raises MalformedResponse for a body of the wrong shape, which is
        retried like a cut-off one. Once ``abort`` is set no further attempt starts.
        """
        attempts = self.max_retries + 1
        for attempt in range(1, attempts + 1):
            outcome = self._attempt(path, params, body, abort)
            if not isinstance(outcome, _Failure):
                try:
                    return read(outcome)
                except MalformedResponse as exc:
                    outcome = _Failure(f"HTTP 200 but the {exc}")
            failure = outcome
            if attempt == attempts:
                tries = f"{attempts} attempt{'s' if attempts > 1 else ''}"
                raise RetriesExhausted(
                    f"gave up on POST {path} after {tries}: {failure.cause}",
                    path=path,
                )
            self._wait_before_retry(path, attempt, failure)
        raise AssertionError("unreachable")  # pragma: no cover

    def _attempt(
        self, path: str, params: Mapping[str, str], body: Mapping[str, Any], abort: Aborted | None
    ) -> Any:
        # The slot comes before the limiter, so no rate is spent on a request that must wait.
        with self._slots:
            self.limiter.acquire()
            if abort is not None and abort.is_set():
                raise RequestAborted(path)
            self.stats.count("requests")
            return self._send(path, params, body)

    def _send(self, path: str, params: Mapping[str, str], body: Mapping[str, Any]) -> Any:
        try:
            response = self.session.post(
                f"{self.api_url}{path}",
                params={**params, "api_key": self.api_key},
                json=body,
                timeout=self.timeout,
            )
        except requests.Timeout:
            return _Failure(f"no answer within {self.timeout:g} s")
        except requests.exceptions.SSLError:
            # Not retried and never switched off: the key would go to whoever answers.
            host = urlsplit(self.api_url).netloc
            raise ApiError(
                f"the TLS certificate of {host} could not be verified, so no request was sent; "
                "check api_url (certificate checks cannot be turned off)",
                path=path,
            ) from None
        except requests.RequestException as exc:
            return _Failure(_connection_problem(exc, self.api_url))
        return self._read(path, response)

    def _text(self, content: bytes) -> str:
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError:
            self.stats.count("bad_utf8")
            return content.decode("utf-8", errors="replace")

    def _read(self, path: str, response: requests.Response) -> Any:
        status = response.status_code
        if status != 429:
            self.limiter.record_accepted()
            self.stats.observe_latency(response.elapsed.total_seconds())
        try:
            text = self._text(response.content)
            payload = json.loads(text)
        except (ValueError, requests.RequestException):
            payload = None
        else:
            if _SURROGATE_ESCAPE.search(text):
                payload, lone = replace_lone_surrogates(payload)
                self.stats.count("lone_surrogates", lone)
        if status == 200:
            if payload is None:
                return _Failure("HTTP 200 with a cut-off or non-JSON body")
            return payload
        if status in RETRYABLE_STATUSES:
            return _Failure(
                f"HTTP {status}",
                wait=server_wait(response.headers, payload),
                rate_limited=status == 429,
            )
        raise _api_error(status, path, payload, response.text)

    def _wait_before_retry(self, path: str, attempt: int, failure: _Failure) -> None:
        self.stats.count("retries")
        if failure.rate_limited:
            self.stats.count("rate_limited")
            # The pause applies to the key, so every worker waits it out, and the
            # limiter re-measures what the plan allows.
            wait = failure.wait if failure.wait is not None else max(1.0, backoff_delay(attempt, self.rng))
            self.limiter.record_rate_limited(wait)
            LOGGER.info("Rate limited on %s; all requests wait %.1f s", path, wait)
            return
        wait = failure.wait if failure.wait is not None else backoff_delay(attempt, self.rng)
        LOGGER.warning(
            "Retrying POST %s in %.1f s (attempt %d of %d): %s",
            path,
            wait,
            attempt + 1,
            self.max_retries + 1,
            failure.cause,
        )
        self.sleep(wait)


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


_CONNECTION_PROBLEMS = (
    (
        ("NameResolutionError", "Name or service not known", "name resolution", "nodename nor servname"),
        "the host name {host} does not resolve",
    ),
    (("Connection refused",), "nothing is listening at {host}:{port}"),
    (
        (
            "RemoteDisconnected",
            "Connection aborted",
            "Connection reset",
            "ConnectionResetError",
            "IncompleteRead",
            "ChunkedEncodingError",
            "ProtocolError",
        ),
        "the connection to {host}:{port} dropped before a whole answer arrived",
    ),
)


def _connection_problem(exc: requests.RequestException, api_url: str) -> str:
    """A short, key-free cause; requests' own text embeds the URL and so the key."""
    parts = urlsplit(api_url)
    host = parts.hostname or "?"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    text = f"{type(exc).__name__} {exc!r} {exc.__context__!r}"
    for needles, template in _CONNECTION_PROBLEMS:
        if any(needle in text for needle in needles):
            return template.format(host=host, port=port)
    return f"connection to {host}:{port} failed ({type(exc).__name__})"


def _api_error(status: int, path: str, payload: object, text: str) -> ApiError:
    message = _api_message(payload) or redact(text.strip())[:300] or "no message"
    if status == 401:
        return InvalidApiKey(
            f"invalid API key: POST {path} answered 401 ({message}); check SMARTLEAD_API_KEY",
            status,
            path,
        )
    if status == 422:
        return ApiValidationError(
            f"the API rejected the request (HTTP 422 on POST {path}): {message}", status, path
        )
    return ApiError(f"HTTP {status} on POST {path}: {message}", status, path)


def _api_message(payload: object) -> str | None:
    if not isinstance(payload, Mapping):
        return None
    for key in ("error", "message"):
        value = payload.get(key)
        if isinstance(value, str) and value:
            details = {k: payload[k] for k in ("field", "provided_count", "max_allowed") if k in payload}
            suffix = f" ({', '.join(f'{k}={v}' for k, v in details.items())})" if details else ""
            return redact(value + suffix)
        if isinstance(value, Mapping) and isinstance(value.get("message"), str):
            return redact(value["message"])
    return None
