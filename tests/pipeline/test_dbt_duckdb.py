"""The dbt package on DuckDB, run by Meltano as the README says: `meltano run
tap-smartlead-inbox target-duckdb dbt-duckdb:build`, on a sandbox, twice (the second run
delivers some threads again, changed). target-duckdb upserts, and sent_emails is left out, so
the marts divide by the replied leads and say so. Every check is in dbt_package_checks.py;
`dbt docs generate` is checked here."""

from __future__ import annotations

import pytest

from tests.pipeline.dbt_package_checks import DbtPackageChecks
from tests.support import pipelines
from tests.support.dbt_marts import Load, load_twice
from tests.support.pipelines import duckdb_query

pytestmark = pipelines.needs_meltano


@pytest.fixture(scope="module")
def load(tmp_path_factory: pytest.TempPathFactory) -> Load:
    tmp_path = tmp_path_factory.mktemp("dbt-duckdb")
    database = tmp_path / "warehouse.duckdb"  # the loader's file, which dbt builds the marts in
    env = {"TARGET_DUCKDB_FILEPATH": str(database), "DBT_DUCKDB_PATH": str(database)}
    return load_twice("duckdb", env, duckdb_query(database), tmp_path, sent_list=False, docs=True)


class TestDbtOnDuckDB(DbtPackageChecks):
    def test_the_docs_site_describes_every_column_each_relation_holds(self, load: Load) -> None:
        assert load.catalog is not None
        nodes = load.manifest["nodes"]
        models = {uid for uid, node in nodes.items() if node["resource_type"] == "model"}
        assert set(load.catalog["nodes"]) == models
        for uid, relation in load.catalog["nodes"].items():
            held = {name.lower() for name in relation["columns"]}
            assert held == set(nodes[uid]["columns"]), uid
