"""The dbt package on PostgreSQL (the server the warehouse tests start), run by Meltano:
`meltano run tap-smartlead-inbox target-postgres dbt-postgres:build`, on a sandbox, twice (the
second run delivers some threads again, changed). Here the loader appends (a stream map drops
the streams' keys, as a target without upserts keeps every delivery) and sent_emails is loaded:
the raw tables hold a lead's rows several times, and only the staging models' newest row per
key keeps the marts from counting them twice. Every check is in dbt_package_checks.py."""

from __future__ import annotations

import json

import pytest

from tests.pipeline.dbt_package_checks import DbtPackageChecks
from tests.support import pipelines
from tests.support.dbt_marts import STREAMS, Load, load_twice
from tests.support.postgres_server import PostgresServer

pytestmark = pipelines.needs_meltano

# target-postgres upserts every stream that has a key, whatever its load_method says.
WITHOUT_KEYS = json.dumps({stream: {"__key_properties__": []} for stream in STREAMS})


@pytest.fixture(scope="module")
def load(postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> Load:
    tmp_path = tmp_path_factory.mktemp("dbt-postgres")
    # The dbt-postgres utility connects with target-postgres' own variables (its defaults).
    env = {**postgres.env, "TAP_SMARTLEAD_INBOX_STREAM_MAPS": WITHOUT_KEYS}
    return load_twice("postgres", env, postgres.sql, tmp_path, sent_list=True)


class TestDbtOnPostgres(DbtPackageChecks):
    pass
