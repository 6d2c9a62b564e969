"""A deterministic generated Smartlead inbox with awkward data.

Leads are kept in the flat shape public client code reads (the richest one); the
documented shape is rendered from it. A share of leads never replied: they are in
`/sent` only.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

BASE_TIME = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)
CATEGORY_NAMES = {
    1: "Interested",
    2: "Meeting Request",
    3: "Not Interested",
    4: "Do Not Contact",
    5: "Information Request",
    6: "Out Of Office",
    7: "Wrong Person",
    1234: "Custom: Partner",
}
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
        """The lead replies again now: it jumps to the top of REPLY_TIME_DESC."""
        return self._add(map_id, "REPLY", when or datetime.now(UTC))

    def _add(self, map_id: str, kind: str, when: datetime) -> dict[str, Any]:
        with self.lock:
            lead = self.by_map_id(map_id)
            n, ours, theirs = len(lead["email_history"]), "sales@ourco.example", lead["lead_email"]
            sent = kind == "SENT"
            tag = f"follow{n}" if sent else f"churn{n}"
            lead["email_history"].append(
                _email(
                    kind,
                    when,
                    stats_id=f"st-{lead['email_lead_map_id']}-{tag}",
                    message_id=f"<{tag}.{lead['email_lead_map_id']}@{'ourco' if sent else 'lead'}.example>",
                    subject="Re: Partnership, quick question" if sent else "Re: one more thing",
                    body="<p>Bumping this up: worth a chat?</p>"
                    if sent
                    else "<p>One more thing&nbsp;— call me?</p>",
                    sender=ours if sent else theirs,
                    to=theirs if sent else ours,
                    cc=None,
                    seq=None,
                )
            )
            lead["last_sent_time" if sent else "last_reply_time"] = iso(when)
            if not sent:
                lead["has_new_unread_email"] = True
            return lead


def generate_inbox(n_replied: int = 200, seed: int = 7, never_replied_share: float = 0.2) -> Inbox:
    """``n_replied`` leads with replies, plus about ``never_replied_share`` more without."""
    rng = random.Random(seed)
    n_silent = round(n_replied * never_replied_share / (1 - never_replied_share))
    flags = [True] * n_replied + [False] * n_silent
    rng.shuffle(flags)
    return Inbox([new_lead(rng, i, replied) for i, replied in enumerate(flags)])


def new_lead(rng: random.Random, i: int, replied: bool) -> dict[str, Any]:
    map_id, lead_id = 2433660000 + i, 880000 + i
    campaign_id, campaign_name = CAMPAIGNS[i % len(CAMPAIGNS)]
    first = FIRST[rng.randrange(len(FIRST))]
    last = LAST[rng.randrange(len(LAST))]
    email = f"lead{i}@{['startup.io', 'exämple.de', 'corp.example'][i % 3]}"
    start = BASE_TIME + timedelta(minutes=rng.randrange(0, 300 * 24 * 60))
    history = _history(rng, map_id, email, start, replied)
    replies = [h["time"] for h in history if h["type"] == "REPLY"]
    sent = [h["time"] for h in history if h["type"] == "SENT"]
    category = rng.choice([1, 2, 3, 4, 5, 6, 6, 6, 7, None, 1234]) if replied else None
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
        "email_status": "Replied" if replied else STATUSES_SENT_ONLY[i % len(STATUSES_SENT_ONLY)],
        "campaign_sending_schedule": {
            "tz": rng.choice(["America/New_York", "Europe/Paris"]),
            "days": [1, 2, 3, 4, 5],
            "startHour": "09:00",
            "endHour": "18:00",
        },
        "email_history": history,
    }


def _history(
    rng: random.Random, map_id: int, email: str, start: datetime, replied: bool
) -> list[dict[str, Any]]:
    history: list[dict[str, Any]] = []
    moment = start
    for seq in range(1, rng.randint(1, 3) + 1):
        subject = "Partnership, quick question" if seq == 1 else f'Re: "Partnership" #{seq}'
        history.append(
            _email(
                "SENT",
                moment,
                stats_id=f"st-{map_id}-{seq}",
                message_id=f"<s{seq}.{map_id}@ourco.example>",
                subject=subject,
                body=_sent_body(seq),
                sender="sales@ourco.example",
                to=email,
                cc=None,
                seq=str(seq),
            )
        )
        moment += timedelta(days=rng.randint(1, 4), minutes=rng.randint(0, 600))
    if replied:
        for n in range(rng.randint(1, 2)):
            history.append(_reply(rng, map_id, email, moment, n, history[-1]))
            moment += timedelta(hours=rng.randint(1, 40))
            if rng.random() < 0.4:
                history.append(
                    _email(
                        "SENT",
                        moment,
                        stats_id=f"st-{map_id}-m{n}",
                        message_id=f"<m{n}.{map_id}@ourco.example>",
                        subject="Re: Partnership",
                        body="<div>Thanks &amp; talk soon,<br>Sam</div>",
                        sender="sales@ourco.example",
                        to=email,
                        cc=None,
                        seq=None,
                    )
                )
                moment += timedelta(hours=rng.randint(1, 40))
    return history


def _reply(
    rng: random.Random, map_id: int, email: str, moment: datetime, n: int, prior: dict[str, Any]
) -> dict[str, Any]:
    cc = rng.choice([None, [], ["boss@startup.io", "ops@startup.io"], "assistant@startup.io"])
    return _email(
        "REPLY",
        moment,
        stats_id=prior["stats_id"],
        message_id=None if rng.random() < 0.15 else f"<r{n}.{map_id}@lead.example>",
        subject=None if rng.random() < 0.3 else "Re: Partnership, quick question",
        body=_reply_body(rng, prior),
        sender=email,
        to="sales@ourco.example",
        cc=cc,
        seq=None,
    )


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
    return item


def _sent_body(seq: int) -> str:
    return (
        "<html><head><title>mail</title><style>p { color: #333 }</style></head><body>"
        f"<p>Hi there,</p><p>Step {seq}: we help teams like yours &mdash; 3&times; faster, "
        'no "fluff", no commas, promised.</p><script>track()</script>'
        "<p>Best,<br>Sam</p></body></html>"
    )


REPLY_TEXTS = [
    "I'm out of the office until Monday, limited access to email.",
    "Sounds interesting — can you send pricing?\nThanks, José",
    "Not interested, please remove me.",
    "Let's talk Tuesday at 10:00, 11:00 or 14:00 (CET).",
    "Je suis absent(e) jusqu'au 15, réponse à mon retour.",
    'He said "maybe", so: maybe.',
]


def _reply_body(rng: random.Random, prior: dict[str, Any]) -> str:
    text = rng.choice(REPLY_TEXTS).replace("\n", "<br>")
    if rng.random() < 0.2:
        return text.replace("<br>", "\n")  # a plain-text reply
    quoted = prior["email_body"].split("<body>")[-1].split("</body>")[0]
    return (
        f'<div dir="ltr">{text}</div><br><div class="gmail_quote">'
        f'<div class="gmail_attr">On {prior["time"][:10]}, Sam &lt;sales@ourco.example&gt; wrote:'
        f"</div><blockquote>{quoted}</blockquote></div>"
    )
