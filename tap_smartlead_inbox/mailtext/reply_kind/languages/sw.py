"""Swahili (sw)."""

BOUNCE_SUBJECT = [
    "haikuweza kuwasilishwa",
    "uwasilishaji umeshindwa",
]

AUTO_SUBJECT = [
    "jibu la kiotomatiki",
    "jibu otomatiki",
    "nje ya ofisi",
    "likizo",
]

DSN_TEXT = [
    "ujumbe wako haukuweza kuwasilishwa",
    "haukuwasilishwa",
    "anwani haikupatikana",
]

AUTOMATED = [
    "huu ni ujumbe wa kiotomatiki",
    "(?:jibu|ujumbe) (?:huu )?wa kiotomatiki",
    "tumepokea (?:ujumbe|barua pepe|ombi) (?:lako|wako)",
]

CHALLENGE = [
    "thibitisha kuwa wewe ni (?:binadamu|mtu)",
    "uthibitishaji wa mtumaji",
]

AWAY = [
    "niko nje ya ofisi",
    "niko likizoni",
    "(?:niko|nitakuwa) (?:likizo|safarini)",
]

RETURN = [
    "(?:nitarudi|nitarejea) (?:ofisini )?(?:tarehe|siku ya|jumatatu|jumanne)",
    "hadi tarehe \\d",
]

LIMITED = [
    "(?:sitaweza|siwezi) kusoma barua pepe",
    "ufikiaji mdogo wa barua pepe",
]

URGENT = [
    "kwa (?:mambo|masuala|jambo) (?:ya |la )?(?:dharura|haraka)",
]

GONE = [
    "hafanyi kazi tena",
    "hayupo tena (?:katika|kwenye) kampuni",
    "anwani hii (?:ya barua pepe )?haitumiki tena",
]

MOVED = [
    "anwani yangu mpya ya barua pepe",
    "kuanzia sasa tafadhali (?:tuma|wasiliana)",
]

COURTESY = [
    "asante kwa barua pepe yako",
    "(?:tutakujibu|nitakujibu) (?:haraka iwezekanavyo|hivi karibuni)",
]

ENGAGED = [
    "inavutia",
    "bei ni kiasi gani",
    "tuzungumze",
]

UNSUBSCRIBE = [
    "niondoe kwenye orodha",
    "usinitumie barua pepe tena",
]
