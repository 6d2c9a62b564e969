"""Finnish (fi)."""

BOUNCE_SUBJECT = [
    "toimittamaton",
    "ei voitu toimittaa",
    "toimitus epäonnistui",
]

AUTO_SUBJECT = [
    "automaattinen vastaus",
    "lomalla",
    "poissa",
    "vastaanottokuittaus",
]

RECEIPT_NOT_AUTO = [
    "luettu",
    "toimitettu",
]

DSN_TEXT = [
    "ei voitu toimittaa",
    "osoitetta ei löytynyt",
]

AUTOMATED = [
    "automaattinen vastaus",
    "automaattinen (?:viesti|ilmoitus)",
    # a read receipt's own sentence
    "luettiin",
    "poistettiin lukematta",
]

AWAY = [
    "olen (?:lomalla|poissa|matkoilla|vanhempainvapaalla|äitiyslomalla|sairaslomalla)",
    "en ole (?:toimistolla|tavoitettavissa)",
]

RETURN = [
    "palaan (?:töihin|toimistolle)?",
    r"\b\d{1,2}\.\d{1,2}\.? asti",
]

LIMITED = [
    "rajoitetusti",
    "en lue sähköpost",
]

URGENT = [
    "kiireellisissä",
]

GONE = [
    "ei (?:enää )?työskentele",
    r"(?:osoite|postilaatikko|tili) (?:\S+ ){0,2}ei ole enää (?:käytössä|aktiivinen|seurannassa)",
]

STOCK_QUESTION = [
    "kiire",
]

UNSUBSCRIBE = [
    "älä lähetä",
    "älkää (?:lähettäkö|lähetä|ottako)",
    "poista(?:kaa)? minut",
    "poista(?:kaa)? (?:sähköposti)?osoitteeni",
    "postituslistalta",
    "en halua (?:enää )?(?:viestejä|sähköposteja|postia)",
    "peru(?:uta|a) tilau",
]

CHALLENGE = [
    "vahvista, että olet ihminen",
    "lähettäjän (?:vahvistus|varmennus|tunnistus)",
    "viestisi toimitetaan (?:vasta )?(?:kun|sen jälkeen)",
]

MOVED = [
    "uusi (?:sähköposti)?osoitteeni on",
    "(?:sähköposti)?osoitteeni on (?:muuttunut|vaihtunut)",
    "(?:jatkossa|tästä lähtien) (?:pyydän )?(?:lähettämään|kirjoittamaan|lähetä|kirjoita)",
]
