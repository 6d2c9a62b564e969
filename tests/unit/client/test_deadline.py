"""A deadline for a whole response (client/deadline.py): a request sent inside
``with Deadline(seconds)`` through a session mounted with ``DeadlineAdapter`` ends by
``seconds``, however slowly the server sends; a request that ends in time, or a
connection used after the block, is left alone.

The server is real: a socket server on 127.0.0.1 whose answers come at once, a byte at
a time, or never, so requests' own timeout (which bounds each read) never fires."""

from __future__ import annotations

import contextlib
import select
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from tap_smartlead_inbox.client.deadline import Deadline, DeadlineAdapter
from tests.support.examples import examples

DEADLINE = 0.15  # seconds: the deadline of the tests that are cut
GAP = 0.02  # seconds between two bytes of a trickled answer
PER_READ = 10.0  # requests' own timeout: each byte comes well within it, so it never fires
SLACK = 1.0  # how late a cut may come on a loaded machine; a trickle lasts far longer uncut
TRICKLE = 200  # bytes of a body that takes TRICKLE * GAP = 4 s to send, uncut
FLOOR = 0.001  # remaining() never goes below it: a timeout of 0 would mean "no timeout"


class TrickleServer:
    """HTTP/1.1 on 127.0.0.1 with keep-alive. ``/answer`` sends ``body`` bytes after
    headers; ``headers_gap`` and ``body_gap`` space out each byte of either; ``/silent``
    accepts and never answers. Every request is recorded with its connection's number."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._handlers: list[threading.Thread] = []
        self._connections: list[socket.socket] = []
        self.served: list[tuple[int, str]] = []  # (connection number, request target)
        self._acceptor = threading.Thread(target=self._accept, daemon=True)
        self._acceptor.start()

    def url(self, path: str = "/answer", /, **query: Any) -> str:
        return f"http://127.0.0.1:{self.port}{path}?{urlencode(query)}"

    def connection_of(self, tag: str) -> int:
        with self._lock:
            return next(number for number, target in self.served if f"tag={tag}" in target)

    def close(self) -> None:
        self._stop.set()
        socket.create_connection(("127.0.0.1", self.port)).close()  # wakes accept()
        self._acceptor.join(2)
        self._listener.close()
        for conn in self._connections:  # a handler waiting on a kept-alive connection wakes
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for handler in self._handlers:
            handler.join(2)

    def _accept(self) -> None:
        number = 0
        while True:
            conn, _ = self._listener.accept()
            if self._stop.is_set():
                conn.close()
                return
            number += 1
            self._connections.append(conn)
            handler = threading.Thread(target=self._serve, args=(conn, number), daemon=True)
            self._handlers.append(handler)
            handler.start()

    def _serve(self, conn: socket.socket, number: int) -> None:
        pending = b""
        with conn:
            while not self._stop.is_set():
                while b"\r\n\r\n" not in pending:
                    try:
                        chunk = conn.recv(4096)
                    except OSError:
                        return
                    if not chunk:
                        return
                    pending += chunk
                head, _, pending = pending.partition(b"\r\n\r\n")
                target = head.split(b" ")[1].decode()
                with self._lock:
                    self.served.append((number, target))
                if not self._answer(conn, target):
                    return

    def _answer(self, conn: socket.socket, target: str) -> bool:
        """Whether the connection can serve another request."""
        parts = urlsplit(target)
        if parts.path == "/silent":
            self._stop.wait()
            return False
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        body = body_of(int(query.get("body", "5")))
        headers = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n"
        return self._send(conn, headers.encode(), float(query.get("headers_gap", 0))) and self._send(
            conn, body, float(query.get("body_gap", 0))
        )

    def _send(self, conn: socket.socket, data: bytes, gap: float) -> bool:
        try:
            if not gap:
                conn.sendall(data)
                return True
            for i in range(len(data)):
                if self._stop.wait(gap):
                    return False
                conn.sendall(data[i : i + 1])
        except OSError:  # the client cut the connection
            return False
        return True


def body_of(size: int) -> bytes:
    return bytes(ord("a") + i % 26 for i in range(size))


@pytest.fixture(scope="module")
def server() -> Iterator[TrickleServer]:
    running = TrickleServer()
    yield running
    running.close()


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as watched:
        watched.trust_env = False  # no proxy from the environment between the test and its server
        watched.mount("http://", DeadlineAdapter(pool_connections=1, pool_maxsize=4))
        yield watched


def timed(send: Any) -> tuple[float, Any]:
    """Seconds ``send()`` took, and what it returned or raised."""
    start = time.monotonic()
    try:
        outcome = send()
    except requests.RequestException as exc:
        outcome = exc
    return time.monotonic() - start, outcome


# --- a response that takes too long is cut --------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param({"headers_gap": GAP, "body_gap": GAP, "body": TRICKLE}, id="headers-and-body-trickled"),
        pytest.param({"body_gap": GAP, "body": TRICKLE}, id="body-trickled"),
        pytest.param({"headers_gap": GAP, "body": 0}, id="headers-trickled"),
    ],
)
def test_a_response_trickled_a_byte_at_a_time_is_cut_at_the_deadline(
    server: TrickleServer, session: requests.Session, answer: dict[str, Any]
):
    def send() -> requests.Response:
        with Deadline(DEADLINE) as deadline:
            sent.append(deadline)
            return session.get(server.url(**answer), timeout=PER_READ)

    sent: list[Deadline] = []
    elapsed, outcome = timed(send)
    assert isinstance(outcome, requests.RequestException), f"answered {outcome!r} after {elapsed:.2f} s"
    assert sent[0].expired
    assert DEADLINE <= elapsed < DEADLINE + SLACK


def test_a_server_that_never_answers_is_cut_at_the_deadline(server: TrickleServer, session: requests.Session):
    def send() -> requests.Response:
        with Deadline(DEADLINE) as deadline:
            sent.append(deadline)
            return session.get(server.url("/silent"), timeout=PER_READ)

    sent: list[Deadline] = []
    elapsed, outcome = timed(send)
    assert isinstance(outcome, requests.ConnectionError)
    assert sent[0].expired
    assert DEADLINE <= elapsed < DEADLINE + SLACK


def test_requests_own_timeout_bounds_each_read_not_the_whole_response(
    server: TrickleServer, session: requests.Session
):
    # Why the module exists, and that outside a Deadline the adapter changes nothing: a
    # body trickled over 40 * 0.02 s = 0.8 s arrives whole under a timeout of 0.5 s (each
    # read waits a gap, 25 times shorter than the timeout even on a loaded machine).
    answer = {"body_gap": GAP, "body": 40}
    elapsed, outcome = timed(lambda: session.get(server.url(**answer), timeout=0.5))
    assert isinstance(outcome, requests.Response)
    assert outcome.content == body_of(40)
    assert elapsed > 0.5


def _backlog_full(listener: socket.socket) -> list[socket.socket]:
    """Connections that fill ``listener``'s accept queue, if a further one then hangs."""
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(("127.0.0.1", port))
        fillers.append(filler)
    _, writable, _ = select.select([], [fillers[-1]], [], 0.05)
    if writable and not fillers[-1].getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
        for filler in fillers:
            filler.close()
        pytest.skip("this system accepts connections beyond a full backlog")
    return fillers


