"""reply_text keeps what the sender wrote and drops the quoted history.

The labelled replies in reply_corpus.json follow one rule (see the first case's note):
quotes, "-- " signatures and mobile taglines go; greetings, sign-offs, undelimited
signature blocks and quote-less auto-replies stay.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.reply_text_benchmark import leaves_quote, same_text
from tap_smartlead_inbox.mailtext.body_text import html_to_text
from tap_smartlead_inbox.mailtext.reply_text import normalize_lines, reply_text
from tests.support.examples import examples
from tests.support.paths import CORPORA

CORPUS = json.loads((CORPORA / "reply_corpus.json").read_text(encoding="utf-8"))
PITCH = "Hi Anna,\nWe help B2B teams book 30% more meetings.\nWorth a quick chat?\nSam"


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.splitlines())


def test_labelled_corpus_scores_at_least_90_percent_exact():
    misses = [
        f"{case['id']}: expected {case['expected']!r}, got {reply_text(case['body'])!r}"
        for case in CORPUS
        if normalize_lines(reply_text(case["body"])) != normalize_lines(case["expected"])
    ]
    exact = len(CORPUS) - len(misses)
    assert exact >= 0.9 * len(CORPUS), f"{exact}/{len(CORPUS)} exact; misses:\n" + "\n".join(misses)


def test_corpus_covers_every_client_and_language():
    formats = [case["format"] for case in CORPUS]
    minimum = {"gmail": 6, "outlook": 6, "apple_mail": 5, "ooo": 5, "plain_text": 6, "non_english": 8}
    assert len(CORPUS) >= 36
    assert all(formats.count(fmt) >= n for fmt, n in minimum.items())
    assert {"fr", "de", "es", "it", "nl", "pt"} <= {case["language"] for case in CORPUS}


def test_normalize_lines_strips_lines_and_collapses_blank_runs():
    assert normalize_lines("  \n a  \n\n\n  b\n \n") == "a\n\nb"


def test_no_body_gives_empty_text():
    assert reply_text(None) == ""
    assert reply_text("") == ""
    assert reply_text(" \n\t") == ""


def test_gmail_quote_is_removed():
    body = (
        '<div dir="ltr">Tuesday works.</div><br><div class="gmail_quote"><div class="gmail_attr">'
        "On Mon, Mar 3, 2025 at 9:00 AM Sam &lt;sam@x.io&gt; wrote:<br></div>"
        '<blockquote class="gmail_quote"><div>Worth a quick chat?</div></blockquote></div>'
    )
    assert reply_text(body) == "Tuesday works."


def test_gmail_signature_after_dash_dash_is_removed_but_sign_off_kept():
    body = (
        '<div dir="ltr"><div>Sounds good.</div><div>Best,</div><div>Lena</div>'
        '<span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature">'
        "<div>Lena Fischer</div><div>+49 30 1234 5678</div></div></div>"
    )
    assert reply_text(body) == "Sounds good.\nBest,\nLena"


def test_apple_mail_cite_blockquote_and_iphone_tagline_are_removed():
    body = (
        '<body dir="auto"><div dir="ltr">Send pricing please.</div><div dir="ltr">Sent from my iPhone</div>'
        '<div dir="ltr"><br><blockquote type="cite">On Mar 4, 2025, at 9:12 AM, Sam wrote:<br>'
        "</blockquote></div>"
        '<blockquote type="cite"><div dir="ltr">Worth a quick chat?</div></blockquote></body>'
    )
    assert reply_text(body) == "Send pricing please."


def test_outlook_from_sent_header_block_starts_the_quote():
    body = (
        '<div class="elementToProof">No thanks.</div><div id="appendonsend"></div><hr>'
        '<div id="divRplyFwdMsg"><b>From:</b> Sam Carter &lt;sam@x.io&gt;<br>'
        "<b>Sent:</b> Tuesday, March 4, 2025<br><b>To:</b> Anna<br><b>Subject:</b> Quick question</div>"
        "<div>Worth a quick chat?</div>"
    )
    assert reply_text(body) == "No thanks."


def test_outlook_german_von_gesendet_header_starts_the_quote():
    body = (
        '<p class="MsoNormal">Kein Bedarf.</p><div style="border:none;border-top:solid #E1E1E1 1.0pt;'
        'padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>Von:</b> Sam Carter<br>'
        "<b>Gesendet:</b> Dienstag, 4. März 2025 09:12<br><b>An:</b> Markus<br><b>Betreff:</b> Frage</p>"
        "</div><p>Hallo Markus</p>"
    )
    assert reply_text(body) == "Kein Bedarf."


def test_plain_text_on_wrote_and_gt_lines_are_removed():
    body = f"Yes, send more info.\n\nOn Tue, Mar 4, 2025 at 9:12 AM Sam <sam@x.io> wrote:\n{_quoted(PITCH)}"
    assert reply_text(body) == "Yes, send more info."


def test_plain_text_gt_quote_without_attribution_is_removed():
    assert reply_text(f"Remove me.\n\n{_quoted(PITCH)}") == "Remove me."


def test_plain_text_original_message_separator_starts_the_quote():
    body = (
        f"Not now.\n\n-----Original Message-----\nFrom: Sam\nSent: Tuesday\nTo: Anna\nSubject: Hi\n\n{PITCH}"
    )
    assert reply_text(body) == "Not now."


def test_dash_dash_signature_is_removed_in_plain_text():
    assert reply_text("Call me Monday.\n\n-- \nJohn Miller\nVP Sales\n+1 312 555 0147") == "Call me Monday."


@pytest.mark.parametrize(
    ("reply", "header", "quote"),
    [
        pytest.param("Pas intéressé.", "Le 4 mars 2025 à 09:12, Sam <sam@x.io> a écrit :", True, id="fr"),
        pytest.param("Passt.", "Am 04.03.2025 um 09:12 schrieb Sam <sam@x.io>:", True, id="de"),
        pytest.param("Me interesa.", "El 4 mar 2025, a las 9:12, Sam <sam@x.io> escribió:", True, id="es"),
        pytest.param(
            "Grazie, no.",
            "Il giorno mar 4 mar 2025 alle ore 09:12 Sam <sam@x.io> ha scritto:\n",
            False,
            id="it",
        ),
        pytest.param("Bel me maar.", "Op di 4 mrt 2025 om 09:12 schreef Sam <sam@x.io>:", True, id="nl"),
    ],
)
def test_a_reply_header_in_another_language_starts_the_quote(reply, header, quote):
    # Italian clients often quote without ">" marks: only the header shows where the quote starts.
    body = f"{reply}\n\n{header}\n{_quoted(PITCH) if quote else PITCH}"
    assert reply_text(body) == reply


def test_translated_mobile_taglines_are_removed():
    for tagline in ("Envoyé de mon iPhone", "Von meinem iPhone gesendet", "Enviado desde mi iPhone"):
        assert reply_text(f"Ok.\n\n{tagline}") == "Ok.", tagline


def test_out_of_office_without_quote_is_kept_whole():
    body = "<p>I am out of the office until March 10.</p><p>Best regards,<br>Anna Schmidt</p>"
    assert reply_text(body) == "I am out of the office until March 10.\n\nBest regards,\nAnna Schmidt"


def test_body_that_is_only_a_quote_has_no_new_text():
    assert reply_text(f"On Mon, Sam <sam@x.io> wrote:\n{_quoted(PITCH)}") == ""


def test_hostile_bodies_do_not_raise():
    bodies = [
        "<div><p><blockquote type=cite><<<>>>&&&#xFFFFFFFF;</div",
        "Hi \ud800 there\n> a\n> b\n> c",
        "<div>a\x00b\x1b</div>",
        "<div>" + "<p>para</p>" * 30_000 + "</div>",
        "On " + "a " * 50_000,
    ]
    for body in bodies:
        assert isinstance(reply_text(body), str)


HTMLISH = st.lists(
    st.one_of(
        st.text(max_size=30),
        st.sampled_from(
            [
                "<div>",
                "</div>",
                "<br>",
                "<p>",
                '<blockquote type="cite">',
                "</blockquote>",
                '<div class="gmail_quote">',
                '<div id="divRplyFwdMsg">',
                "&nbsp;",
                "&lt;",
                "\ud800",
                "\n> ",
                "\nOn Mon, Sam wrote:\n",
                "\n-- \n",
                "\nFrom: a\nSent: b\nTo: c\n",
                "\x00",
            ]
        ),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(HTMLISH)
def test_any_input_gives_a_string_and_never_raises(body):
    assert isinstance(reply_text(body), str)


# Text without markup (html_to_text treats it as plain) and without lone surrogates.
PLAIN = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(exclude_characters="<&", exclude_categories=["Cs"]), max_size=40),
        st.sampled_from(
            ["\n", "\n\n", "\n> quoted", "\nOn Mon, Sam wrote:", "\n-- ", "\nSent from my iPhone"]
        ),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(PLAIN)
def test_plain_text_result_lines_come_from_the_full_text_in_order(body):
    """Nothing is invented or reordered: the reply's lines are a subsequence of the body's."""
    full = iter(normalize_lines(html_to_text(body)).splitlines())
    for line in normalize_lines(reply_text(body)).splitlines():
        assert any(line == candidate for candidate in full), line


def _nested(depth: int, inner: str) -> str:
    return "<table><tr><td>" * depth + inner + "</td></tr></table>" * depth


@pytest.mark.parametrize("depth", [300, 1_000, 5_000])
def test_a_reply_nested_past_the_parsers_depth_limit_keeps_all_its_text(depth):
    """libxml2 builds about 255 levels; the rest of such a body is read flat, not dropped."""
    body = (
        '<html><head><style>td{padding:0}</style></head><body><div dir="ltr">Hi Sam,</div>'
        + _nested(depth, "Tuesday at <b>10:00</b> works.")
        + "<div>Text after the nesting</div><div>Best,<br>Anna</div></body></html>"
    )
    assert reply_text(body) == "Hi Sam,\nTuesday at 10:00 works.\nText after the nesting\nBest,\nAnna"


@pytest.mark.parametrize("depth", [300, 2_000])
def test_a_deep_reply_still_loses_its_quoted_history(depth):
    body = (
        "<div>Yes, send the deck.</div>"
        + _nested(depth, "Anna")
        + '<div class="gmail_quote"><div class="gmail_attr">On Mon, Mar 3, 2025 at 9:00 AM Sam '
        "&lt;sam@x.io&gt; wrote:<br></div><blockquote>Worth a quick chat?</blockquote></div>"
    )
    assert reply_text(body) == "Yes, send the deck.\nAnna"


def test_a_reply_the_parser_takes_whole_is_still_read_from_its_markup():
    body = (
        _nested(80, "Sounds good.")  # 240 levels
        + '<blockquote type="cite"><div>On Mar 4, 2025, at 9:12 AM, Sam wrote:</div>'
        "<div>Worth a quick chat?</div></blockquote>"
    )
    assert reply_text(body) == "Sounds good."


MULTILINGUAL_PATH = CORPORA / "reply_corpus_multilingual.json"
SHAPES = {"top-posted", "bottom-posted", "inline", "forward", "auto-reply", "no-quote"}
CLIENTS = {
    "gmail",
    "outlook",
    "outlook_web",
    "outlook_mobile",
    "apple_mail",
    "iphone",
    "android",
    "yahoo",
    "thunderbird",
    "mailru",
    "yandex",
    "windows_mail",
    "plain_text",
}


def test_multilingual_corpus_is_well_formed():
    """The second labelled set: at least 200 replies, 15 languages, every client and shape."""
    cases = json.loads(MULTILINGUAL_PATH.read_text(encoding="utf-8"))
    fields = ("id", "format", "language", "shape", "body", "expected")
    for case in cases:
        assert all(isinstance(case.get(field), str) for field in fields), case.get("id")
        assert case["body"].strip(), case["id"]
        assert case["shape"] in SHAPES, case["id"]
        assert case["expected"] == normalize_lines(case["expected"]), case["id"]
    ids = [case["id"] for case in cases]
    assert len(ids) == len(set(ids))
    assert len(cases) >= 200
    languages = {case["language"] for case in cases}
    assert len(languages) >= 15
    assert {case["format"] for case in cases} >= CLIENTS
    assert {case["shape"] for case in cases} == SHAPES


def test_multilingual_corpus_is_at_least_95_percent_exact_with_no_quote_left_in_any_reply():
    cases = json.loads(MULTILINGUAL_PATH.read_text(encoding="utf-8"))
    outputs = {case["id"]: reply_text(case["body"]) for case in cases}
    misses = [case["id"] for case in cases if normalize_lines(outputs[case["id"]]) != case["expected"]]
    quote_left = [case["id"] for case in cases if leaves_quote(outputs[case["id"]], case)]
    assert len(cases) - len(misses) >= 0.95 * len(cases), f"misses: {misses}"
    assert quote_left == []


FRESH_PATH = CORPORA / "reply_text_fresh.json"


def test_the_fresh_set_is_unlike_the_others_and_well_formed():
    """90 replies written after reply_text, for a score on mail it was not shaped on (92% before
    the families it showed missing were added); labels hold no blank lines."""
    cases = json.loads(FRESH_PATH.read_text(encoding="utf-8"))
    assert len(cases) >= 90 and len({case["id"] for case in cases}) == len(cases)
    assert len({case["language"] for case in cases}) >= 20
    assert {case["shape"] for case in cases} == SHAPES
    assert all("\n\n" not in case["expected"] and case["body"].strip() for case in cases)


def test_the_fresh_set_is_at_least_95_percent_exact_with_no_quote_left_in_any_reply():
    cases = json.loads(FRESH_PATH.read_text(encoding="utf-8"))
    outputs = {case["id"]: reply_text(case["body"]) for case in cases}
    misses = [case["id"] for case in cases if not same_text(outputs[case["id"]], case["expected"])]
    assert len(cases) - len(misses) >= 0.95 * len(cases), f"misses: {misses}"
    assert [case["id"] for case in cases if leaves_quote(outputs[case["id"]], case)] == []


FRESH2_PATH = CORPORA / "reply_text_fresh2.json"


def test_the_second_fresh_set_mostly_plain_text_is_at_least_95_percent_exact_with_no_quote_left():
    """80 replies, 53 of them plain text, written after the code: 76 of 80 before the two
    families it showed missing (Horde's "Zitat von …:", a tagline's closing full stop)."""
    cases = json.loads(FRESH2_PATH.read_text(encoding="utf-8"))
    assert len(cases) >= 80 and len({case["id"] for case in cases}) == len(cases)
    outputs = {case["id"]: reply_text(case["body"]) for case in cases}
    misses = [case["id"] for case in cases if not same_text(outputs[case["id"]], case["expected"])]
    assert len(cases) - len(misses) >= 0.95 * len(cases), f"misses: {misses}"
    assert [case["id"] for case in cases if leaves_quote(outputs[case["id"]], case)] == []


# --- Outlook's bare row of underscores (issue 24, third round) ----------------------------

_RULE = "_" * 32
_PITCH = "Hi Anna,\n\nI noticed your team is hiring SDRs.\n\nWorth a 15-minute call next week?\n\nBest,\nSam"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the quoted letter's greeting right below the row
        (f"Thanks Sam, I'll pass.\n\n{_RULE}\n{_PITCH}", "Thanks Sam, I'll pass."),
        (
            f"Hallo Sam,\n\nklingt gut.\n\n{_RULE}\nSehr geehrte Frau Roth,\n\nwir bieten ...",
            "Hallo Sam,\n\nklingt gut.",
        ),
        # a header line with no From: line under it
        (
            f"Sounds good.\n\n{_RULE}\nSent: Tuesday, March 4, 2025 9:12 AM\n"
            f"Subject: Quick question\n\n{_PITCH}",
            "Sounds good.",
        ),
        (f"D'accord.\n\n{_RULE}\nEnvoyé : mardi 4 mars 2025 09:12\n\n{_PITCH}", "D'accord."),
    ],
)
def test_a_row_of_underscores_over_a_quote_ends_the_reply(body, expected):
    assert reply_text(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # a signature rule: the person's own title and number below it
        f"Sounds good, call me Tuesday.\n\nJohn Smith\n{_RULE}\nHead of Sales | Acme Corp\n+1 555 0100",
        # a form's line and a signature line, nothing quoted below
        f"Please fill in the form and send it back:\n\nName: ____________\n\n{_RULE}\n"
        "Signature and date\n\nThanks, Eva",
        # a row at the very end
        f"Interested, send me the deck.\n\n{_RULE}",
    ],
)
def test_a_row_of_underscores_with_the_persons_own_words_below_stays(body):
    assert reply_text(body).rstrip("_\n") == body.rstrip("_\n")
