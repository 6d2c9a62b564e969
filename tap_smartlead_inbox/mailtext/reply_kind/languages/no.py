"""Norwegian (no).

What Norwegian writes as Danish does ("kan ikke leveres", "jeg er på ferie") is listed in
`da`; this module holds what is Norwegian only.
"""

BOUNCE_SUBJECT = [
    "ikke levert",
    "ulevert",
]

RECEIPT_NOT_AUTO = [
    "lest",
]

AUTOMATED = [
    "automatisk (?:beskjed|generert)",
    # "automatisk svar": listed in sv ("automatiskt? svar")
    # a read receipt's own sentence
    "ble lest",
    "ble slettet uten å bli lest",
]

AWAY = [
    "jeg er (?:borte|i permisjon|på reise)",
    # "jeg er på ferie", "jeg er ikke på kontoret": listed in da
]

RETURN = [
    "tilbake (?:den|på)",
    r"till og med (?:og med )?(?:den )?\d",
]

LIMITED = [
    "begrenset (?:adgang|tilgang) til",
]

URGENT = [
    "(?:i|ved) (?:hastesaker|presserende)",
    "(?:i )?(?:hastende|akutte) saker",
]

GONE = [
    "(?:arbejder|jobber|arbeider) ikke lenger",
    r"(?:adresse|postboks|innboks|konto)\w* (?:\S+ ){0,2}(?:brukes|overvåkes|leses) ikke lenger",
    "har sluttet i",
    "blir ikke lenger lest",
]

UNSUBSCRIBE = [
    "avmeld meg",
    "meld meg (?:av|af)",
    "fjern meg",
    "ikke (?:send|sende|kontakt) meg (?:flere|mere|igjen|igen)",
    # "fjern min": listed in da
]

AUTO_SUBJECT = [
    "fravær",
    # "automatisk svar": listed in da; "ferie": listed in it
    "mottaksbekreftelse",
]

CHALLENGE = [
    "bekreft at du (?:er et menneske|ikke er en robot)",
    "avsenderverifisering",
    "meldingen din (?:blir|vil bli) levert (?:når|etter)",
]

MOVED = [
    "min nye e-?postadresse er",
    "(?:min|vår) (?:e-?post)?adresse er endret",
    "(?:heretter|fra nå av) (?:ber jeg deg |vennligst )?(?:skrive|sende) til",
]
