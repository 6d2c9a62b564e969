"""Tagalog/Filipino (tl)."""

BOUNCE_SUBJECT = [
    "hindi maihatid",
    "hindi naihatid",
]

AUTO_SUBJECT = [
    "awtomatikong tugon",
    "awtomatikong sagot",
    "wala sa opisina",
]

DSN_TEXT = [
    "hindi naihatid ang iyong mensahe",
    "hindi maihatid ang mensahe",
]

AUTOMATED = [
    "ito ay (?:isang )?awtomatikong (?:mensahe|tugon|sagot)",
    "natanggap na (?:po )?namin ang (?:inyong|iyong) (?:mensahe|email|kahilingan)",
]

CHALLENGE = [
    "kumpirmahin na ikaw ay tao",
    "pag-verify ng nagpadala",
]

AWAY = [
    "wala (?:po )?ako sa opisina",
    "naka-?(?:leave|bakasyon) (?:po )?ako (?:mula|hanggang|ngayon)",
    "nasa bakasyon (?:po )?ako",
]

RETURN = [
    (
        "babalik (?:po )?ako (?:sa opisina )?(?:sa|sa araw ng) (?:\\d|lunes|martes|miyerkules"
        "|huwebes|biyernes|enero|pebrero|marso|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre"
        "|nobyembre|disyembre)"
    ),
]

LIMITED = [
    "limitado ang (?:aking )?access sa email",
]

URGENT = [
    "para sa (?:mga )?(?:agarang|urgent|kagyat na) (?:usapin|bagay|concern)",
]

GONE = [
    "hindi na (?:konektado|nagtatrabaho) sa kumpanya",
    "ang email address na ito ay hindi na ginagamit",
    "hindi na (?:ginagamit|binabantayan) ang email",
]

MOVED = [
    "ang (?:aking )?bagong email address",
    "mula ngayon,? (?:mangyaring )?(?:mag-email|sumulat) sa",
]

COURTESY = [
    "salamat (?:po )?sa (?:inyong|iyong) email",
    "sasagutin (?:po )?(?:namin|ko) kayo sa lalong madaling panahon",
]

ENGAGED = [
    "interesado ako",
    "magkano",
    "mag-usap tayo",
]

UNSUBSCRIBE = [
    "(?:paki)?tanggal(?:in)? (?:po )?ako sa (?:inyong|iyong) (?:mailing )?list",
    "huwag na (?:po )?akong padalhan",
]
