"""German (de)."""

BOUNCE_SUBJECT = [
    "unzustellbar",
    "nicht zustellbar",
    "zustellung (?:fehlgeschlagen|gescheitert)",
    "unzustellbare nachricht",
    "fehler bei der zustellung",
    "nachricht konnte nicht zugestellt",
]

AUTO_SUBJECT = [
    "auto-?antwort",
    "automatische antwort",
    "abwesenheit",
    "abwesend",
    "außer haus",
    "nicht im büro",
    "urlaub",
    "elternzeit",
    "mutterschutz",
    "empfangsbestätigung",
    "eingangsbestätigung",
]

AUTO_SUBJECT_ANYWHERE = [
    "abwesenheitsnotiz",
    "automatische antwort",
]

RECEIPT = [
    "gelesen",
    "zugestellt",
]

RECEIPT_NOT_AUTO = [
    "nicht gelesen",
]

DSN_TEXT = [
    # Exchange's own wording too
    "nicht zugestellt",
    "zustellung (?:an folgende empfänger |an diese empfänger )?(?:ist )?fehlgeschlagen",
    "adresse nicht gefunden",
    "unzustellbar",
    "empfänger(?:adresse)? (?:unbekannt|abgelehnt)",
    "übermittlung an (?:folgende|diese) empfänger(?: oder gruppen)? ist fehlgeschlagen",
    "postfach des empfängers ist voll",
    "sie sind (?:kein|nicht) (?:mitglied|abonnent) (?:dieser|der) (?:liste|mailingliste)",
    "konnte nicht an einen oder mehrere empfänger zugestellt werden",
    "konnte nicht zugestellt werden",
]

AUTOMATED = [
    "(?:dies ist eine |eine )?automatische (?:antwort|abwesenheitsnotiz|benachrichtigung|nachricht)",
    "automatisch (?:generiert|erstellt|versendet)",
    "abwesenheitsnotiz",
    "wir haben ihre (?:anfrage|nachricht|e-?mail) erhalten",
    r"ihre anfrage (?:\(?#|nr|nummer)",
    (
        "wir werden ihre (?:anfrage|nachricht|e-?mail) (?:schnellst ?möglich"
        "|so schnell wie möglich|zeitnah|umgehend|baldmöglichst) bearbeiten"
    ),
    r"vielen dank für ihre (?:elektronische )?nachricht\W+wir werden",
    "(?:wir )?bestätigen (?:hiermit )?den eingang ihrer",
    # a read receipt's own sentence
    "wurde am .{5,160} gelesen",
    "wurde ungelesen gelöscht",
]

AWAY = [
    (
        r"ich bin\b.{0,50}?\b(?:nicht im (?:büro|hause|haus)|außer (?:haus|hause)|abwesend|im urlaub"
        r"|in (?:elternzeit|mutterschutz|urlaub)|auf (?:geschäftsreise|dienstreise)|nicht erreichbar)"
    ),
    "befinde mich.{0,40}?(?:urlaub|elternzeit|mutterschutz|reise)",
    # Lotus Notes' future tense
    "ich werde (?:ab |vom )?.{0,40}(?:nicht im büro|außer haus|abwesend|nicht erreichbar) sein",
]

RETURN = [
    "wieder (?:im büro|erreichbar|zurück|für sie da|da)",
    "nach meiner rückkehr",
    r"bis (?:einschließlich |zum )?\d",
    "ich kehre (?:am .{0,14})?zurück",
]

LIMITED = [
    r"(?:eingeschränkt|keinen|begrenzt)\w* zugriff auf",
    "e-?mails? werden nicht (?:weitergeleitet|gelesen)",
    "keinen zugang zu",
]

URGENT = [
    "(?:in|bei) dringenden (?:fällen|angelegenheiten|anliegen|fragen)",
    "in meiner abwesenheit",
]

GONE = [
    "nicht mehr (?:im unternehmen|bei|für|in unserem unternehmen|tätig|beschäftigt)",
    "(?:hat|haben) (?:das unternehmen|uns|unser unternehmen) verlassen",
    "postfach wird nicht mehr",
    (
        r"(?:adresse|postfach|konto) (?:\S+ ){0,2}(?:wird|ist) nicht mehr"
        r" (?:aktiv|gültig|in (?:verwendung|benutzung|betrieb)|besetzt|abgerufen)"
    ),
]

