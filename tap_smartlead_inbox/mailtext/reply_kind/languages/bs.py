"""Bosnian: what Croatian and Serbian Latin share with it is hr's; here the Bosnian forms (bs)."""

AUTO_SUBJECT = [
    "odsutan sa posla",
    "odsutna sa posla",
]

AUTOMATED = [
    "vaš upit smo zaprimili",
    "ovo je automatski generisana poruka",
]

CHALLENGE = [
    "potvrdite da niste robot",
]

AWAY = [
    "odsutna sam s posla",
    "odsutan sam s posla",
    "odsutna sam sa posla",
    "odsutan sam sa posla",
]

RETURN = [
    (
        "do \\d{1,2}\\. (?:januara|februara|marta|aprila|maja|juna|jula|augusta|avgusta|septembra"
        "|oktobra|novembra|decembra)"
    ),
]

URGENT = [
    "u hitnom slučaju",
]

GONE = [
    "više ne radi u našoj firmi",
    "(?:ova )?e-?mail adresa se više ne koristi",
]

MOVED = [
    "moja nova e-?mail adresa",
]

COURTESY = [
    "hvala (?:vam )?na poruci",
    "odgovorit ćemo vam u najkraćem mogućem roku",
]

UNSUBSCRIBE = [
    "uklonite me (?:sa|s) (?:vaše )?liste",
]
