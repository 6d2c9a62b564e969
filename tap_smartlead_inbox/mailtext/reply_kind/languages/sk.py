"""Slovak (sk)."""

BOUNCE_SUBJECT = [
    # "nedoručen": listed in cs
    "doručenie zlyhalo",
    "nepodarilo sa doručiť",
]

AUTO_SUBJECT = [
    "automatická odpoveď",
    "mimo kancelárie",
    "dovolenk",
    "neprítomn",
]

DSN_TEXT = [
    "správu sa nepodarilo doručiť",
    "správa nebola doručená",
    "adresa príjemcu nebola nájdená",
]

AUTOMATED = [
    "(?:toto je )?automatická (?:odpoveď|správa)",
    "prijali sme (?:vašu|tvoju) (?:správu|požiadavku|žiadosť)",
]

CHALLENGE = [
    "potvrďte, že ste (?:človek|skutočná osoba)",
    "overenie odosielateľa",
    "vaša správa bude doručená (?:až )?(?:po|keď)",
]

AWAY = [
    "(?:som|budem) (?:na dovolenke|mimo kancelárie|na služobnej ceste|práceneschopn|na materskej)",
    "nie som v kancelárii",
]

RETURN = [
    r"(?:vrátim sa|budem späť|som späť) (?:\d|v|od|po)",
    "po (?:mojom )?návrate",
]

LIMITED = [
    "obmedzený prístup k (?:e-?mailu|pošte)",
]

URGENT = [
    "v (?:naliehavých|súrnych) (?:prípadoch|veciach)",
]

GONE = [
    "už nepracujem",
    "už nepracuje",
    r"(?:adresa|schránka) (?:\S+ ){0,2}sa už nepoužíva",
]

MOVED = [
    "moja nová (?:e-?mailová )?adresa je",
    "(?:moja|naša) (?:e-?mailová )?adresa sa zmenila",
    "(?:odteraz|odteraz prosím|v budúcnosti) (?:píšte|posielajte)",
]
