"""reply_kind's language modules: which language covers which family, and no pattern said twice.

The coverage table and the overlaps between families are literals here, so a change to either
shows in the diff of this file. A form is one concrete way a pattern can be written: every
group and every "?" expanded ("e-?mails?" stands for "email", "emails", "e-mail", "e-mails");
what cannot be expanded (".{0,40}", "\\w+") stays as written.
"""

# The tables hold words of many scripts on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import pkgutil
import re
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from tap_smartlead_inbox.mailtext.reply_kind import _families, languages
from tap_smartlead_inbox.mailtext.reply_kind._families import LISTS, patterns
from tap_smartlead_inbox.mailtext.reply_kind._layout import TOKEN, top_level
from tap_smartlead_inbox.mailtext.reply_kind.languages import LANGUAGES

# --- the coverage table -------------------------------------------------------------------

# Rows: the lists of _families.LISTS; columns: languages.LANGUAGES ("--" is common, what
# belongs to no language); "x" where the module defines the list.
COVERAGE = """
                      -- en de fr es it nl pt pl sv ru uk da no fi cs hu tr ro el hr ca vi ja zh ko
BOUNCE_HEADER          x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
AUTO_HEADER            x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
AUTO_PRECEDENCE        x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
SUBJECT_TAG            x  x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
BOUNCE_SUBJECT         .  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  .  .  x  x  x
AUTO_SUBJECT           .  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
AUTO_SUBJECT_ANYWHERE  .  x  x  x  x  x  x  x  x  x  x  .  .  .  .  .  .  .  .  .  .  .  .  x  x  .
RECEIPT                .  x  x  x  x  x  x  x  x  x  x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
RECEIPT_NOT_AUTO       .  .  x  x  .  .  .  x  x  x  x  .  x  x  x  x  .  x  .  .  .  .  .  x  x  x
BOUNCE_SENDER          x  x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
MACHINE_SENDER         x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
DSN_TEXT               x  x  x  x  x  x  x  x  x  x  x  x  x  .  x  x  x  x  x  x  x  .  .  x  x  .
GATEWAY_TEXT           .  x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
GATEWAY_HAND           x  x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
AUTOMATED              x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
CHALLENGE              .  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
AWAY                   .  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
RETURN                 .  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
LIMITED                .  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  .  .  x  x  x  x  x  x
URGENT                 .  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
GONE                   .  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
MOVED                  .  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
OUT_NOTE               .  x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
AWAY_OTHER             .  x  x  x  x  x  x  x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
COURTESY               .  x  x  x  x  x  x  x  x  x  x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
ENGAGED                .  x  x  x  x  x  x  x  x  x  x  .  .  .  .  .  .  .  .  .  .  .  .  x  .  .
NEGATION               .  x  x  x  .  x  x  x  x  x  x  .  .  .  .  .  .  .  .  .  .  .  .  x  .  .
STOCK_QUESTION         .  x  x  x  x  x  x  x  x  x  x  .  .  .  x  .  .  .  .  .  .  .  .  .  .  .
UNSUBSCRIBE            .  x  x  x  x  x  x  x  x  x  x  .  x  x  x  x  .  x  .  .  .  .  .  x  x  x
ONE_WORD               .  x  x  x  x  x  x  x  x  .  .  .  .  .  .  x  .  .  .  .  .  .  .  x  x  x
PLEASE                 .  x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
OFFER_BEFORE           .  x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
OFFER_AFTER            .  x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
ASKING_BEFORE          .  x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
"""
COVERAGE_BEYOND = """
                      lt lv et sk sl bg sr he ar id
BOUNCE_HEADER          .  .  .  .  .  .  .  .  .  .
AUTO_HEADER            .  .  .  .  .  .  .  .  .  .
AUTO_PRECEDENCE        .  .  .  .  .  .  .  .  .  .
SUBJECT_TAG            .  .  .  .  .  .  .  .  .  .
BOUNCE_SUBJECT         x  x  x  x  x  x  x  x  x  x
AUTO_SUBJECT           x  x  x  x  x  x  x  x  x  x
AUTO_SUBJECT_ANYWHERE  .  .  .  .  .  .  .  .  .  .
RECEIPT                .  .  .  .  .  .  .  .  .  .
RECEIPT_NOT_AUTO       .  .  .  .  .  .  .  .  .  .
BOUNCE_SENDER          .  .  .  .  .  .  .  .  .  .
MACHINE_SENDER         .  .  .  .  .  .  .  .  .  .
DSN_TEXT               x  x  x  x  x  x  x  x  x  x
GATEWAY_TEXT           .  .  .  .  .  .  .  .  .  .
GATEWAY_HAND           .  .  .  .  .  .  .  .  .  .
AUTOMATED              x  x  x  x  x  x  x  x  x  x
CHALLENGE              x  x  x  x  x  x  x  x  x  x
AWAY                   x  x  x  x  x  x  x  x  x  x
RETURN                 x  x  x  x  x  x  x  x  x  x
LIMITED                x  x  x  x  x  x  .  .  .  x
URGENT                 x  x  x  x  x  x  x  x  x  x
GONE                   x  x  x  x  x  x  x  x  x  x
MOVED                  x  x  x  x  x  x  x  x  x  x
OUT_NOTE               .  .  .  .  .  .  .  .  .  .
AWAY_OTHER             .  .  .  .  .  .  .  .  .  .
COURTESY               .  .  .  .  .  .  .  .  .  .
ENGAGED                .  .  .  .  .  .  .  .  .  .
NEGATION               .  .  .  .  .  .  .  .  .  .
STOCK_QUESTION         .  .  .  .  .  .  .  .  .  .
UNSUBSCRIBE            .  .  .  .  .  .  .  .  .  .
ONE_WORD               .  .  .  .  .  .  .  .  .  .
PLEASE                 .  .  .  .  .  .  .  .  .  .
OFFER_BEFORE           .  .  .  .  .  .  .  .  .  .
OFFER_AFTER            .  .  .  .  .  .  .  .  .  .
ASKING_BEFORE          .  .  .  .  .  .  .  .  .  .
"""

