"""The shared real-mail corpus, read where it lies and split into a tuning part and a held-out part.

../shared/mail-corpus/messages.jsonl (next to the project checkout) holds real messages from
public repositories under their own licences: the project reads it, never copies it. Tests and
benchmarks that use it skip with one line when it is absent.

The hold-out rule, written before any tuning on the corpus: within each kind, the records are
sorted by id, and every fifth one (0-based positions 4, 9, 14, ...) is held out. The classifier
and reply_text were tuned on the other four fifths only; the held-out fifth was measured once,
at the end, and the tests hold it at that figure without it ever having guided a change.
"""

from __future__ import annotations

import json
from typing import Any

from tests.support.paths import ROOT

SHARED_CORPUS = ROOT.parent / "shared" / "mail-corpus" / "messages.jsonl"
ABSENT = "shared mail corpus not present"
HOLD_OUT_EVERY = 5


def load() -> list[dict[str, Any]]:
    """Every record of the corpus, in file order; [] when the corpus is absent."""
    if not SHARED_CORPUS.is_file():
        return []
    with SHARED_CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def held_out(records: list[dict[str, Any]]) -> set[str]:
    """The ids of the held-out fifth: every fifth record of each kind, by sorted id."""
    ids: set[str] = set()
    for kind in sorted({record["kind"] for record in records}):
        ordered = sorted(record["id"] for record in records if record["kind"] == kind)
        ids.update(ordered[HOLD_OUT_EVERY - 1 :: HOLD_OUT_EVERY])
    return ids


def split(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(tuning part, held-out part) of the records, each in file order."""
    hidden = held_out(records)
    return (
        [record for record in records if record["id"] not in hidden],
        [record for record in records if record["id"] in hidden],
    )
