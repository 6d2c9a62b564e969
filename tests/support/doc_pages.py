"""The README and the pages of docs/, for the tests that run or check what they say."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.support.paths import ROOT

README = ROOT / "README.md"
DOCS = ROOT / "docs"
# Where the README's links point: PyPI shows it away from the repository, so they are absolute.
REPOSITORY = "https://github.com/tap-smartlead-inbox/tap-smartlead-inbox"
FENCE = re.compile(r"^[ \t]*```(\w*)\n(.*?)^[ \t]*```", re.S | re.M)
INLINE_LINK = re.compile(r"\]\(([^)\s]+)\)")
REFERENCE = re.compile(r"^\[([^\]]+)\]:\s*(\S+)\s*$", re.M)  # [label]: target


def references(text: str) -> dict[str, str]:
    """The reference definitions of ``text``: label (lower case, as Markdown matches them) -> target."""
    return {label.lower(): target for label, target in REFERENCE.findall(text)}


def links(text: str) -> list[str]:
    """Every link target of ``text``: inline ones and reference definitions."""
    prose = FENCE.sub("", text)
    return INLINE_LINK.findall(prose) + list(references(prose).values())


def page(name: str) -> str:
    """The text of ``docs/<name>``."""
    return (DOCS / name).read_text(encoding="utf-8")


def nav() -> list[tuple[str, str]]:
    """(title, file) of each page in mkdocs.yml's nav, in order."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return [next(iter(entry.items())) for entry in config["nav"]]


def all_pages() -> dict[Path, str]:
    """The README and every page of docs/, by path."""
    paths = [README, *sorted(DOCS.rglob("*.md"))]
    return {path: path.read_text(encoding="utf-8") for path in paths}


def marked_fence(marker: str, language: str) -> str:
    """The ``language`` code block right after the ``<!-- marker`` comment, found in whichever
    page holds it; each marker is in exactly one page, once."""
    holders = [text for text in all_pages().values() if f"<!-- {marker}" in text]
    assert len(holders) == 1, f"{marker!r} is in {len(holders)} pages"
    (text,) = holders
    assert text.count(f"<!-- {marker}") == 1, marker
    return text.split(f"<!-- {marker}")[1].split(f"```{language}\n", 1)[1].split("```", 1)[0]


def headings(text: str, level: int) -> list[str]:
    """The headings of ``level`` (2 for ``##``) in ``text``, outside code blocks."""
    prose = FENCE.sub("", text)
    return re.findall(rf"^{'#' * level} .*$", prose, re.M)


def section(text: str, heading: str) -> str:
    """The text under ``heading`` (a whole line such as ``## Settings``), up to the next
    heading of the same level or higher."""
    level = len(heading) - len(heading.lstrip("#"))
    assert text.count(f"\n{heading}\n") == 1, f"{heading!r}: not exactly once"
    lines = text.split(f"\n{heading}\n", 1)[1].split("\n")
    fenced = False
    for at, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(rf"#{{1,{level}}} ", line):
            return "\n".join(lines[:at])
    return "\n".join(lines)


def anchor(heading: str) -> str:
    """The anchor GitHub and mkdocs give a heading: lower case, code marks and punctuation
    dropped, spaces as hyphens."""
    text = heading.lstrip("#").strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")
