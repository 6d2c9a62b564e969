"""The families of evidence reply_kind reads, each built from every language's list of its name.

LISTS names the lists a language module may define and says what each holds; below them, each
family is compiled once, at import, from the lists of every module in languages.LANGUAGES, in
that order. The families read in the text and the sender are laid out by _layout.family (a
pattern that starts with a letter starts at a word boundary); the subject families are plain
groups; a few put the list inside a fixed frame ("... before the end of the text", "a polite
word, then the request"). What the families are for, and how they are weighed, is _decide's.
"""

from __future__ import annotations

import re
from types import ModuleType

from ._layout import family
from .languages import LANGUAGES

# Every list a language module may define, in the order of the coverage table.
LISTS: dict[str, str] = {
    # headers (common only): exact names, lower case
    "BOUNCE_HEADER": "a header only a delivery-status notice carries",
    "AUTO_HEADER": "a header an auto-responder sets",
    "AUTO_PRECEDENCE": "a Precedence value that marks machine mail",
    # subjects: read from the start of the lower-cased subject, no word boundary assumed
    "SUBJECT_TAG": 'a tag a gateway puts before a subject ("[EXTERNAL]", "*SPAM*"), stripped first',
    "BOUNCE_SUBJECT": 'a delivery-failure notice\'s subject ("Undeliverable:")',
    "AUTO_SUBJECT": "an out-of-office note's, a responder's or a ticket desk's subject",
    "AUTO_SUBJECT_ANYWHERE": "an auto-reply's words no campaign subject holds, anywhere in the subject",
    "RECEIPT": 'a read or delivery receipt\'s subject word before its colon ("Read", "Gelesen")',
    "RECEIPT_NOT_AUTO": (
        "a receipt's subject word that outweighs a mail-system sender (no bounce) but, unlike"
        " RECEIPT's, does not make an auto-reply by itself"
    ),
    # senders: searched in the lower-cased From
    "BOUNCE_SENDER": "a mail system's sender (mailer-daemon, postmaster)",
    "MACHINE_SENDER": "a machine-looking sender: seconds what the text says, never enough alone",
    # bounce notices: searched in the notice above the returned copy
    "DSN_TEXT": "a delivery-status notice's wording or code",
    "GATEWAY_TEXT": "a filtering gateway on a message it stopped (counts only beside GATEWAY_HAND)",
    "GATEWAY_HAND": "a machine's hand in a gateway notice (a Reason: field, a no-reply)",
    # auto-replies: searched near the top of the lead's own text
    "AUTOMATED": "a machine saying it wrote the message, or a desk acknowledging a ticket: enough alone",
    "CHALLENGE": (
        "a challenge-response filter asking the sender to prove a person wrote (verify, a guest"
        " list, a waitlisted message): enough alone"
    ),
    "AWAY": "the writer is away (stands alone)",
    "RETURN": "when the writer is back",
    "LIMITED": "limited access to mail, slow answers",
    "URGENT": "whom to write to meanwhile, for urgent matters",
    "GONE": "the writer left the company, the mailbox is closed (stands alone)",
    "MOVED": "the address changed or is no longer in use: write to another one (stands alone)",
    "OUT_NOTE": 'a terse note that opens the text with the absence ("OOO until 3/14"), at its start',
    "AWAY_OTHER": "someone else is away (an assistant's note): seconds other evidence only",
    "COURTESY": (
        'a responder\'s courtesy ("thank you for your email", "we will reply as soon as possible"):'
        " two of them make the whole of a short text with no subject and no quote an auto-reply"
    ),
    # engagement: what a person answering the pitch writes
    "ENGAGED": "interest, a call offered, pricing asked (unless NEGATION stands just before)",
    "NEGATION": "a negation just before an ENGAGED match, at the end of the 20 characters before it",
    "STOCK_QUESTION": "the stock questions of an auto-reply, which do not count as the writer asking",
    # unsubscribe requests: searched near the top of the lead's own text
    "UNSUBSCRIBE": "a request to be removed, to stop mailing",
    "ONE_WORD": 'a request of one word, the whole first line ("STOP", "unsubscribe.")',
    "PLEASE": "a polite word before a ONE_WORD request",
    "OFFER_BEFORE": 'a footer offering the way out, just before an UNSUBSCRIBE match ("click here to")',
    "OFFER_AFTER": 'a footer offering the way out, just after an UNSUBSCRIBE match ("... link")',
    "ASKING_BEFORE": (
        'a request, just before an UNSUBSCRIBE match, that a footer does not make ("I\'d like to")'
    ),
}


