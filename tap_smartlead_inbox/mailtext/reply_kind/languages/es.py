"""Spanish (es)."""

BOUNCE_SUBJECT = [
    "no se puede entregar",
    "no entregado",
    "error (?:de|en la) entrega",
    "mensaje no entregado",
    "notificación de estado de entrega",
    "correo devuelto",
]

AUTO_SUBJECT = [
    "respuesta automática",
    "respuesta automatica",
    "fuera de (?:la )?oficina",
    "ausente",
    "ausencia",
    "vacaciones",
    "acuse de recibo",
    "mensaje automático",
]

AUTO_SUBJECT_ANYWHERE = [
    "respuesta automática",
]

RECEIPT = [
    "leído",
    "entregado",
]

DSN_TEXT = [
    "no (?:se )?(?:pudo|ha podido) (?:ser )?entrega",
    "no se (?:ha )?(?:pudo|podido) entregar",
    "no se ha encontrado la dirección",
    "dirección no encontrada",
    "error de entrega",
    "destinatario desconocido",
    "no se puede entregar",
    "la entrega a (?:estos|este|los siguientes) destinatarios?.{0,30}(?:ha fallado|falló)",
    "buzón del destinatario está lleno",
    "no (?:es|eres) (?:miembro|suscriptor) de (?:esta|la) lista",
]

AUTOMATED = [
    "respuesta automática",
    "mensaje automático",
    "hemos recibido su (?:solicitud|mensaje|correo|consulta)",
    "gracias por (?:contactar|ponerse en contacto|escribir)(?:nos)? con nosotros",
    (
        "(?:estamos procesando|procesaremos|responderemos) (?:la respuesta"
        " a )?(?:tu|su) (?:consulta|solicitud|mensaje|petición)"
    ),
    "a la mayor brevedad (?:posible )?(?:tendrás|tendrá|recibirás|recibirá|nos pondremos)",
    # a read receipt's own sentence
    "se leyó el",
    "fue leído el",
    "se eliminó sin leerse",
]

AWAY = [
    (
        "(?:estoy|estaré|me encuentro) (?:actualmente )?(?:fuera de (?:la )?oficina|de vacaciones|ausente"
        "|de viaje|de baja|de permiso)"
    ),
]

RETURN = [
    "a mi regreso",
    "regresaré",
    "estaré de vuelta",
    "volveré",
    "a mi vuelta",
    r"hasta el \d",
]

LIMITED = [
    "acceso limitado",
    "sin acceso (?:al|a mi) correo",
]

URGENT = [
    "(?:para|en caso de) (?:asuntos|temas|consultas|cuestiones) urgentes",
    "en caso de urgencia",
    "en mi ausencia",
]

GONE = [
    "ya no (?:trabaja|forma parte|está en|pertenece)",
    "(?:ha|han) dejado (?:la empresa|de trabajar)",
    (
        r"(?:dirección|buzón|cuenta) (?:\S+ ){0,2}ya no (?:está en uso|se"
        r" utiliza|se usa|está activa?|se revisa|es válida)"
    ),
    "este buzón dejará de (?:funcionar|estar activo)",
    "ya no labora en",
    "este buzón ya no es revisado",
]

AWAY_OTHER = [
    "está (?:actualmente )?(?:de vacaciones|fuera de (?:la )?oficina|ausente|de viaje)",
]

ENGAGED = [
    "me interesa",
    "interesad",
    "envíe(?:me|nos)",
    "envíame",
    r"precios?\b",
    "hablemos",
    "podemos (?:hablar|quedar|vernos)",
]

STOCK_QUESTION = [
    "ayuda",
    "pregunt",
]

UNSUBSCRIBE = [
    "(?:dar(?:me|nos)?|darse|dadme|denme|deme) de baja",
    "solicito la baja",
    "cancelar (?:la |mi )?suscripci[oó]n",
    "desuscrib",
    "(?:borrar|eliminar|quitar|sacar)(?:me|nos) de",
    "de (?:su|tu|vuestra) (?:lista|base de datos)",
    "(?:eliminar|borrar|quitar|sacar)(?:me|nos)? de (?:su|tu|vuestra|la|sus) (?:lista|base)",
    "elimínenme",
    "elimíname",
    "quítenme",
    "sáquenme",
    "bórrenme",
    "(?:eliminen|borren) mi",
    "no (?:me |nos )?(?:vuelvan|vuelvas) a (?:contactar|escribir|enviar)",
    "no (?:me |nos )?(?:contacten|contactes|escriban|escribas|envíen|envíes|manden) más",
    "(?:dejen|deja|dejad) de (?:escribir|enviar|contactar|mandar)",
    "no (?:quiero|deseo) (?:recibir|que me (?:escriban|contacten|envíen))",
]

ONE_WORD = [
    "baja",
]

CHALLENGE = [
    "confirm(?:ar|e) que (?:usted )?(?:es|eres) (?:una persona|humano|un humano)",
    "verificación del remitente",
    "(?:su|tu) mensaje (?:será|no será) entregado (?:hasta|cuando|una vez)",
    "lista de remitentes (?:autorizados|aprobados)",
    # a held message, released once the sender confirms
    r"su mensaje (?:\S+ ){0,4}(?:está|ha sido|fue|queda) retenido",
    "confirme que es usted una persona",
    "para que (?:su mensaje )?sea entregado,? confirme",
]

MOVED = [
    "mi nueva (?:dirección|cuenta) (?:de correo )?(?:electrónico )?es",
    "(?:mi|nuestra) dirección (?:de correo )?(?:electrónico )?ha cambiado",
    (
        "(?:a partir de ahora|en adelante|de ahora en adelante),? (?:por"
        " favor )?(?:escriba|escribe|envíe|envía|contacte|contacta)"
    ),
    "he cambiado (?:de )?(?:dirección|cuenta|correo)",
    "a partir de ahora,? (?:escríbe(?:me|nos)|escríba(?:me|nos)|escriba) a",
]

COURTESY = [
    "gracias por (?:su|tu) (?:correo|mensaje|e-?mail|consulta)",
    (
        "(?:le|te|les) (?:responderé|responderemos|contestaré|contestaremos) (?:lo antes posible"
        "|a la mayor brevedad|en breve)"
    ),
]
