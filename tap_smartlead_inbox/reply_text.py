"""The new text of an email reply: no quoted history, no delimited signature.

Three stages, cheapest and most structural first:

1. quotequail (Close's library) finds where the quoted message starts. On HTML it
   walks the tree, so Gmail's gmail_quote, Apple Mail's <blockquote type="cite"> and
   Outlook's "From: / Sent:" header blocks (including the border-top:solid #E1E1E1
   separator) are found from the markup and the attribution line, in English, French,
   German, Spanish, Portuguese, Dutch, Swedish and Russian. On plain text it finds
   "On ... wrote:" lines, header blocks and runs of ">" lines.
2. mail-parser-reply then splits the remaining text on the reply headers of the
   languages quotequail lacks (Italian "Il giorno ... ha scritto:", "Da: / Inviato:",
   Danish, Polish, Czech, Japanese, ...). Only its header split is used: its signature
   rule also drops the sign-off ("Best, Anna"), which we keep.
3. A short rule removes what ends a reply without being part of it: a signature below
   the RFC 3676 "-- " delimiter (Gmail writes one before every signature) and mobile
   taglines such as "Sent from my iPhone". Undelimited signatures (name, title, phone)
   are kept: no maintained library tells them apart reliably.

Both libraries were chosen by exact-match score on tests/reply_corpus.json against
email-reply-parser, talon, unquotemail and email-reply-extractor; see
benchmarks/reply_text_benchmark.py. Any library error falls back to the full text.
"""

from __future__ import annotations

import re

import quotequail
from mailparser_reply import EmailReplyParser
from mailparser_reply.constants import MAIL_LANGUAGES

# The same HTML-or-plain test and reading html_to_text applies, so both read a body
# alike; read_html does not count deep bodies, which html_to_text counts once per email.
from tap_smartlead_inbox.body_text import join_lines, looks_like_html, read_html, too_deep

# Every language the library knows: a reply header in any of them ends the new text.
_PARSER = EmailReplyParser(languages=sorted(MAIL_LANGUAGES))

# mail-parser-reply's header patterns backtrack quadratically on long lines; past this
# sum of squared line lengths (about 100 ms worst case) the language pass is skipped.
_LANGUAGE_PASS_BUDGET = 3_000_000

# Lines quotequail examines; past it, a quote's start is not looked for (~0.1 s of work).
_MAX_LINES = 2_000
# Tags that start a line in quotequail's reading of HTML: a cheap count of its lines.
_LINE_TAGS = re.compile(r"<(?:br|p|div|li|tr|blockquote|h[1-6])\b", re.IGNORECASE)

_SIGNATURE_DELIMITER = "--"

# Mobile clients' taglines, in the languages of the corpus; each starts its own line.
_TAGLINE = re.compile(
    r"^(?:sent from my|get outlook for|envoyé de mon|envoyé depuis|von meinem .* gesendet|gesendet von"
    r"|enviado desde mi|enviado do meu|inviato da|verzonden (?:vanaf|met) mijn|verstuurd vanaf mijn)\b",
    re.IGNORECASE,
)


def reply_text(body: str | None) -> str:
    """Return what the sender wrote in this reply; "" for no body. Never raises."""
    if not body or not body.strip():
        return ""
    # lxml and re choke on lone surrogates; the replacement keeps every other character.
    clean = body.encode("utf-8", "replace").decode("utf-8")
    try:
        return _without_signature(_language_pass(_top_text(clean)))
    except Exception:  # a library bug must not lose the message: keep it whole
        return _full_text(clean)


def normalize_lines(text: str) -> str:
    """Strip each line, collapse blank-line runs to one, strip the whole: how replies compare."""
    return join_lines(line.strip() for line in text.splitlines())


def _full_text(body: str) -> str:
    try:
        return _text(body)
    except Exception:  # last resort of a function that must not raise
        return ""


def _top_text(body: str) -> str:
    """The text above the quoted message, as quotequail finds it."""
    if not looks_like_html(body):
        return _text(_plain_top(body))
    if len(_LINE_TAGS.findall(body)) <= _MAX_LINES and not too_deep(body):
        parts = quotequail.unwrap_html(body)
        return _text(_pick(parts, "html_top", "html_bottom") if parts else body)
    # quotequail's tree walk costs ~40 us a line, and its lxml tree of a body nested past
    # libxml2's depth limit lacks the rest of the body: such a body is read as text instead.
    return _plain_top(_text(body))


def _text(html: str) -> str:
    return read_html(html).text


def _plain_top(text: str) -> str:
    lines = text.split("\n")
    # A quote that starts this far down leaves all of the text as the reply.
    parts = quotequail.unwrap("\n".join(lines[:_MAX_LINES]))
    return _pick(parts, "text_top", "text_bottom") if parts else text


def _pick(parts: dict[str, str], top: str, bottom: str) -> str:
    # A bottom-posted reply has nothing above the quote: its new text is below it.
    return parts.get(top) or parts.get(bottom) or ""


def _language_pass(text: str) -> str:
    if not text or sum(len(line) ** 2 for line in text.splitlines()) > _LANGUAGE_PASS_BUDGET:
        return text
    replies = _PARSER.read(text).replies
    if not replies or replies[0].headers:
        # The text opens with a reply header: all of it is quoted.
        return ""
    # full_body: the first reply without its header but with its sign-off and signature.
    first: str = replies[0].full_body
    return first


def _without_signature(text: str) -> str:
    lines = text.splitlines()
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped == _SIGNATURE_DELIMITER or _TAGLINE.match(stripped):
            return normalize_lines("\n".join(lines[:index]))
    return normalize_lines(text)
