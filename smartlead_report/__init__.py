"""The report: one self-contained HTML page of charts from the dbt package's marts in DuckDB.

`make report` (or the Meltano utility `smartlead-report`) runs ``python -m smartlead_report``:
:mod:`.marts` reads the marts, :mod:`.charts` turns them into Vega-Lite specs (altair), and
:mod:`.page` writes the page with Vega's JavaScript inlined, so it opens from disk with no
network. Outside the tap's package: the tap never imports it, nor it the tap.
"""

from smartlead_report.marts import ReportData, read_marts
from smartlead_report.page import render_page, write_report

__all__ = ["ReportData", "read_marts", "render_page", "write_report"]
