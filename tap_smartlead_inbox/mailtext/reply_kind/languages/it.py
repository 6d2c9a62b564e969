"""Italian (it)."""

BOUNCE_SUBJECT = [
    "non recapitabile",
    "mancato recapito",
    "impossibile recapitare",
    "messaggio non recapitato",
    "notifica (?:dello )?stato (?:di )?recapito",
]

AUTO_SUBJECT = [
    "risposta automatica",
    "fuori (?:ufficio|sede)",
    "assente",
    "assenza",
    "ferie",
    "in vacanza",
    "conferma di ricezione",
    "messaggio automatico",
]

AUTO_SUBJECT_ANYWHERE = [
    "risposta automatica",
]

RECEIPT = [
    "letto",
    "recapitato",
]

DSN_TEXT = [
    "non (?:è stato|può essere|poteva essere|è stata) recapitat",
    "impossibile recapitare",
    "indirizzo non trovato",
    "non recapitabile",
    "recapito non riuscito",
    "destinatario sconosciuto",
    "recapito (?:a|ai) (?:questi|seguenti) destinatari.{0,30}non riuscito",
]

AUTOMATED = [
    "risposta automatica",
    "messaggio automatico",
    "abbiamo ricevuto la (?:sua|tua) (?:richiesta|e-?mail|mail|segnalazione)",
    # a read receipt's own sentence
    "è stato letto",
    "è stato eliminato senza essere letto",
]

AWAY = [
    (
        "(?:sono|sarò) (?:attualmente )?(?:fuori (?:ufficio|sede)|in (?:ferie|vacanza|maternità|congedo"
        "|trasferta)|assente)"
    ),
]

RETURN = [
    "al mio rientro",
    "rientrerò",
    "sarò di nuovo",
    "tornerò",
    r"fino al \d",
]

LIMITED = [
    "accesso limitato",
    "non (?:avrò|potrò) (?:accesso|leggere|rispondere)",
]

URGENT = [
    "(?:per|in caso di) (?:urgenze|questioni urgenti|necessità urgenti|comunicazioni urgenti)",
    "in mia assenza",
]

GONE = [
    "non (?:lavora|fa) più",
    "ha lasciato (?:l'azienda|la società)",
    "non è più (?:in|presso)",
    (
        r"(?:indirizzo|casella|account) (?:\S+ ){0,2}non è più (?:in uso"
        r"|attiv[oa]|utilizzat[oa]|monitorat[oa]|valid[oa])"
    ),
]

AWAY_OTHER = [
    "è (?:attualmente )?(?:in ferie|fuori (?:ufficio|sede)|assente|in trasferta)",
]

ENGAGED = [
    "mi interessa",
    "interessat",
    "inviatemi",
    "mandatemi",
    "mandami",
    "prezzi",
    "sentiamoci",
    "ne parliamo",
    "parliamone",
    "possiamo (?:sentirci|parlarne|parlare)",
]

NEGATION = [
    # French "non" too
    r"\bnon",
]

STOCK_QUESTION = [
    "aiuto",
    "contatt",
    "domand",
]

UNSUBSCRIBE = [
    "cancellami",
    "cancellatemi",
    "cancellarmi",
    "disiscriv",
    "rimuovetemi",
    "rimuovimi",
    "rimuovermi",
    "toglietemi",
    "toglimi",
    "(?:rimuovete|cancellate|eliminate) (?:il mio|la mia|i miei|il nostro)",
    r"non (?:mi |ci )?(?:contatt|scriv|invi|mand)\w* più",
    "(?:smettete|smettetela|smetti) di (?:scriver|contattar|inviar|mandar)",
    "dalla (?:vostra|sua|tua) (?:lista|mailing)",
    "non (?:voglio|desidero) (?:più )?ricevere",
]

ONE_WORD = [
    "disiscrivimi",
]

CHALLENGE = [
    "confermare di essere (?:una persona|un essere umano|umano)",
    "verifica del mittente",
    (
        "(?:il suo|il tuo) messaggio (?:sarà|verrà) (?:consegnato|recapitato)"
        " (?:solo )?(?:dopo|quando|una volta)"
    ),
    # a held message, released once the sender confirms
    r"il (?:tuo|suo) messaggio (?:\S+ ){0,4}è (?:in attesa|stato trattenuto)",
    "per consegnarlo,? confermi?",
]

MOVED = [
    "(?:il mio|il nostro) nuovo indirizzo (?:e-?mail |di posta )?è",
    "(?:il mio|il nostro) indirizzo (?:e-?mail |di posta )?è cambiato",
    (
        "(?:d'ora in poi|da ora in poi|in futuro),? (?:si prega di |per"
        " favore )?(?:scrivere|scrivete|inviare|contattare)"
    ),
]

COURTESY = [
    "grazie per (?:il|la|l') ?(?:(?:sua|tua|suo|tuo|vostra|vostro) )?(?:e-?mail|messaggio|mail)",
    "(?:le|ti|vi) (?:risponderò|risponderemo) (?:al più presto|quanto prima|a breve|prima possibile)",
]
