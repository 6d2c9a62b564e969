"""Latvian (lv)."""

BOUNCE_SUBJECT = [
    "nav piegādāt",
    "piegāde neizdevās",
    "nepiegādāt",
]

AUTO_SUBJECT = [
    "automātiskā atbilde",
    "automātiska atbilde",
    "ārpus biroja",
    "atvaļinājum",
    "prombūtn",
]

DSN_TEXT = [
    "ziņojumu nevarēja piegādāt",
    "vēstuli nevarēja piegādāt",
    "adresāts nav atrasts",
]

AUTOMATED = [
    "(?:šī ir )?automātisk(?:a|ā|i) (?:atbilde|ziņa|ģenerēt)",
    "esam saņēmuši (?:jūsu|tavu) (?:vēstuli|ziņu|pieprasījumu|e-pastu)",
]

CHALLENGE = [
    "apstipriniet, ka esat (?:cilvēks|reāla persona)",
    "sūtītāja (?:pārbaude|verifikācija)",
    "jūsu (?:ziņa|vēstule) tiks piegādāta (?:tikai )?(?:pēc|kad)",
]

AWAY = [
    "(?:esmu|būšu) (?:atvaļinājumā|prombūtnē|komandējumā|ārpus biroja|slimības lapā)",
]

RETURN = [
    r"(?:atgriezīšos|atgriežos|būšu birojā) (?:\d|no|pēc|pirmdien|otrdien|trešdien|ceturtdien|piektdien)",
    r"līdz \d{1,2}\.",
    "pēc atgriešanās",
]

LIMITED = [
    "ierobežot(?:a|u) piekļuv(?:e|i) (?:e-pastam|pastam)",
]

URGENT = [
    "steidzamos (?:jautājumos|gadījumos)",
    "steidzamības gadījumā",
]

GONE = [
    "vairs nestrādā",
    "vairs nestrādāju",
    r"(?:adrese|pastkaste) (?:\S+ ){0,2}vairs netiek (?:izmantota|lasīta)",
]

MOVED = [
    "mana jaunā (?:e-pasta )?adrese ir",
    "(?:e-pasta )?adrese ir mainījusies",
    "(?:turpmāk|no šī brīža) (?:lūdzu )?(?:rakstiet|sūtiet)",
]
