"""Accuracy and speed of reply_kind on the labelled sets in tests/corpora/ (corpus, heldout, fresh2).

Run from the repo root: .venv/bin/python -m benchmarks.reply_kind_benchmark
(or .venv/bin/python benchmarks/reply_kind_benchmark.py)

Each labelled reply is read as the tap reads it (full_text = body_text's text of the body,
own_text = reply_text of it), then classified. Printed: the confusion table (rows = true
kind, columns = predicted), precision and recall per kind, exact matches per language and
per client, the misses, and the time per reply of reply_kind alone (the texts are computed
beforehand, as the tap has them already) and of the whole reading.

Then the same accuracy figures for the held-out set, which was written apart from the corpus
the classifier was first tuned on, with its "fresh-" replies (the last written) on a line of
their own; then the same figures for tests/corpora/reply_kind_fresh2.json, the last set written.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the repo root is not on the path
    sys.path.insert(0, str(ROOT))

from tap_smartlead_inbox.mailtext.body_text import read_email_body  # noqa: E402
from tap_smartlead_inbox.mailtext.reply_kind import REPLY_KINDS, reply_kind  # noqa: E402
from tap_smartlead_inbox.mailtext.reply_text import reply_text  # noqa: E402

CORPUS = ROOT / "tests" / "corpora" / "reply_kind_corpus.json"
HELDOUT = ROOT / "tests" / "corpora" / "reply_kind_heldout.json"
FRESH2 = ROOT / "tests" / "corpora" / "reply_kind_fresh2.json"
REPEATS = 20


def prepared(case: dict[str, Any]) -> dict[str, Any]:
    """reply_kind's arguments for one labelled reply, as the tap computes them."""
    body = read_email_body(case["body"])
    return {
        "sender": case["sender"],
        "subject": case["subject"],
        "own_text": reply_text(case["body"], body),
        "full_text": body.text,
        "headers": case.get("headers"),
    }


def _ms_per_call(call: Callable[[], Any], count: int) -> float:
    started = time.perf_counter()
    for _ in range(REPEATS):
        call()
    return (time.perf_counter() - started) * 1000 / (REPEATS * count)


def confusion_table(cases: list[dict[str, Any]], predicted: list[str]) -> None:
    width = max(len(kind) for kind in REPLY_KINDS) + 2
    print("confusion (rows = true kind, columns = predicted)")
    print(" " * width + "".join(f"{kind:>{width}}" for kind in REPLY_KINDS))
    for true in REPLY_KINDS:
        counts = [
            sum(1 for case, got in zip(cases, predicted, strict=True) if case["kind"] == true and got == kind)
            for kind in REPLY_KINDS
        ]
        print(f"{true:<{width}}" + "".join(f"{count:>{width}}" for count in counts))
    print()


def precision_recall(cases: list[dict[str, Any]], predicted: list[str]) -> None:
    pairs = list(zip((case["kind"] for case in cases), predicted, strict=True))
    for kind in REPLY_KINDS:
        hits = sum(1 for true, got in pairs if true == kind == got)
        said = sum(1 for _, got in pairs if got == kind)
        real = sum(1 for true, _ in pairs if true == kind)
        precision = 100 * hits / said if said else 0.0
        recall = 100 * hits / real if real else 0.0
        print(
            f"  {kind:<12} precision {precision:5.1f}% ({hits}/{said})  recall {recall:5.1f}% ({hits}/{real})"
        )
    print()


def exact_by(field: str, cases: list[dict[str, Any]], predicted: list[str]) -> None:
    tally: dict[str, list[int]] = {}
    for case, got in zip(cases, predicted, strict=True):
        counts = tally.setdefault(case[field], [0, 0])
        counts[0] += case["kind"] == got
        counts[1] += 1
    cells = "  ".join(f"{key} {hit}/{n}" for key, (hit, n) in sorted(tally.items()))
    print(f"exact per {field}: {cells}")


def accuracy(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """Print the accuracy figures of one labelled set; return its cases, inputs and predictions."""
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    inputs = [prepared(case) for case in cases]
    predicted = [reply_kind(**arguments) for arguments in inputs]
    exact = sum(1 for case, got in zip(cases, predicted, strict=True) if case["kind"] == got)
    print(f"reply_kind on {path.relative_to(ROOT)}: {len(cases)} labelled replies")
    print(f"exact {exact}/{len(cases)} ({100 * exact / len(cases):.1f}%)\n")
    confusion_table(cases, predicted)
    precision_recall(cases, predicted)
    exact_by("language", cases, predicted)
    exact_by("client", cases, predicted)
    misses = [
        f"{case['id']} ({case['kind']} read as {got})"
        for case, got in zip(cases, predicted, strict=True)
        if case["kind"] != got
    ]
    print(f"misses: {', '.join(misses) if misses else 'none'}\n")
    return cases, inputs, predicted


def heldout_accuracy() -> None:
    cases, _, predicted = accuracy(HELDOUT)
    pairs = zip(cases, predicted, strict=True)
    fresh = [(case, got) for case, got in pairs if case["id"].startswith("fresh-")]
    hits = sum(1 for case, got in fresh if case["kind"] == got)
    if fresh:
        print(f"of which fresh- replies: exact {hits}/{len(fresh)}", end="")
        print(f" ({100 * hits / len(fresh):.1f}%)")


def main() -> None:
    cases, inputs, _ = accuracy(CORPUS)
    classify_ms = _ms_per_call(lambda: [reply_kind(**arguments) for arguments in inputs], len(inputs))
    reading_ms = _ms_per_call(lambda: [prepared(case) for case in cases], len(cases))
    print(f"ms per reply: reply_kind {classify_ms:.4f}", end="")
    print(f"  (reading the body and reply_text beforehand: {reading_ms:.3f})")
    print("\n" + "-" * 96 + "\n")
    heldout_accuracy()
    print("\n" + "-" * 96 + "\n")
    accuracy(FRESH2)


if __name__ == "__main__":
    main()
