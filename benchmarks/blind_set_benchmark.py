"""reply_kind and reply_text on the blind sets: mail written to look like the unseen evaluation's.

Run from the repo root: .venv/bin/python -m benchmarks.blind_set_benchmark [-v]

tests/corpora/reply_kind_blind.json and reply_text_blind.json were written for issue 24's second
round before the classifier's patterns were read, as real servers and clients shape their mail.
Every reply_kind case is scored in three shapes: flat (sender, subject and body as written),
documented (no sender, as the API documents a reply) and text only (no sender, no subject).
"Hidden" counts people (human or unsubscribe) read as an auto-reply or a bounce. reply_text is
scored exact (same lines, blank lines aside) and leak-free: no quoted line left, by the
benchmark's approximate check or because a sentence of our pitch, which every quote holds, is
still in the output.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the repo root is not on the path
    sys.path.insert(0, str(ROOT))

from benchmarks.reply_kind_benchmark import prepared  # noqa: E402
from benchmarks.reply_text_benchmark import leaves_quote, same_text  # noqa: E402
from tap_smartlead_inbox.mailtext.reply_kind import reply_kind  # noqa: E402
from tap_smartlead_inbox.mailtext.reply_text import reply_text  # noqa: E402

KIND_SET = ROOT / "tests" / "corpora" / "reply_kind_blind.json"
# The third round's set: 33 languages no module covered before it (Thai, Persian, Hindi, ...).
KIND_SET3 = ROOT / "tests" / "corpora" / "reply_kind_blind3.json"
TEXT_SET = ROOT / "tests" / "corpora" / "reply_text_blind.json"
SHAPES = ("flat", "documented", "text only")
PEOPLE = ("human", "unsubscribe")
# Sentences of the pitch every quote in the blind sets holds: one left in the output is a leak.
PITCH_LINES = ("Outreachly helps B2B teams", "Worth a 15-minute call next week?")


def in_shape(case: dict[str, Any], shape: str) -> dict[str, Any]:
    """The case as the given shape gives it: without sender, or without sender and subject."""
    if shape == "flat":
        return case
    return {**case, "sender": "", "subject": case["subject"] if shape == "documented" else None}


def kind_of(case: dict[str, Any]) -> str:
    return reply_kind(**prepared(case))


def hidden(case: dict[str, Any], kind: str) -> bool:
    """A person's reply read as machine mail: the error the goals forbid."""
    return case["kind"] in PEOPLE and kind not in PEOPLE


def leaks(output: str, case: dict[str, Any]) -> bool:
    return leaves_quote(output, case) or any(
        line in output and line not in case["expected"] for line in PITCH_LINES
    )


def report(verbose: bool) -> None:
    for kind_set in (KIND_SET, KIND_SET3):
        print(kind_set.name)
        report_kinds(json.loads(kind_set.read_text(encoding="utf-8")), verbose)
    report_texts(verbose)


def report_kinds(cases: list[dict[str, Any]], verbose: bool) -> None:
    for shape in SHAPES:
        hits: Counter[str] = Counter()
        totals = Counter(case["kind"] for case in cases)
        misses: list[str] = []
        people_hidden = 0
        for case in cases:
            kind = kind_of(in_shape(case, shape))
            hits[case["kind"]] += kind == case["kind"]
            people_hidden += hidden(case, kind)
            if kind != case["kind"]:
                misses.append(f"{case['id']}: {case['kind']} read as {kind}")
        cells = "  ".join(f"{k} {hits[k]}/{n} ({100 * hits[k] / n:.1f}%)" for k, n in sorted(totals.items()))
        print(f"{shape:11} {cells}  people hidden {people_hidden}")
        if verbose:
            print("".join(f"    {miss}\n" for miss in misses), end="")


def report_texts(verbose: bool) -> None:
    texts: list[dict[str, Any]] = json.loads(TEXT_SET.read_text(encoding="utf-8"))
    outputs = {case["id"]: reply_text(case["body"]) for case in texts}
    inexact = [case["id"] for case in texts if not same_text(outputs[case["id"]], case["expected"])]
    leaked = [case["id"] for case in texts if leaks(outputs[case["id"]], case)]
    n = len(texts)
    print(
        f"reply_text  exact {n - len(inexact)}/{n} ({100 * (n - len(inexact)) / n:.1f}%)"
        f"  no quote left {n - len(leaked)}/{n} ({100 * (n - len(leaked)) / n:.1f}%)"
    )
    if verbose:
        print(f"    inexact: {inexact}\n    quote left: {leaked}")


if __name__ == "__main__":
    report("-v" in sys.argv)
