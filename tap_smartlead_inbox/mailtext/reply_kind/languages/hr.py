"""Croatian (hr)."""

AUTO_SUBJECT = [
    "automatsko",
    "automatski odgovor",
    "odsutnost",
    "odsutan",
    "odsutna",
    "izvan ureda",
    "godišnji odmor",
]

BOUNCE_SUBJECT = [
    "nije isporučen",
    "neisporučen",
]

DSN_TEXT = [
    "poruka nije (?:mogla biti )?isporučena",
    "isporuka (?:nije uspjela|nije uspela|neuspješna)",
]

AUTOMATED = [
    "(?:ovo je )?automatsk(?:i|a) (?:odgovor|poruka)",
    "primili smo (?:vašu|tvoju) (?:poruku|e-?mail|upit)",
]

CHALLENGE = [
    "potvrdite da ste (?:čovjek|čovek|osoba)",
    "provjera pošiljatelja",
    "vaša poruka (?:će biti|bit će) isporučena (?:tek )?(?:nakon|kada)",
]

AWAY = [
    (
        "(?:sam|ću biti|bit ću) (?:na godišnjem odmoru|na odmoru|izvan"
        " ureda|odsutan|odsutna|na bolovanju|na službenom putu)"
    ),
    "(?:na godišnjem odmoru|na odmoru|izvan ureda|na bolovanju|na službenom putu) sam",
    "na godišnjem (?:sam )?odmoru",
]

RETURN = [
    "(?:vraćam se|vratit ću se|vratiću se|bit ću dostupan|bit ću dostupna)",
    "po (?:mom|mojem) povratku",
    r"do \d{1,2}\.",
]

LIMITED = [
    "ograničen(?:im)? pristup(?:om)? (?:e-?mailu|e-?pošti|pošti)",
]

URGENT = [
    "(?:za|u) hitn(?:im|e) (?:slučajevima|slučajeve|stvari|pitanjima)",
]

GONE = [
    "više ne (?:radi|radim) (?:u|za|kod)",
    r"(?:adresa|sandučić|račun) (?:\S+ ){0,2}(?:više nije|nije više) (?:aktivn|u upotrebi)",
]

MOVED = [
    "moja nova (?:e-?mail )?adresa je",
    "(?:moja|naša) (?:e-?mail )?adresa (?:se )?promijenila",
    "(?:od sada|ubuduće),? (?:molim )?(?:pišite|šaljite) na",
]
