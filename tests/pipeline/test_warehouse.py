"""Loading into warehouses: PostgreSQL (a real server the tests start) and DuckDB, through
Meltano, upserting by primary key so that a second run replaces what changed."""

from __future__ import annotations

import csv
import os
import subprocess
from collections import Counter
from pathlib import Path

import yaml

from smartlead_sandbox import SANDBOX_KEY, Sandbox, SandboxConfig, live
from tests.conftest import emails_of
from tests.support import pipelines
from tests.support.doc_pages import marked_fence
from tests.support.paths import ROOT
from tests.support.pipelines import Query, duckdb_query
from tests.support.postgres_server import PASSWORD

pytestmark = pipelines.needs_meltano

KEYS = {"inbox_replies": ("email_lead_map_id",), "email_history": ("email_lead_map_id", "email_key")}
# Rows per loader batch: small, so that a loss of rows per batch shows (target-duckdb 0.8 with
# duckdb >= 1.3 drops the first row of each batch; see "Loading into a warehouse" in
# docs/warehouses-and-questions.md).
BATCH = "7"


def run_twice(
    loader: str, env: dict[str, str], tmp_path: Path, query: Query
) -> tuple[Sandbox, list[str], dict]:
    """A full load, then three leads reply, then an incremental load; with snapshots."""
    state = pipelines.own_state(tmp_path)
    with Sandbox(SandboxConfig(leads=60, rate_limit=None)) as sandbox:
        pipelines.meltano_run(
            sandbox, "target-csv", "--no-state-update", TARGET_CSV_OUTPUT_PATH=str(tmp_path / "csv"), **state
        )
        first = pipelines.meltano_run(sandbox, loader, **env, **state)
        snapshot = {
            "first": written(query),
            "first_counts": row_counts(query),
            "csv": csv_keys(tmp_path / "csv"),
        }
        changed = sorted(lead["email_lead_map_id"] for lead in sandbox.expected()[20:23])
        for map_id in changed:
            sandbox.inbox.add_reply(map_id)
        second = pipelines.meltano_run(sandbox, loader, **env, **state)
    for process in (first, second):
        assert SANDBOX_KEY not in process.stdout + process.stderr
        assert PASSWORD not in process.stdout + process.stderr
    return sandbox, changed, snapshot


def written(query: Query) -> dict[str, dict[tuple[str, ...], str]]:
    """Each table's rows by primary key, with the batch that last wrote them."""
    tables = {}
    for table, key in KEYS.items():
        rows = query(f"SELECT {', '.join(key)}, _sdc_batched_at FROM smartlead.{table}")
        tables[table] = {tuple(row[:-1]): row[-1] for row in rows}
    return tables


def row_counts(query: Query) -> dict[str, int]:
    return {table: int(query(f"SELECT count(*) FROM smartlead.{table}")[0][0]) for table in KEYS}


def csv_keys(folder: Path) -> dict[str, list[tuple[str, ...]]]:
    """Each stream's primary key, one per row of its CSV."""
    keys = {}
    for table, key in KEYS.items():
        path = next(folder.glob(f"*_{table}.csv"))
        with path.open(encoding="utf-8", newline="") as handle:
            keys[table] = [tuple(row[column] for column in key) for row in csv.DictReader(handle)]
    return keys


def check_analytics(sandbox: Sandbox, query: Query) -> None:
    """Reply kinds, thread metrics and category names arrive in the warehouse as the tap made them."""
    truth = Counter(sandbox.reply_kinds().values())
    kinds = query(
        "SELECT reply_kind, count(*) FROM smartlead.email_history WHERE history_type = 'REPLY' GROUP BY 1"
    )
    assert {kind: int(n) for kind, n in kinds} == dict(truth)
    sums = query(
        "SELECT sum(human_reply_count), sum(auto_reply_count), sum(bounce_count), sum(unsubscribe_count) "
        "FROM smartlead.inbox_replies"
    )[0]
    assert [int(n) for n in sums] == [truth[k] for k in ("human", "auto_reply", "bounce", "unsubscribe")]
    categories = query("SELECT id, name FROM smartlead.lead_categories ORDER BY id")
    assert [(int(i), n) for i, n in categories] == sorted((c["id"], c["name"]) for c in sandbox.categories())
    named = query(
        "SELECT count(*) FROM smartlead.inbox_replies r JOIN smartlead.lead_categories c "
        "ON c.id = r.lead_category_id WHERE r.lead_category_name = c.name"
    )
    listed = {int(i) for i, _ in categories}
    assert int(named[0][0]) == sum(1 for lead in sandbox.expected() if lead["lead_category_id"] in listed)


