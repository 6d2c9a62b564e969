"""HTML email bodies become readable text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tap_smartlead_inbox.mailtext.body_text import html_to_text
from tests.support.examples import examples
from tests.support.paths import CORPORA

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


@settings(max_examples=examples(400), deadline=None)
@given(fragments)
def test_any_markup_gives_text_without_tags_or_runs_of_spaces(html):
    text = html_to_text(html)
    assert isinstance(text, str)
    assert "  " not in text.replace("\n", "")
    assert "<script>" not in text and "\x00" not in text
    assert text == text.strip()


def test_the_fallback_parser_keeps_text_and_drops_scripts():
    from tap_smartlead_inbox.mailtext.body_text import _TextOnly

    parser = _TextOnly()
    parser.feed("<head><title>t</title></head><p>a &amp; b<script>x()</script> c</p>")
    assert " ".join("".join(parser.parts).split()) == "a & b c"


def test_plain_text_with_an_address_in_angle_brackets_keeps_its_lines():
    text = "Thanks!\n\nOn Mon, Sam <sam@ourco.example> wrote:\n> Shall we meet?"
    assert html_to_text(text) == text


# Deep HTML: libxml2 builds at most about 255 levels of nesting and silently drops the
# rest of the document; such a body is read flat, whole, and counted.

NESTS = {
    "table": ("<table><tr><td>", "</td></tr></table>"),
    "div": ("<div>", "</div>"),
    "span": ('<span style="color:red">', "</span>"),
    "blockquote": ("<blockquote>", "</blockquote>"),
}


def nested(depth: int, inner: str, kind: str = "table") -> str:
    opening, closing = NESTS[kind]
    return opening * depth + inner + closing * depth


def deep_email(depth: int, kind: str = "table") -> str:
    return (
        "<html><head><title>Subject</title><style>td{color:red}</style></head><body>"
        "<p>Hello Anna,</p>"
        + nested(depth, "Deep <b>offer</b>, see below", kind)
        + "<div>Text after the nesting</div><p>Best,<br>Sam</p></body></html>"
    )


@pytest.fixture
def counted():
    """The deep-body count from zero, for this test alone."""
    from tap_smartlead_inbox.mailtext.body_text import deep_html

    deep_html.take()
    yield deep_html
    deep_html.take()


@pytest.mark.parametrize("kind", ["table", "div"])
@pytest.mark.parametrize("depth", [300, 1_000, 5_000])
def test_text_after_deep_nesting_is_kept_with_its_line_breaks_and_counted_once(counted, depth, kind):
    text = html_to_text(deep_email(depth, kind))
    assert text == "Hello Anna,\n\nDeep offer, see below\nText after the nesting\n\nBest,\nSam"
    assert counted.count == 1


@pytest.mark.parametrize("kind", ["table", "div", "span", "blockquote"])
def test_nesting_the_parser_takes_is_read_by_lxml_and_not_counted(counted, kind):
    html = "<p>before</p>" + nested(80, "inside", kind) + "<p>after</p>"  # 240 levels at most
    assert "before" in html_to_text(html) and html_to_text(html).endswith("inside\n\nafter")
    assert counted.count == 0


def test_the_flat_reading_lays_out_text_as_lxml_does(counted):
    """A deep body reads as it would if lxml had no depth limit."""
    deep = nested(400, "")
    for html, text in CASES:
        if html and html.strip() and html != "plain text\nwith lines":
            assert html_to_text(html + deep) == text, html
            assert html_to_text(deep + html) == text, html
    assert counted.take() == 2 * (len(CASES) - 4)


def test_the_flat_reading_matches_lxml_on_every_sandbox_and_corpus_body():
    import json

    from smartlead_sandbox.inbox import generate_inbox
    from tap_smartlead_inbox.mailtext.body_text import _flat_text, looks_like_html

    bodies = [item["email_body"] for lead in generate_inbox(40).leads for item in lead["email_history"]]
    corpus = json.loads((CORPORA / "reply_corpus.json").read_text(encoding="utf-8"))
    bodies += [case["body"] for case in corpus]
    html = [body for body in bodies if looks_like_html(body)]
    assert len(html) > 100
    assert [_flat_text(body) for body in html] == [html_to_text(body) for body in html]


def test_a_deep_body_with_an_unclosed_head_keeps_its_body_text(counted):
    head = '<head><meta charset="utf-8"><title>Subject</title><style>p{}</style>'
    assert html_to_text(head + nested(300, "deep") + "<p>after</p>") == "deep\n\nafter"
    assert html_to_text(head + "<body>" + nested(300, "deep", "div") + "<p>after</p>") == "deep\n\nafter"
    assert counted.count == 2


def test_too_deep_says_whether_lxml_would_cut_the_body():
    from tap_smartlead_inbox.mailtext.body_text import too_deep

    assert too_deep(nested(300, "x"))
    assert too_deep(nested(300, "x", "div"))
    assert not too_deep(nested(240, "x", "div"))
    assert not too_deep(nested(60, "x"))  # 180 elements
    assert not too_deep("<p>" * 1_000 + "x")  # a <p> closes the one before it: no nesting


def test_read_html_reports_a_deep_body_without_counting_it(counted):
    from tap_smartlead_inbox.mailtext.body_text import read_html

    # (text, too_deep); the third field is the parsed tree, kept only for HTML lxml read whole.
    assert read_html(deep_email(500)) == (
        "Hello Anna,\n\nDeep offer, see below\nText after the nesting\n\nBest,\nSam",
        True,
        None,
    )
    assert read_html("<p>shallow</p>")[:2] == ("shallow", False)
    assert read_html("<p>shallow</p>").tree is not None
    assert read_html("plain") == ("plain", False, None)
    assert counted.count == 0


def test_a_deep_body_is_counted_once_though_reply_text_reads_it_too(counted):
    from tap_smartlead_inbox.mailtext.reply_text import reply_text

    html = deep_email(700)
    assert "Text after the nesting" in html_to_text(html)
    assert "Text after the nesting" in reply_text(html)
    assert counted.count == 1
    html_to_text(deep_email(300, "div"))  # another email, deep too
    assert counted.count == 2


def test_the_deep_body_count_is_taken_once_per_run_and_is_thread_safe(counted):
    import threading

    def convert() -> None:
        for _ in range(5):  # each conversion counts as it ends, amid the other threads' adds
            html_to_text(nested(300, "x"))
        for _ in range(2_000):
            counted.add()

    threads = [threading.Thread(target=convert) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counted.take() == 8 * (5 + 2_000)
    assert counted.take() == 0


def test_deep_bodies_are_one_kind_of_anomaly_in_the_run_report(counted, caplog):
    import logging

    from tap_smartlead_inbox.inbox.anomalies import DEEP_HTML, Anomalies

    for depth in (300, 3_000):
        html_to_text(deep_email(depth))
    anomalies = Anomalies()
    anomalies.note_deep_html()
    assert anomalies.counts == {DEEP_HTML: 2}
    anomalies.note_deep_html()  # taken: not counted again
    assert anomalies.counts == {DEEP_HTML: 2}
    with caplog.at_level(logging.WARNING):
        anomalies.report(logging.getLogger("test"))
    assert "2 HTML bodies nested too deep for the parser (text read flat)" in caplog.text


@settings(max_examples=examples(60), deadline=None)
@given(
    depth=st.integers(min_value=0, max_value=3_000),
    kind=st.sampled_from(sorted(NESTS)),
    before=st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=12),
    after=st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=12),
)
def test_text_before_and_after_any_nesting_depth_survives(depth, kind, before, after):
    from tap_smartlead_inbox.mailtext.body_text import deep_html, too_deep
    from tap_smartlead_inbox.mailtext.reply_text import reply_text

    html = f"<div>{before}</div>" + nested(depth, "middle", kind) + f"<div>{after}</div>"
    deep_html.take()
    text = html_to_text(html)
    assert text.split() == [before, "middle", after]
    if kind != "blockquote":  # a quote, which reply_text leaves out
        assert reply_text(html).split() == [before, "middle", after]
    levels = depth * NESTS[kind][0].count("<")
    assert deep_html.take() == too_deep(html)
    if levels < 200 or levels > 300:  # libxml2's limit is 255 levels, html and body included
        assert too_deep(html) == (levels > 300)
