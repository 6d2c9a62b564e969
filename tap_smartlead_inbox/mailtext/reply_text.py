"""The new text of an email reply: no quoted history, no delimited signature.

One pass over one parse, cheapest and most structural first:

1. HTML: the parsed tree html_to_text already built (threads.py hands it over, so each
   body is parsed once) is searched once, with one compiled XPath, for the quote markers
   of the common clients: Gmail's gmail_quote / gmail_attr, Apple Mail's and
   Thunderbird's <blockquote type="cite"> and moz-cite-prefix, any other <blockquote>
   (mail.ru, Yandex), Yahoo's yahoo_quoted, GMX's name="quote", and Outlook's
   divRplyFwdMsg / OutlookMessageHeader / appendonsend and its border-top:solid #E1E1E1
   (or #B5C4DF) header separator. Quote elements are dropped, their tails kept, so an
   inline answer between two quotes stays; an Outlook marker ends the reply. A body with
   no marker costs one substring scan and no second text extraction.
2. The text (of that tree, or a plain-text body) is read line by line against the
   compiled families in reply_headers: "> " lines are dropped together with the
   attribution line above them (so inline and bottom-posted answers stay); an
   attribution line, an Outlook-style header block in any of 20-odd languages or an
   original-message separator ends the reply.
3. What ends a reply without being part of it goes: a signature below the RFC 3676
   "-- " delimiter (or on its line, as Thunderbird's HTML signature reads), mobile and
   desktop taglines ("Sent from my iPhone", "Von meinem iPad gesendet", "Get Outlook
   for iOS"), and leftover rows of "=", "-", "_" or "ᐧ" at the
   end. Undelimited signatures (name, title, phone) are kept: nothing tells them apart
   reliably.

Any error falls back to the full text.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from tap_smartlead_inbox.mailtext import reply_headers as rh
from tap_smartlead_inbox.mailtext.body_text import BodyText, join_lines, read_html, visible_text

# Bodies without any of these strings hold no quote marker: the tree is not searched.
_MARKER_HINT = re.compile(
    r"blockquote|gmail_quote|gmail_attr|moz-cite|yahoo_quoted|divRplyFwdMsg|OutlookMessageHeader"
    r"|appendonsend|name=.?quote|e1e1e1|b5c4df|body-separator",
    re.IGNORECASE,
)
_STYLE = "translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ', 'abcdefghijklmnopqrstuvwxyz')"
# Outlook's markers: the reply ends there.
_CUT_IDS = (
    "@id='divRplyFwdMsg' or @id='OutlookMessageHeader' or @id='appendonsend'"
    " or @id='ms-outlook-mobile-body-separator-line'"
)
_CUT_STYLES = (
    f"contains({_STYLE}, 'border-top:solid#e1e1e1') or contains({_STYLE}, 'border-top:solid#b5c4df')"
)
_CUT_TEST = f"{_CUT_IDS} or {_CUT_STYLES}"
# Quote elements: dropped, what follows them kept.
_QUOTE_TEST = (
    "self::blockquote or contains(@class, 'gmail_quote') or contains(@class, 'gmail_attr')"
    " or contains(@class, 'moz-cite-prefix') or contains(@class, 'yahoo_quoted') or @name='quote'"
)
_MARKERS = etree.XPath(f"//*[{_CUT_TEST} or {_QUOTE_TEST}]")
# Lower-casing every element's style costs more than the rest of the search: only a body
# that holds one of the separator colours needs it.
_MARKERS_BUT_STYLES = etree.XPath(f"//*[{_CUT_IDS} or {_QUOTE_TEST}]")
_STYLE_HINT = re.compile(r"e1e1e1|b5c4df", re.IGNORECASE)
_IS_CUT = etree.XPath(f"boolean({_CUT_TEST})")
_HAS_BLOCKQUOTE = etree.XPath("boolean(.//blockquote)")

_SIGNATURE_DELIMITER = "--"


def reply_text(body: str | None, parsed: BodyText | None = None) -> str:
    """Return what the sender wrote in this reply; "" for no body. Never raises.

    parsed: read_html(body) when the caller has it already (its tree is changed here).
    """
    if not body or not body.strip():
        return ""
    try:
        if parsed is None:
            parsed = read_html(body)
        text = _without_quote_markup(body, parsed)
        own = _own_text(text)
    except Exception:  # a bug must not lose the message: keep it whole
        own = _full_text(body, parsed)
    # Lone surrogates (possible in a plain-text body) cannot be written out.
    return own.encode("utf-8", "replace").decode("utf-8")


def normalize_lines(text: str) -> str:
    """Strip each line, collapse blank-line runs to one, strip the whole: how replies compare."""
    return join_lines(line.strip() for line in text.splitlines())


def _full_text(body: str, parsed: BodyText | None) -> str:
    try:
        return parsed.text if parsed is not None and parsed.tree is None else read_html(body).text
    except Exception:  # last resort of a function that must not raise
        return ""


def _without_quote_markup(body: str, parsed: BodyText) -> str:
    """The text of the HTML tree less its quote elements and all after an Outlook marker."""
    tree = parsed.tree
    if tree is None or _MARKER_HINT.search(body) is None:
        return parsed.text
    markers = (_MARKERS if _STYLE_HINT.search(body) else _MARKERS_BUT_STYLES)(tree)
    if not markers:
        return parsed.text
    for element in markers:
        if _IS_CUT(element):
            if _attached(element, tree):
                _cut_from(element, tree)
                break
            continue
        if element.getparent() is None:
            continue
        classes = element.get("class") or ""
        if "gmail_quote" in classes and element.tag != "blockquote" and _HAS_BLOCKQUOTE(element):
            continue  # a Gmail quote container: its attribution and quotes go, answers stay
        _drop_attribution_above(element)
        element.drop_tree()
    return visible_text(tree)


def _drop_attribution_above(quote: lxml.html.HtmlElement) -> None:
    """An attribution in the element right above a quote element goes with the quote, as a
    "> " quote takes its line (Yandex and mail.ru write "date, "Sam" <addr>:" in a div over a
    bare blockquote): an answer below the quote then reads as the sender's, not as quote."""
    above = quote.getprevious()
    if above is None or (above.tail or "").strip() or above.getparent() is None:
        return
    if rh.is_attribution(above.text_content().strip(), before_quote=True):
        above.drop_tree()