def test_a_connection_never_accepted_ends_at_the_deadline_with_remaining_as_connect_timeout(
    session: requests.Session,
):
    # Until it is connected a request has no socket to cut: the connect is bounded by the
    # connect timeout, which the caller takes from remaining() (as transport.py does).
    with socket.create_server(("127.0.0.1", 0), backlog=0) as listener:
        fillers = _backlog_full(listener)
        try:
            with Deadline(DEADLINE) as deadline:
                url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
                elapsed, outcome = timed(lambda: session.get(url, timeout=(deadline.remaining(), PER_READ)))
        finally:
            for filler in fillers:
                filler.close()
    assert isinstance(outcome, requests.ConnectTimeout)
    assert DEADLINE * 0.9 <= elapsed < DEADLINE + SLACK


# --- a response in time is left alone -------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param({"body": 5}, id="at-once"),
        pytest.param({"body_gap": 0.005, "body": 10}, id="trickled-within-it"),
    ],
)
def test_a_response_within_the_deadline_is_untouched(
    server: TrickleServer, session: requests.Session, answer: dict[str, Any]
):
    with Deadline(2.0) as deadline:
        response = session.get(server.url(**answer), timeout=PER_READ)
    assert response.status_code == 200
    assert response.content == body_of(answer["body"])
    assert not deadline.expired