# The third round's languages. Allowances: Bosnian (bs) and Galician (gl) hold only their own
# forms; the delivery-failure wording, limited access and engagement they share are hr's
# (Croatian and Serbian Latin) and pt's / es' (see their modules' docstrings). RECEIPT,
# STOCK_QUESTION, OUT_NOTE, AWAY_OTHER and the unsubscribe frames are held by a few languages
# only, as above; NEGATION by Thai, whose "not" is written into the word it negates.
COVERAGE_ROUND3 = """
                      th is fa hi ms bn ur sw tl ka hy az kk uz ta te mr gu pa ne si km my
BOUNCE_HEADER          .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
AUTO_HEADER            .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
AUTO_PRECEDENCE        .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
SUBJECT_TAG            .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
BOUNCE_SUBJECT         x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
AUTO_SUBJECT           x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
AUTO_SUBJECT_ANYWHERE  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
RECEIPT                .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
RECEIPT_NOT_AUTO       .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
BOUNCE_SENDER          .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
MACHINE_SENDER         .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
DSN_TEXT               x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
GATEWAY_TEXT           .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
GATEWAY_HAND           .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
AUTOMATED              x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
CHALLENGE              x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
AWAY                   x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
RETURN                 x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
LIMITED                x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
URGENT                 x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
GONE                   x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
MOVED                  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
OUT_NOTE               .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
AWAY_OTHER             .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
COURTESY               x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
ENGAGED                x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
NEGATION               x  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
STOCK_QUESTION         .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
UNSUBSCRIBE            x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x  x
ONE_WORD               .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
PLEASE                 .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
OFFER_BEFORE           .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
OFFER_AFTER            .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
ASKING_BEFORE          .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
"""
COVERAGE_ROUND3_REST = """
                      am sq mk bs mt ga cy eu gl af
BOUNCE_HEADER          .  .  .  .  .  .  .  .  .  .
AUTO_HEADER            .  .  .  .  .  .  .  .  .  .
AUTO_PRECEDENCE        .  .  .  .  .  .  .  .  .  .
SUBJECT_TAG            .  .  .  .  .  .  .  .  .  .
BOUNCE_SUBJECT         x  x  x  .  x  x  x  x  .  x
AUTO_SUBJECT           x  x  x  x  x  x  x  x  x  x
AUTO_SUBJECT_ANYWHERE  .  .  .  .  .  .  .  .  .  .
RECEIPT                .  .  .  .  .  .  .  .  .  .
RECEIPT_NOT_AUTO       .  .  .  .  .  .  .  .  .  .
BOUNCE_SENDER          .  .  .  .  .  .  .  .  .  .
MACHINE_SENDER         .  .  .  .  .  .  .  .  .  .
DSN_TEXT               x  x  x  .  x  x  x  x  .  x
GATEWAY_TEXT           .  .  .  .  .  .  .  .  .  .
GATEWAY_HAND           .  .  .  .  .  .  .  .  .  .
AUTOMATED              x  x  x  x  x  x  x  x  x  x
CHALLENGE              x  x  x  x  x  x  x  x  x  x
AWAY                   x  x  x  x  x  x  x  x  x  x
RETURN                 x  x  x  x  x  x  x  x  x  x
LIMITED                x  x  x  .  x  x  x  x  x  x
URGENT                 x  x  x  x  x  x  x  x  x  x
GONE                   x  x  x  x  x  x  x  x  x  x
MOVED                  x  x  x  x  x  x  x  x  x  x
OUT_NOTE               .  .  .  .  .  .  .  .  .  .
AWAY_OTHER             .  .  .  .  .  .  .  .  .  .
COURTESY               x  x  x  x  x  x  x  x  x  x
ENGAGED                x  x  x  .  x  x  x  x  .  x
NEGATION               .  .  .  .  .  .  .  .  .  .
STOCK_QUESTION         .  .  .  .  .  .  .  .  .  .
UNSUBSCRIBE            x  x  x  x  x  x  x  x  x  x
ONE_WORD               .  .  .  .  .  .  .  .  .  .
PLEASE                 .  .  .  .  .  .  .  .  .  .
OFFER_BEFORE           .  .  .  .  .  .  .  .  .  .
OFFER_AFTER            .  .  .  .  .  .  .  .  .  .
ASKING_BEFORE          .  .  .  .  .  .  .  .  .  .
"""


