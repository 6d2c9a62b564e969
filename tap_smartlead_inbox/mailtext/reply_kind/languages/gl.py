"""Galician: what it shares with Portuguese and Spanish is theirs (gl)."""

AUTO_SUBJECT = [
    "fóra da oficina",
]

AUTOMATED = [
    "esta é unha resposta automática",
    "recibimos a súa (?:mensaxe|consulta)",
]

CHALLENGE = [
    "confirme que é unha persoa",
]

AWAY = [
    "estou fóra da oficina",
    "estou de vacacións",
    "estarei de vacacións",
]

RETURN = [
    (
        "do \\d{1,2} ao \\d{1,2} de (?:xaneiro|febreiro|marzo|abril|maio|xuño|xullo|agosto"
        "|setembro|outubro|novembro|decembro)"
    ),
    "(?:volverei|regresarei) o (?:\\d|luns|martes)",
]

LIMITED = [
    "acceso limitado ao correo",
]

URGENT = [
    "para asuntos urxentes",
]

GONE = [
    "xa non traballa na empresa",
    "este enderezo de correo xa non está en uso",
]

MOVED = [
    "o meu novo enderezo",
]

COURTESY = [
    "grazas pola súa mensaxe",
    "responderemos o antes posible",
]

UNSUBSCRIBE = [
    "elimíneme da súa lista",
    "non me envíe máis",
]
