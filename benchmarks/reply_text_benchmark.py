"""Exact-match score and speed of reply-text extractors on tests/corpora/reply_corpus.json.

Run from the repo root: .venv/bin/python benchmarks/reply_text_benchmark.py
(or .venv/bin/python -m benchmarks.reply_text_benchmark)

Each candidate library is scored as it comes (HTML bodies go through the project's
html_to_text first where the library reads text only), then tap_smartlead_inbox.mailtext.reply_text.
A candidate that is not installed in the running environment is skipped with a note
(quotequail and mail-parser-reply are in the dev extras, for this comparison). Scores use
reply_text.normalize_lines, as the tests do.

Then reply_text itself is scored on the three labelled sets, tests/corpora/reply_corpus.json,
tests/corpora/reply_corpus_multilingual.json (22 languages) and tests/corpora/reply_text_fresh.json (24
languages, written after the code and scored before any change made for it), each entry with
its client "format" and its "shape": top-posted, bottom-posted, inline, forward, auto-reply,
no-quote. A reply is exact when its lines match the label's, blank lines aside (where a
client's paragraphs leave one is layout, not text): exact matches
per language, per client and per shape; how many outputs still hold quoted text; and the time
per body of reply_text and of html_to_text. "Quoted text left in" is approximate: an output
line that is not in the label and either looks like an attribution or header line ("... wrote:",
"From: ...", "-----Original Message-----", a ">" line) or is a line of the body's quoted part
(the body's lines from its first such line on, less the label's lines).
"""

from __future__ import annotations

import contextlib
import importlib
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the repo root is not on the path
    sys.path.insert(0, str(ROOT))

from tap_smartlead_inbox.mailtext import reply_text as reply_module  # noqa: E402
from tap_smartlead_inbox.mailtext.body_text import html_to_text, looks_like_html  # noqa: E402
from tap_smartlead_inbox.mailtext.reply_text import normalize_lines  # noqa: E402

CORPUS = ROOT / "tests" / "corpora" / "reply_corpus.json"
MULTILINGUAL = ROOT / "tests" / "corpora" / "reply_corpus_multilingual.json"
FRESH = ROOT / "tests" / "corpora" / "reply_text_fresh.json"
FRESH2 = ROOT / "tests" / "corpora" / "reply_text_fresh2.json"
Extractor = Callable[[str], str]
REPEATS = 5


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except Exception:  # an uninstalled or broken candidate is skipped, never fatal
        return None


def _quotequail(qq: ModuleType) -> Extractor:
    def run(body: str) -> str:
        if looks_like_html(body):
            parts = qq.unwrap_html(body)
            return html_to_text(parts.get("html_top", "") if parts else body)
        parts = qq.unwrap(body)
        return str(parts.get("text_top", "")) if parts else body

    return run


def _mail_parser_reply(mod: ModuleType, part: str) -> Extractor:
    constants = importlib.import_module("mailparser_reply.constants")
    parser = mod.EmailReplyParser(languages=sorted(constants.MAIL_LANGUAGES))

    def run(body: str) -> str:
        replies = parser.read(html_to_text(body)).replies
        return str(getattr(replies[0], part)) if replies else ""

    return run


def _email_reply_parser(mod: ModuleType) -> Extractor:
    return lambda body: str(mod.EmailReplyParser.parse_reply(html_to_text(body)))


def _talon(mod: ModuleType) -> Extractor:
    quotations = importlib.import_module("talon.quotations")

    def run(body: str) -> str:
        if looks_like_html(body):
            return html_to_text(quotations.extract_from_html(body))
        return str(quotations.extract_from_plain(body))

    return run


def _unquotemail(mod: ModuleType) -> Extractor:
    def run(body: str) -> str:
        if looks_like_html(body):
            return html_to_text(mod.Unquote(body, None).get_html() or "")
        return str(mod.Unquote(None, body).get_text() or "")

    return run


def _email_reply_extractor(mod: ModuleType) -> Extractor:
    def run(body: str) -> str:
        if looks_like_html(body):
            return str(mod.extract_new_text("", html_body=body).text)
        return str(mod.extract_new_text(body).text)

    return run


