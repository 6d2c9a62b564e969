"""Estonian (et)."""

BOUNCE_SUBJECT = [
    "kohaletoimetamine ebaõnnestus",
    "ei õnnestunud kohale toimetada",
    "kättetoimetamatu",
]

AUTO_SUBJECT = [
    "automaatne vastus",
    "kontorist väljas",
    "puhkusel",
    "eemal",
]

DSN_TEXT = [
    "sõnumit ei (?:õnnestunud|saanud) kohale toimetada",
    "kirja ei (?:õnnestunud|saanud) (?:kohale )?toimetada",
    "adressaati ei leitud",
]

AUTOMATED = [
    "(?:see on )?automaatne (?:vastus|teade|sõnum)",
    "oleme (?:teie|sinu) (?:kirja|sõnumi|päringu) kätte saanud",
]

CHALLENGE = [
    "kinnitage, et olete inimene",
    "saatja (?:kinnitamine|kontroll)",
    "teie (?:kiri|sõnum) toimetatakse kohale (?:alles )?(?:pärast|kui)",
]

AWAY = [
    "olen (?:puhkusel|kontorist väljas|lähetuses|haiguslehel|eemal)",
    "viibin (?:puhkusel|lähetuses)",
]

RETURN = [
    r"(?:naasen|tagasi) (?:\d|alates|pärast|esmaspäeval|teisipäeval|kolmapäeval|neljapäeval|reedel)",
    r"kuni \d{1,2}\.",
    "pärast (?:minu )?naasmist",
]

LIMITED = [
    "piiratud juurdepääs (?:e-?postile|meilile)",
]

URGENT = [
    "kiireloomulistes (?:küsimustes|asjades)",
    "kiireloomulis(?:e|tel) juhtu",
]

GONE = [
    "ei tööta enam",
    r"(?:aadress|postkast) (?:\S+ ){0,2}ei ole enam kasutusel",
]

MOVED = [
    "minu uus (?:e-posti )?aadress on",
    "(?:e-posti )?aadress on muutunud",
    "(?:edaspidi|nüüdsest) (?:palun )?(?:kirjutage|saatke)",
]
