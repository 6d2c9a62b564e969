"""A deterministic generated Smartlead inbox with awkward data.

Leads are kept in the flat shape public client code reads (the richest one); the
documented shape is rendered from it. A share of leads never replied: they are in
`/sent` only.

Replies come in the four kinds live accounts show (``REPLY_KINDS``): people writing
back, auto-replies (out of office, left the company, ticket receipts), bounces from a
mail server, and requests to stop mailing. Each REPLY item keeps its true kind and the
words it was written with in keys that are never served (``PRIVATE_KEYS``: ``_kind``,
``_text``); ``api.py`` strips them from both shapes.
"""

from __future__ import annotations

import html
import random
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

UTC = timezone.utc  # datetime.UTC is new in 3.11
BASE_TIME = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)

# --- lead categories: what GET /leads/fetch-categories lists ------------------------------

_STANDARD_CREATED = "2022-03-01T00:00:00.000Z"
CATEGORIES: list[dict[str, Any]] = [
    {"id": 1, "name": "Interested", "sentiment_type": "positive"},
    {"id": 2, "name": "Meeting Request", "sentiment_type": "positive"},
    {"id": 3, "name": "Not Interested", "sentiment_type": "negative"},
    {"id": 4, "name": "Do Not Contact", "sentiment_type": "negative"},
    {"id": 5, "name": "Information Request", "sentiment_type": "neutral"},
    {"id": 6, "name": "Out Of Office", "sentiment_type": "neutral"},
    {"id": 7, "name": "Wrong Person", "sentiment_type": "neutral"},
]
for _category in CATEGORIES:
    _category.update(created_at=_STANDARD_CREATED, description=None, user_id=None, is_default=True)
CUSTOM_CATEGORIES: list[dict[str, Any]] = [
    {
        "id": 1234,
        "name": "Custom: Partner",
        "created_at": "2024-02-12T09:31:07.000Z",
        "sentiment_type": "positive",
        "description": "Agencies and resellers, route to partnerships",
        "user_id": 90210,
        "is_default": False,
    },
    {
        "id": 1454,
        "name": "Referral",
        "created_at": "2024-06-03T14:02:55.000Z",
        "sentiment_type": "neutral",
        "description": None,
        "user_id": 90210,
        "is_default": False,
    },
    {
        "id": 2987,
        "name": "Budget next quarter",
        "created_at": "2025-01-20T08:45:00.000Z",
        "sentiment_type": "positive",
        "description": "Interested, no budget before Q+1 — follow up then",
        "user_id": 90210,
        "is_default": False,
    },
]
CATEGORIES += CUSTOM_CATEGORIES
CATEGORY_NAMES = {category["id"]: category["name"] for category in CATEGORIES}
# A lead can keep the id of a category the account has since deleted: not listed anywhere.
DELETED_CATEGORY_ID = 3120

CAMPAIGNS = [
    (101, 'Q1 "Enterprise", EMEA'),
    (102, "Rentrée 2025 — FR"),
    (103, "Plain campaign"),
    (104, "新年 outreach"),
    (105, "Line\nbreak campaign"),
    (106, "Follow-ups, round 2"),
]
FIRST = ["José", "Zoë", "Łukasz", "Søren", "李", "Ægir", "O'Brien", "Renée", "Anna", "Bob"]
LAST = ["Müller", "García, Jr.", 'Smith "The Hammer"', "Ōtake", None, "Nguyễn", "Brown", ""]
COMPANIES = ["Acme, Inc.", 'Quote "Co"', "Ünïcödé GmbH", "Multi\nLine Ltd", "Plain Corp", None]
STATUSES_SENT_ONLY = ["Opened", "Accepted", "Clicked", "Bounced", "Not Replied"]

# --- the four kinds of reply --------------------------------------------------------------

HUMAN, AUTO_REPLY, BOUNCE, UNSUBSCRIBE = "human", "auto_reply", "bounce", "unsubscribe"
REPLY_KINDS = (HUMAN, AUTO_REPLY, BOUNCE, UNSUBSCRIBE)
PRIVATE_KEYS = frozenset({"_kind", "_text"})  # kept on REPLY items, never served

SUBJECT = "Partnership, quick question"
OURS = "sales@ourco.example"

