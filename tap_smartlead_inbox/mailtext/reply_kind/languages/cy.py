"""Welsh (cy)."""

BOUNCE_SUBJECT = [
    "ni ellid ei ddosbarthu",
    "methu danfon",
]

AUTO_SUBJECT = [
    "ateb awtomatig",
    "allan o'r swyddfa",
]

DSN_TEXT = [
    "nid oedd modd danfon eich neges",
    "ni ellid danfon y neges",
    "ni chafwyd hyd i'r cyfeiriad",
]

AUTOMATED = [
    "neges awtomatig yw hon",
    "ateb awtomatig yw hwn",
    "rydym wedi derbyn eich (?:neges|e-?bost|ymholiad)",
]

CHALLENGE = [
    "cadarnhewch eich bod yn berson",
]

AWAY = [
    "(?:rydw i|rwy'n|rydw i'n|byddaf) (?:allan o'r swyddfa|ar wyliau|i ffwrdd o'r swyddfa)",
    "ar wyliau (?:tan|hyd)",
]

RETURN = [
    (
        "(?:byddaf|bydda i) (?:yn )?(?:ôl|nôl) (?:yn y swyddfa )?(?:ar|ddydd) (?:\\d|llun|mawrth"
        "|mercher|iau|gwener)"
    ),
    "tan \\d{1,2} (?:ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd|rhagfyr)",
]

LIMITED = [
    "mynediad cyfyngedig at e-?bost",
]

URGENT = [
    "os yw'?r? ?(?:ch)?(?:neges|mater) yn (?:un )?(?:frys|fater brys)",
    "ar gyfer materion brys",
]

GONE = [
    "nid yw \\S+ yn gweithio i'r cwmni bellach",
    "nid yw'r cyfeiriad e-?bost hwn yn cael ei (?:fonitro|ddefnyddio) bellach",
]

MOVED = [
    "fy nghyfeiriad e-?bost newydd",
]

COURTESY = [
    "diolch am eich (?:e-?bost|neges)",
    "byddwn yn ymateb cyn gynted â phosibl",
    "byddaf yn ymateb cyn gynted â phosibl",
]

ENGAGED = [
    "mae gen i ddiddordeb",
    "faint mae'n ei gostio",
    "allwn ni siarad",
]

UNSUBSCRIBE = [
    "tynnwch fi oddi ar eich rhestr",
    "peidiwch ag anfon rhagor",
]