def _pipeline(mod: ModuleType) -> dict[str, Extractor]:
    return {"reply_text (compiled header and tagline families, one parse)": mod.reply_text}


# (label, module to import, how to build the extractor from it)
CANDIDATES: list[tuple[str, str, Callable[[ModuleType], Extractor | dict[str, Extractor]]]] = [
    ("quotequail (unwrap / unwrap_html, text above the quote)", "quotequail", _quotequail),
    (
        "mail-parser-reply (latest reply, full_body)",
        "mailparser_reply",
        lambda m: _mail_parser_reply(m, "full_body"),
    ),
    (
        "mail-parser-reply (latest reply, body: signature stripped)",
        "mailparser_reply",
        lambda m: _mail_parser_reply(m, "body"),
    ),
    ("email-reply-parser (zapier)", "email_reply_parser", _email_reply_parser),
    ("talon (mailgun, quotations only)", "talon", _talon),
    ("unquotemail", "unquotemail", _unquotemail),
    ("email-reply-extractor (stage 1)", "email_reply_extractor", _email_reply_extractor),
    (
        "email-reply-extractor (stage 1 on the project's html_to_text)",
        "email_reply_extractor",
        lambda m: lambda body: str(m.extract_new_text(html_to_text(body)).text),
    ),
    ("reply_text", reply_module.__name__, _pipeline),
]


def score(extract: Extractor, cases: list[dict[str, Any]]) -> dict[str, Any]:
    hits: dict[str, list[int]] = {}
    misses: list[str] = []
    for case in cases:
        try:
            got = extract(case["body"])
        except Exception as exc:  # a crash counts as a miss, and is shown
            got = f"<raised {type(exc).__name__}>"
        ok = normalize_lines(got) == normalize_lines(case["expected"])
        tally = hits.setdefault(case["format"], [0, 0])
        tally[0] += ok
        tally[1] += 1
        if not ok:
            misses.append(case["id"])
    started = time.perf_counter()
    for _ in range(REPEATS):
        for case in cases:
            with contextlib.suppress(Exception):  # timed like the rest; the miss was counted above
                extract(case["body"])
    ms = (time.perf_counter() - started) * 1000 / (REPEATS * len(cases))
    return {"hits": hits, "misses": misses, "ms": ms}


def report(label: str, result: dict[str, Any], total: int) -> None:
    exact = sum(hit for hit, _ in result["hits"].values())
    per_format = "  ".join(f"{fmt} {hit}/{n}" for fmt, (hit, n) in sorted(result["hits"].items()))
    print(f"{label}\n  exact {exact}/{total} ({100 * exact / total:.0f}%)  {result['ms']:.2f} ms/body")
    print(f"  {per_format}")
    if result["misses"]:
        print(f"  misses: {', '.join(result['misses'])}")


# An attribution line: ends with ":" and names an address or a time ("On ... 9:12 AM, Sam <s@x.io> wrote:").
_ATTRIBUTION = re.compile(r"(?:@|\d{1,2}[:.]\d{2}).*[:\N{FULLWIDTH COLON}]$")
# A separator that names the message below it: "-----Original Message-----", "---------- Forwarded message".
_SEPARATOR = re.compile(r"^-{3,}\s*\S.*-{3,}$")
# The first label of a header block, in the corpora's languages.
_HEADER = re.compile(
    r"^\*?(?:from|sent|date|von|gesendet|de|envoyé|enviado|da|inviato|van|verzonden|från|skickat|fra|sendt"
    r"|lähettäjä|od|wysłano|от|від|feladó|kimden|差出人|发件人|보낸 사람|từ)\s?[:\N{FULLWIDTH COLON}]",
    re.IGNORECASE,
)


def _marker(line: str) -> bool:
    return line.startswith(">") or bool(
        _ATTRIBUTION.search(line) or _SEPARATOR.match(line) or _HEADER.match(line)
    )