# What people write back. The last ones talk about absence or lists, and are still people.
HUMAN_TEXTS = [
    "Sounds interesting — can you send pricing?\nThanks, José",
    "Let's talk Tuesday at 10:00, 11:00 or 14:00 (CET).",
    'He said "maybe", so: maybe.',
    "Happy to chat. Who else on your side would join the call?",
    "Danke für die Nachricht — schicken Sie mir gern Unterlagen.",
    "Sorry for the slow answer, I was out of office last week. Thursday works for me.",
    "Please add my colleague Marta to the thread, she owns this list of vendors.",
]
# Sent by a mail program on the lead's behalf: (subject prefix or whole subject, text).
AUTO_REPLIES = [
    ("Automatic reply: ", "I'm out of the office until Monday, limited access to email."),
    (
        "Out of Office: ",
        "I am currently on vacation with limited access to email and will return on 2 September.\n"
        "For urgent matters please contact support@startup.io.",
    ),
    ("Automatic reply: ", "I'm on parental leave until March. Your email will not be forwarded."),
    (
        "Abwesenheitsnotiz: ",
        "Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 12.08. nicht im Büro "
        "und habe keinen Zugriff auf meine E-Mails.",
    ),
    ("Réponse automatique : ", "Je suis absent(e) jusqu'au 15, réponse à mon retour."),
    ("Respuesta automática: ", "Estoy fuera de la oficina hasta el lunes. Gracias."),
    (
        "Automatic reply: ",
        "Thank you for your email. I am no longer with the company.\n"
        "Please direct your inquiries to info@startup.io.",
    ),
    (
        "We received your request [#48213]",
        "This is an automated response confirming that we received your request [#48213].\n"
        "A member of our team will get back to you within 2 business days.",
    ),
]
# Requests to stop mailing: the lead's own words, not a click on the footer link.
UNSUBSCRIBE_TEXTS = [
    "Unsubscribe",
    "Not interested, please remove me.",
    "Please remove me from your list.",
    "Stop emailing me.",
    "Bitte keine weiteren E-Mails.",
    "Merci de me retirer de votre liste.",
]
# Delivery failure notices: (sender, subject with {subject}, text with {to} {local} {domain}, html).
BOUNCES = [
    (
        "mailer-daemon@googlemail.com",
        "Delivery Status Notification (Failure)",
        "Address not found\n"
        "Your message wasn't delivered to {to} because the address couldn't be found, "
        "or is unable to receive mail.\n"
        "The response from the remote server was:\n"
        "550 5.1.1 The email account that you tried to reach does not exist.",
        True,
    ),
    (
        "postmaster@outlook.com",
        "Undeliverable: {subject}",
        "Your message to {to} couldn't be delivered.\n"
        "{local} wasn't found at {domain}.\n"
        "Remote server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
        True,
    ),
    (
        "MAILER-DAEMON@mx.example",
        "Mail delivery failed: returning message to sender",
        "This message was created automatically by mail delivery software.\n"
        "A message that you sent could not be delivered to one or more of its recipients. "
        "This is a permanent error. The following address(es) failed:\n"
        "{to}\n"
        "host mx.{domain} [203.0.113.5]\n"
        "SMTP error from remote mail server after RCPT TO:<{to}>:\n"
        "550 5.1.1 User unknown",
        False,
    ),
    (
        "MAILER-DAEMON@mx.example",
        "Undelivered Mail Returned to Sender",
        "This is the mail system at host mx.example.\n"
        "I'm sorry to have to inform you that your message could not be delivered "
        "to one or more recipients.\n"
        "<{to}>: host mx.{domain}[203.0.113.7] said: 550 5.1.1 <{to}>: "
        "Recipient address rejected: User unknown (in reply to RCPT TO command)",
        False,
    ),
    (
        "postmaster@outlook.com",
        "Unzustellbar: {subject}",
        "Ihre Nachricht an {to} konnte nicht zugestellt werden.\n"
        "{local} wurde bei {domain} nicht gefunden.\n"
        "Remoteserver hat '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found' zurückgegeben",
        True,
    ),
    (
        "postmaster@outlook.com",
        "Non remis : {subject}",
        "Votre message à {to} n'a pas pu être remis.\n"
        "{local} est introuvable sur {domain}.\n"
        "Le serveur distant a retourné '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
        True,
    ),
]
# Every fixed reply text (bounce texts are templates: they name the lead's address).
REPLY_TEXTS = [*HUMAN_TEXTS, *(text for _, text in AUTO_REPLIES), *UNSUBSCRIBE_TEXTS]
REPLY_TEXT_KINDS: dict[str, str] = {
    **{text: HUMAN for text in HUMAN_TEXTS},
    **{text: AUTO_REPLY for _, text in AUTO_REPLIES},
    **{text: UNSUBSCRIBE for text in UNSUBSCRIBE_TEXTS},
    **{text: BOUNCE for _, _, text, _ in BOUNCES},
}

