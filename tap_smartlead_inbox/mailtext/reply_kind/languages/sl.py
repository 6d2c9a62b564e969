"""Slovenian (sl)."""

BOUNCE_SUBJECT = [
    "nedostavljen",
    "dostava ni uspela",
    "sporočila ni bilo mogoče dostaviti",
]

AUTO_SUBJECT = [
    "samodejni odgovor",
    "samodejno sporočilo",
    "odsotnost",
    "izven pisarne",
    "dopust",
]

DSN_TEXT = [
    "sporočila ni bilo mogoče dostaviti",
    "sporočilo ni bilo dostavljeno",
    "prejemnik ne obstaja",
]

AUTOMATED = [
    "(?:to je )?samodejn(?:i|o) (?:odgovor|sporočilo|ustvarjen)",
    "prejeli smo (?:vaše|tvoje) (?:sporočilo|povpraševanje|zahtevo)",
]

CHALLENGE = [
    "potrdite, da ste (?:človek|oseba)",
    "preverjanje pošiljatelja",
    "vaše sporočilo bo dostavljeno (?:šele )?(?:po|ko)",
]

AWAY = [
    "(?:sem|bom) (?:na dopustu|odsoten|odsotna|izven pisarne|na službeni poti|na bolniški)",
]

RETURN = [
    r"(?:vrnem se|vrnila se bom|vrnil se bom|bom nazaj) (?:\d|v|po|od)",
    "po (?:moji )?vrnitvi",
]

LIMITED = [
    "omejen dostop do (?:e-?pošte|pošte)",
]

URGENT = [
    "v nujnih (?:primerih|zadevah)",
]

GONE = [
    "ne dela več",
    "ne delam več",
    r"(?:naslov|poštni predal) (?:\S+ ){0,2}ni več v uporabi",
]

MOVED = [
    "moj nov(?:i)? (?:e-?poštni )?naslov je",
    "(?:e-?poštni )?naslov se je spremenil",
    "(?:odslej|v prihodnje) (?:prosim )?(?:pišite|pošiljajte)",
]
