"""HTML email bodies to readable text.

html-text (lxml underneath) is used because it lays out block elements and <br>
as line breaks, decodes entities and collapses whitespace, at roughly 0.1 ms per
typical email body. Its default cleaner keeps <title>, so a stricter cleaner drops
the whole <head> as well as scripts and styles.
"""

from __future__ import annotations

import html_text
from lxml import etree
from lxml_html_clean import Cleaner

_CLEANER = Cleaner(
    scripts=True,
    javascript=False,
    comments=True,
    style=True,
    links=True,
    meta=True,
    page_structure=False,
    processing_instructions=True,
    embedded=True,
    frames=True,
    forms=False,
    annoying_tags=False,
    remove_unknown_tags=False,
    safe_attrs_only=False,
    kill_tags=["head", "title", "noscript", "template"],
)


# C0 control characters other than tab and newline carry no text and upset CSV readers.
_CONTROLS = dict.fromkeys(c for c in range(32) if c not in (9, 10))


def html_to_text(html: str | None) -> str:
    """Return the readable text of an HTML (or plain-text) email body; "" for none."""
    if not html or not html.strip():
        return ""
    if "<" not in html and "&" not in html:
        return _plain_text(html)
    return _html_text(html).translate(_CONTROLS).strip()


def _plain_text(text: str) -> str:
    """A body with no markup keeps its lines; blank-line runs shrink to one."""
    lines = [" ".join(line.split()) for line in text.translate(_CONTROLS).splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()


def _html_text(html: str) -> str:
    try:
        tree = html_text.parse_html(html)
        try:
            tree = _CLEANER.clean_html(tree)
        except AssertionError:  # lxml bug 1838497: an uncleanable tree is still readable
            pass
        text: str = html_text.etree_to_text(tree)
    except (etree.LxmlError, ValueError):
        return " ".join(html.split())
    return text
