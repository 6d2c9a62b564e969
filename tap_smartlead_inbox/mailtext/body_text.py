"""HTML email bodies to readable text.

html-text (lxml underneath) is used because it lays out block elements and <br>
as line breaks, decodes entities and collapses whitespace, at well under 0.1 ms per
typical email body. Invisible parts (<head> with its <title>, scripts, styles,
comments) are removed from the parsed tree first.

libxml2 stops building the tree at about 255 levels of nesting (some email builders
nest a hundred tables) and silently drops the rest of the document; it only says so
in the parser's error log. Such a body, or any other the parser gives up on, is read
flat instead by the standard library's parser, which keeps the same line breaks, and
each one html_to_text reads is counted in ``deep_html`` for the run's anomaly line.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from html.parser import HTMLParser
from typing import NamedTuple

import html_text
import lxml.html
from html_text.html_text import DOUBLE_NEWLINE_TAGS, NEWLINE_TAGS
from lxml import etree

# Removed with everything inside them; their tails (text after them) stay.
_INVISIBLE = ("head", "title", "script", "style", "noscript", "template", "object", "embed", "iframe")


# C0 control characters other than tab and newline carry no text and upset CSV readers.
_CONTROLS = dict.fromkeys(c for c in range(32) if c not in (9, 10))
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


class Tally:
    """A count that threads add to; taken (read and reset) once at the end of a run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0

    def add(self, count: int = 1) -> None:
        with self._lock:
            self._count += count

    @property
    def count(self) -> int:
        with self._lock:
            return self._count

    def take(self) -> int:
        """The count so far, which starts again from 0."""
        with self._lock:
            count, self._count = self._count, 0
            return count


# Bodies html_to_text read flat because the parser gave up on their nesting. Only
# html_to_text counts (the tap calls it once per email); reply_text reads the same
# body again through read_html, which does not count.
deep_html = Tally()


class BodyText(NamedTuple):
    text: str
    too_deep: bool  # the HTML nests deeper than lxml builds: the text was read flat
    # The parsed tree (invisible parts already removed) when lxml read the HTML whole, so
    # reply_text can find the quote in it without parsing the body again; None otherwise.
    tree: lxml.html.HtmlElement | None = None


def html_to_text(html: str | None) -> str:
    """Return the readable text of an HTML (or plain-text) email body; "" for none."""
    return read_email_body(html).text


def read_email_body(html: str | None) -> BodyText:
    """read_html, counting a body too deep for lxml in ``deep_html`` (once per email)."""
    body = read_html(html)
    if body.too_deep:
        deep_html.add()
    return body


def read_html(html: str | None) -> BodyText:
    """html_to_text's text, and whether it was too deep for lxml; nothing is counted."""
    if not html or not html.strip():
        return BodyText("", too_deep=False)
    if not looks_like_html(html):
        return BodyText(_plain_text(html), too_deep=False)
    return _html_text(html)


def too_deep(html: str) -> bool:
    """Whether lxml would cut this HTML short at its nesting limit (a parse, no text)."""
    if html.count("<") < _FEWEST_TAGS_TOO_DEEP:
        return False
    try:
        _, cut = _parse(html)
    except (etree.LxmlError, ValueError):
        return False
    return cut == _DEPTH


# Tags an HTML email body practically always has; a plain-text reply may still hold
# "<" (an address such as <sam@x.io>, <p.jones@x.io>, <meta@x.io>) or "&" and must keep
# its lines. A tag name ends at whitespace, "/" or ">": "<p.jones@x.io>" is no <p> tag.
_HTML_MARKERS = re.compile(
    r"</?(?:!doctype|html|head|body|div|p|br|span|table|td|tr|a|b|i|u|em|strong|font|img|ul|ol|li"
    r"|blockquote|h[1-6]|hr|pre|center|style|script|meta)(?=[\s/>])|<!doctype\b"
    r"|&(?:#\d+|#x[0-9a-f]+|[a-z]+);",
    re.IGNORECASE,
)


def looks_like_html(body: str) -> bool:
    """Whether a body is HTML rather than plain text that may hold "<" or "&"."""
    return _HTML_MARKERS.search(body) is not None


def _plain_text(text: str) -> str:
    """A body with no markup keeps its lines; whitespace runs within a line collapse."""
    return join_lines(" ".join(line.split()) for line in text.translate(_CONTROLS).splitlines())


def join_lines(lines: Iterable[str]) -> str:
    """Lines joined with blank-line runs shrunk to one, and no blank lines at either end."""
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()


# libxml2 nests at most 255 elements (html and body included); no markup with fewer
# tags than this, implied elements and all, comes near it.
_FEWEST_TAGS_TOO_DEEP = 200
_DEPTH = "depth"
_OTHER = "other"

_parsers = threading.local()  # an lxml parser is used by one thread at a time