# How a replied lead's thread goes, with cumulative odds: people reply (perhaps after an
# auto-reply), only auto-replies come back, the address bounces, or the lead asks to stop.
STORIES = [
    ("human", 0.48),
    ("auto_then_human", 0.60),
    ("auto_only", 0.74),
    ("bounce", 0.86),
    ("unsubscribe", 1.0),
]
CATEGORY_BY_STORY: dict[str, list[int | None]] = {
    "human": [1, 1, 2, 2, 3, 5, 7, None, None, 1234, 1454, 2987],
    "auto_then_human": [6, 1, 2, 5, 2987, None],
    "auto_only": [6, 6, 6, 7, None],
    "bounce": [None, None, 4],
    "unsubscribe": [3, 4, 4, None],
}
ATTACHMENTS = [
    {
        "file_url": "https://files.ourco.example/a/9f3e/Proposal%20Q3.pdf",
        "file_name": "Proposal Q3.pdf",
        "file_type": "application/pdf",
    },
    {
        "file_url": "https://files.ourco.example/a/77aa/pricing.xlsx",
        "file_name": 'Pricing, "final" — Ü.xlsx',
        "file_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
    {
        "file_url": "https://attachments.startup.io/x/image001.png",
        "file_name": "image001.png",
        "file_type": "image/png",
    },
    {
        "file_url": "https://attachments.startup.io/x/cv.docx",
        "file_name": "Résumé_日本.docx",
        "file_type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    },
]


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass
class Inbox:
    leads: list[dict[str, Any]]
    lock: threading.Lock = field(default_factory=threading.Lock)

    def replied(self) -> list[dict[str, Any]]:
        return [lead for lead in self.leads if lead["last_reply_time"]]

    def by_map_id(self, map_id: str) -> dict[str, Any]:
        return next(lead for lead in self.leads if str(lead["email_lead_map_id"]) == str(map_id))

    def add_sent(self, map_id: str, when: datetime | None = None) -> dict[str, Any]:
        """We email the lead again now: it jumps to the top of SENT_TIME_DESC."""
        return self._add(map_id, "SENT", when or datetime.now(UTC))

    def add_reply(self, map_id: str, when: datetime | None = None) -> dict[str, Any]:
        """The lead replies again now (a person writing): it jumps to the top of REPLY_TIME_DESC."""
        return self._add(map_id, "REPLY", when or datetime.now(UTC))

    def _add(self, map_id: str, kind: str, when: datetime) -> dict[str, Any]:
        with self.lock:
            lead = self.by_map_id(map_id)
            n, theirs = len(lead["email_history"]), lead["lead_email"]
            sent = kind == "SENT"
            tag = f"follow{n}" if sent else f"churn{n}"
            email = _email(
                kind,
                when,
                stats_id=f"st-{lead['email_lead_map_id']}-{tag}",
                message_id=f"<{tag}.{lead['email_lead_map_id']}@{'ourco' if sent else 'lead'}.example>",
                subject="Re: Partnership, quick question" if sent else "Re: one more thing",
                body="<p>Bumping this up: worth a chat?</p>"
                if sent
                else "<p>One more thing&nbsp;— call me?</p>",
                sender=OURS if sent else theirs,
                to=theirs if sent else OURS,
                cc=None,
                seq=None,
            )
            if not sent:
                email["_kind"], email["_text"] = HUMAN, "One more thing\u00a0— call me?"
            lead["email_history"].append(email)
            lead["last_sent_time" if sent else "last_reply_time"] = iso(when)
            if not sent:
                lead["has_new_unread_email"] = True
            return lead


def generate_inbox(n_replied: int = 200, seed: int = 7, never_replied_share: float = 0.2) -> Inbox:
    """``n_replied`` leads with replies, plus about ``never_replied_share`` more without.

    The third replied lead carries ``DELETED_CATEGORY_ID``, a category the account no
    longer lists."""
    rng = random.Random(seed)
    n_silent = round(n_replied * never_replied_share / (1 - never_replied_share))
    flags = [True] * n_replied + [False] * n_silent
    rng.shuffle(flags)
    inbox = Inbox([new_lead(rng, i, replied) for i, replied in enumerate(flags)])
    replied = [lead for lead in inbox.leads if lead["last_reply_time"]]
    if len(replied) > 2:
        replied[2]["lead_category_id"] = DELETED_CATEGORY_ID
        replied[2]["is_ooo_automated_push_lead"] = False
    return inbox


def new_lead(rng: random.Random, i: int, replied: bool) -> dict[str, Any]:
    map_id, lead_id = 2433660000 + i, 880000 + i
    campaign_id, campaign_name = CAMPAIGNS[i % len(CAMPAIGNS)]
    first = FIRST[rng.randrange(len(FIRST))]
    last = LAST[rng.randrange(len(LAST))]
    email = f"lead{i}@{['startup.io', 'exämple.de', 'corp.example'][i % 3]}"
    start = BASE_TIME + timedelta(minutes=rng.randrange(0, 300 * 24 * 60))
    story = _story(rng) if replied else "silent"
    history = _history(rng, map_id, email, start, story)
    replies = [h["time"] for h in history if h["type"] == "REPLY"]
    sent = [h["time"] for h in history if h["type"] == "SENT"]
    choices = CATEGORY_BY_STORY.get(story)
    category = choices[rng.randrange(len(choices))] if choices else None
    if not replied:
        status = STATUSES_SENT_ONLY[i % len(STATUSES_SENT_ONLY)]
    else:
        status = "Bounced" if story == "bounce" else "Replied"
    return {
        "email_lead_id": str(lead_id),
        "email_lead_map_id": str(map_id),
        "lead_category_id": category,
        "lead_first_name": first,
        "lead_last_name": last,
        "lead_email": email,
        "lead_company": rng.choice(COMPANIES),
        "lead_phone": rng.choice(["+1-555-0100", None]),
        "email_campaign_id": campaign_id,
        "email_campaign_name": campaign_name,
        "email_campaign_seq_id": 7000 + len(sent),
        "email_account_id": 501 + i % 12,
        "email_account_email": f"sales{i % 12}@ourco.example",
        "last_sent_time": max(sent),
        "last_reply_time": max(replies) if replies else None,
        "lead_next_timestamp_to_send": None,
        "has_new_unread_email": rng.random() < 0.3,
        "is_important": rng.random() < 0.1,
        "is_archived": False,
        "is_snoozed": False,
        "is_pushed_to_sub_sequence": False,
        "is_ooo_automated_push_lead": category == 6,
        "belongs_to_sub_sequence": False,
        "sub_sequence_id": None,
        "team_member_id": rng.choice([11, 12, 13]),
        "client_id": rng.choice([21, 22, None]),
        "campaign_tag_id": 31 + i % 4,
        "lead_status": "INPROGRESS" if replied else "COMPLETED",
        "current_sequence_number": len(sent),
        "old_replaced_lead_data": None,
        "revenue": "0.00",
        "email_status": status,
        "campaign_sending_schedule": {
            "tz": rng.choice(["America/New_York", "Europe/Paris"]),
            "days": [1, 2, 3, 4, 5],
            "startHour": "09:00",
            "endHour": "18:00",
        },
        "email_history": history,
    }


def _story(rng: random.Random) -> str:
    roll = rng.random()
    return next(name for name, upto in STORIES if roll < upto)


def _history(
    rng: random.Random, map_id: int, email: str, start: datetime, story: str
) -> list[dict[str, Any]]:
    """A thread told as ``story`` (or "silent": our sequence only), time-ascending."""
    history: list[dict[str, Any]] = []
    moment = start
    steps = rng.randint(1, 3)
    for seq in range(1, steps + 1):
        subject = SUBJECT if seq == 1 else f'Re: "Partnership" #{seq}'
        history.append(
            _email(
                "SENT",
                moment,
                stats_id=f"st-{map_id}-{seq}",
                message_id=f"<s{seq}.{map_id}@ourco.example>",
                subject=subject,
                body=_sent_body(seq, map_id),
                sender=OURS,
                to=email,
                cc=None if rng.random() < 0.85 else ["manager@ourco.example"],
                seq=str(seq),
                extras=_extras(rng, "SENT"),
            )
        )
        if story == "bounce" and seq == steps:  # the mail server answers within minutes
            history.append(
                _bounce(rng, map_id, email, moment + timedelta(minutes=rng.randint(1, 20)), history[-1])
            )
            return history
        if story == "auto_only" and (seq == 1 or rng.random() < 0.5):
            when = moment + timedelta(minutes=rng.randint(1, 30))
            history.append(_auto_reply(rng, map_id, email, when, seq, history[-1]))
        moment += timedelta(days=rng.randint(1, 4), minutes=rng.randint(0, 600))
    if story in ("silent", "auto_only"):
        return history
    n, last_sent = 0, history[-1]
    if story == "auto_then_human":  # the auto-reply comes within minutes, the person days later
        history.append(_auto_reply(rng, map_id, email, _after(last_sent, rng.randint(1, 30)), 0, last_sent))
        n = 1
    replies = 1 if story == "unsubscribe" else rng.randint(1, 2)
    for _ in range(replies):
        kind = UNSUBSCRIBE if story == "unsubscribe" else HUMAN
        history.append(_reply(rng, map_id, email, moment, n, last_sent, kind))
        n += 1
        moment += timedelta(hours=rng.randint(1, 40))
        if rng.random() < 0.4:  # we answer by hand (no sequence number); else the lead waits
            last_sent = _email(
                "SENT",
                moment,
                stats_id=f"st-{map_id}-m{n}",
                message_id=f"<m{n}.{map_id}@ourco.example>",
                subject="Re: Partnership",
                body="<div>Thanks &amp; talk soon,<br>Sam</div>"
                if kind == HUMAN
                else "<div>Done, you will not hear from us again.<br>Sam</div>",
                sender=OURS,
                to=email,
                cc=None,
                seq=None,
                extras=_extras(rng, "SENT"),
            )
            history.append(last_sent)
            moment += timedelta(hours=rng.randint(1, 40))
    return history


def _after(item: dict[str, Any], minutes: int) -> datetime:
    return datetime.fromisoformat(item["time"].replace("Z", "+00:00")) + timedelta(minutes=minutes)


def _reply(
    rng: random.Random,
    map_id: int,
    email: str,
    moment: datetime,
    n: int,
    prior: dict[str, Any],
    kind: str,
) -> dict[str, Any]:
    """A person's reply: an answer, or a request to stop mailing."""
    texts = HUMAN_TEXTS if kind == HUMAN else UNSUBSCRIBE_TEXTS
    text = texts[rng.randrange(len(texts))]
    cc = rng.choice([None, [], ["boss@startup.io", "ops@startup.io"], "assistant@startup.io"])
    roll = rng.random()
    if kind == UNSUBSCRIBE and roll < 0.15:
        subject: str | None = "Unsubscribe"
    else:
        subject = None if roll < 0.3 else f"Re: {SUBJECT}"
    return _reply_item(
        rng,
        moment,
        prior,
        (kind, text),
        message_id=None if rng.random() < 0.15 else f"<r{n}.{map_id}@lead.example>",
        subject=subject,
        body=_reply_body(rng, text, prior),
        sender=email,
        cc=cc,
    )


def _reply_item(
    rng: random.Random,
    moment: datetime,
    prior: dict[str, Any],
    truth: tuple[str, str],
    *,
    message_id: str | None,
    subject: str | None,
    body: str,
    sender: str,
    cc: Any = None,
) -> dict[str, Any]:
    """A REPLY to ``prior``, with its true kind and written text kept private."""
    item = _email(
        "REPLY",
        moment,
        stats_id=prior["stats_id"],
        message_id=message_id,
        subject=subject,
        body=body,
        sender=sender,
        to=OURS,
        cc=cc,
        seq=None,
        extras=_extras(rng, "REPLY", prior),
    )
    item["_kind"], item["_text"] = truth
    return item


def _auto_reply(
    rng: random.Random, map_id: int, email: str, moment: datetime, n: int, prior: dict[str, Any]
) -> dict[str, Any]:
    """What the lead's mail program sends on its own: no quote, a subject of its own."""
    prefix, text = AUTO_REPLIES[rng.randrange(len(AUTO_REPLIES))]
    ticket = not prefix.endswith(": ")  # a helpdesk's receipt: its own subject and address
    subject = prefix if ticket else prefix + prior.get("subject", SUBJECT)
    return _reply_item(
        rng,
        moment,
        prior,
        (AUTO_REPLY, text),
        message_id=f"<auto{n}.{map_id}@lead.example>",
        subject=subject,
        body=_text_body(rng, text),
        sender="help@" + email.split("@", 1)[1] if ticket else email,
    )


def _bounce(
    rng: random.Random, map_id: int, email: str, moment: datetime, prior: dict[str, Any]
) -> dict[str, Any]:
    """A delivery failure notice for ``prior``: from a mail server, about the lead's address."""
    sender, subject, template, as_html = BOUNCES[rng.randrange(len(BOUNCES))]
    local, domain = email.split("@", 1)
    text = template.format(to=email, local=local, domain=domain)
    return _reply_item(
        rng,
        moment,
        prior,
        (BOUNCE, text),
        message_id=f"<dsn.{map_id}.{rng.getrandbits(32):08x}@{sender.split('@')[1]}>",
        subject=subject.format(subject=prior.get("subject", SUBJECT)),
        body=f'<div dir="ltr">{_html_lines(text)}</div>' if as_html else text,
        sender=sender,
    )


def _extras(rng: random.Random, kind: str, prior: dict[str, Any] | None = None) -> dict[str, Any]:
    """bcc, attachments, reply_details and a field no document names, each on some emails."""
    extras: dict[str, Any] = {}
    roll = rng.random()
    if roll < 0.45:
        extras["bcc"] = (
            None
            if roll < 0.15
            else []
            if roll < 0.25
            else ["archive@ourco.example", "crm@ourco.example"]
            if roll < 0.38
            else "archive@ourco.example"
        )
    roll = rng.random()
    if roll < 0.35:
        extras["attachments"] = (
            [] if roll < 0.15 else [ATTACHMENTS[(int(roll * 1000)) % 4]] if roll < 0.3 else ATTACHMENTS[:]
        )
    if kind == "REPLY" and prior is not None and rng.random() < 0.3:
        extras["reply_details"] = {
            "in_reply_to": prior["message_id"],
            "reply_to": None,
            "is_forwarded": False,
        }
    if rng.random() < 0.1:
        extras["sl_tracking"] = {"pixel": True, "variant": "B"}  # a field no document names
    return extras


def _email(
    kind: str,
    moment: datetime,
    *,
    stats_id: str,
    message_id: str | None,
    subject: str | None,
    body: str,
    sender: str,
    to: str,
    cc: Any,
    seq: str | None,
    extras: dict[str, Any] | None = None,
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "stats_id": stats_id,
        "message_id": message_id,
        "type": kind,
        "time": iso(moment),
        "email_body": body,
        "from": sender,
        "to": to,
        "cc": cc,
        "email_seq_number": seq,
        "open_count": 1 if kind == "SENT" else 0,
        "click_count": 0,
        "click_details": {},
    }
    if subject is not None:
        item["subject"] = subject
    if extras:
        item.update(extras)
    return item


def _sent_body(seq: int, map_id: int = 0) -> str:
    """A campaign email; it ends with an unsubscribe link, which replies quote."""
    return (
        "<html><head><title>mail</title><style>p { color: #333 }</style></head><body>"
        f"<p>Hi there,</p><p>Step {seq}: we help teams like yours &mdash; 3&times; faster, "
        'no "fluff", no commas, promised.</p><script>track()</script>'
        "<p>Best,<br>Sam</p>"
        f'<p style="font-size:11px">Not interested? <a href="https://open.ourco.example/unsubscribe/{map_id}">'
        "Unsubscribe</a></p></body></html>"
    )


def _html_lines(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def _text_body(rng: random.Random, text: str) -> str:
    """The text as HTML, or (one time in five) as plain text."""
    return text if rng.random() < 0.2 else f'<div dir="ltr">{_html_lines(text)}</div>'


def _reply_body(rng: random.Random, text: str, prior: dict[str, Any]) -> str:
    if rng.random() < 0.2:
        return text  # a plain-text reply
    quoted = prior["email_body"].split("<body>")[-1].split("</body>")[0]
    return (
        f'<div dir="ltr">{_html_lines(text)}</div><br><div class="gmail_quote">'
        f'<div class="gmail_attr">On {prior["time"][:10]}, Sam &lt;sales@ourco.example&gt; wrote:'
        f"</div><blockquote>{quoted}</blockquote></div>"
    )
