"""HTML email bodies become readable text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tap_smartlead_inbox.body_text import html_to_text

CASES = [
    ("<div>one</div><div>two</div>", "one\ntwo"),
    ("line one<br>line two<br/>line three", "line one\nline two\nline three"),
    ("<p>Caf&eacute; &amp; cr&egrave;me &lt;3 &#128512;</p>", "Café & crème <3 😀"),
    (
        "<html><head><title>Subject</title><style>p{color:red}</style></head><body><p>Body</p></body></html>",
        "Body",
    ),
    ("<p>before</p><script>alert('x')</script><p>after</p>", "before\n\nafter"),
    ("<p>lots    of \n\n   space</p>", "lots of space"),
    ("<ul><li>a</li><li>b</li></ul>", "a\nb"),
    ("plain text\nwith lines", "plain text\nwith lines"),
    ("<p>unclosed <b>bold", "unclosed bold"),
    ("", ""),
    (None, ""),
    ("   ", ""),
]


@pytest.mark.parametrize(("html", "text"), CASES)
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def test_quoted_history_stays_readable():
    html = (
        '<div>Yes, Tuesday works.</div><div class="gmail_quote">On Mon, Sam wrote:'
        "<blockquote>Shall we meet?</blockquote></div>"
    )
    assert html_to_text(html) == "Yes, Tuesday works.\nOn Mon, Sam wrote:\n\nShall we meet?"


tags = st.sampled_from(
    ["p", "div", "br", "b", "script", "style", "head", "title", "table", "td", "blockquote", "x-y"]
)
fragments = st.lists(
    st.one_of(
        st.text(max_size=15),
        tags.map(lambda t: f"<{t}>"),
        tags.map(lambda t: f"</{t}>"),
        st.sampled_from(["&amp;", "&nbsp;", "&#0;", "&#xZZ;", "&bogus;", "<!--", "-->", "<?xml?>", "\x00"]),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(fragments)
def test_any_markup_gives_text_without_tags_or_runs_of_spaces(html):
    text = html_to_text(html)
    assert isinstance(text, str)
    assert "  " not in text.replace("\n", "")
    assert "<script>" not in text and "\x00" not in text
    assert text == text.strip()


def test_the_fallback_parser_keeps_text_and_drops_scripts():
    from tap_smartlead_inbox.body_text import _TextOnly

    parser = _TextOnly()
    parser.feed("<head><title>t</title></head><p>a &amp; b<script>x()</script> c</p>")
    assert " ".join("".join(parser.parts).split()) == "a & b c"


def test_plain_text_with_an_address_in_angle_brackets_keeps_its_lines():
    text = "Thanks!\n\nOn Mon, Sam <sam@ourco.example> wrote:\n> Shall we meet?"
    assert html_to_text(text) == text
