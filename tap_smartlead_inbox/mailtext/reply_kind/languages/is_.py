"""Icelandic (is)."""

BOUNCE_SUBJECT = [
    "óafhendanleg",
    "ekki hægt að afhenda",
    "afhending mistókst",
]

AUTO_SUBJECT = [
    "sjálfvirkt svar",
    "fjarverandi",
    "í fríi",
    "sumarfrí",
    "utan skrifstofu",
]

DSN_TEXT = [
    "ekki var hægt að afhenda",
    "skilaboðin voru ekki afhent",
    "afhending (?:skilaboða )?mistókst",
    "fannst ekki á \\S+",
]

AUTOMATED = [
    "þetta er sjálfvirkt (?:svar|skeyti|tölvupóstur)",
    "sjálfvirk (?:svörun|tilkynning)",
    "við höfum móttekið (?:erindi|fyrirspurn|póst|skilaboð)",
]

CHALLENGE = [
    "staðfestu að þú sért (?:manneskja|ekki vélmenni)",
    "staðfesting sendanda",
    "skilaboðin þín verða afhent (?:þegar|eftir)",
]

AWAY = [
    (
        "(?:ég er|verð) (?:í (?:sumarleyfi|sumarfríi|fríi|leyfi|fæðingarorlofi|veikindaleyfi)"
        "|fjarverandi|utan skrifstofu|erlendis)"
    ),
    "er fjarverandi",
]

RETURN = [
    (
        "(?:kem|verð) (?:aftur )?(?:til (?:vinnu|baka) |við )?(?:\\d|á mánudag|á þriðjudag"
        "|á miðvikudag|á fimmtudag|á föstudag)"
    ),
    "til \\d{1,2}\\. (?:jan|feb|mar|apr|maí|jún|júl|ágú|sep|okt|nóv|des)",
]

LIMITED = [
    "takmarkaðan aðgang að (?:tölvupósti|pósti)",
    "les (?:tölvupóst|póst) (?:lítið|takmarkað|stopult)",
]

URGENT = [
    "ef (?:erindið|málið) er (?:áríðandi|brýnt)",
    "í brýnum (?:tilvikum|erindum)",
    "vegna áríðandi mála",
]

GONE = [
    "hefur látið af störfum",
    "starfar ekki lengur",
    "vinnur ekki lengur",
    "(?:þetta )?netfang(?:ið)? er ekki lengur (?:í notkun|virkt|vaktað)",
    "pósthólf(?:ið)? er ekki (?:lengur )?vaktað",
]

MOVED = [
    "nýja netfangið mitt er",
    "netfangið mitt hefur breyst",
    "framvegis (?:vinsamlegast )?(?:sendu|skrifaðu|sendið)",
]

COURTESY = [
    "takk fyrir (?:tölvupóstinn|póstinn|skilaboðin|fyrirspurnina)",
    "(?:við|ég) (?:munum|mun) svara (?:eins fljótt og (?:auðið er|hægt er)|við fyrsta tækifæri|fljótlega)",
]

ENGAGED = [
    "hljómar áhugavert",
    "hvað kostar",
    "getum við (?:talað|heyrst|hist)",
]

UNSUBSCRIBE = [
    "takið mig af (?:póst)?listanum",
    "taktu mig af (?:póst)?listanum",
    "afskrá mig",
    "hættið að senda mér",
]