def _code(language: object) -> str:
    name = str(getattr(language, "__name__", "")).rsplit(".", 1)[-1]
    return "--" if name == "common" else name.rstrip("_")  # Icelandic's module is is_


def coverage_table(languages: tuple[ModuleType, ...]) -> str:
    width = max(len(name) for name in LISTS) + 1
    header = " " * width + " ".join(f"{_code(language):>2}" for language in languages)
    rows = [
        f"{name:<{width}}" + " ".join(" x" if patterns(language, name) else " ." for language in languages)
        for name in LISTS
    ]
    return "\n" + "\n".join([header.rstrip(), *rows]) + "\n"


# The table in two halves, so each fits a line: common and the first 25 languages, then the
# languages added after them (Baltic, more Slavic, Hebrew, Arabic, Indonesian).
_FIRST = 26


# The third round's 33 languages (Asian, African, the rest of Europe's) in a table of their own.
_SECOND = 36
_THIRD = 36 + 23


def test_the_coverage_table_is_what_the_language_modules_define():
    assert coverage_table(LANGUAGES[:_FIRST]) == COVERAGE
    assert coverage_table(LANGUAGES[_FIRST:_SECOND]) == COVERAGE_BEYOND
    assert coverage_table(LANGUAGES[_SECOND:_THIRD]) == COVERAGE_ROUND3
    assert coverage_table(LANGUAGES[_THIRD:]) == COVERAGE_ROUND3_REST


def test_every_language_module_is_read_and_defines_only_lists_the_families_know():
    modules = {info.name.rstrip("_") for info in pkgutil.iter_modules(languages.__path__)}
    assert modules == {_code(language).replace("--", "common") for language in LANGUAGES}
    for language in LANGUAGES:
        defined = {name for name in vars(language) if name.isupper()}
        assert defined <= set(LISTS), f"{language.__name__} defines {sorted(defined - set(LISTS))}"
        for name in defined:
            listed = patterns(language, name)
            assert listed, f"{language.__name__}.{name} is empty"
            for pattern in listed:
                re.compile(pattern)  # each pattern stands on its own


# --- forms --------------------------------------------------------------------------------

_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*,?\d*\})\??")
_CAP = 4096  # more forms than this: the alternative stays one form, as written


def _atoms(alternative: str) -> list[tuple[str, str]]:
    """The alternative's atoms at its top level (a group, a class, an escape, a character),
    each with the quantifier that follows it."""
    atoms, at = [], 0
    while at < len(alternative):
        token = TOKEN.match(alternative, at)
        assert token is not None
        end = token.end()
        if token.group() == "(":
            depth = 0
            for piece in TOKEN.finditer(alternative, at):
                depth += (piece.group() == "(") - (piece.group() == ")")
                if depth == 0:
                    end = piece.end()
                    break
        quantifier = _QUANTIFIER.match(alternative, end)
        atoms.append((alternative[at:end], quantifier.group() if quantifier else ""))
        at = end + (len(quantifier.group()) if quantifier else 0)
    return atoms


