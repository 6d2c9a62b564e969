"""Danish (da).

What Danish and Norwegian write alike ("kan ikke leveres", "jeg er på ferie") is listed
here, once; `no` holds what is Norwegian only.
"""

BOUNCE_SUBJECT = [
    "kan ikke leveres",
    "ikke leveret",
    "kunne ikke leveres",
]

AUTO_SUBJECT = [
    "automatisk svar",
    "modtagelsesbekræftelse",
]

RECEIPT_NOT_AUTO = [
    "læst",
    "leveret",
]

DSN_TEXT = [
    "kunne ikke leveres",
    "kan ikke leveres",
    "ikke leveret",
]

AUTOMATED = [
    "automatisk (?:besked|meddelelse)",
    # "automatisk svar": listed in sv ("automatiskt? svar")
    # a read receipt's own sentence
    "blev læst den",
    "blev slettet uden at være læst",
]

AWAY = [
    "jeg er (?:på ferie|fraværende|ikke på kontoret|ude af kontoret|på barsel)",
]

RETURN = [
    "tilbage (?:den|på)",
    r"(?:til|frem til|t\.o\.m\.?) (?:og med )?(?:den )?\d",
]

LIMITED = [
    "(?:begrænset|ingen) (?:adgang|tilgang) til",
]

URGENT = [
    "(?:i )?(?:hastende|akutte) (?:tilfælde|sager|henvendelser)",
]

GONE = [
    "(?:arbejder|jobber|arbeider) ikke længere",
    (
        r"(?:adresse|postkasse|indbakke|konto)\w* (?:\S+ ){0,2}(?:bruges"
        r"|benyttes|læses|overvåges) ikke (?:længere|mere)"
    ),
]

UNSUBSCRIBE = [
    "afmeld mig",
    "meld mig (?:av|af)",
    "fjern (?:mig|min|mit)",
    "ikke (?:send|sende|kontakt) mig (?:flere|mere|igjen|igen)",
]

CHALLENGE = [
    "bekræft(?:e)?,? at du (?:er et menneske|ikke er en robot)",
    "afsenderverifikation",
    "din (?:besked|e-?mail|meddelelse) (?:bliver|vil blive) leveret,? (?:når|efter)",
]

MOVED = [
    "min nye (?:e-?mail)?adresse er",
    "(?:min|vores) (?:e-?mail)?adresse er ændret",
    "(?:fremover|fra nu af|fremadrettet) (?:bedes du |venligst )?(?:skrive|sende|maile) til",
]
