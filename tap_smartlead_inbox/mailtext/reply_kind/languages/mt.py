"""Maltese (mt)."""

BOUNCE_SUBJECT = [
    "ma setax jitwassal",
    "ma jistax jitwassal",
]

AUTO_SUBJECT = [
    "tweġiba awtomatika",
    "barra mill-uffiċċju",
]

DSN_TEXT = [
    "il-messaġġ tiegħek ma setax jitwassal",
    "l-indirizz ma nstabx",
]

AUTOMATED = [
    "din hija tweġiba awtomatika",
    "irċevejna l-messaġġ tiegħek",
    "messaġġ awtomatiku",
]

CHALLENGE = [
    "ikkonferma li int bniedem",
]

AWAY = [
    "(?:jien )?barra mill-uffiċċju",
    "(?:jien )?fuq (?:leave|vaganza|btala)",
]

RETURN = [
    "(?:se )?nirritorna (?:fl-uffiċċju )?(?:fil-|fit-|nhar )?\\d",
    (
        "sal-\\d{1,2} ta' (?:jannar|frar|marzu|april|mejju|ġunju|lulju|awwissu|settembru|ottubru"
        "|novembru|diċembru)"
    ),
]

LIMITED = [
    "aċċess limitat għall-email",
]

URGENT = [
    "għal kwistjonijiet urġenti",
    "f'każ urġenti",
]

GONE = [
    "m'għadux jaħdem",
    "m'għadhiex taħdem",
    "dan l-indirizz tal-email m'għadux jintuża",
]

MOVED = [
    "l-indirizz ġdid tiegħi",
    "minn issa 'l quddiem ikteb",
]

COURTESY = [
    "grazzi tal-email tiegħek",
    "grazzi tal-messaġġ tiegħek",
    "se nwieġbu(?:k)? mill-aktar fis possibbli",
]

ENGAGED = [
    "interessanti",
    "kemm jiswa",
    "nistgħu nitkellmu",
]

UNSUBSCRIBE = [
    "neħħini mil-lista",
    "tibagħtlix aktar",
]
