"""reply_kind and reply_text on the shared real-mail corpus (../shared/mail-corpus), never copied here.

Run from the repo root: .venv/bin/python -m benchmarks.mail_corpus_benchmark [--held-out]

The corpus is split by the rule in tests/support/mail_corpus.py (every fifth record of each kind,
by sorted id, is held out). Without --held-out only the tuning part is scored; --held-out scores
the held-out part instead, which is meant to be read once, after the tuning is done.

reply_kind is scored in three shapes: flat (sender, subject and body, as the flat response shape
gives them), documented (no sender: the documented shape names none of its own), and text only
(no sender, no subject). reply_text is scored on the people's replies whose source states the
expected new text: exact (the same lines, blank lines aside) and leak-free (no line of the quote
left, as benchmarks.reply_text_benchmark.leaves_quote judges it).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the repo root is not on the path
    sys.path.insert(0, str(ROOT))

from benchmarks.reply_kind_benchmark import confusion_table  # noqa: E402
from benchmarks.reply_text_benchmark import leaves_quote, same_text  # noqa: E402
from tap_smartlead_inbox.mailtext.body_text import html_to_text, read_email_body  # noqa: E402
from tap_smartlead_inbox.mailtext.reply_kind import HUMAN, REPLY_KINDS, reply_kind  # noqa: E402
from tap_smartlead_inbox.mailtext.reply_text import reply_text  # noqa: E402
from tests.support import mail_corpus  # noqa: E402

SHAPES = {
    "flat": lambda record: (record["sender"], record["subject"]),
    "documented": lambda record: (None, record["subject"]),
    "text only": lambda record: (None, None),
}


def classify(record: dict[str, Any], shape: str) -> str:
    sender, subject = SHAPES[shape](record)
    body = read_email_body(record["body"])
    own = reply_text(record["body"], body)
    return reply_kind(sender=sender, subject=subject, own_text=own, full_text=body.text)


def expected_text(record: dict[str, Any]) -> str:
    label: str = record["reply_text"]
    return html_to_text(label) if record.get("reply_text_format") == "html" else label


def kind_report(records: list[dict[str, Any]], shape: str) -> None:
    predicted = [classify(record, shape) for record in records]
    print(f"reply_kind, {shape} shape")
    for kind in REPLY_KINDS:
        of_kind = [(r, got) for r, got in zip(records, predicted, strict=True) if r["kind"] == kind]
        if of_kind:
            hits = sum(1 for r, got in of_kind if got == kind)
            print(f"  {kind:<12} {hits}/{len(of_kind)} ({100 * hits / len(of_kind):.1f}%)")
    pairs = list(zip(records, predicted, strict=True))
    hidden = [r["id"] for r, got in pairs if r["kind"] == HUMAN and got != HUMAN]
    print(f"  people hidden: {len(hidden)} {hidden if hidden else ''}")
    confusion_table(records, predicted)
    misses = [
        f"    {r['id']} [{r['family']}, {r['language']}] {r['kind']} read as {got}"
        for r, got in zip(records, predicted, strict=True)
        if got != r["kind"]
    ]
    print("  misses:\n" + ("\n".join(misses) if misses else "    none") + "\n")


def text_report(records: list[dict[str, Any]]) -> None:
    labelled = [r for r in records if "reply_text" in r]
    exact, leaks, misses = 0, 0, []
    for record in labelled:
        got = reply_text(record["body"])
        case = {"expected": expected_text(record), "body": record["body"]}
        hit = same_text(got, case["expected"])
        leak = leaves_quote(got, case)
        exact += hit
        leaks += leak
        if not hit or leak:
            misses.append(f"    {record['id']} [{record['family']}]{' LEAK' if leak else ''}")
    count = len(labelled)
    print(f"reply_text on {count} labelled replies")
    print(f"  exact {exact}/{count} ({100 * exact / count:.1f}%)")
    print(f"  leak-free {count - leaks}/{count} ({100 * (count - leaks) / count:.1f}%)")
    print("  misses:\n" + ("\n".join(misses) if misses else "    none") + "\n")


def main() -> None:
    records = mail_corpus.load()
    if not records:
        print(mail_corpus.ABSENT)
        return
    tuning, held_out = mail_corpus.split(records)
    part, name = (held_out, "held-out") if "--held-out" in sys.argv else (tuning, "tuning")
    print(f"{name} part of the shared corpus: {len(part)} records {dict(Counter(r['kind'] for r in part))}\n")
    started = time.perf_counter()
    for shape in SHAPES:
        kind_report(part, shape)
    text_report(part)
    print(f"{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
