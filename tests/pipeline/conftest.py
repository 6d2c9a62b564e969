"""The PostgreSQL server of the warehouse tests, one per module that asks for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.postgres_server import PostgresServer, require_postgres


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer(require_postgres()).start()
    try:
        yield server
    finally:
        server.stop()
