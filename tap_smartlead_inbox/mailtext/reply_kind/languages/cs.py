"""Czech (cs)."""

BOUNCE_SUBJECT = [
    "nedoručiteln",
    "nedoručen",
]

AUTO_SUBJECT = [
    "automatická odpověď",
    "potvrzení o přijetí",
]

RECEIPT_NOT_AUTO = [
    "přečteno",
    "doručeno",
]

DSN_TEXT = [
    "nedoručiteln",
]

AUTOMATED = [
    "automatick(?:á|y) (?:odpověď|generovan|zpráva)",
    # a read receipt's own sentence
    "byla přečtena",
    "byla odstraněna bez přečtení",
]

AWAY = [
    (
        r"(?:jsem|budu) (?:\w+ ){0,2}(?:mimo (?:kancelář|kancelar|office)|na dovolené|nepřítom|na mateřské"
        r"|na služební cestě)"
    ),
    "čerpám dovolenou",
    "(?:jsem|budu) nedostupn",
]

RETURN = [
    "(?:jsem )?zpět (?:v kanceláři )?(?:od|dne)",
    r"do \d{1,2}\. ?\d{1,2}\.",
    "po (?:mém |svém )?návratu",
]

LIMITED = [
    r"omezen\w* přístup",
]

URGENT = [
    "naléhavých",
    "v (?:naléhavých|urgentních) případech",
]

GONE = [
    "již (?:nepracuje|není zaměstnancem)",
    r"(?:adresa|schránka|účet) (?:\S+ ){0,2}(?:již|už) není (?:používán|aktivní|používána|sledována)",
]

UNSUBSCRIBE = [
    "odhl(?:ásit|aste|ašte|ásím)",
    "odstraňte (?:mě|mne|můj|moj)",
    "vyřaďte (?:mě|mne)",
    "(?:už|již) mi (?:nepište|neposílejte)",
    "nepište mi",
    "neposílejte mi",
    "nekontaktujte (?:mě|mne)",
    "ze (?:svého|vašeho) seznamu",
]

ONE_WORD = [
    "odhlásit",
]

CHALLENGE = [
    "potvrďte, že jste (?:člověk|skutečná osoba)",
    "ověření odesílatele",
    "vaše zpráva bude doručena (?:až )?(?:po|jakmile)",
]

MOVED = [
    "moje nová (?:e-?mailová )?adresa je",
    "(?:moje|naše) (?:e-?mailová )?adresa se změnila",
    "(?:od nynějška|nadále|napříště) (?:prosím )?(?:pište|zasílejte|posílejte) na",
]