def patterns(language: ModuleType, name: str) -> list[str]:
    """The language's list of that name; [] when the module does not define it."""
    value = getattr(language, name, [])
    if not (isinstance(value, list) and all(isinstance(pattern, str) for pattern in value)):
        raise TypeError(f"{language.__name__}.{name} is not a list of patterns")
    return value


def listed(*names: str) -> list[str]:
    """Every language's patterns of the named lists, in the order of LANGUAGES."""
    return [pattern for language in LANGUAGES for name in names for pattern in patterns(language, name)]


def either(*names: str) -> str:
    """The named lists as one plain alternation, for a family with a frame of its own."""
    return "|".join(listed(*names))


# --- headers ------------------------------------------------------------------------------

BOUNCE_HEADERS = tuple(listed("BOUNCE_HEADER"))
AUTO_HEADERS = tuple(listed("AUTO_HEADER"))
AUTO_PRECEDENCE = frozenset(listed("AUTO_PRECEDENCE"))

# --- subjects -----------------------------------------------------------------------------

# A subject is short and read from its start: each of these families is one plain group
# (which sre can skip positions with by their first characters when it searches).
SUBJECT_TAGS = re.compile(rf"^(?:\s*(?:{either('SUBJECT_TAG')}))+\s*")
# The words inside a bracketed or starred tag anywhere in a subject, read against AUTO_SUBJECT.
TAG_WORDS = re.compile(r"\[([^\]]{1,40})\]|\*{1,3}([^*]{1,20})\*{1,3}")
BOUNCE_SUBJECT_START = re.compile(rf"^(?:{either('BOUNCE_SUBJECT')})")
# Read and delivery receipts open an auto-reply's subject as they are written ("Read:", and
# French "Lu :" with its space, which the French words carry).
AUTO_SUBJECT_START = re.compile(f"{either('AUTO_SUBJECT')}|(?:{either('RECEIPT')}):")
AUTO_SUBJECT_ANYWHERE = re.compile(either("AUTO_SUBJECT_ANYWHERE"))
# Any receipt, a space before its colon or not.
RECEIPT_SUBJECT = re.compile(
    f"(?:{'|'.join(word.removesuffix(' ?') for word in listed('RECEIPT', 'RECEIPT_NOT_AUTO'))}) ?:"
)

# --- senders ------------------------------------------------------------------------------

BOUNCE_SENDER = family(*listed("BOUNCE_SENDER"))
MACHINE_SENDER = family(*listed("MACHINE_SENDER"))

# --- bounce notices -----------------------------------------------------------------------

DSN_TEXT = family(*listed("DSN_TEXT"))
GATEWAY_TEXT = family(*listed("GATEWAY_TEXT"))
GATEWAY_HAND = family(*listed("GATEWAY_HAND"))

# --- auto-replies -------------------------------------------------------------------------

AUTOMATED = family(*listed("AUTOMATED", "CHALLENGE"))
# A challenge filter may write from a postmaster address: its request outweighs that sender.
CHALLENGE = family(*listed("CHALLENGE"))
AWAY = family(*listed("AWAY"))
RETURN = family(*listed("RETURN"))
LIMITED = family(*listed("LIMITED"))
URGENT = family(*listed("URGENT"))
GONE = family(*listed("GONE"))
MOVED = family(*listed("MOVED"))
OUT_NOTE = re.compile(either("OUT_NOTE"))
AWAY_OTHER = family(*listed("AWAY_OTHER"))
COURTESY = family(*listed("COURTESY"))

# --- engagement ---------------------------------------------------------------------------

ENGAGED = family(*listed("ENGAGED"))
NEGATION = re.compile(rf"(?:{either('NEGATION')})\W*(?:\w+\W+)?$")
STOCK_QUESTION = re.compile(either("STOCK_QUESTION"))

# --- unsubscribe requests -----------------------------------------------------------------

UNSUBSCRIBE = family(*listed("UNSUBSCRIBE"))
ONE_WORD = re.compile(rf"(?:{either('PLEASE')})?(?:{either('ONE_WORD')})\W*")
OFFER_BEFORE = re.compile(rf"(?:{either('OFFER_BEFORE')})\W*$")
OFFER_AFTER = re.compile(rf"\w*\W*(?:{either('OFFER_AFTER')})\b")
ASKING_BEFORE = re.compile(rf"(?:{either('ASKING_BEFORE')})\W*$")
