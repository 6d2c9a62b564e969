"""How many examples a property test tries.

`make test` tries each test's own count. The quick runs, `make test-fast` while you work and
the fast suite under each other Python (`make test-pythons`, which checks that the code runs
there, not what the properties find), set ``EXAMPLES_SCALE`` to try a fraction of it: the
same properties, a smaller search. A test that asks for no count gets hypothesis's 100,
scaled the same way (the profile tests/conftest.py loads).
"""

from __future__ import annotations

import os

FEWEST = 10  # enough for hypothesis's explicit examples and its first simple cases


def scale() -> float:
    """``EXAMPLES_SCALE`` (a number above 0, at most 1), else 1."""
    value = float(os.environ.get("EXAMPLES_SCALE") or 1)
    if not 0 < value <= 1:
        raise ValueError(f"EXAMPLES_SCALE must be above 0 and at most 1, not {value}")
    return value


def examples(count: int) -> int:
    """``count`` scaled, never below FEWEST (nor above ``count``)."""
    return min(count, max(FEWEST, round(count * scale())))
