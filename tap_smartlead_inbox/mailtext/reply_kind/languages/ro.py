"""Romanian (ro)."""

BOUNCE_SUBJECT = [
    "nu (?:a putut fi|poate fi) livrat",
    "nelivrat",
]

AUTO_SUBJECT = [
    "răspuns automat",
]
