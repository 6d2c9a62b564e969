"""A deadline for a whole response: connecting, the headers and the body.

requests' timeout bounds each socket read, not a response, so a server that sends a
byte a second never times out. Here every request records the connection it is sent
on, and a watchdog thread shuts that socket down when the deadline passes: whatever
read is blocked ends at once, and the request fails as a timeout that is retried.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import logging
import socket
import threading
import time
from types import TracebackType
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

# urllib3 logs headers cut off mid-line (by a deadline, say) as a warning with a
# traceback; the retry's own line already says what happened.
logging.getLogger("urllib3.connection").setLevel(logging.ERROR)

# The deadline each thread's request is under, if any.
_watching: dict[int, Deadline] = {}
_watching_lock = threading.Lock()


class Deadline:
    """``with Deadline(seconds) as d:`` cuts the request sent inside it at ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._connection: HTTPConnection | None = None
        self._done = False
        self._lock = threading.Lock()
        self.ends = 0.0

    def __enter__(self) -> Deadline:
        self.ends = time.monotonic() + self.seconds
        with _watching_lock:
            _watching[threading.get_ident()] = self
        _WATCHDOG.watch(self)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        with self._lock:
            self._done = True
            self._connection = None  # the watchdog keeps ended deadlines until they are due
        with _watching_lock:
            _watching.pop(threading.get_ident(), None)

    def remaining(self) -> float:
        """Seconds left, never below a small floor (a timeout of 0 means "no timeout")."""
        return max(0.001, self.ends - time.monotonic())

    def _sent_on(self, connection: HTTPConnection) -> None:
        with self._lock:
            self._connection = connection

    def cut(self) -> None:
        """The deadline has passed: end the request if it is still under way."""
        with self._lock:
            if self._done:
                return
            self.expired = True
            sock = getattr(self._connection, "sock", None)
        if isinstance(sock, socket.socket):
            # shutdown, not close: it wakes a read blocked in another thread.
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _Watchdog:
    """One thread for every deadline of the process, asleep until the nearest one: a
    thread per request would be started and collected several times a second."""

    def __init__(self) -> None:
        self._ready = threading.Condition()
        self._due: list[tuple[float, int, Deadline]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: Deadline) -> None:
        with self._ready:
            heapq.heappush(self._due, (deadline.ends, next(self._order), deadline))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="deadlines", daemon=True)
                self._thread.start()
            self._ready.notify()

    def _run(self) -> None:
        while True:
            with self._ready:
                while not self._due or self._due[0][0] > time.monotonic():
                    self._ready.wait(self._due[0][0] - time.monotonic() if self._due else None)
                _, _, deadline = heapq.heappop(self._due)
            deadline.cut()  # a request that has ended meanwhile is left alone


_WATCHDOG = _Watchdog()


def _note_connection(connection: HTTPConnection) -> None:
    with _watching_lock:
        deadline = _watching.get(threading.get_ident())
    if deadline is not None:
        deadline._sent_on(connection)


class _WatchedHTTPConnection(HTTPConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _note_connection(self)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _note_connection(self)
        super().request(*args, **kwargs)


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class DeadlineAdapter(HTTPAdapter):
    """An adapter whose connections a :class:`Deadline` can cut."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        # A new dict: the pool manager's default is shared module state.
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}
