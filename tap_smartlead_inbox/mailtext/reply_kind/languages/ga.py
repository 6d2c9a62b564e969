"""Irish (ga)."""

BOUNCE_SUBJECT = [
    "níorbh fhéidir é a sheachadadh",
    "teip seachadta",
]

AUTO_SUBJECT = [
    "freagra uathoibríoch",
    "as an oifig",
]

DSN_TEXT = [
    "níorbh fhéidir do theachtaireacht a sheachadadh",
    "níor aimsíodh an seoladh",
]

AUTOMATED = [
    "is freagra uathoibríoch é seo",
    "fuaireamar do (?:ríomhphost|theachtaireacht|iarratas)",
    "teachtaireacht uathoibríoch",
]

CHALLENGE = [
    "deimhnigh gur duine thú",
]

AWAY = [
    "(?:beidh|tá) mé as an oifig",
    "(?:beidh|tá) mé ar (?:saoire|laethanta saoire)",
]

RETURN = [
    "(?:beidh mé )?ar ais (?:ar an|ar|dé) (?:\\d|luain|máirt|céadaoin)",
    (
        "go dtí an \\d{1,2} (?:eanáir|feabhra|márta|aibreán|bealtaine|meitheamh|iúil|lúnasa"
        "|meán fómhair|deireadh fómhair|samhain|nollaig)"
    ),
]

LIMITED = [
    "rochtain theoranta ar ríomhphost",
]

URGENT = [
    "más práinneach",
    "i gcás práinne",
]

GONE = [
    "níl (?:\\S+ ){1,3}ag obair (?:leis an gcomhlacht|anseo) a thuilleadh",
    "níl an seoladh ríomhphoist seo in úsáid a thuilleadh",
]

MOVED = [
    "is é mo sheoladh ríomhphoist nua",
]

COURTESY = [
    "go raibh maith agat as do (?:ríomhphost|theachtaireacht)",
    "tabharfaimid freagra duit chomh luath agus is féidir",
]

ENGAGED = [
    "tá suim agam",
    "cé mhéad",
    "an féidir linn labhairt",
]

UNSUBSCRIBE = [
    "bain mé (?:de|ón) liosta",
    "ná seol a thuilleadh",
]