def check_upserts(sandbox: Sandbox, changed: list[str], snapshot: dict, query: Query) -> None:
    first, after, csv_rows = snapshot["first"], written(query), snapshot["csv"]
    # The first load holds exactly the CSV's rows: as many, with the same keys, none lost or doubled.
    lost = {table: set(keys) - set(first[table]) for table, keys in csv_rows.items()}
    how_many = {table: f"{len(lost[table])} of {len(keys)} lost" for table, keys in csv_rows.items()}
    assert lost == {table: set() for table in KEYS}, how_many
    assert {table: set(rows) for table, rows in first.items()} == {t: set(k) for t, k in csv_rows.items()}
    assert snapshot["first_counts"] == {table: len(keys) for table, keys in csv_rows.items()}
    assert all(len(set(keys)) == len(keys) for keys in csv_rows.values())
    # The second adds the three new replies and doubles nothing.
    leads = sandbox.expected()
    emails = emails_of(leads)
    assert set(after["inbox_replies"]) == {(str(lead["email_lead_map_id"]),) for lead in leads}
    assert emails == len(csv_rows["email_history"]) + len(changed)
    assert row_counts(query) == {"inbox_replies": len(leads), "email_history": emails}
    assert len(after["email_history"]) == emails
    # It wrote the changed leads and their whole threads, and left every other row alone.
    rewritten = {
        (table, key)
        for table, rows in after.items()
        for key, batch in rows.items()
        if first[table].get(key) != batch
    }
    threads = {("email_history", key) for key in after["email_history"] if key[0] in changed}
    assert rewritten == {("inbox_replies", (map_id,)) for map_id in changed} | threads
    assert len(threads) == sum(len(sandbox.inbox.by_map_id(m)["email_history"]) for m in changed)
    counts = dict(query("SELECT email_lead_map_id, history_count FROM smartlead.inbox_replies"))
    assert all(int(counts[m]) == len(sandbox.inbox.by_map_id(m)["email_history"]) for m in changed)


def test_postgres_loads_what_the_csv_holds_then_upserts_only_what_changed(postgres, tmp_path):
    env = {**postgres.env, "TARGET_POSTGRES_BATCH_SIZE_ROWS": BATCH}
    sandbox, changed, snapshot = run_twice("target-postgres", env, tmp_path, postgres.sql)
    check_upserts(sandbox, changed, snapshot, postgres.sql)
    check_analytics(sandbox, postgres.sql)
    keys = postgres.sql(
        "SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc "
        "JOIN information_schema.key_column_usage kcu USING (constraint_name, table_schema) "
        "WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'smartlead' "
        "ORDER BY 1, kcu.ordinal_position"
    )
    assert keys == [
        ["email_history", "email_lead_map_id"],
        ["email_history", "email_key"],
        ["inbox_replies", "email_lead_map_id"],
        ["lead_categories", "id"],
    ]


def test_duckdb_loads_what_the_csv_holds_then_upserts_only_what_changed(tmp_path):
    database = tmp_path / "warehouse.duckdb"  # a file named like the schema makes names ambiguous
    query = duckdb_query(database)
    env = {"TARGET_DUCKDB_FILEPATH": str(database), "TARGET_DUCKDB_BATCH_SIZE_ROWS": BATCH}
    sandbox, changed, snapshot = run_twice("target-duckdb", env, tmp_path, query)
    check_upserts(sandbox, changed, snapshot, query)
    check_analytics(sandbox, query)


def docs_block(marker: str) -> dict:
    """The `meltano.yml` fragment after ``marker`` in the docs."""
    example: dict = yaml.safe_load(marked_fence(marker, "yaml"))
    return example


