"""Croatian (hr)."""

AUTO_SUBJECT = [
    "automatsko",
]