def test_after_the_block_the_deadline_leaves_its_kept_alive_connection_alone(
    server: TrickleServer, session: requests.Session
):
    # A second for the first request, which needs milliseconds: a loaded machine (the fast
    # suite runs at the lowest priority under `make test`) can stall it for a tenth.
    with Deadline(1.0) as first:
        assert session.get(server.url(tag="first"), timeout=PER_READ).content == body_of(5)
    # The next request reuses the connection and lasts past the first deadline, which
    # fires meanwhile: it must not cut the connection it once watched.
    with Deadline(5.0) as second:
        answer = {"body_gap": GAP, "body": 60, "tag": "second"}  # 1.2 s
        response = session.get(server.url(**answer), timeout=PER_READ)
    assert time.monotonic() > first.ends
    assert response.content == body_of(60)
    assert server.connection_of("first") == server.connection_of("second"), "the connection was kept alive"
    assert not first.expired
    assert not second.expired


def test_deadlines_of_several_threads_cut_only_their_own_requests(
    server: TrickleServer, session: requests.Session
):
    # Both deadlines are under way before either request is sent, the short one first.
    short_entered, both_entered = threading.Event(), threading.Barrier(2)
    outcomes: dict[str, tuple[Deadline, float, Any]] = {}

    def run(name: str, seconds: float, answer: dict[str, Any]) -> None:
        deadlines: list[Deadline] = []

        def send() -> requests.Response:
            with Deadline(seconds) as deadline:
                deadlines.append(deadline)
                short_entered.set()
                both_entered.wait(5)
                return session.get(server.url(**answer), timeout=PER_READ)

        if name == "long":
            short_entered.wait(5)
        elapsed, outcome = timed(send)
        outcomes[name] = (deadlines[0], elapsed, outcome)

    threads = [
        threading.Thread(target=run, args=("short", DEADLINE, {"body_gap": GAP, "body": TRICKLE})),
        threading.Thread(target=run, args=("long", 5.0, {"body_gap": GAP, "body": 15})),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    short, short_elapsed, cut = outcomes["short"]
    long, long_elapsed, answered = outcomes["long"]
    assert short.expired
    assert isinstance(cut, requests.RequestException)
    assert DEADLINE <= short_elapsed < DEADLINE + SLACK
    assert not long.expired
    assert isinstance(answered, requests.Response)
    assert answered.content == body_of(15)
    assert long_elapsed > DEADLINE, "the long request was under way when the short one was cut"


# --- remaining() ----------------------------------------------------------------------------


@given(seconds=st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
@settings(max_examples=examples(30), deadline=None)
def test_remaining_is_never_below_its_floor_nor_above_the_deadline(seconds):
    with Deadline(seconds) as deadline:
        left = deadline.remaining()
    assert FLOOR <= left <= max(seconds, FLOOR)


def test_remaining_counts_down_to_the_floor_and_stays_there():
    with Deadline(0.5) as deadline:  # not less: a loaded machine can stall this test for a tenth
        first = deadline.remaining()
        time.sleep(0.01)
        second = deadline.remaining()
        time.sleep(0.5)
        assert first > second > FLOOR
        assert deadline.remaining() == FLOOR
