"""Afrikaans (af); "met verlof", which Dutch shares, is nl's."""

BOUNCE_SUBJECT = [
    "onaflewerbaar",
    "aflewering het misluk",
]

AUTO_SUBJECT = [
    "outomatiese antwoord",
    "uit kantoor",
]

DSN_TEXT = [
    "u boodskap kon nie afgelewer word nie",
    "kon nie afgelewer word nie",
    "adres nie gevind nie",
]

AUTOMATED = [
    "hierdie is 'n outomatiese (?:antwoord|boodskap)",
    "ons het u (?:boodskap|e-?pos|navraag) ontvang",
]

CHALLENGE = [
    "bevestig dat u 'n mens is",
]

AWAY = [
    "(?:ek is|is ek) (?:met verlof|uit kantoor|buite kantoor|op vakansie)",
    "ek is tans met verlof",
]

RETURN = [
    (
        "(?:terug op kantoor|weer op kantoor|terug) (?:op|vanaf) (?:\\d|maandag|dinsdag|woensdag"
        "|donderdag|vrydag)"
    ),
    (
        "(?:tot|vanaf) \\d{1,2} (?:januarie|februarie|maart|april|mei|junie|julie|augustus"
        "|september|oktober|november|desember)"
    ),
]

LIMITED = [
    "beperkte toegang tot e-?pos",
]

URGENT = [
    "vir dringende sake",
    "in dringende gevalle",
]

GONE = [
    "werk nie meer by",
    "hierdie e-?posadres word nie meer (?:gemonitor|gebruik) nie",
]

MOVED = [
    "my nuwe e-?posadres",
    "stuur voortaan",
]

COURTESY = [
    "dankie vir u (?:e-?pos|boodskap)",
    "(?:ons|ek) sal so gou (?:as )?moontlik terugkom",
]

ENGAGED = [
    "klink interessant",
    "wat kos dit",
    "kan ons gesels",
]

UNSUBSCRIBE = [
    "verwyder my (?:asseblief )?van u poslys",
    "verwyder my van die lys",
]
