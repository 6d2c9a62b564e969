"""French (fr)."""

BOUNCE_SUBJECT = [
    "non remis",
    "non distribuable",
    "échec (?:de (?:la )?)?(?:remise|distribution|livraison)",
    "non délivr",
]

AUTO_SUBJECT = [
    "réponse automatique",
    # "absence", "absent": listed in en
    "absente",
    "hors du bureau",
    "en congés?",
    "congé",
    "vacances",
    "accusé de réception",
    "message automatique",
]

AUTO_SUBJECT_ANYWHERE = [
    "réponse automatique",
]

# French sets a space before the colon ("Lu : Objet"): these words carry it (" ?"),
# as an auto-reply's subject allows it for them only.
RECEIPT = [
    "lu ?",
    "remis ?",
]

RECEIPT_NOT_AUTO = [
    "non lu",
]

DSN_TEXT = [
    "n'a pas (?:pu être|été) (?:remis|distribu|livr|délivr)",
    "adresse introuvable",
    "non remis",
    "échec de (?:la )?(?:remise|distribution|livraison)",
    "impossible de remettre",
    "destinataire inconnu",
    "la remise (?:aux|au) destinataires?(?: ou groupes?)?(?: suivants?)? a échoué",
    "boîte aux lettres du destinataire est pleine",
    "vous n'êtes pas (?:membre|abonné) de (?:cette|la) liste",
    "rejeté car vous n'êtes pas (?:abonné|membre)",
]

AUTOMATED = [
    "réponse automatique",
    "message automatique",
    "nous avons (?:bien )?reçu votre (?:demande|message|e-?mail|courriel)",
    "nous (?:avons bien reçu|accusons (?:bonne )?réception de) votre",
    (
        "nous traiterons votre (?:demande|message|courriel) (?:dans les"
        " meilleurs délais|dès que possible|rapidement)"
    ),
    # a read receipt's own sentence
    "a été lu le",
    "a été supprimé sans avoir été lu",
]

AWAY = [
    (
        "je (?:suis|serai) (?:actuellement )?(?:absente?|en (?:congés?|vacances|déplacement|arrêt)"
        "|hors du bureau|indisponible)"
    ),
]

RETURN = [
    "(?:serai|suis) de retour (?:le|au|à partir|dans)",
    "de retour (?:le|à partir du|au bureau le)",
    "je reviendrai",
    "à mon retour",
    "dès mon retour",
    r"jusqu'au \d",
]

LIMITED = [
    "accès (?:limité|restreint)",
    "(?:sans|pas d') ?accès",
    "ne (?:serai|pourrai) pas (?:en mesure de )?(?:consulter|lire|répondre)",
]

URGENT = [
    "(?:pour toute|en cas d') ?(?:urgence|demande urgente|question urgente)",
    "en mon absence",
]

GONE = [
    "ne fait plus partie",
    "(?:a|ont) quitté (?:l'entreprise|la société|notre)",
    "ne travaille plus",
    "n'est plus (?:en poste|dans|chez|au sein)",
    (
        r"(?:adresse|boîte(?: aux lettres)?|compte) (?:\S+ ){0,2}n'est plus"
        r" (?:utilisée?|active?|consultée?|valide|relevée?)"
    ),
    "je ne fais plus partie de",
    "cette adresse ne sera plus consultée",
]

AWAY_OTHER = [
    "est (?:actuellement )?(?:absente?|en (?:congés?|vacances|déplacement))",
]

ENGAGED = [
    "intéress",
    "envoyez-moi",
    "m'envoyer",
    r"tarifs?\b",
    r"prix\b",
    "pouvons-nous",
    "on peut (?:en )?(?:parler|s'appeler)",
    "on en parle",
    "parlons-en",
]

NEGATION = [
    r"\bpas",
    r"\bne",
]

STOCK_QUESTION = [
    "aide",
    "contacte",
]

UNSUBSCRIBE = [
    "désinscri",
    "désabonn",
    "desinscri",
    "desabonn",
    "(?:retirez|supprimez|enlevez|rayez)[- ](?:moi|nous)",
    "(?:retirez|supprimez|enlevez) (?:mon|mes|notre) (?:adresse|e-?mail|mail|coordonnées|nom|données)",
    "(?:ne|n') ?(?:plus|pas) me (?:contacter|recontacter|écrire|solliciter|envoyer)",
    "ne me (?:contactez|recontactez|écrivez|sollicitez|envoyez) plus",
    "(?:arrêtez|cessez) de (?:m'|me |nous )",
    "de votre (?:liste|fichier|base)",
    "je ne (?:souhaite|veux|désire) plus (?:recevoir|être contacté)",
]

ONE_WORD = [
    "désabonner",
]

CHALLENGE = [
    "confirmer que vous (?:êtes|n'êtes pas) (?:un humain|une personne|un robot)",
    "vérification (?:de l'|d')expéditeur",
    (
        "votre message (?:sera|ne sera) (?:remis|délivré|distribué) (?:qu')?(?:après"
        "|une fois|dès) (?:que vous|votre)"
    ),
    "liste (?:des )?expéditeurs (?:autorisés|approuvés)",
    # a held message, released once the sender confirms
    "pour que votre message soit (?:délivré|remis|distribué)",
    "(?:merci de|veuillez) (?:vous authentifier|confirmer l'envoi)",
    "votre message (?:est|a été) (?:retenu|mis en attente)",
]

MOVED = [
    "ma nouvelle adresse (?:e-?mail |électronique |mail )?est",
    "(?:mon|notre) adresse (?:e-?mail |électronique |mail )?a changé",
    "(?:désormais|dorénavant|à l'avenir),? (?:merci d'|veuillez )?(?:écrire|envoyer|adresser|contacter)",
]

COURTESY = [
    "merci (?:pour|de) votre (?:e-?mail|message|courriel|demande)",
    (
        "(?:je|nous) (?:vous )?(?:répondrai|répondrons|reviendrai|reviendrons)(?: vers vous)?"
        " (?:dans les plus brefs délais|dès que possible|rapidement|au plus vite|très prochainement)"
    ),
]
