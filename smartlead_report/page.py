"""The page: a header of what the numbers cover, the figures, and the queue as a table, in one
HTML file with Vega, Vega-Lite and vega-embed inlined (vl-convert's bundle), so it opens from
disk with no network: nothing is fetched at view time, no font, no script, no style sheet.
"""

from __future__ import annotations

import html
import json
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

import altair as alt
import vl_convert

from smartlead_report.charts import KIND_NAMES, Figure, figures
from smartlead_report.marts import KINDS, ReportData

# The Vega-Lite that altair writes specs for (v6.4.1 -> "6.4"): the bundle must be the same one.
VEGA_LITE = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
# Draws each figure's spec into its element, then marks it, so a reader (or a test) can tell a
# chart that drew from one that failed, which is said on the page and in the console.
EMBED = """
const specs = JSON.parse(document.getElementById("chart-specs").textContent);
for (const [id, spec] of Object.entries(specs)) {
  const element = document.getElementById(id);
  vegaEmbed(element, spec, {actions: false, renderer: "svg"})
    .then(() => { element.dataset.drawn = "true"; })
    .catch((error) => {
      element.dataset.drawn = "failed";
      element.textContent = "This chart could not be drawn: " + error;
      console.error(error);
    });
}
"""
STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #111; margin: 0 auto; max-width: 980px; padding: 1.5rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 0 0 .25rem; }
header dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .75rem 0; }
header dt { font-weight: 600; }
header dd { margin: 0; }
figure { margin: 2rem 0; }
figure p.note { margin: 0 0 .5rem; color: #333; font-size: .92rem; }
p.empty { border: 1px dashed #777; padding: 1.5rem; text-align: center; color: #333; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: 600; font-size: 1.2rem; margin-bottom: .25rem; }
th, td { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
"""


def render_page(data: ReportData, *, now: datetime | None = None) -> str:
    """The whole page as one string."""
    written = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    drawn = figures(data)
    specs = {f.key: f.spec for f in drawn if f.spec is not None}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may leave the file: the browser refuses any fetch. Vega compiles its
        # expressions with Function(), hence unsafe-eval.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:\">",
        "<title>Smartlead inbox report</title>",
        f"<style>{STYLE}</style></head><body>",
        _header(data, written),
        "<main>",
        *(_figure(f) for f in drawn),
        _queue(data),
        "</main>",
        f'<script type="application/json" id="chart-specs">{_json_in_html(specs)}</script>',
        f'<script type="module">{_bundle()}</script>',
        "</body></html>",
    ]
    return "\n".join(parts)


def write_report(data: ReportData, output: Path, *, now: datetime | None = None) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render_page(data, now=now), encoding="utf-8")
    return output


def _header(data: ReportData, written: datetime) -> str:
    totals, period = data.totals, data.period
    kinds = ", ".join(f"{KIND_NAMES[kind].lower()} {int(totals.get(kind) or 0)}" for kind in KINDS)
    first, last = period.get("first_email"), period.get("last_email")
    covered = f"{_when(first)} to {_when(last)} (UTC)" if first else "no email in this data"
    rows = [
        ("Period covered", f"{covered}: the first and last email of the threads"),
        ("Leads that replied", f"{int(totals.get('threads') or 0)} threads (a reply of any kind)"),
        ("Leads a person answered from", str(int(totals.get("leads_with_human_reply") or 0))),
        ("Replies received", f"{kinds} (of {int(period.get('emails') or 0)} emails, ours included)"),
        ("Waiting for our reply", f"{int(totals.get('awaiting') or 0)} leads"),
        ("Rates are over", _denominator(data)),
        ("Data read from Smartlead", f"{_when(totals.get('fetched_at'))} UTC (the newest api_fetched_at)"),
        ("Report written", f"{written.strftime('%Y-%m-%d %H:%M')} UTC from {data.source}"),
    ]
    items = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in rows)
    return f"<header><h1>Smartlead inbox report</h1><dl>{items}</dl></header>"


def _denominator(data: ReportData) -> str:
    if data.sent_list_loaded:
        return "every lead mailed (sent_emails loaded)"
    return "the leads that replied in some way only (sent_emails not loaded: rates read high)"


def _figure(figure: Figure) -> str:
    heading = f'<h2 id="{figure.key}-title">{html.escape(figure.question)}</h2>'
    if figure.spec is None:
        body = f'<p class="empty" data-empty="{figure.key}">{html.escape(figure.empty or "")}</p>'
    else:
        # role=img with a label: a screen reader reads the summary, not the SVG's marks.
        body = (
            f'<p class="note">{html.escape(figure.note)}</p>'
            f'<div id="{figure.key}" class="chart" role="img" '
            f'aria-label="{html.escape(figure.summary)}"></div>'
        )
    return f'<figure aria-labelledby="{figure.key}-title">{heading}{body}</figure>'


def _queue(data: ReportData) -> str:
    caption = "Who is waiting for our reply? (oldest first)"
    if not data.awaiting:
        return (
            f'<section aria-labelledby="queue-title"><h2 id="queue-title">{caption}</h2>'
            '<p class="empty" data-empty="queue">'
            "Nobody is waiting: every human reply has an email of ours after it.</p>"
            "</section>"
        )
    head = (
        '<tr><th scope="col">Lead</th><th scope="col">Company</th><th scope="col">Campaign</th>'
        '<th scope="col">Category</th><th scope="col">Their last reply (UTC)</th>'
        '<th scope="col" class="num">Hours waited (h)</th><th scope="col" class="num">Days</th></tr>'
    )
    body = "".join(_queue_row(row) for row in data.awaiting)
    return (
        f'<table id="queue"><caption id="queue-title">{caption}</caption>'
        f"<thead>{head}</thead><tbody>{body}</tbody></table>"
        '<p class="note">Hours from the lead\'s last human reply to when the report was written; '
        "an auto-reply or bounce after it does not end the wait.</p>"
    )


def _queue_row(row: dict[str, Any]) -> str:
    name = " ".join(str(p) for p in (row["lead_first_name"], row["lead_last_name"]) if p)
    lead = f"{name} <{row['lead_email']}>" if name else str(row["lead_email"])
    cells = [lead, row["lead_company"] or "", row["campaign"], row["category_name"] or "(none)"]
    tds = "".join(f"<td>{html.escape(str(c))}</td>" for c in cells)
    hours = float(row["hours_waited"])
    since = html.escape(_when(row["last_human_reply_at"]))
    return (
        f'<tr data-lead="{row["email_lead_map_id"]}">{tds}<td>{since}</td>'
        f'<td class="num">{hours:,.1f}</td><td class="num">{hours / 24:,.1f}</td></tr>'
    )


def _when(iso: Any) -> str:
    return str(iso).replace("T", " ")[:16] if iso else "unknown"


def _json_in_html(value: Any) -> str:
    # "</" would end the script element early; JSON reads "<\/" as "</".
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


@cache  # the same for every page; vl-convert takes most of a second to bundle it
def _bundle() -> str:
    """Vega, Vega-Lite and vega-embed with EMBED, minified into one module by vl-convert
    (no CDN: the page carries about 0.9 MB of JavaScript)."""
    bundle: str = vl_convert.javascript_bundle(snippet=EMBED, vl_version=VEGA_LITE)
    return bundle.replace("</script", "<\\/script")
