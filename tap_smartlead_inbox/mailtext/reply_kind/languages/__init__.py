"""What replies, notices and subjects say, one module per language; the patterns only.

Each module defines some of the lists that _families.LISTS names (BOUNCE_SUBJECT, AWAY,
UNSUBSCRIBE, ...), every one a list of regex patterns written for text that is lower-cased,
its typographic apostrophes made "'", and every whitespace run one space. A list a module
does not define is empty for that language. `common` holds what belongs to no language:
header names, SMTP and delivery-status codes, mail-system addresses, product names.

A pattern is listed once in its family, in one language: a word two languages share (Danish
and Norwegian "kan ikke leveres", Spanish and Portuguese "ausente") sits in one module, with a
note in the other. tests/unit/mailtext/test_reply_kind_families.py holds the coverage table (which language
has which list) and checks that no pattern repeats within a family.

LANGUAGES is the order in which _families joins the lists. For most families order cannot
change a result (they are only searched); ENGAGED and UNSUBSCRIBE are scanned match by match,
so their order is kept as it was: English first, the rest as listed here.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    ar,
    bg,
    ca,
    common,
    cs,
    da,
    de,
    el,
    en,
    es,
    et,
    fi,
    fr,
    he,
    hr,
    hu,
    id,
    it,
    ja,
    ko,
    lt,
    lv,
    nl,
    no,
    pl,
    pt,
    ro,
    ru,
    sk,
    sl,
    sr,
    sv,
    tr,
    uk,
    vi,
    zh,
)

LANGUAGES: tuple[ModuleType, ...] = (
    common,
    en, de, fr, es, it, nl, pt, pl, sv, ru, uk, da, no, fi, cs, hu, tr, ro, el, hr, ca, vi,
    ja, zh, ko, lt, lv, et, sk, sl, bg, sr, he, ar, id,
)
