"""Lithuanian (lt)."""

BOUNCE_SUBJECT = [
    "nepristatyt",
    "pristatymas nepavyko",
    "nepavyko pristatyti",
]

AUTO_SUBJECT = [
    "automatinis atsakymas",
    "ne biure",
    "atostogos",
    "atostogose",
    "nebuvimas",
]

DSN_TEXT = [
    "laiško nepavyko pristatyti",
    "pranešimas nepristatytas",
    "gavėjo adresas nerastas",
]

AUTOMATED = [
    "(?:tai )?automatinis (?:atsakymas|pranešimas|laiškas)",
    "gavome (?:jūsų|tavo) (?:laišką|užklausą|pranešimą)",
]

CHALLENGE = [
    "patvirtinkite, kad esate (?:žmogus|ne robotas)",
    "siuntėjo (?:patvirtinimas|tikrinimas)",
    "jūsų laiškas bus pristatytas (?:tik )?(?:po|kai)",
]

AWAY = [
    "(?:esu|būsiu) (?:atostogose|ne biure|komandiruotėje|išvykęs|išvykusi|nedarbingumo)",
    "šiuo metu (?:nedirbu|atostogauju)",
]

RETURN = [
    (
        r"(?:grįšiu|grįžtu|būsiu darbe) (?:\d|nuo|po|pirmadienį|antradienį"
        r"|trečiadienį|ketvirtadienį|penktadienį)"
    ),
    r"iki \d{1,2}(?:\s?d\.|[./-])",
]

LIMITED = [
    r"ribot(?:a|ai|ą) (?:prieigą|prieiga|galimybę) (?:prie )?(?:el\. pašto|pašto)",
]

URGENT = [
    "skubiais (?:klausimais|atvejais)",
    "skubiu atveju",
]

GONE = [
    "nebedirbu",
    "nebedirba",
    r"(?:adresas|pašto dėžutė) (?:\S+ ){0,2}nebenaudojam",
]

MOVED = [
    r"mano naujas (?:el\. pašto )?adresas",
    r"(?:el\. pašto )?adresas pasikeitė",
    "(?:nuo šiol|ateityje) (?:prašome |prašau )?(?:rašyti|rašykite|siųsti|siųskite)",
]
