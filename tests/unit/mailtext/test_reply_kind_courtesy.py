"""A responder's courtesy-only acknowledgement with no subject ("Thank you for your email. We
will get back to you shortly."): an auto-reply when it is the whole short text above no quote;
a person who writes the same courtesy above a quote of our message, or asks something, stays."""

from __future__ import annotations

import pytest

from tap_smartlead_inbox.mailtext.reply_kind import AUTO_REPLY, HUMAN, reply_kind
from tap_smartlead_inbox.mailtext.reply_text import reply_text

_QUOTE = (
    "\n\nOn Tue, Mar 4, 2025 at 9:12 AM Sam Carter <sam@outreachly.io> wrote:\n"
    "> Hi Anna,\n> Worth a 15-minute call next week?\n> Sam\n"
)


def _kind(body: str, subject: str | None = None) -> str:
    return reply_kind(sender="", subject=subject, own_text=reply_text(body), full_text=body)


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for your email. We will get back to you shortly.",
        "Thanks for your message, I'll get back to you.",
        "Danke für Ihre Nachricht. Ich melde mich so bald wie möglich.",
        "Dziękuję za wiadomość. Odpowiem najszybciej jak to możliwe.",
        "Merci pour votre message. Nous vous répondrons dans les plus brefs délais.",
        "Takk fyrir tölvupóstinn. Við munum svara eins fljótt og auðið er.",
        "Grazas pola súa mensaxe. Responderemos o antes posible.",
    ],
)
def test_a_courtesy_only_text_with_no_subject_is_an_auto_reply(body):
    assert _kind(body) == AUTO_REPLY


@pytest.mark.parametrize(
    ("body", "subject"),
    [
        # above a quote of our message: a person's answer
        ("Thank you for your email. I'll get back to you shortly." + _QUOTE, None),
        # a question of their own
        ("Thanks for your email. I'll get back to you shortly, what's the price for 10 seats?", None),
        # a longer text of the person's own
        (
            "Thank you for your email. I'll get back to you shortly. We are reviewing vendors this"
            " quarter and our budget is set in May, so timing could work for us if the pilot is short.",
            None,
        ),
        # one courtesy alone
        ("Thanks for your email.", None),
        # a subject that says it is a reply: the rule reads only what has none
        ("Thank you for your email. We will get back to you shortly.", "Re: Quick question"),
    ],
)
def test_a_persons_courtesy_stays_human(body, subject):
    assert _kind(body, subject) == HUMAN
