"""The report's figures: each a question, what its numbers are over, and a Vega-Lite spec made
with altair, or the sentence that says why there is nothing to draw (never a blank chart).

Colours are Okabe and Ito's palette (distinct under the common colour-vision deficiencies) and a
single-hue sequential scale; every mark carries its count in a label or a tooltip, so a rate is
never shown without what it is over. Each dataset is named, so a test can find it in the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt

from smartlead_report.marts import KINDS, ReportData

# Okabe & Ito, "Color Universal Design" (2008): one colour per reply kind.
KIND_COLOURS = {"human": "#0072B2", "auto_reply": "#E69F00", "bounce": "#D55E00", "unsubscribe": "#CC79A7"}
KIND_NAMES = {
    "human": "Human reply",
    "auto_reply": "Auto-reply",
    "bounce": "Bounce",
    "unsubscribe": "Unsubscribe",
}
MEDIAN_COLOUR = "#D55E00"  # vermilion against the blue of the leads
BAR_COLOUR = "#0072B2"
WIDTH = 640
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"  # installed, never fetched


@dataclass(frozen=True)
class Figure:
    """One chart of the page: ``spec`` to draw, or ``empty`` to say instead."""

    key: str  # its element's id
    question: str  # the title: what it answers
    note: str = ""  # what the numbers are over, the counts behind them
    summary: str = ""  # the text alternative (the SVG's aria-label)
    spec: dict[str, Any] | None = None
    empty: str | None = None

    @classmethod
    def drawn(cls, key: str, question: str, note: str, summary: str, chart: Any) -> Figure:
        """The chart, its spec described by ``summary`` as its text alternative is."""
        return cls(key, question, note, summary, _spec(chart, summary))


def figures(data: ReportData) -> list[Figure]:
    return [reply_rate(data), time_to_reply(data), replies_by_week(data), bounces(data)]


def denominator_note(data: ReportData) -> str:
    if data.sent_list_loaded:
        return "Rates are over every lead mailed (the sent_emails stream was loaded)."
    return (
        "Rates are among the leads that replied in some way: the sent_emails stream was not loaded, "
        "so leads who never answered are not counted and every rate reads higher than over all leads mailed."
    )


def reply_rate(data: ReportData) -> Figure:
    question = "Which step of each campaign makes people answer?"
    rows = data.rate_by_step
    if not rows:
        return Figure(
            "reply-rate",
            question,
            empty="No sequence steps in this data: the threads carry no step numbers (the API shape "
            "Smartlead documents has none), so no reply rate per step can be computed.",
        )
    answered = sum(r["leads_first_human_reply"] for r in rows)
    # Copies: the figure's own fields (the cell's label) stay out of the mart's rows.
    rows = [
        {**r, "label": _rate_label(r["human_reply_pct"], r["leads_first_human_reply"], r["leads_sent_step"])}
        for r in rows
    ]
    base = alt.Chart(alt.InlineData(values=rows, name="reply_rate")).encode(
        x=alt.X("step:O", title="Sequence step (the nth email of the campaign)", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("campaign:N", title="Campaign", sort=None),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "human_reply_pct:Q",
            title="Human reply rate (%)",
            scale=alt.Scale(scheme="blues", domain=[0, 100]),
        ),
        tooltip=[
            alt.Tooltip("campaign:N", title="Campaign"),
            alt.Tooltip("step:O", title="Step"),
            alt.Tooltip("leads_sent_step:Q", title="Leads sent the step"),
            alt.Tooltip("leads_first_human_reply:Q", title="First human reply after it"),
            alt.Tooltip("human_reply_pct:Q", title="Human reply rate (%)", format=".1f"),
        ],
    )
    labels = base.mark_text(fontSize=12).encode(
        text="label:N",
        color=alt.condition("datum.human_reply_pct > 55", alt.value("white"), alt.value("black")),
    )
    summary = "; ".join(
        f"{r['campaign']} step {r['step']}: {r['human_reply_pct']:.1f}% "
        f"({r['leads_first_human_reply']} of {r['leads_sent_step']} leads)"
        for r in rows
    )
    note = (
        f"Each cell: the share of the leads sent that step whose first human reply followed it "
        f"(leads who answered / leads sent the step); {answered} first human replies in all. "
        + denominator_note(data)
    )
    height = 40 * len({r["campaign"] for r in rows})
    chart = alt.layer(cells, labels).properties(width=WIDTH - 180, height=height)
    alt_text = "Human reply rate by campaign and step. " + summary
    return Figure.drawn("reply-rate", question, note, alt_text, chart)


def time_to_reply(data: ReportData) -> Figure:
    question = "How fast do people answer us?"
    leads, per_campaign = data.first_reply_hours, data.time_to_reply
    if not leads:
        return Figure(
            "time-to-reply",
            question,
            empty="No person has replied yet: there is no time to a first human reply to show.",
        )
    per_campaign = [
        {
            **r,
            "axis_label": f"{r['campaign']} (n={r['leads_with_human_reply']})",
            "median_label": (
                f"median {r['median_hours_to_first_human_reply']:.1f} h"
                if r["median_hours_to_first_human_reply"] is not None
                else "no human reply yet"
            ),
        }
        for r in per_campaign
    ]
    axis = {row["email_campaign_id"]: row["axis_label"] for row in per_campaign}
    leads = [{**r, "axis_label": axis.get(r["email_campaign_id"], r["campaign"])} for r in leads]
    order = [row["axis_label"] for row in per_campaign]
    y = alt.Y("axis_label:N", title="Campaign (n = leads a person answered from)", sort=order)
    hours = alt.X(
        "hours_to_first_human_reply:Q",
        title="Hours from our last email to the lead's first human reply (h)",
        scale=alt.Scale(zero=True),
    )
    dots = (
        alt.Chart(alt.InlineData(values=leads, name="first_reply_hours"))
        .mark_tick(color=BAR_COLOUR, opacity=0.55, thickness=2, size=18)
        .encode(
            x=hours,
            y=y,
            tooltip=[
                alt.Tooltip("campaign:N", title="Campaign"),
                alt.Tooltip("hours_to_first_human_reply:Q", title="Hours to first human reply", format=".1f"),
            ],
        )
    )
    medians = alt.Chart(alt.InlineData(values=per_campaign, name="time_to_reply"))
    median_x = alt.X("median_hours_to_first_human_reply:Q")
    median_ticks = medians.mark_tick(color=MEDIAN_COLOUR, thickness=4, size=30).encode(
        x=median_x,
        y=y,
        tooltip=[
            alt.Tooltip("campaign:N", title="Campaign"),
            alt.Tooltip("median_hours_to_first_human_reply:Q", title="Median hours", format=".1f"),
            alt.Tooltip("mean_hours_to_first_human_reply:Q", title="Mean hours", format=".1f"),
            alt.Tooltip("leads_with_human_reply:Q", title="Leads measured"),
        ],
    )
    median_text = medians.mark_text(align="left", dx=6, dy=-14, color="#000000", fontSize=11).encode(
        x=alt.X("median_hours_to_first_human_reply:Q"), y=y, text="median_label:N"
    )
    silent = [row for row in per_campaign if row["median_hours_to_first_human_reply"] is None]
    measured_text = median_text.transform_filter("isValid(datum.median_hours_to_first_human_reply)")
    layers: list[Any] = [dots, median_ticks, measured_text]
    if silent:  # a campaign nobody answered still gets its row, said in words
        layers.append(
            alt.Chart(alt.InlineData(values=silent, name="no_human_reply"))
            .mark_text(align="left", x=4, color="#000000", fontSize=11)
            .encode(y=y, text="median_label:N")
        )
    measured = sum(row["leads_with_human_reply"] for row in per_campaign)
    summary = "; ".join(
        f"{r['campaign']}: {r['median_label']} over {r['leads_with_human_reply']} leads" for r in per_campaign
    )
    note = (
        f"Each blue tick is one lead ({measured} leads a person answered from); the vermilion bar "
        f"and its label mark the campaign's median. An auto-reply that came first is not the answer."
    )
    chart = alt.layer(*layers).properties(width=WIDTH - 220, height=44 * len(per_campaign))
    alt_text = "Time to first human reply by campaign. " + summary
    return Figure.drawn("time-to-reply", question, note, alt_text, chart)


def replies_by_week(data: ReportData) -> Figure:
    question = "What kinds of answers come back, week by week?"
    rows = data.replies_by_week
    if not rows:
        return Figure("replies-by-week", question, empty="No reply of any kind in this data yet.")
    # The stack's order is KINDS': human replies at the bottom, where they are easiest to compare.
    rows = [
        {**r, "kind": KIND_NAMES[r["reply_kind"]], "kind_order": KINDS.index(r["reply_kind"])} for r in rows
    ]
    totals = {kind: sum(r["replies"] for r in rows if r["reply_kind"] == kind) for kind in KINDS}
    chart = (
        alt.Chart(alt.InlineData(values=rows, name="replies_by_week"))
        .mark_bar()
        .encode(
            x=alt.X(
                "week:T",
                title="Week starting (Monday, UTC)",
                axis=alt.Axis(format="%d %b %Y", labelAngle=-40),
            ),
            y=alt.Y("replies:Q", title="Replies received (emails)", stack=True),
            color=alt.Color(
                "kind:N",
                title="Reply kind",
                scale=alt.Scale(domain=list(KIND_NAMES.values()), range=list(KIND_COLOURS.values())),
            ),
            order=alt.Order("kind_order:Q"),
            tooltip=[
                alt.Tooltip("week:T", title="Week starting", format="%d %b %Y"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("replies:Q", title="Replies"),
            ],
        )
        .properties(width=WIDTH - 140, height=260)
    )
    counted = ", ".join(f"{totals[kind]} {KIND_NAMES[kind].lower()}" for kind in KINDS)
    summary = f"Replies per week by kind, {len({r['week'] for r in rows})} weeks: {counted}."
    note = f"Every reply Smartlead filed, by the kind the tap gave it: {counted} (emails, not leads)."
    return Figure.drawn("replies-by-week", question, note, summary, chart)


def bounces(data: ReportData) -> Figure:
    question = "Which sending account bounces?"
    rows = data.bounces
    if not rows:
        return Figure("bounces", question, empty="No sending account in this data.")
    rows = [{**r, "label": _rate_label(r["bounce_pct"], r["leads_bounced"], r["leads_mailed"])} for r in rows]
    order = [row["account"] for row in rows]  # the mart's order: the highest rate first
    base = alt.Chart(alt.InlineData(values=rows, name="bounces")).encode(
        y=alt.Y("account:N", title="Sending account", sort=order),
        x=alt.X(
            "bounce_pct:Q",
            title="Leads with a bounce (% of leads mailed)",
            scale=alt.Scale(domain=[0, 100]),
        ),
    )
    bars = base.mark_bar(color=MEDIAN_COLOUR).encode(
        tooltip=[
            alt.Tooltip("account:N", title="Account"),
            alt.Tooltip("leads_mailed:Q", title="Leads mailed"),
            alt.Tooltip("leads_bounced:Q", title="Leads bounced"),
            alt.Tooltip("bounce_notices:Q", title="Bounce notices"),
            alt.Tooltip("bounce_pct:Q", title="Bounce rate (%)", format=".1f"),
        ]
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11, color="#000000").encode(text="label:N")
    mailed = sum(r["leads_mailed"] for r in rows)
    bounced = sum(r["leads_bounced"] for r in rows)
    summary = "; ".join(f"{r['account']}: {r['label']}" for r in rows)
    note = (
        f"Bar: leads with at least one delivery failure notice over the leads the account mailed "
        f"(bounced/mailed): {bounced} of {mailed} in all. " + denominator_note(data)
    )
    chart = alt.layer(bars, labels).properties(width=WIDTH - 220, height=22 * len(rows))
    alt_text = "Bounce rate by sending account. " + summary
    return Figure.drawn("bounces", question, note, alt_text, chart)


def _rate_label(pct: float, part: int, whole: int) -> str:
    """A rate with what it is over: "44.0% · 11/25"."""
    return f"{pct:.1f}% · {part}/{whole}"


def _spec(chart: Any, description: str) -> dict[str, Any]:
    """The Vega-Lite spec, with the look every chart shares and its text alternative."""
    spec: dict[str, Any] = chart.properties(description=description).to_dict()
    spec["config"] = {
        **spec.get("config", {}),
        "font": FONT,
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260},
        "legend": {"labelFontSize": 12, "titleFontSize": 12},
        "view": {"stroke": None},
        "background": "white",
    }
    return spec