def _attached(element: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is root:
            return True
    return element is root


def _cut_from(element: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> None:
    """Remove element and everything after it in document order."""
    node = element
    while node is not root:
        parent = node.getparent()
        if parent is None:
            return
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        if node is element:
            parent.remove(node)
        else:
            node.tail = None
        node = parent


def _next_text_line(lines: list[str], index: int) -> str:
    for line in lines[index:]:
        if line:
            return line
    return ""


# What a line of the text is to the reply: kept, the end of it, or dropped with the lines after
# it that go too (a verdict above 0 is how many lines go: an attribution wrapped over three).
_KEEP, _END, _DROP = 0, -1, 1


def _own_text(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        verdict = _verdict(lines, index) if line else _KEEP
        if verdict == _END:
            below = _below_header_block_over_quote(lines, index)
            if below is None:
                break
            index = below
            continue
        if verdict == _KEEP:
            inside = rh.attribution_start(line)
            if inside is not None:  # "Hello. On 01/12/13, Tristan <t@x.io> wrote: ..." on one line
                kept.append(line[:inside].rstrip())
                break
            kept.append(line)
        index += verdict or 1
    while kept and rh.is_leftover(kept[-1]):
        kept.pop()
    return join_lines(kept)


def _below_header_block_over_quote(lines: list[str], index: int) -> int | None:
    """Where the text goes on below a header block ("Von: / An: / Betreff:") that sits right
    over "> " lines, as GMX and mail.ru quote for an inline answer: the block then goes with
    its quote, like an attribution line. None where the block ends the reply."""
    if not rh.starts_header_block(lines, index):
        return None
    end = index
    while end < len(lines) and lines[end] and rh.header_key(lines[end]) is not None:
        end += 1
    return end if _next_text_line(lines, end).startswith(">") else None


def _verdict(lines: list[str], index: int) -> int:
    """Whether the non-blank line at index is the reply's, quoted, or where the quote starts."""
    line = lines[index]
    first = line[0]
    if first == ">":
        return _DROP  # a quoted line
    if first in "-_=*" and (
        rh.is_separator(line) or _rule_before_header(lines, index) or rh.is_attribution(line)
    ):
        return _END
    if len(line) <= rh.MAX_HEADER_LINE and rh.has_colon(line):
        verdict = _header_verdict(lines, index)
        if verdict != _KEEP:
            return verdict
    if line == _SIGNATURE_DELIMITER or line.startswith("-- ") or rh.is_tagline(line):
        return _END
    if line.endswith(">") and rh.is_bare_attribution(line):
        return _DROP if _next_text_line(lines, index + 1).startswith(">") else _KEEP
    return _KEEP


def _rule_before_header(lines: list[str], index: int) -> bool:
    """A row of underscores or dashes with a header block right below it, or Outlook's row of
    underscores over a header line or a quoted letter's greeting (rh.underscores_over_quote)."""
    return rh.is_rule(lines[index]) and (
        any(rh.starts_header_block(lines, j) for j in range(index + 1, min(index + 3, len(lines))))
        or rh.underscores_over_quote(lines, index)
    )


def _header_verdict(lines: list[str], index: int) -> int:
    line = lines[index]
    if line.endswith(rh.COLONS):
        if rh.is_separator(line):  # "Begin forwarded message:"
            return _END
        before_quote = _next_text_line(lines, index + 1).startswith(">")
        if rh.is_attribution(line, before_quote):
            # Above a "> " quote the quote's lines go one by one and what follows stays.
            return _DROP if before_quote else _END
    else:
        # An attribution wrapped over two or three lines (a long address breaks it twice).
        for extra in (1, 2):
            tail = lines[index + 1 : index + 1 + extra]
            if len(tail) < extra or not tail[-1].endswith(rh.COLONS):
                continue
            if not all(part and len(part) < _WRAPPED_TAIL for part in tail):
                break
            before_quote = _next_text_line(lines, index + 1 + extra).startswith(">")
            if rh.is_attribution(" ".join([line, *tail]), before_quote):
                return _DROP + extra if before_quote else _END
            break
    return _END if rh.starts_header_block(lines, index) else _KEEP


# The second line of a wrapped attribution is its short tail ("sam@x.io> wrote:").
_WRAPPED_TAIL = 100