def _group_body(atom: str) -> str | None:
    """A non-capturing group's alternation; None for anything else (lookarounds included)."""
    return atom[3:-1] if atom.startswith("(?:") else None


def forms(pattern: str) -> list[str]:
    """Every form of the pattern, alternative by alternative."""
    return [form for alternative in top_level(pattern) for form in _alternative_forms(alternative)]


def _alternative_forms(alternative: str) -> list[str]:
    results = [""]
    for atom, quantifier in _atoms(alternative):
        body = _group_body(atom)
        if quantifier not in ("", "?"):
            options = [atom + quantifier]
        else:
            options = forms(body) if body is not None else [atom]
            options = ["", *options] if quantifier == "?" else options
        results = [result + option for result in results for option in options]
        if len(results) > _CAP:
            return [alternative]
    return results


def repeats_inside(pattern: str) -> list[str]:
    """Forms that two alternatives of one group (or of the pattern itself) both stand for."""
    found: list[str] = []
    alternatives = top_level(pattern)
    owner: dict[str, int] = {}
    for index, alternative in enumerate(alternatives):
        for form in set(_alternative_forms(alternative)):
            if owner.setdefault(form, index) != index:
                found.append(form)
        for atom, _ in _atoms(alternative):
            body = _group_body(atom)
            if body is not None:
                found += repeats_inside(body)
    return found


def test_forms_expand_groups_and_optional_parts():
    assert forms("e-?mails?") == ["email", "emails", "e-mail", "e-mails"]
    assert forms("(?:i am|i'm) (?:out|away)|x[|(]y") == [
        "i am out",
        "i am away",
        "i'm out",
        "i'm away",
        "x[|(]y",
    ]
    assert forms(r"(?:\w+ ){0,3}work") == [r"(?:\w+ ){0,3}work"]
    assert repeats_inside("this (?:is an?|is a) auto") == ["is a"]
    assert repeats_inside("(?:a|b)c|(?:c|d)c") == []


# --- no pattern said twice ----------------------------------------------------------------

# The lists whose patterns end up in one alternation, beyond each list on its own.
_JOINED = {
    "AUTO_SUBJECT_START": ("AUTO_SUBJECT", "RECEIPT"),
    "RECEIPT_SUBJECT": ("RECEIPT", "RECEIPT_NOT_AUTO"),
}
_FAMILIES = [(name,) for name in LISTS] + list(_JOINED.values())


def _alternatives(*names: str) -> list[tuple[str, str]]:
    """(where, alternative) for every top-level alternative of the named lists, every language."""
    return [
        (f"{_code(language)}.{name}", alternative)
        for language in LANGUAGES
        for name in names
        for pattern in patterns(language, name)
        for alternative in top_level(pattern)
    ]


@pytest.mark.parametrize("names", _FAMILIES, ids=lambda names: "+".join(names))
def test_no_form_is_said_twice_in_a_family(names):
    """Across languages too: a word two languages share is listed in one of them."""
    said: dict[str, list[str]] = defaultdict(list)
    inside = []
    for where, alternative in _alternatives(*names):
        for form in set(_alternative_forms(alternative)):
            said[form].append(f"{where}: {alternative}")
        inside += [f"{where}: {form}" for form in repeats_inside(alternative)]
    assert {form: places for form, places in said.items() if len(places) > 1} == {}
    assert inside == []


