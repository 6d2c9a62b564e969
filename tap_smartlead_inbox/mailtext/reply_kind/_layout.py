"""How one family's patterns become one regex: an alternation laid out for sre's speed.

This module owns the layout only; which patterns make a family is _families', and what they
say is the language modules'. The layout never changes what a family matches (the tests hold
it to the plain alternation): it decides how many compares a position costs.

Every family is one alternation compiled once at import and matched against text that was
lower-cased and whitespace-flattened once, so a reply costs a few regex scans of its first
couple of thousand characters.
"""

from __future__ import annotations

import re


def family(*parts: str) -> re.Pattern[str]:
    """One alternation of the parts, laid out for sre, which tries alternatives one by one.

    A part that starts with a letter starts at a word boundary, so positions inside words
    fail at once; CJK runs have no boundaries inside them, nor have Thai, Lao, Khmer and
    Burmese, which write no space between words (UNSPACED), and a part led by an escape or a
    symbol places itself, so those are left unanchored. Anchored alternatives are grouped
    under their first letter ("a(?:way|ccès)|o(?:ut of|oo)"): sre skips a branch led by a
    literal on one compare, so each word is tried against one group, not every alternative.
    Parts that can only start with a character of such a script share one branch behind a
    lookahead, so a Latin position costs them one compare, not one per part. A part of one alternative that
    starts with its own word boundary ("\\b\\d+\\.") joins the anchored ones, without it.
    """
    words = [_unbounded(part) for part in parts if word_led(part) or _unbounded(part) != part]
    rest = [part for part in parts if not (word_led(part) or _unbounded(part) != part)]
    cjk = [part for part in rest if cjk_led(part)]
    others = [f"(?:{part})" for part in rest if not cjk_led(part)]
    branches = [rf"\b(?:{_by_first_letter(words)})"] if words else []
    branches += [f"(?=[{UNSPACED}])(?:{'|'.join(cjk)})"] if cjk else []
    return re.compile("|".join(branches + others))


def _unbounded(part: str) -> str:
    """The part without the word boundary it starts with, when it is one alternative."""
    return part[2:] if part.startswith("\\b") and len(top_level(part)) == 1 else part


# Scripts written without spaces between words: Thai and Lao, Burmese, Khmer, and everything
# from U+3000 up (CJK, kana, Hangul; Korean has spaces, but its words take particles).
UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3000-\U0010ffff"
_UNSPACED = re.compile(f"[{UNSPACED}]")


def cjk_led(part: str) -> bool:
    """Whether every way the part can match starts with a character of an UNSPACED script."""
    leads = [alt[:1] for top in top_level(part) for alt in expanded(top)]
    return all(lead and _UNSPACED.match(lead) for lead in leads)


def word_led(part: str) -> bool:
    """Whether the part starts with a letter or digit of a script that spaces its words
    (behind a group's opening)."""
    lead = part.removeprefix("(?:")[:1]
    return lead.isalnum() and not _UNSPACED.match(lead)


def _by_first_letter(parts: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    led_otherwise: list[str] = []
    for alternative in (alt for part in parts for top in top_level(part) for alt in expanded(top)):
        head, tail = alternative[:1], alternative[1:]
        if head.isalnum() and not tail.startswith(("*", "+", "?", "{")):
            groups.setdefault(head, []).append(tail)
        else:
            led_otherwise.append(alternative)
    latin = [f"{head}(?:{'|'.join(tails)})" for head, tails in groups.items() if ord(head) < _LATIN_END]
    others = [f"{head}(?:{'|'.join(tails)})" for head, tails in groups.items() if ord(head) >= _LATIN_END]
    # The heads of other scripts (Cyrillic, Greek, Arabic, Devanagari, ...) sit behind one
    # lookahead: a Latin word costs one compare for all of them, not one per head.
    if len(others) > 1:
        others = [f"(?=[^\\x00-\\u{_LATIN_END - 1:04x}])(?:{'|'.join(others)})"]
    return "|".join(latin + others + led_otherwise)


# Latin letters, extended ones included, end here.
_LATIN_END = 0x250


def top_level(pattern: str) -> list[str]:
    """The pattern's alternatives: split at each "|" outside groups and character classes."""
    alternatives, depth, start = [], 0, 0
    for match in TOKEN.finditer(pattern):
        piece = match.group()
        depth += (piece == "(") - (piece == ")")
        if piece == "|" and depth == 0:
            alternatives.append(pattern[start : match.start()])
            start = match.end()
    return [*alternatives, pattern[start:]]


def expanded(alternative: str) -> list[str]:
    """An alternative led by a group, "(?:x|y)?rest", as the ones led by letters it stands for:
    "xrest", "yrest", "rest". Any other alternative stays as it is."""
    if not alternative.startswith("(?:"):
        return [alternative]
    depth = 0
    for match in TOKEN.finditer(alternative):
        depth += (match.group() == "(") - (match.group() == ")")
        if depth == 0:
            inner, rest = alternative[3 : match.start()], alternative[match.end() :]
            break
    else:
        return [alternative]
    optional = rest.startswith("?") and not rest.startswith("??")
    if rest.startswith(("*", "+", "{", "??")) or (rest.startswith("?") and not optional):
        return [alternative]
    rest = rest[1:] if optional else rest
    heads = top_level(inner) + ([""] if optional else [])
    return [each for head in heads for each in expanded(head + rest)]


# An escape, a character class (which may hold "|" or parentheses), or one character.
TOKEN = re.compile(r"\\.|\[\]?(?:\\.|[^\]\\])*\]|.", re.DOTALL)
