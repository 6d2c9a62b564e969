"""Reading a Vega-Lite spec of the report (smartlead_report/charts.py) as the tests do: the
datasets it holds and the axis titles it draws, wherever in its layers they are."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def nodes(spec: Any) -> Iterator[dict[str, Any]]:
    """Every object of the spec, depth first."""
    if isinstance(spec, dict):
        yield spec
        children: Any = spec.values()
    elif isinstance(spec, list):
        children = spec
    else:
        return
    for child in children:
        yield from nodes(child)


def data_rows(spec: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The spec's named datasets: name -> rows."""
    return {
        data["name"]: data["values"]
        for node in nodes(spec)
        if isinstance(data := node.get("data"), dict) and "values" in data and "name" in data
    }


def axis_titles(spec: dict[str, Any]) -> set[str]:
    return {
        channel["title"]
        for node in nodes(spec)
        for channel in (node.get("encoding") or {}).values()
        if isinstance(channel, dict) and "title" in channel
    }
