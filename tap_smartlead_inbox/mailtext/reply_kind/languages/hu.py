"""Hungarian (hu)."""

BOUNCE_SUBJECT = [
    "kézbesíthetetlen",
    "nem kézbesíthető",
]

AUTO_SUBJECT = [
    "automatikus válasz",
]

DSN_TEXT = [
    "kézbesíthetetlen",
]

AUTOMATED = [
    "automatikus válasz",
    "(?:ez egy )?automatikus (?:üzenet|értesítés)",
    "megkaptuk (?:az ön |a )?(?:levelét|üzenetét|megkeresését)",
]

AWAY = [
    "(?:szabadságon|betegszabadságon|úton|irodán kívül) (?:vagyok|leszek)",
    "nem vagyok (?:az )?irodában",
    "(?:jelenleg )?nem vagyok elérhető",
]

LIMITED = [
    "korlátozottan (?:olvasom|érem el|férek|tudom)",
]

URGENT = [
    "sürgős (?:ügyben|esetben|kérdésekben)",
]

CHALLENGE = [
    "erősítse meg, hogy (?:ön )?(?:ember|nem robot)",
    "feladó (?:ellenőrzése|hitelesítése)",
    "üzenete (?:csak )?(?:azután|akkor) (?:kerül kézbesítésre|lesz kézbesítve)",
]

RETURN = [
    "(?:-ig|-éig|ig) (?:vagyok )?(?:szabadságon|távol)",
    "visszatérésem után",
    "(?:ismét|újra) elérhető",
    r"(?:\d+-(?:jé|já|é|á|e|a)n|visszatérésem után|után) jelentkezem",
]

GONE = [
    "már nem dolgozik",
    "már nem dolgozom",
    r"(?:cím|postafiók|fiók) (?:\S+ ){0,2}már nem (?:használt|aktív|él)",
]

MOVED = [
    "új (?:e-?mail )?címem",
    "(?:e-?mail )?címem megváltozott",
    "(?:a jövőben|mostantól|ezentúl) (?:kérem, )?(?:írjon|küldje|keressen)",
]
