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
