"""reply_kind and reply_text on the blind sets: mail shaped as the unseen evaluation's, written
for issue 24's second round before the classifier's patterns were read.

tests/corpora/reply_kind_blind.json holds 347 replies (174 auto-replies in 40 languages, 88
bounces in 18, 76 people's replies and 9 unsubscribe requests in 35 languages), scored flat,
documented (no sender) and text only (no sender, no subject); reply_text_blind.json holds 63
replies with their exact new text. main scored, before any change for them: auto-replies 87.9 /
88.5 / 69.5%, bounces 97.7 / 95.5 / 90.9%, and 9 people hidden in every shape (a person's "I'm
away next week, let's talk after" in seven languages, a named auto-reply, a named bounce);
reply_text 62 of 63. The set has been tuned on since: the floors guard the figures reached
(third round: text only 94.3%, reply_text 63 of 63, the bare "____" rule over a quote).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from benchmarks.blind_set_benchmark import SHAPES, hidden, in_shape, leaks
from benchmarks.reply_text_benchmark import same_text
from tap_smartlead_inbox.mailtext.reply_kind import AUTO_REPLY, BOUNCE, HUMAN, UNSUBSCRIBE
from tap_smartlead_inbox.mailtext.reply_text import reply_text
from tests.corpora.test_reply_kind import assert_well_formed, classify
from tests.support.paths import CORPORA

SET: list[dict[str, Any]] = json.loads((CORPORA / "reply_kind_blind.json").read_text(encoding="utf-8"))
TEXTS: list[dict[str, Any]] = json.loads((CORPORA / "reply_text_blind.json").read_text(encoding="utf-8"))

# Share of each kind read right, per shape: a floor just below the figure reached.
FLOORS = {
    "flat": {AUTO_REPLY: 0.97, BOUNCE: 0.99, HUMAN: 1.0, UNSUBSCRIBE: 1.0},
    "documented": {AUTO_REPLY: 0.97, BOUNCE: 0.99, HUMAN: 1.0, UNSUBSCRIBE: 1.0},
    # without a subject, "Thank you for your email." under "Automatic reply:" is a person's words
    # (a courtesy that also promises an answer is read since the third round)
    "text only": {AUTO_REPLY: 0.93, BOUNCE: 0.99, HUMAN: 1.0, UNSUBSCRIBE: 1.0},
}


def test_the_set_is_well_formed_and_as_broad_as_its_docstring_says():
    assert_well_formed(SET, ("blind-",))
    kinds = Counter(case["kind"] for case in SET)
    assert kinds[AUTO_REPLY] >= 120 and kinds[BOUNCE] >= 80 and kinds[HUMAN] + kinds[UNSUBSCRIBE] >= 80
    assert len({case["language"] for case in SET if case["kind"] == AUTO_REPLY}) >= 30
    assert len({case["language"] for case in SET if case["kind"] in (HUMAN, UNSUBSCRIBE)}) >= 20


def assert_each_kind_at_its_floor(cases: list[dict[str, Any]], floors: dict[str, float]) -> None:
    for kind, floor in floors.items():
        of_kind = [case for case in cases if case["kind"] == kind]
        misses = [case["id"] for case in of_kind if classify(case) != kind]
        assert len(of_kind) - len(misses) >= floor * len(of_kind), f"{kind}: {misses}"


def hidden_people(cases: list[dict[str, Any]]) -> list[str]:
    return [case["id"] for case in cases if hidden(case, classify(case))]


@pytest.mark.parametrize("shape", SHAPES)
def test_each_kind_reads_right_at_its_floor(shape):
    assert_each_kind_at_its_floor([in_shape(case, shape) for case in SET], FLOORS[shape])


@pytest.mark.parametrize("shape", SHAPES)
def test_no_person_is_hidden(shape):
    assert hidden_people([in_shape(case, shape) for case in SET]) == []


def test_reply_text_is_exact_in_at_least_97_percent_and_leaves_no_quote():
    outputs = {case["id"]: reply_text(case["body"]) for case in TEXTS}
    inexact = [case["id"] for case in TEXTS if not same_text(outputs[case["id"]], case["expected"])]
    leaked = [case["id"] for case in TEXTS if leaks(outputs[case["id"]], case)]
    assert len(TEXTS) >= 60 and len({case["language"] for case in TEXTS}) >= 20
    assert len(TEXTS) - len(inexact) >= 0.97 * len(TEXTS), inexact
    assert leaked == []
