"""Romanian (ro)."""

BOUNCE_SUBJECT = [
    "nu (?:a putut fi|poate fi) livrat",
    "nelivrat",
]

AUTO_SUBJECT = [
    "răspuns automat",
    "în afara biroului",
    "concediu",
]

DSN_TEXT = [
    "nu a putut fi livrat",
    "livrarea a eșuat",
]

AUTOMATED = [
    "(?:acesta este un )?(?:mesaj|răspuns) automat",
    "am primit (?:mesajul|solicitarea|e-?mailul) (?:dumneavoastră|tău)",
]

CHALLENGE = [
    "confirmați că sunteți (?:o persoană|om|uman)",
    "verificarea expeditorului",
    "mesajul (?:dumneavoastră|tău) va fi livrat (?:numai )?(?:după|când)",
]

AWAY = [
    "(?:sunt|voi fi) (?:în concediu|plecat|plecată|în afara biroului|absent|absentă)",
]

RETURN = [
    "(?:mă voi întoarce|revin|voi reveni) (?:la birou )?(?:pe|în|la|după)",
    "după întoarcerea mea",
]

URGENT = [
    "(?:pentru|în cazul unor) (?:probleme|situații|chestiuni) urgente",
]

GONE = [
    "nu mai lucrez (?:la|în|pentru)",
    "nu mai lucrează (?:la|în|pentru)",
    r"(?:adresa|căsuța|contul) (?:\S+ ){0,2}nu mai este (?:folosit|activ|monitorizat)",
    "nu mai face parte din",
    "nu mai este monitorizată",
]

MOVED = [
    "noua mea adresă (?:de e-?mail )?este",
    "adresa (?:mea )?de e-?mail s-a schimbat",
    "(?:de acum înainte|pe viitor),? (?:vă rog )?(?:să )?(?:scrieți|trimiteți)",
]
