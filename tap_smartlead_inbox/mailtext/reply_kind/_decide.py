"""The decision: which kind a reply is, from the families' matches, strongest evidence first.

This module owns the order and the weighing of the evidence; the families themselves (what
each matches, in every language) are _families' and the language modules'.

Evidence is read strongest first, and each step only where it can be trusted:

1. headers, when the API passes them (RFC 3834 Auto-Submitted, Precedence, X-Autoreply,
   X-Failed-Recipients, a delivery-status report);
2. bounce: the subject ("Undeliverable:", "Delivery Status Notification (Failure)" and
   their translations), the sender (mailer-daemon, postmaster, "Mail Delivery System") and
   the notice's wording (DSN phrases, SMTP 5.x.x codes, list managers' refusals, loop
   alerts) each decide alone. The notice is read whole: own_text, then what reply_text
   dropped below it up to the first mark of a person's quote (a notice's own "-----"
   dividers are none), and full_text when own_text is empty; a lead who forwards a bounce
   above a note of their own stays human, the forward's separator stops the reading. A read or
   delivery receipt's subject outweighs a mail-system sender (Exchange sends both), and a
   gateway's "your message was quarantined / rejected" counts only beside a machine's hand
   (its sender, a "Reason:" field, a no-reply line);
3. auto-reply: the subject ("Automatic reply:", "Abwesenheitsnotiz", a responder's own tag
   "[Automatyczna odpowiedź]", a bare "Auto:"), or the first part of the lead's own text: an
   automated-message statement, a ticket acknowledgement or a challenge-response filter's
   request decides alone; availability sentences (away, back on, limited access, urgent
   contact, left the company, an address changed or no longer in use, someone else away)
   decide when three agree, or when two agree (or an absence or
   a departure stands alone, or a terse "OOO until 3/14" opens the text) and the text engages
   with nothing (no pricing asked, no call offered, no time proposed, no question of its own
   beyond the stock "Need urgent help?"); with no subject at all, a short text made only of a
   responder's courtesy ("Thank you for your email. We will get back to you shortly.") above
   no quote;
4. unsubscribe: a removal request near the top of the lead's own text only (our campaign's
   unsubscribe footer sits in the quote, which own_text leaves out), unless the text also
   engages (asks for pricing, wants to talk), as "the unsubscribe link is broken but I am
   interested" does;
5. anything else is a human answer ("not interested" included).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from tap_smartlead_inbox.mailtext import reply_headers as rh

from . import _families as families
from ._kinds import AUTO_REPLY, BOUNCE, HUMAN, REPLY_KINDS, UNSUBSCRIBE

__all__ = ["AUTO_REPLY", "BOUNCE", "HUMAN", "REPLY_KINDS", "UNSUBSCRIBE", "reply_kind"]

# Auto-replies and requests to stop come first in a reply; a long own_text is mostly
# signature and disclaimer, where "unsubscribe" can stand without being asked for.
_HEAD = 1500
# A bounce notice explains itself before the copy of the message it returns.
_NOTICE_HEAD = 4000


def _flat(text: str, limit: int) -> str:
    """Lower case, typographic apostrophes as "'", every whitespace run (NBSP and line breaks
    included: str.split() knows them) as one space, so phrases match across wrapped lines."""
    return " ".join(text[:limit].lower().replace("’", "'").replace("‘", "'").split())  # noqa: RUF001


# --- headers ------------------------------------------------------------------------------


def _kind_from_headers(headers: Mapping[str, str]) -> str | None:
    """BOUNCE or AUTO_REPLY when the headers say a machine wrote it; None when they say nothing."""
    named = {str(name).strip().lower(): str(value).strip().lower() for name, value in headers.items()}
    content_type = named.get("content-type", "")
    if any(name in named for name in families.BOUNCE_HEADERS) or "delivery-status" in content_type:
        return BOUNCE
    if "disposition-notification" in content_type:  # a read receipt
        return AUTO_REPLY
    submitted = named.get("auto-submitted", "no")
    if submitted.split(";")[0].strip() not in ("", "no"):
        return AUTO_REPLY
    if named.get("precedence", "") in families.AUTO_PRECEDENCE:
        return AUTO_REPLY
    return AUTO_REPLY if any(name in named for name in families.AUTO_HEADERS) else None


# --- subjects -----------------------------------------------------------------------------


def _subject_kind(subject: str) -> str | None:
    flat = _flat(subject, 300)
    text = families.SUBJECT_TAGS.sub("", flat)
    if families.BOUNCE_SUBJECT_START.match(text):
        return BOUNCE
    if families.AUTO_SUBJECT_START.match(text) or families.AUTO_SUBJECT_ANYWHERE.search(text):
        return AUTO_REPLY
    # A tag is stripped as a gateway's ("[EXTERNAL]"), but a responder writes its own in a
    # tag too ("[Automatyczna odpowiedź]", "*Abwesend*"): the words inside each tag count.
    for tag in families.TAG_WORDS.finditer(flat):
        words = (tag.group(1) or tag.group(2) or "").strip()
        # a tag of words only: "[#5617]" is a ticket system's reference, which people quote
        if words[:1].isalpha() and families.AUTO_SUBJECT_START.match(words):
            return AUTO_REPLY
    return None


def _subject_asks_to_stop(subject: str) -> bool:
    """A subject that is a request of one word ("unsubscribe", "STOP"), which list managers and
    people send with an empty body."""
    return families.ONE_WORD.fullmatch(_flat(subject, 100).strip(" .!")) is not None


# --- bounce notices -----------------------------------------------------------------------


def _is_bounce(sender: str, subject: str, notice: str, own_text: str, full_text: str) -> bool:
    """The subject, the sender and the notice each decide alone. notice: the text reply_text
    kept; what it dropped that no person quoted (a notice's sections below a divider) is read
    only when the rest says nothing."""
    topic = families.SUBJECT_TAGS.sub("", _flat(subject, 300)) if subject else ""
    if topic and families.BOUNCE_SUBJECT_START.match(topic):
        return True
    # Exchange sends read and delivery receipts from the same "Microsoft Outlook" sender as its
    # failure notices: a receipt's subject says which it is.
    receipt = bool(topic) and families.RECEIPT_SUBJECT.match(topic) is not None
    if sender and not receipt and families.BOUNCE_SENDER.search(sender.lower()) is not None:
        # a gateway's challenge ("verify your address and your message will be delivered"),
        # sent from its postmaster, holds the message rather than returns it
        return families.CHALLENGE.search(notice) is None or _notice_says_bounce(sender, notice)
    if _notice_says_bounce(sender, notice):
        return True
    rest = _flat(_unquoted_rest(own_text, full_text), _NOTICE_HEAD) if own_text else ""
    return bool(rest) and _notice_says_bounce(sender, rest)


def _bounce_named_by_a_person(sender: str, subject: str, own: str) -> bool:
    """A person who answers above a quote of our message and talks to us ("your last email
    bounced (mailbox full apparently), send it to me instead") names a failure; a notice does
    not quote our message under an attribution, nor ask us to write. Only the text's wording
    is overruled: a mail system's subject or sender still decides."""
    topic = families.SUBJECT_TAGS.sub("", _flat(subject, 300)) if subject else ""
    if topic and families.BOUNCE_SUBJECT_START.match(topic):
        return False
    if sender and families.BOUNCE_SENDER.search(sender.lower()) is not None:
        return False
    return _engaged(own) or _asks(own)


def _notice_says_bounce(sender: str, text: str) -> bool:
    if families.DSN_TEXT.search(text) is not None:
        return True
    hand = families.GATEWAY_HAND
    return families.GATEWAY_TEXT.search(text) is not None and (
        hand.search(text) is not None or (bool(sender) and hand.search(sender.lower()) is not None)
    )


def _unquoted_rest(own_text: str, full_text: str) -> str:
    """What reply_text dropped below the lead's own text, up to the first mark of a person's
    quote: an attribution, a header block, a forward or original-message separator, a "> " line.

    A notice is read whole, not through reply_text: a postmaster's copy says "The original
    message was received at ..." above a "----- The following addresses had permanent fatal
    errors -----" divider, which reply_text takes for the start of a quote. A lead's own note
    above a forwarded notice stays the lead's: the forward's separator stops the reading."""
    own_lines = [line.strip() for line in own_text.splitlines() if line.strip()]
    lines = [line.strip() for line in full_text[: len(own_text) + _NOTICE_HEAD].splitlines() if line.strip()]
    if len(lines) <= len(own_lines) or lines[: len(own_lines)] != own_lines:
        return ""  # quote markup was dropped from the middle: a mail client's, a person's
    rest = lines[len(own_lines) :]
    # reply_text stopped at rest[0]: when it ends with a colon, reply_text took it for an
    # attribution or a forward intro (no notice's divider ends so), and nothing is left to read.
    if rest[0].endswith(rh.COLONS):
        return ""
    for index in range(len(rest)):
        if rh.opens_a_quote(rest, index):
            rest = rest[:index]
            break
    return "\n".join(rest)


def _answers_a_quote(own_text: str, full_text: str) -> bool:
    """Whether reply_text stopped at a person's quote: the line right below the own text is an
    attribution ("On ... wrote:"), a header block, a forward separator or a "> " line.

    Mail clients write such a quote when a person answers; responders, mail systems and
    challenge filters rarely do (Exchange's and Gmail's auto-replies carry no quote), so the
    quote makes the writer's own sentences weigh more than a lone availability phrase."""
    if not own_text.strip():
        return False
    own_lines = [line.strip() for line in own_text.splitlines() if line.strip()]
    lines = [line.strip() for line in full_text[: len(own_text) + 600].splitlines() if line.strip()]
    if len(lines) <= len(own_lines) or lines[: len(own_lines)] != own_lines:
        # quote markup dropped from the middle (HTML clients): the own text is shorter than the whole
        return len(full_text.strip()) > len(own_text.strip()) + 40
    index = len(own_lines)
    if _RULE.fullmatch(lines[index]) and index + 1 < len(lines):
        index += 1  # Outlook's "________" above its header block
    return rh.opens_a_quote(lines, index)


_RULE = re.compile(r"[_\-=]{10,}")


# --- auto-replies -------------------------------------------------------------------------

# Availability sentences, each family one kind of evidence; a person may write one of them.
# An absence or a departure can stand alone ("Back Monday" is not an auto-reply by itself).
_STANDALONE = (families.AWAY, families.GONE)
# An address change is a person's note too ("please note my address has changed to ..."
# under a letter): it needs a second signal, as a date of return does.
_SUPPORTING = (families.LIMITED, families.URGENT, families.AWAY_OTHER)  # besides RETURN and MOVED
# So many availability sentences at once are an out-of-office note even if it names a price.
_UNDENIABLE = 3


def _is_auto_reply(sender: str, subject: str, own: str, quoting: Callable[[], bool] = lambda: False) -> bool:
    """quoting: whether the own text sits above a person's quote of our message (_answers_a_quote),
    asked only when it decides: most replies never need it."""
    if subject and _subject_kind(subject) == AUTO_REPLY:
        return True
    if not own:
        return False
    # A person answering in their client may name an automatic message ("sorry for the
    # auto-reply earlier, can we talk tomorrow?"): above a quote, their own question outweighs it.
    if families.AUTOMATED.search(own) and not ((_asks(own) or _engaged(own)) and quoting()):
        return True
    standalone = sum(1 for family in _STANDALONE if family.search(own))
    standalone += families.OUT_NOTE.match(own) is not None
    machine = bool(sender) and families.MACHINE_SENDER.search(sender.lower()) is not None
    returns = families.RETURN.search(own) is not None
    moves = len(families.MOVED.findall(own))
    if not (standalone or machine or returns or moves):
        return False  # short of two supporting signals whatever LIMITED and URGENT say
    # An address-change notice says it twice ("my address has changed ... from now on write
    # to ..."); a person's note of it under a letter says it once.
    signals = standalone + machine + returns + (moves >= 1) + (moves >= 2)
    signals += sum(1 for family in _SUPPORTING if family.search(own))
    if signals >= _UNDENIABLE:
        return True
    # Above a person's quote, one availability sentence is a person's remark ("I'm away next
    # week, let's talk after"): a note quoting our message says two things (away, and until when).
    if signals < 2 and not (standalone > 0 and not quoting()):
        return False
    return not (_engaged(own) or _asks(own))


# A responder's acknowledgement with nothing else in it ("Thank you for your email. We will get
# back to you shortly."): read when the subject that would say "Automatic reply:" is missing.
# A person's answer quotes our message below it, asks or engages; a courtesy of theirs sits in
# a longer text. So: two courtesy phrases, a short text, little else in it, no quote below.
_COURTESY_LONGEST = 240
_COURTESY_REST = 40


def _courtesy_only(own: str) -> bool:
    if not own or len(own) > _COURTESY_LONGEST:
        return False
    rest, courtesies = families.COURTESY.subn(" ", own)
    if courtesies < 2:
        return False
    if sum(character.isalpha() for character in rest) > _COURTESY_REST:
        return False
    return not (_asks(own) or _engaged(own))


# --- engagement ---------------------------------------------------------------------------


def _engaged(text: str) -> bool:
    """What a person answering the pitch writes, and an auto-reply does not ("call me",
    "meeting", "gerne" are left out: out-of-office notes say them too). A match counts unless
    a negation stands just before it ("not interested", "don't send me", "no me interesa")."""
    return any(
        not families.NEGATION.search(text[max(0, m.start() - 20) : m.start()])
        for m in families.ENGAGED.finditer(text)
    )


# A question of three words or more near the top ("can we do the 20th instead?", "What's the
# offer?") is a person talking to us; an out-of-office note asks none, or only the stock ones
# about help and urgency ("Need immediate assistance?", "Questions?"), which do not count. It
# tells a person from an availability note, not from a removal request ("Who are you? Stop.").
_QUESTION = re.compile(r"[^.!?¿]{2,160}\?(?= |$)")
_QUESTION_HEAD = 600


def _asks(text: str) -> bool:
    for match in _QUESTION.finditer(text, 0, _QUESTION_HEAD):
        question = match.group()
        if len(question.split()) >= 3 and not families.STOCK_QUESTION.search(question):
            return True
    return False


# --- unsubscribe requests -----------------------------------------------------------------


def _asks_to_stop(own: str) -> bool:
    """A footer or signature offers the way out ("click here to unsubscribe", "you can opt out
    at any time", "unsubscribe link"); a request asks for it."""
    for match in families.UNSUBSCRIBE.finditer(own):
        before = own[max(0, match.start() - 30) : match.start()]
        if families.ASKING_BEFORE.search(before) or not (
            families.OFFER_BEFORE.search(before) or families.OFFER_AFTER.match(own, match.end())
        ):
            return True
    return False


def _is_unsubscribe(own: str, first_line: str) -> bool:
    if families.ONE_WORD.fullmatch(first_line):
        return True
    return _asks_to_stop(own) and not _engaged(own)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lower()
    return ""


# --- the classifier -----------------------------------------------------------------------


def reply_kind(
    *,
    sender: str | None,
    subject: str | None,
    own_text: str,
    full_text: str,
    headers: Mapping[str, str] | None = None,
) -> str:
    """HUMAN, AUTO_REPLY, BOUNCE or UNSUBSCRIBE for one REPLY email. Never raises on str/None input.

    own_text: the lead's own words (reply_text); full_text: the body's whole visible text.
    """
    sender, subject = sender or "", subject or ""
    own_text, full_text = own_text or "", full_text or ""
    told = _kind_from_headers(headers) if headers else None
    notice = _flat(own_text or full_text, _NOTICE_HEAD)
    own = notice[:_HEAD]

    def quoting() -> bool:
        return _answers_a_quote(own_text, full_text)

    if _is_bounce(sender, subject, notice, own_text, full_text) and not (
        _bounce_named_by_a_person(sender, subject, own) and quoting()
    ):
        return BOUNCE
    if told is not None:
        return told
    if _is_auto_reply(sender, subject, own, quoting):
        return AUTO_REPLY
    if not subject and _courtesy_only(own) and not quoting():
        return AUTO_REPLY
    if own and _is_unsubscribe(own, _first_line(own_text or full_text)):
        return UNSUBSCRIBE
    if not own and subject and _subject_asks_to_stop(subject):
        return UNSUBSCRIBE
    return HUMAN
