"""Dutch (nl)."""

BOUNCE_SUBJECT = [
    "onbestelbaar",
    "niet bezorgd",
    "kan niet worden bezorgd",
    "niet afgeleverd",
]

AUTO_SUBJECT = [
    "automatisch antwoord",
    "afwezig",
    "afwezigheid",
    "vakantie",
    "met verlof",
    "ontvangstbevestiging",
]

AUTO_SUBJECT_ANYWHERE = [
    "automatisch antwoord",
]

RECEIPT = [
    "gelezen",
    "bezorgd",
]

DSN_TEXT = [
    "(?:kan|kon) niet (?:worden )?(?:bezorgd|afgeleverd)",
    "adres niet gevonden",
    "onbestelbaar",
    "niet bezorgd",
    "bezorging (?:bij|aan) (?:deze|de volgende) (?:geadresseerden|ontvangers).{0,30}mislukt",
]

AUTOMATED = [
    "automatisch (?:antwoord|bericht|gegenereerd)",
    "(?:wij|we) hebben uw (?:aanvraag|bericht|verzoek|e-?mail) (?:goed )?ontvangen",
    # a read receipt's own sentence
    "is gelezen op",
    "is verwijderd zonder te zijn gelezen",
]

AWAY = [
    (
        r"(?:ik ben|ben ik)\b.{0,40}?\b(?:afwezig|met vakantie|op vakantie|niet (?:op kantoor|aanwezig"
        r"|bereikbaar)|met (?:zwangerschaps|ouderschaps)?verlof|op reis)"
    ),
]

RETURN = [
    "ben ik (?:weer|terug)",
    "ik ben (?:weer|terug)",
    "na mijn terugkomst",
    "weer (?:aanwezig|bereikbaar|op kantoor)",
]

LIMITED = [
    "beperkt(?:e)? toegang",
    "beperkt bereikbaar",
    "niet bereikbaar",
]

URGENT = [
    "(?:voor|bij|in) (?:dringende|spoedeisende) (?:zaken|vragen|kwesties|gevallen)",
    "in geval van spoed",
    "tijdens mijn afwezigheid",
]

GONE = [
    "(?:werkt|is) niet meer (?:bij|werkzaam|in dienst)",
    "(?:heeft|hebben) (?:ons|het bedrijf|de organisatie) verlaten",
    "niet langer (?:werkzaam|in dienst)",
    (
        r"(?:adres|mailbox|postbus|account) (?:\S+ ){0,2}(?:is|wordt) niet"
        r" (?:meer|langer) (?:in gebruik|actief|gelezen|bewaakt)"
    ),
]

AWAY_OTHER = [
    "is (?:momenteel )?(?:met vakantie|afwezig|niet aanwezig)",
]

ENGAGED = [
    "geïnteresseerd",
    "interesse in",
    "stuur (?:me|mij)",
    "prijzen",
    "wat kost",
    r"(?:kunnen|zullen) we (?:\w+ )?(?:even )?(?:bellen|spreken|afspreken|praten)",
]

NEGATION = [
    r"\bniet",
    r"\bgeen",
]

STOCK_QUESTION = [
    "vraag",
    "spoed",
]

UNSUBSCRIBE = [
    "afmeld",
    "uitschrijv",
    "uitgeschreven",
    "verwijder (?:mij|me|ons|mijn)",
    r"(?:haal|zet) (?:mij|me|ons) (?:\w+ )?(?:van|uit)",
    "(?:van|uit) (?:jullie|uw|je|de) (?:mailing|e-?mail|verzend)?lijst",
    "ik wil (?:geen|niet langer|niet meer) .{0,20}ontvangen",
    "geen (?:e-?mails|mails|berichten|mailtjes) meer",
    "(?:stop|stoppen) met (?:mailen|e-?mailen|mij te|contact)",
    "niet (?:meer|langer) (?:mailen|contacteren|benaderen)",
    "neem(?:t)? geen contact meer",
]

ONE_WORD = [
    "uitschrijven",
    "afmelden",
]

CHALLENGE = [
    "bevestig (?:dat u|dat je) (?:een mens|geen robot)",
    "afzender(?:verificatie|controle)",
    "uw bericht wordt (?:pas )?(?:afgeleverd|bezorgd) (?:nadat|zodra|wanneer)",
    # a held message, released once the sender confirms
    r"(?:uw|je) bericht (?:\S+ ){0,4}is tegengehouden",
    "bevestig dat (?:u|je) een mens bent",
]

MOVED = [
    "mijn nieuwe (?:e-?mail)?adres is",
    "(?:mijn|ons) (?:e-?mail)?adres is gewijzigd",
    "(?:vanaf nu|voortaan|in het vervolg) (?:graag |kunt u )?(?:mailen|schrijven|sturen) (?:naar|aan)",
]

COURTESY = [
    "(?:bedankt|dank (?:u|je)) voor (?:uw|je|jouw|het) (?:e-?mail|bericht|mail)",
    "(?:ik|wij|we) (?:neem|nemen) (?:zo snel mogelijk|zo spoedig mogelijk|spoedig) contact",
    (
        "(?:ik|wij|we) (?:zal|zullen|kom|komen) (?:zo snel mogelijk|zo spoedig mogelijk"
        "|spoedig) (?:bij u terug|reageren|antwoorden)"
    ),
]