def _body_lines(body: str) -> list[str]:
    # Both readings: a plain body with "<a@x.io>" in it looks like HTML to html_to_text.
    rendered = normalize_lines(html_to_text(body)).splitlines() if looks_like_html(body) else []
    return rendered + normalize_lines(body).splitlines()


def leaves_quote(output: str, case: dict[str, Any]) -> bool:
    """Whether the output still holds a line of the body's quote (approximate, see the docstring)."""
    own = set(normalize_lines(case["expected"]).splitlines())
    lines = _body_lines(case["body"])
    start = next((i for i, line in enumerate(lines) if line not in own and _marker(line)), len(lines))
    quoted = {line.lstrip("> ").strip() for line in lines[start:] if line not in own}
    quoted = {line for line in quoted if line and line not in own}
    long_quoted = [line for line in quoted if len(line) >= 20]
    for line in normalize_lines(output).splitlines():
        if not line or line in own:
            continue
        if _marker(line) or line.lstrip("> ").strip() in quoted or any(q in line for q in long_quoted):
            return True
    return False


def _ms_per_body(function: Callable[[str], Any], bodies: list[str]) -> float:
    started = time.perf_counter()
    for _ in range(REPEATS):
        for body in bodies:
            function(body)
    return (time.perf_counter() - started) * 1000 / (REPEATS * len(bodies))


def _tally_line(title: str, tally: dict[str, list[int]]) -> str:
    cells = "  ".join(f"{key} {hit}/{n}" for key, (hit, n) in sorted(tally.items()))
    return f"  {title}: {cells}"


def same_text(got: str, expected: str) -> bool:
    """The same lines, each stripped, blank lines aside."""
    return _text_lines(got) == _text_lines(expected)


def _text_lines(text: str) -> list[str]:
    return [line for line in normalize_lines(text).splitlines() if line]


def report_reply_text(path: Path) -> None:
    """reply_text on one labelled set: exact per language, client and shape; quote left in; speed."""
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    groups: dict[str, dict[str, list[int]]] = {"language": {}, "client (format)": {}, "shape": {}}
    fields = {"language": "language", "client (format)": "format", "shape": "shape"}
    misses: list[str] = []
    quote_left: list[str] = []
    for case in cases:
        got = reply_module.reply_text(case["body"])
        ok = same_text(got, case["expected"])
        for title, field in fields.items():
            if field in case:
                tally = groups[title].setdefault(case[field], [0, 0])
                tally[0] += ok
                tally[1] += 1
        if not ok:
            misses.append(case["id"])
            if leaves_quote(got, case):
                quote_left.append(case["id"])
    exact = len(cases) - len(misses)
    bodies = [case["body"] for case in cases]
    print(f"reply_text on {path.relative_to(ROOT)} ({len(cases)} replies)")
    print(f"  exact {exact}/{len(cases)} ({100 * exact / len(cases):.0f}%)")
    for title, counts in groups.items():
        if counts:
            print(_tally_line(f"per {title}", counts))
    print(f"  quoted text left in: {len(quote_left)}/{len(cases)}")
    if quote_left:
        print(f"    {', '.join(quote_left)}")
    print(
        f"  ms/body: reply_text {_ms_per_body(reply_module.reply_text, bodies):.2f}"
        f"  html_to_text {_ms_per_body(html_to_text, bodies):.2f}"
    )
    if misses:
        print(f"  misses: {', '.join(misses)}")
    print()


def main() -> None:
    cases: list[dict[str, Any]] = json.loads(CORPUS.read_text(encoding="utf-8"))
    print(f"{len(cases)} labelled replies from {CORPUS.relative_to(ROOT)}\n")
    for label, name, build in CANDIDATES:
        module = _module(name)
        if module is None:
            print(f"{label}\n  skipped: {name} is not installed here\n")
            continue
        built = build(module)
        extractors = built if isinstance(built, dict) else {label: built}
        for sub_label, extract in extractors.items():
            report(sub_label, score(extract, cases), len(cases))
            print()
    for path in (CORPUS, MULTILINGUAL, FRESH, FRESH2):
        if path.exists():
            report_reply_text(path)


if __name__ == "__main__":
    main()
