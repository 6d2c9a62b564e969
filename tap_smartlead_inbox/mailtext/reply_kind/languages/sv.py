"""Swedish (sv).

"autosvar" and "automatiskt? svar" serve Danish and Norwegian too.
"""

BOUNCE_SUBJECT = [
    "olevererbar",
    "kunde inte levereras",
    "ej levererat",
    "leveransfel",
    "ej levererbart",
]

AUTO_SUBJECT = [
    "autosvar",
    "automatiskt svar",
    "frånvar",
    "semester",
    "tjänstledig",
    "föräldraledig",
    "mottagningsbekräftelse",
]

AUTO_SUBJECT_ANYWHERE = [
    "autosvar",
    "automatiskt svar",
]

RECEIPT = [
    "läst",
]

RECEIPT_NOT_AUTO = [
    "levererat",
]

DSN_TEXT = [
    "(?:kunde inte|gick inte att|kan inte) levereras",
    "adressen hittades inte",
    "olevererbar",
]

AUTOMATED = [
    "automatiskt? (?:svar|meddelande|genererat)",
    "autosvar",
    "vi har (?:tagit emot|mottagit) (?:ditt|din|ert)",
    # a read receipt's own sentence
    "lästes den",
    "togs bort utan att ha lästs",
]

AWAY = [
    (
        r"(?:jag är|är jag)\b.{0,40}?\b(?:på semester|ledig (?:till|t\.o\.m|från|hela)|borta|frånvarande"
        r"|föräldraledig|tjänstledig|sjukskriven|inte på kontoret|på resa)"
    ),
]

RETURN = [
    "tillbaka (?:den|på|igen)",
    "åter (?:den|på|i tjänst)",
    "när jag är tillbaka",
    "är åter",
]

LIMITED = [
    "begränsad (?:tillgång|åtkomst)",
    "läser inte (?:min )?(?:e-?post|mejl|mail)",
]

URGENT = [
    "(?:vid|för|i) (?:brådskande|akuta) (?:ärenden|frågor)",
    "under min frånvaro",
]

GONE = [
    "(?:arbetar|jobbar) inte längre",
    "slutat (?:på|hos|sin anställning)",
    "inte längre (?:anställd|verksam)",
    r"(?:adress|brevlåda|inkorg|konto)\w* (?:\S+ ){0,2}(?:används|bevakas|läses) (?:inte längre|ej längre)",
]

ENGAGED = [
    "intresserad",
    "intressant",
    "skicka (?:mig|gärna)",
    "priser",
    "vad kostar",
    "kan vi (?:ses|prata|höras|boka)",
]

NEGATION = [
    r"\binte",
]

STOCK_QUESTION = [
    "fråg",
    "brådsk",
]

UNSUBSCRIBE = [
    "avregistrer",
    "avsluta (?:min )?prenumeration",
    "avprenumerera",
    "ta bort (?:mig|min|oss)",
    "(?:sluta|sluta att) (?:mejla|maila|skicka|kontakta|skriva)",
    "(?:kontakta|mejla|maila) (?:mig|oss) inte",
    "inga fler (?:mejl|mail|e-?post)",
    "jag vill inte (?:ha|få) (?:fler|mer|några)",
]

CHALLENGE = [
    "bekräfta att du (?:är en människa|inte är en robot)",
    "avsändarverifiering",
    "ditt meddelande levereras (?:först )?(?:när|efter att)",
    # a held message, released once the sender confirms
    r"ditt meddelande (?:\S+ ){0,4}har hållits kvar",
]

MOVED = [
    "min nya (?:e-?post)?adress är",
    "(?:min|vår) (?:e-?post)?adress har ändrats",
    "(?:från och med nu|hädanefter|i fortsättningen) (?:ber jag dig |vänligen )?(?:skriva|skicka|mejla)",
]

COURTESY = [
    "tack för (?:ditt|ert) (?:mejl|mail|meddelande|e-?postmeddelande)",
    "(?:jag|vi) (?:återkommer|svarar) (?:så snart som möjligt|snarast|inom kort)",
]