def test_the_docs_scaling_example_runs_two_keys_side_by_side(postgres, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    config = yaml.safe_load((ROOT / "meltano.yml").read_text(encoding="utf-8"))
    example = docs_block("scaling-example")
    for kind in ("extractors", "loaders"):
        config["plugins"][kind] += example["plugins"][kind]
    config.update(jobs=example["jobs"], schedules=example["schedules"])
    (project / "meltano.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (project / ".meltano").symlink_to(ROOT / ".meltano")  # inherited plugins use the parents' installs
    state = pipelines.own_state(tmp_path)
    keys = {"acme": "acme-key-0f3a9c", "globex": "globex-key-7d21e4"}
    with (
        Sandbox(SandboxConfig(leads=30, rate_limit=(10, 2.0), api_key=keys["acme"])) as acme,
        Sandbox(SandboxConfig(leads=20, seed=3, rate_limit=(10, 2.0), api_key=keys["globex"])) as globex,
    ):
        env = {
            **os.environ,
            **postgres.env,
            **state,
            "MELTANO_SEND_ANONYMOUS_USAGE_STATS": "false",
            "TAP_SMARTLEAD_INBOX_DEFAULT_FILTERS": "false",
            "ACME_SMARTLEAD_API_KEY": keys["acme"],
            "GLOBEX_SMARTLEAD_API_KEY": keys["globex"],
            "TAP_SMARTLEAD_INBOX__ACME_API_URL": acme.url,
            "TAP_SMARTLEAD_INBOX__GLOBEX_API_URL": globex.url,
        }
        meltano = [str(pipelines.MELTANO)]
        subprocess.run([*meltano, "state", "list"], cwd=project, env=env, check=True, capture_output=True)
        runs = [
            subprocess.Popen(
                [*meltano, "run", f"tap-smartlead-inbox--{client}", f"target-postgres--{client}"],
                cwd=project,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for client in keys
        ]
        outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err[-3000:]
        assert not any(key in out + err for key in keys.values())
    loaded = postgres.sql(
        "SELECT 'acme', count(*) FROM smartlead_acme.inbox_replies "
        "UNION ALL SELECT 'globex', count(*) FROM smartlead_globex.inbox_replies"
    )
    assert loaded == [["acme", str(len(acme.expected()))], ["globex", str(len(globex.expected()))]]
    listed = subprocess.run([*meltano, "state", "list"], cwd=project, env=env, capture_output=True, text=True)
    assert "tap-smartlead-inbox--acme-to-target-postgres--acme" in listed.stdout
    assert "tap-smartlead-inbox--globex-to-target-postgres--globex" in listed.stdout


def test_the_docs_full_refresh_recipe_drops_a_lead_relabelled_out_of_the_filter(postgres, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    config = yaml.safe_load((ROOT / "meltano.yml").read_text(encoding="utf-8"))
    config["plugins"]["loaders"] += docs_block("refresh-example")["plugins"]["loaders"]
    (project / "meltano.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (project / ".meltano").symlink_to(ROOT / ".meltano")
    database = "refresh_recipe"  # the recipe swaps the schema the other tests load into
    postgres.sql(f"CREATE DATABASE {database}", database="postgres")
    with Sandbox(SandboxConfig(leads=80, rate_limit=None)) as sandbox:
        env = {
            **os.environ,
            **postgres.env,
            **pipelines.own_state(tmp_path),
            "MELTANO_SEND_ANONYMOUS_USAGE_STATS": "false",
            "SMARTLEAD_API_KEY": SANDBOX_KEY,
            "TAP_SMARTLEAD_INBOX_API_URL": sandbox.url,
            "TARGET_POSTGRES_DATABASE": database,
        }

        def meltano(*args: str) -> None:
            done = subprocess.run(
                [str(pipelines.MELTANO), *args], cwd=project, env=env, capture_output=True, text=True
            )
            assert done.returncode == 0, done.stderr[-3000:]

        def loaded(table: str = "inbox_replies"):
            return postgres.sql(f"SELECT email_lead_map_id FROM smartlead.{table}", database=database)

        out_of_office = sandbox.expected({"leadCategories": {"categoryIdsIn": [6]}})  # the default filter
        meltano("run", "tap-smartlead-inbox", "target-postgres")
        assert {row[0] for row in loaded()} == {lead["email_lead_map_id"] for lead in out_of_office}
        relabelled = out_of_office[-1]["email_lead_map_id"]  # its reply is older than any re-check
        live.relabel(sandbox.inbox, relabelled, 3)

        meltano("run", "tap-smartlead-inbox", "target-postgres")
        assert [relabelled] in loaded(), "no incremental run can see a lead that left the filter"

        meltano("run", "--full-refresh", "tap-smartlead-inbox", "target-postgres--refresh")
        postgres.sql(marked_fence("refresh-swap", "sql").strip(), database=database)
        still = [lead for lead in out_of_office if lead["email_lead_map_id"] != relabelled]
        assert sorted(row[0] for row in loaded()) == sorted(lead["email_lead_map_id"] for lead in still)
        assert len(loaded("email_history")) == emails_of(still)
