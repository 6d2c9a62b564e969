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
]

AWAY = [
    "(?:szabadságon|betegszabadságon|úton|irodán kívül) (?:vagyok|leszek)",
    "nem vagyok (?:az )?irodában",
]

LIMITED = [
    "korlátozottan (?:olvasom|érem el|férek|tudom)",
]

URGENT = [
    "sürgős (?:ügyben|esetben|kérdésekben)",
]
