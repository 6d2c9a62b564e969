"""reply_kind on the families issue 24 found missing, in a set written for them.

tests/corpora/reply_kind_families24.json holds 67 replies written for this project after the
families were widened (none taken from any corpus): challenge-response filters, mailboxes no
longer in use and address-change notices, a bare "Auto:" subject and responders' own tags in
other languages ("[Automatyczna odpowiedź]"), filler under an automatic subject, vacation notes
in languages beyond the first 25 (Lithuanian, Latvian, Estonian, Slovak, Slovenian, Bulgarian,
Serbian, Croatian, Hebrew, Arabic, Indonesian, Romanian, Greek, Catalan, Vietnamese); a
postmaster's copy with its failure wording below a divider, list managers' refusals and loop
alerts, content filters with an empty sender and the original subject, notices in the new
languages with no sender and no subject; and people's replies near each family (an address
change noted under a letter, a guest list, "verify", a forwarded bounce under a note).

Scored 64 of 67 when first run (a Serbian note with the verb last, a Mailman moderation hold,
"I'll add you to the guest list" read as a challenge); those three led to changes, so the set
is no longer unseen: the floor guards against regressions only.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from tap_smartlead_inbox.mailtext.reply_kind import HUMAN, REPLY_KINDS
from tap_smartlead_inbox.mailtext.reply_kind._families import patterns
from tap_smartlead_inbox.mailtext.reply_kind.languages import LANGUAGES
from tests.corpora.test_reply_kind import assert_exact_share, assert_well_formed, classify
from tests.support.paths import CORPORA

SET: list[dict[str, Any]] = json.loads((CORPORA / "reply_kind_families24.json").read_text(encoding="utf-8"))


def test_the_set_has_the_documented_fields_and_unique_ids():
    assert_well_formed(SET, ("i24-",))


def test_the_set_covers_the_new_families_in_many_languages():
    kinds = Counter(case["kind"] for case in SET)
    assert kinds[HUMAN] >= 12 and kinds["auto_reply"] >= 35 and kinds["bounce"] >= 15, kinds
    assert len({case["language"] for case in SET if case["kind"] == "auto_reply"}) >= 20
    assert sum(case["sender"] == "" for case in SET if case["kind"] == "bounce") >= 15


def test_the_set_scores_at_least_97_percent_exact():
    assert_exact_share(SET, 0.97)


@pytest.mark.parametrize("shape", ["flat", "documented"])
def test_no_person_is_hidden_in_either_shape(shape):
    people = [case for case in SET if case["kind"] == HUMAN]
    if shape == "documented":
        people = [{**case, "sender": ""} for case in people]
    assert [case["id"] for case in people if classify(case) != HUMAN] == []


def test_every_bounce_reads_as_one_without_its_sender():
    bounces = [{**case, "sender": ""} for case in SET if case["kind"] == "bounce"]
    assert [case["id"] for case in bounces if classify(case) != "bounce"] == []


# The families issue 24 added: every language module has them, so a language that has an
# out-of-office note also has a challenge filter's and an address change's wording.
_NEW_FAMILIES = ("CHALLENGE", "MOVED", "GONE", "AWAY", "URGENT", "AUTO_SUBJECT", "AUTOMATED")


@pytest.mark.parametrize("name", _NEW_FAMILIES)
def test_every_language_has_the_family(name):
    missing = [language.__name__ for language in LANGUAGES[1:] if not patterns(language, name)]
    assert missing == []


def test_every_kind_is_known():
    assert {case["kind"] for case in SET} <= set(REPLY_KINDS)
