"""Catalan (ca)."""

AWAY = [
    "(?:sóc|estic|estaré|seré) (?:fora de l'oficina|de vacances|de viatge|de baixa|absent)",
]

LIMITED = [
    "accés limitat",
    "sense accés al correu",
]

URGENT = [
    "per a (?:temes|assumptes|qüestions) urgents",
    "en cas d'urgència",
]

AUTO_SUBJECT = [
    "resposta automàtica",
    "fora de l'oficina",
    "absència",
]

AUTOMATED = [
    "(?:aquest és un )?missatge automàtic",
    "hem rebut (?:el vostre|el teu|la vostra|la teva) (?:missatge|correu|sol·licitud|consulta)",
]

CHALLENGE = [
    "confirmeu que sou (?:una persona|humà)",
    "verificació del remitent",
    "el (?:vostre|teu) missatge (?:serà|no serà) lliurat (?:fins|quan|un cop)",
]

RETURN = [
    (
        r"(?:tornaré|torno|estaré de tornada) (?:a l'oficina )?(?:el|dilluns"
        r"|dimarts|dimecres|dijous|divendres|\d)"
    ),
    "a la meva tornada",
]

GONE = [
    "ja no treballo (?:a|per|amb)",
    "ja no treballa (?:a|per|amb)",
    r"(?:adreça|bústia|compte) (?:\S+ ){0,2}ja no (?:està en ús|s'utilitza|està activa?)",
]

MOVED = [
    "la meva nova adreça (?:de correu )?(?:electrònic )?és",
    "(?:la meva|la nostra) adreça (?:de correu )?(?:electrònic )?ha canviat",
    "(?:a partir d'ara|d'ara endavant),? (?:si us plau )?(?:escriviu|envieu|contacteu)",
]