def _parser() -> lxml.html.HTMLParser:
    parser: lxml.html.HTMLParser | None = getattr(_parsers, "parser", None)
    if parser is None:
        # html_text.parse_html's parser, kept per thread instead of made per body.
        parser = _parsers.parser = lxml.html.HTMLParser(recover=True, encoding="utf-8")
    return parser


def _parse(html: str) -> tuple[lxml.html.HtmlElement, str | None]:
    """The tree as html_text.parse_html builds it, and why libxml2 cut it short, if it did.

    Recovering from broken markup leaves no fatal errors; a fatal one (nesting past
    libxml2's depth limit, a text node past its size limit) means libxml2 stopped there
    and the tree lacks the rest of the document.
    """
    parser = _parser()
    root = etree.fromstring(_lxml_input(html), parser=parser)
    cut = None
    for error in parser.error_log:
        if "depth" in error.message.lower():  # "Excessive depth in document: 256 ..."
            cut = _DEPTH
            break
        if error.level == etree.ErrorLevels.FATAL:
            cut = _OTHER
    if root is None:
        root = etree.fromstring(b"<html/>", parser=parser)
    return root, cut


def _html_text(html: str) -> BodyText:
    try:
        tree, cut = _parse(html)
        if cut is None:
            return BodyText(_tree_text(tree), too_deep=False, tree=tree)
    except (etree.LxmlError, ValueError):
        # Markup lxml cannot take at all: keep the text between tags, never the tags.
        cut = _OTHER
    # Or a tree that lacks the rest of the body.
    return BodyText(_flat_text(_lxml_input(html).decode("utf-8")), too_deep=cut == _DEPTH)


def _lxml_input(html: str) -> bytes:
    """The body as lxml takes it: no control characters, a lone surrogate as "?", in UTF-8.

    The translation runs only when a control character is there (seldom), and the body is
    encoded once: both cost in proportion to the body's length.
    """
    if _CONTROL.search(html):
        html = html.translate(_CONTROLS)
    return html.strip().encode("utf-8", "replace") or b"<html/>"


def _tree_text(tree: lxml.html.HtmlElement) -> str:
    # One C-level pass instead of lxml_html_clean's Cleaner: a third of the time.
    etree.strip_elements(tree, *_INVISIBLE, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    return visible_text(tree)


def visible_text(tree: lxml.html.HtmlElement) -> str:
    """The text of a tree whose invisible parts are gone, as BodyText.tree is."""
    text: str = html_text.etree_to_text(tree)
    return text.strip()


def _flat_text(html: str) -> str:
    """The text of HTML lxml cut short or refused, read by the standard library's parser."""
    reader = _TextOnly()
    reader.feed(html)
    reader.close()
    return reader.text()


# html_text's rules for when two pieces of text get a space between them.
_PUNCT_AFTER = re.compile(r'^[,:;.!?")]').search
_OPEN_BRACKET_BEFORE = re.compile(r"\($").search
_NEWLINE = "\n"
_DOUBLE_NEWLINE = "\n\n"


class _TextOnly(HTMLParser):
    """The standard library's tolerant parser, for markup lxml cuts short or refuses.

    It keeps no tree, so it has no depth limit. Its events are those html_text walks
    the tree for, and it lays the text out by the same rules: a line break at the
    start and end of a block element (a blank line for paragraphs, headings, lists,
    quotes), pieces of text joined by a space unless punctuation follows, whitespace
    runs collapsed, invisible elements left out.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._prev = _DOUBLE_NEWLINE  # a line break, or the last piece of text

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif not self._hidden:
            self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden -= self._hidden > 0
        elif not self._hidden:
            self._break(tag)

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if self._hidden or not text:
            return
        prev = self._prev
        if prev not in (_NEWLINE, _DOUBLE_NEWLINE) and (
            prev[-1].isspace() or not (_PUNCT_AFTER(text) or _OPEN_BRACKET_BEFORE(prev))
        ):
            self.parts.append(" ")
        self.parts.append(text)
        self._prev = data

    def text(self) -> str:
        """The text read, one line per line of layout."""
        text = "".join(self.parts).translate(_CONTROLS)
        return join_lines(line.strip() for line in text.split(_NEWLINE))

    def _break(self, tag: str) -> None:
        if self._prev == _DOUBLE_NEWLINE:  # never more than one blank line
            return
        if tag in DOUBLE_NEWLINE_TAGS:
            self.parts.append(_NEWLINE if self._prev == _NEWLINE else _DOUBLE_NEWLINE)
            self._prev = _DOUBLE_NEWLINE
        elif tag in NEWLINE_TAGS and self._prev != _NEWLINE:
            self.parts.append(_NEWLINE)
            self._prev = _NEWLINE


# Left out with what is inside them, as _INVISIBLE is from the tree. Not <head>: all
# its text is in these (text in it starts the body), and a head left open must not hide
# the body. Nor void elements (embed): nothing closes them.
_HIDDEN = frozenset({"script", "style", "title", "noscript", "template", "object", "iframe"})