AWAY_OTHER = [
    (
        "ist (?:derzeit |aktuell |zurzeit )?(?:nicht im (?:büro|hause|haus)|außer haus|abwesend|im urlaub"
        "|in (?:elternzeit|mutterschutz|urlaub))"
    ),
]

ENGAGED = [
    "interessiert",
    "interesse an",
    "klingt (?:gut|interessant)",
    "schicken sie mir",
    "senden sie mir",
    "preise",
    "was kostet",
    "können wir (?:uns|telefonieren|sprechen|einen termin)",
    "sollen wir",
    "schauen wir (?:uns )?(?:das|es) (?:gerne? )?an",
    "(?:lassen sie uns|lass uns) (?:sprechen|telefonieren)",
]

NEGATION = [
    r"\bnicht",
    r"\bkein\w*",
]

STOCK_QUESTION = [
    "dring",
    "frage",
    "hilfe",
    "kontakt",
]

UNSUBSCRIBE = [
    "abmeld",
    "abbestell",
    "austragen",
    "(?:entfernen|löschen|streichen) sie (?:mich|meine|uns)",
    "bitte (?:entfernen|löschen|streichen) (?:sie )?(?:mich|meine|uns)",
    (
        "(?:aus|von) (?:ihrem|ihrer|dem|der|ihren|eurem|eurer) (?:verteiler|liste|e-?mail-?liste|newsletter"
        "|datenbank|system)"
    ),
    "keine (?:weiteren )?(?:e-?mails|mails|nachrichten|werbung|kontaktaufnahme)",
    "(?:nicht mehr|nie wieder) (?:kontaktieren|anschreiben|schreiben|anmailen|mailen)",
    "kontaktieren sie mich nicht",
    "hören sie auf",
]

ONE_WORD = [
    "abmelden",
    "stopp",
]

CHALLENGE = [
    "bestätigen sie, dass sie (?:ein mensch|kein roboter|keine maschine)",
    "(?:absender|sender)-?(?:verifizierung|überprüfung|bestätigung)",
    "ihre (?:nachricht|e-?mail) wird (?:erst )?(?:zugestellt|ausgeliefert), (?:sobald|wenn) sie",
    "(?:liste|gästeliste) (?:der )?(?:zugelassenen|bestätigten) absender",
    # a held message, released once the sender confirms
    r"(?:nachricht|e-?mail) (?:\S+ ){0,4}wurde zurückgehalten",
    "dass sie (?:die|diese) nachricht (?:gesendet|geschickt|verschickt) haben",
    "nach (?:der|ihrer) bestätigung wird (?:ihre|die) (?:nachricht|e-?mail) zugestellt",
]

MOVED = [
    "meine neue (?:e-?mail-?)?adresse (?:lautet|ist)",
    "(?:e-?mail-?)?adresse hat sich geändert",
    "(?:schreiben|senden) sie (?:bitte )?(?:ab sofort|künftig|zukünftig|in zukunft) an",
    "(?:ab sofort|künftig|zukünftig) (?:bin ich |erreichen sie mich )?(?:unter|an)",
]

COURTESY = [
    "(?:vielen |herzlichen )?dank (?:für|fuer) (?:ihre|deine|die|eure) (?:e-?mail|nachricht|anfrage|mail)",
    "danke (?:für|fuer) (?:ihre|deine|die|eure) (?:e-?mail|nachricht|anfrage|mail)",
    (
        "(?:ich|wir) (?:melde|melden) (?:mich|uns) (?:so bald wie möglich|so schnell wie möglich"
        "|schnellstmöglich|umgehend|in kürze|zeitnah|baldmöglichst|bei ihnen|bei dir)"
    ),
    (
        "(?:ich|wir) (?:werde|werden) (?:ihnen |dir )?(?:so bald wie möglich|schnellstmöglich"
        "|umgehend|zeitnah) antworten"
    ),
]
