"""A page opened from disk in a real headless Chromium, Debian's (scripts/ensure_chromium.sh
installs it), driven by Playwright through the given executable: Playwright's own browser
download is never used (it cannot be fetched here, and the test is of the browser users have).
What the page did is recorded: every request, every console message and page error, what each
chart drew, and a screenshot."""

from __future__ import annotations

import functools
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support.paths import ROOT
from tests.support.postgres_server import in_ci

ENSURE = ROOT / "scripts" / "ensure_chromium.sh"


@functools.cache  # a skip raises, so only a path is kept
def chromium() -> str:
    """The browser's path; skipped (failed under CI) when there is none."""
    found = subprocess.run(["bash", str(ENSURE), "--find"], capture_output=True, text=True, check=False)
    if found.returncode != 0:
        why = found.stderr.strip()
        if in_ci():
            pytest.fail(why)
        pytest.skip(why)
    return found.stdout.strip()


@dataclass
class Visit:
    url: str
    requests: list[str]  # every URL the page asked for, the file's own included
    console: list[tuple[str, str]]  # (type, text) of every console message
    errors: list[str]  # uncaught exceptions
    charts: dict[str, dict[str, Any]]  # element id -> what it drew (see DRAWN)
    text: str  # the page's visible text
    queue: list[list[str]]  # the queue table's rows, cells as shown
    queue_leads: list[str]  # its rows' data-lead, in order
    screenshot: Path


# For each chart element: whether vega-embed said it drew, its SVG's size, how many marks
# (paths, rects, lines, texts of the marks' groups) it holds, the texts the marks show, and the
# element's text alternative (aria-label).
DRAWN = """() => Object.fromEntries([...document.querySelectorAll('.chart')].map((el) => {
  const svg = el.querySelector('svg');
  const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  // Vega classes the groups of data marks role-mark (axes, legends and titles have their own roles).
  const marks = svg ? svg.querySelectorAll('g.role-mark > path, g.role-mark > rect, g.role-mark > line, '
    + 'g.role-mark > text').length : 0;
  const texts = svg ? [...svg.querySelectorAll('g.mark-text.role-mark > text')].map((t) => t.textContent)
    : [];
  return [el.id, {drawn: el.dataset.drawn || '', width: box.width, height: box.height, marks, texts,
                  label: el.getAttribute('aria-label') || ''}];
}))"""


def visit(page_file: Path, screenshot: Path, *, timeout_ms: int = 30_000) -> Visit:
    """Open ``page_file`` (file://) in headless Chromium, wait for every chart, record it all."""
    from playwright.sync_api import sync_playwright  # a dev dependency, for these tests only

    url = page_file.resolve().as_uri()
    requests: list[str] = []
    console: list[tuple[str, str]] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), headless=True)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.on("request", lambda request: requests.append(request.url))
            page.on("console", lambda message: console.append((message.type, message.text)))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(url, wait_until="load")
            page.wait_for_function(
                "() => [...document.querySelectorAll('.chart')].every((el) => el.dataset.drawn)",
                timeout=timeout_ms,
            )
            charts = page.evaluate(DRAWN)
            text = page.inner_text("body")
            queue = page.eval_on_selector_all(
                "#queue tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.innerText))"
            )
            leads = page.eval_on_selector_all("#queue tbody tr", "rows => rows.map(r => r.dataset.lead)")
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    return Visit(url, requests, console, errors, charts, text, queue, leads, screenshot)
