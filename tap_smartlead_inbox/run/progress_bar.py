"""The live progress bar drawn on a terminal (rich), kept apart so other runs never import rich."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TaskID, TextColumn, TimeRemainingColumn
from rich.text import Text


def start_bar(line: Callable[[], str], total_pages: int | None) -> tuple[Progress, TaskID]:
    """Start a transient bar on stderr whose text is ``line()``, redrawn at each refresh."""
    bar = Progress(
        TextColumn("[bold]Smartlead inbox"),
        BarColumn(),
        _LiveLine(line),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("", total=total_pages)
    bar.start()
    return bar, task


class _LiveLine(ProgressColumn):
    """The progress line, drawn anew at every refresh: it stays current through a long
    wait, when no page arrives to update it."""

    def __init__(self, line: Callable[[], str]) -> None:
        super().__init__()
        self._line = line

    def render(self, task: Task) -> Text:
        return Text(self._line())
