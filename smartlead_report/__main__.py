"""``python -m smartlead_report``: read the marts in a DuckDB file and write the page.

The settings come from the command line, else from the environment the Meltano utility
`smartlead-report` sets (its settings in meltano.yml), else the defaults below.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from smartlead_report.marts import MartsMissingError, read_marts
from smartlead_report.page import write_report

# target-duckdb's file and the dbt-duckdb utility's schema (meltano.yml).
DATABASE = "output/smartlead_inbox.duckdb"
SCHEMA = "smartlead_marts"
OUTPUT = "exports/smartlead_inbox_report.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m smartlead_report", description=__doc__)
    parser.add_argument("--database", default=os.environ.get("SMARTLEAD_REPORT_DATABASE", DATABASE))
    parser.add_argument("--schema", default=os.environ.get("SMARTLEAD_REPORT_SCHEMA", SCHEMA))
    parser.add_argument("--output", default=os.environ.get("SMARTLEAD_REPORT_OUTPUT", OUTPUT))
    args = parser.parse_args(argv)
    try:
        data = read_marts(Path(args.database), args.schema)
    except MartsMissingError as error:
        print(
            f"report failed: {error}\nLoad and build the marts first: `make export` on the sandbox, or "
            "`meltano run tap-smartlead-inbox target-duckdb dbt-duckdb:build` for your inbox.",
            file=sys.stderr,
        )
        return 1
    written = write_report(data, Path(args.output))
    size = written.stat().st_size
    print(f"report: {written} ({size / 1_000_000:.2f} MB, opens offline in any browser)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