# Forms two families both hold, on purpose: a subject and a text say the same words (an
# auto-reply's subject and its body, a bounce's subject and its notice), and a sender's
# address and a notice share their machine names. A new overlap fails here until listed.
OVERLAPS: dict[tuple[str, ...], list[str]] = {
    # a delivery-failure notice's subject and its text
    ("BOUNCE_SUBJECT", "DSN_TEXT"): [
        "address not found",
        "afhending mistókst",
        "alamat tidak ditemui",
        "delivery has failed",
        "delivery status notification",
        "e-mail can't be delivered",
        "e-mail cannot be delivered",
        "e-mail could not be delivered",
        "e-mail couldn't be delivered",
        "ei voitu toimittaa",
        "email can't be delivered",
        "email cannot be delivered",
        "email could not be delivered",
        "email couldn't be delivered",
        "error de entrega",
        "falha na entrega",
        "ikke leveret",
        "impossibile recapitare",
        "kan ikke leveres",
        "kan niet worden bezorgd",
        "kunde inte levereras",
        "kunne ikke leveres",
        "kézbesíthetetlen",
        "mail can't be delivered",
        "mail cannot be delivered",
        "mail could not be delivered",
        "mail couldn't be delivered",
        "mail delivery failed",
        "mail delivery failure",
        "mail loop",
        "message blocked",
        "message could not be delivered",
        "nedoručiteln",
        "niedostarczon",
        "niet bezorgd",
        "no se puede entregar",
        "non recapitabile",
        "non remis",
        "nu a putut fi livrat",
        "nuk mund të dorëzohej",
        "não foi possível entregar",
        "olevererbar",
        "onbestelbaar",
        "returned to sender",
        "sporočila ni bilo mogoče dostaviti",
        "teslim edilemedi",
        "unzustellbar",
        "your message to \\S{1,80} can't be delivered",
        "your message to \\S{1,80} cannot be delivered",
        "your message to \\S{1,80} could not be delivered",
        "your message to \\S{1,80} couldn't be delivered",
        "your message to \\S{1,80} was not be delivered",
        "your message to \\S{1,80} wasn't be delivered",
        "zustellung fehlgeschlagen",
        "échec de distribution",
        "échec de la distribution",
        "échec de la livraison",
        "échec de la remise",
        "échec de livraison",
        "échec de remise",
        "не доставлено",
        "не удалось доставить",
        "недоставлен",
        "неможливо доставити",
        "آدرس پیدا نشد",
        "पता नहीं मिला",
        "वितरित नहीं किया जा सका",
        "वितरित होऊ शकले नाही",
        "ঠিকানা পাওয়া যায়নি",
        "বিতরণ করা যায়নি",
        "მიწოდება ვერ მოხერხდა",
        "投递失败",
        "无法传递",
        "无法送达",
        "無法傳遞",
        "配信不能",
    ],
    # an auto-reply's subject (at its start, anywhere) and its text
    ("AUTOMATED", "AUTO_SUBJECT", "AUTO_SUBJECT_ANYWHERE"): [
        "automatisch antwoord",
        "automatische antwort",
        "automatiskt svar",
        "autosvar",
        "resposta automática",
        "respuesta automática",
        "risposta automatica",
        "réponse automatique",
        "автоматический ответ",
        "автоответ",
        "自动回复",
        "自動回覆",
        "自動応答",
        "自動返信",
    ],
    # an auto-reply's subject and its text
    ("AUTOMATED", "AUTO_SUBJECT"): [
        "automaatne vastus",
        "automaattinen vastaus",
        "automated[- ]reply",
        "automated[- ]response",
        "automatic[- ]reply",
        "automatic[- ]response",
        "automatická odpoveď",
        "automatická odpověď",
        "automatikus válasz",
        "automatinis atsakymas",
        "automatisk svar",
        "automatski odgovor",
        "automatyczna odpowiedź",
        "automātiska atbilde",
        "automātiskā atbilde",
        "balasan otomatis",
        "mensagem automática",
        "mensaje automático",
        "message automatique",
        "messaggio automatico",
        "otomatik cevap",
        "otomatik yanıt",
        "răspuns automat",
        "samodejni odgovor",
        "samodejno sporočilo",
        "thư trả lời tự động",
        "автоматичен отговор",
        "автоматична відповідь",
        "аутоматски одговор",
        "תשובה אוטומטית",
        "자동 응답",
        "자동 회신",
    ],
    # a request of one word, and the same word in a longer request
    ("ONE_WORD", "UNSUBSCRIBE"): [
        "odhlásit",
        "wypisz",
        "退订",
        "配信停止",
        "수신거부",
    ],
    # a machine's address, in a gateway's notice and as the sender
    ("GATEWAY_HAND", "MACHINE_SENDER"): [
        "no-reply",
        "noreply",
        "notification@",
        "notifications@",
    ],
    # an auto-reply's subject, at its start and anywhere in it
    ("AUTO_SUBJECT", "AUTO_SUBJECT_ANYWHERE"): [
        "odpowiedź automatyczna",
        "out of office",
        "out of the office",
    ],
    # a mail system's name, as the sender and in its notice
    ("BOUNCE_SENDER", "DSN_TEXT"): [
        "mail delivery subsystem",
        "mail delivery system",
    ],
    # a responder's name: header, sender, subject, text
    ("AUTOMATED", "AUTO_PRECEDENCE", "AUTO_SUBJECT_ANYWHERE", "MACHINE_SENDER"): [
        "auto-reply",
    ],
    # a responder's name: sender, subject, text
    ("AUTOMATED", "AUTO_SUBJECT", "AUTO_SUBJECT_ANYWHERE", "MACHINE_SENDER"): [
        "autoreply",
    ],
    # an auto-reply's subject and its text
    ("AUTOMATED", "AUTO_SUBJECT_ANYWHERE"): [
        "abwesenheitsnotiz",
    ],
    # a responder's name: sender and subject
    ("AUTO_SUBJECT", "AUTO_SUBJECT_ANYWHERE", "MACHINE_SENDER"): [
        "autoresponse",
    ],
    # a responder's name: sender and subject
    ("AUTO_SUBJECT_ANYWHERE", "MACHINE_SENDER"): [
        "auto-response",
    ],
    # DSN_TEXT decides alone; GATEWAY_TEXT's wider pattern ("your e-mail was blocked") needs a hand
    ("DSN_TEXT", "GATEWAY_TEXT"): [
        "your message has been blocked",
    ],
    # a challenge-response filter's subject and its text
    ("AUTO_SUBJECT", "CHALLENGE"): [
        "sender verification",
    ],
    # a responder"s courtesy, as a ticket desk"s subject too
    ("AUTO_SUBJECT", "COURTESY"): [
        "thank you for your e-mail",
        "thank you for your email",
        "thank you for your enquiry",
        "thank you for your inquiry",
        "thank you for your message",
    ],
    # an absence that an out-of-office subject says as its text does
    ("AUTO_SUBJECT", "AWAY"): [
        "barra mill-uffiċċju",
        "di luar pejabat",
        "அலுவலகத்தில் இல்லை",
        "కార్యాలయంలో లేను",
        "ลาพักร้อน",
        "ไม่อยู่ที่สำนักงาน",
        "ไม่อยู่ที่ออฟฟิศ",
    ],
    # a desk"s acknowledgement, which decides alone, and the courtesy that is part of it
    ("AUTOMATED", "COURTESY"): [
        "thank you for contacting us",
        "we will reply to your e-mail promptly",
        "we will reply to your e-mail shortly",
        "we will reply to your email promptly",
        "we will reply to your email shortly",
        "we will reply to your enquiry promptly",
        "we will reply to your enquiry shortly",
        "we will reply to your inquiry promptly",
        "we will reply to your inquiry shortly",
        "we will reply to your message promptly",
        "we will reply to your message shortly",
        "we will respond to your e-mail promptly",
        "we will respond to your e-mail shortly",
        "we will respond to your email promptly",
        "we will respond to your email shortly",
        "we will respond to your enquiry promptly",
        "we will respond to your enquiry shortly",
        "we will respond to your inquiry promptly",
        "we will respond to your inquiry shortly",
        "we will respond to your message promptly",
        "we will respond to your message shortly",
    ],
}


