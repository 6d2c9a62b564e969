"""Albanian (sq)."""

BOUNCE_SUBJECT = [
    "e padorëzueshme",
    "nuk mund të dorëzohej",
    "dorëzimi dështoi",
]

AUTO_SUBJECT = [
    "përgjigje automatike",
    "jashtë zyrës",
    "me pushime",
]

DSN_TEXT = [
    "mesazhi juaj nuk mund të dorëzohej",
    "nuk mund të dorëzohej",
    "adresa nuk u gjet",
    "kutia postare (?:e marrësit )?është plot",
]

AUTOMATED = [
    "ky është një (?:mesazh|përgjigje) automatik",
    "e kemi marrë (?:kërkesën|mesazhin|email-?in) tuaj",
    "mesazh i gjeneruar automatikisht",
]

CHALLENGE = [
    "konfirmoni që jeni (?:njeri|person)",
    "verifikimi i dërguesit",
]

AWAY = [
    "jam jashtë zyrës",
    "jam me pushime",
    "jam në pushim",
    "jam me leje",
]

RETURN = [
    "(?:do të )?kthehem (?:në zyrë )?(?:më|të) (?:\\d|hënën|martën|mërkurën|enjten|premten)",
    "deri më \\d{1,2} (?:janar|shkurt|mars|prill|maj|qershor|korrik|gusht|shtator|tetor|nëntor|dhjetor)",
]

LIMITED = [
    "qasje të kufizuar",
    "akses të kufizuar",
]

URGENT = [
    "për çështje (?:urgjente|të ngutshme)",
    "në raste urgjente",
]

GONE = [
    "nuk punon më (?:në|për|me)",
    "(?:kjo )?adresë e?-?emaili nuk është më në përdorim",
    "kjo kuti postare nuk monitorohet më",
]

MOVED = [
    "adresa ime e re e emailit",
    "nga tani e tutje (?:ju lutem )?(?:shkruani|dërgoni)",
]

COURTESY = [
    "faleminderit për (?:mesazhin|e-?mail-?in) tuaj",
    "do t'ju përgjigjemi sa më (?:shpejt|parë)",
    "do t'ju përgjigjem sa më (?:shpejt|parë)",
]

ENGAGED = [
    "interesante",
    "sa kushton",
    "flasim kur",
]

UNSUBSCRIBE = [
    "më hiqni nga lista",
    "mos më dërgoni (?:më )?email",
]