def test_the_overlaps_between_families_are_the_listed_ones():
    holders: dict[str, set[str]] = defaultdict(set)
    for name in LISTS:
        for _, alternative in _alternatives(name):
            for form in _alternative_forms(alternative):
                holders[form].add(name)
    found: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for form, names in holders.items():
        if len(names) > 1:
            found[tuple(sorted(names))].append(form)
    assert {key: sorted(value) for key, value in found.items()} == OVERLAPS


def test_every_list_feeds_a_family():
    source = Path(_families.__file__).read_text(encoding="utf-8")
    sources = re.findall(r"(?:listed|either)\(([^)]*)\)", source)
    used = {name.strip(" '\"") for call in sources for name in call.split(",")}
    assert set(LISTS) <= used


# --- scripts without spaces -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "text"),
    [
        ("ลาพักร้อน", "ผมลาพักร้อนจนถึงวันที่ 20"),  # Thai: inside a run of letters
        ("ឈប់សម្រាកប្រចាំឆ្នាំ", "ខ្ញុំឈប់សម្រាកប្រចាំឆ្នាំ"),  # Khmer
        ("ရုံးတွင်မရှိပါ", "ကျွန်တော်ရုံးတွင်မရှိပါ"),  # Burmese
        ("不在", "只今不在にしております"),
    ],
)
def test_a_part_of_a_script_without_spaces_matches_inside_a_run(part, text):
    from tap_smartlead_inbox.mailtext.reply_kind._layout import family

    assert family(part, "out of office").search(text) is not None
    # a part of a spaced script still starts at a word boundary
    assert family(part, "office").search("backoffice") is None
