"""Where quoted history starts in the text of a reply: families of compiled patterns.

Each family is one pattern built from word lists, compiled once at import:

- attribution lines ("On <date>, <name> <addr> wrote:") in 20-odd languages, recognised
  by a "wrote" verb of any language plus header evidence (a dated year or an address) and
  a closing colon, or by a date, a time and an address before a closing colon (Yandex,
  mail.ru, Gmail's "2017-11-24 16:32 GMT+01:00 Name <addr>:", Japanese clients);
- header blocks (Outlook's "From: / Sent: / To: / Subject:" and their translations): a
  sender key and another header key within a few lines;
- separators ("-----Original Message-----", "-------- Message d'origine --------", a row
  of underscores or dashes before a header block) and forward intros ("Begin forwarded
  message:");
- mobile and desktop taglines: a sent-from verb of any language with a device or app word
  ("Sent from my iPhone", "Von meinem iPad gesendet", "Get Outlook for iOS").

Precision over recall: a line only counts when it looks like a header, so the lead's own
sentences ("As Sam wrote:", "On Monday our CEO wrote:") are never cut.
"""

# The patterns hold words of many scripts, full-width colons and typographic quotes on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import re

# Attribution lines and header lines are short; longer lines are never matched (and no
# pattern runs over a long line, so none can backtrack over one).
MAX_HEADER_LINE = 300

_WROTE = (
    r"wrote|writes|a [ée]crit|schrieb|geschrieben|escribi[óo]|escreveu|ha scritto|schreef|geschreven"
    r"|skrev|kirjoitti|va escriure|ha escrit|[íi]rta|đã viết|napisa[łl](?:a|\(a\))?|pisze|napsal(?:a|\(a\))?"
    r"|yazd[ıi]|şunu yazd[ıi]|şunları yazd[ıi]|написал(?:а|\(а\))?|пишет|пише|написав(?:\(-?ла\))?|написала"
    r"|escribe|scrive|a scris|scrie|έγραψε|έγραψα|γράφει|kirjutas|rašė|rakstīja|napísal(?:a|\(a\))?"
    r"|napisao|napisala|je napisal(?:a|\(a\))?|написа|skrifaði|menulis|skriver|schreibt|écrit|כתב(?:ה)?"
    r"|كتب|ने लिखा|เขียน|zitat von|quoting|citando|cytat"
)
# Verbs of scripts without spaces between words: no boundary before them ("さんは書きました:").
_WROTE_UNSPACED = r"写道|寫道|작성|쓴 글|のメール|書きました|書いています|が書きました"
_WROTE_RE = re.compile(rf"(?:(?:^|[\s,>)]|\d)(?:{_WROTE})|{_WROTE_UNSPACED})(?:$|[\s:：(])", re.IGNORECASE)
# A year, or a numeric date (4.3.2024, 04/03/24, 2024-03-04, 2024. 3. 4.).
_DATE_RE = re.compile(r"\b(?:19|20)\d{2}|\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{4}年")
_TIME_RE = re.compile(r"\d{1,2}[:.]\d{2}")
COLONS = (":", "：")


def _ends_with_colon(line: str) -> bool:
    return line.endswith(COLONS)


# Zoho and some webmails set an attribution between rows of dashes instead of closing it
# with a colon: "---- On Tue, 05 Mar 2024 … Sam <sam@x.io> wrote ----".
_DASH_WRAPPED = re.compile(r"^[-=]{2,}\s*(.+?)\s*[-=]{2,}$")


def is_attribution(line: str, before_quote: bool = False) -> bool:
    """An "On <date>, <name> wrote:" line in any of the families' languages.

    before_quote: the next non-blank line is a "> " quote, itself evidence of a header.
    """
    if len(line) > MAX_HEADER_LINE:
        return False
    wrapped = _DASH_WRAPPED.match(line)
    if wrapped is not None:
        line = wrapped.group(1).rstrip(":：") + ":"
    elif not _ends_with_colon(line):
        return False
    has_verb = _WROTE_RE.search(line) is not None
    has_address = "@" in line
    has_date = _DATE_RE.search(line) is not None
    if has_verb and (has_address or has_date or before_quote):
        return True
    # No verb: "04.03.2024, 09:12, "Sam" <sam@x.io>:" - a date, a time and an address.
    return has_address and has_date and _TIME_RE.search(line) is not None


# A sentence of the lead's ends where an attribution may start on the same line.
_SENTENCE_END = re.compile(r"[.!?]\s+(?=\S)")


def attribution_start(line: str) -> int | None:
    """Where an attribution with a "wrote" verb starts inside a line, after a sentence of the
    lead's ("Hello. On 01/12/13, Tristan <t@x.io> wrote: > ..."), as clients that join a
    reply's lines write it; None when the line holds none."""
    if len(line) > 4 * MAX_HEADER_LINE or not has_colon(line):
        return None
    if ("@" not in line and _DATE_RE.search(line) is None) or _WROTE_RE.search(line) is None:
        return None  # an attribution holds an address or a date beside its verb
    for boundary in _SENTENCE_END.finditer(line):
        start = boundary.end()
        verb = _WROTE_RE.search(line, start)
        if verb is None:
            return None
        colons = [at for at in (line.find(":", verb.start()), line.find("：", verb.start())) if at >= 0]
        if not colons:
            return None
        colon = min(colons)
        candidate = line[start : colon + 1]
        if _WROTE_RE.search(candidate) and is_attribution(candidate):
            return start
    return None


# Gmail's older attribution has no verb and no colon: "2013/12/15 Bob <bob@example.com>".
_BARE_ATTRIBUTION = re.compile(r"^\S.{0,150}<[^<>\s]+@[^<>\s]+>$")


def is_bare_attribution(line: str) -> bool:
    """A date and a name with its address in brackets closing the line, which a quote
    follows (the caller checks that): no sentence of the lead's ends so."""
    return _BARE_ATTRIBUTION.match(line) is not None and _DATE_RE.search(line) is not None


# Header keys of Outlook-style blocks. Sender keys start a block.
_FROM_KEYS = (
    r"from|van|von|de|da|fr[åa]n|fra|od|от|від|felad[óo]|l[äa]hett[äa]j[äa]|kimden|gönderen|từ|发件人|寄件者"
    r"|보낸 사람|差出人|nadawca|odes[íi]latel|afsender|avs[äa]ndare|remitente|remetente|exp[ée]diteur"
    r"|mittente|absender"
)
_OTHER_KEYS = (
    r"sent|date|to|subject|cc|gesendet|datum|an|betreff|envoy[ée]|[àa]|objet|enviado(?: el| em)?|fecha|para"
    r"|asunto|inviato|data|oggetto|verzonden|aan|onderwerp|skickat|till|[äa]mne|sendt|til|emne|dato"
    r"|wys[łl]ano|do|temat|отправлено|дата|кому|тема|надіслано|elk[üu]ldve|k[üu]ldve|c[íi]mzett|t[áa]rgy"
    r"|d[áa]tum|l[äa]hetetty|vastaanottaja|aihe|p[äa]iv[äa]m[äa][äa]r[äa]|g[öo]nderildi|kime|konu|tarih"
    r"|đã gửi|đến|chủ đề|ngày|发送时间|收件人|主题|日期|傳送時間|收件者|主旨|보낸 날짜|받는 사람|제목"
    r"|送信日時|宛先|件名|odesl[áa]no|komu|p[řr]edm[ěe]t|enviat(?: el)?|per a|assumpte|assunto|kopia|копия"
)
_KEY_RE = re.compile(rf"^[*>\s]*(?:({_FROM_KEYS})|(?:{_OTHER_KEYS}))\s*\*?\s*[:：]", re.IGNORECASE)
_BLOCK_WINDOW = 6


def has_colon(line: str) -> bool:
    return ":" in line or "：" in line


def header_key(line: str) -> str | None:
    """ "from" or "other" for a header-block line ("From: Sam", "Envoyé : lundi"), else None."""
    if len(line) > MAX_HEADER_LINE or not has_colon(line):
        return None
    match = _KEY_RE.match(line)
    if match is None:
        return None
    return "from" if match.group(1) else "other"


def starts_header_block(lines: list[str], index: int) -> bool:
    """A header key at index and, within a few lines, a sender key and another key."""
    if header_key(lines[index]) is None:
        return False
    keys = [header_key(line) for line in lines[index : index + _BLOCK_WINDOW] if line]
    return "from" in keys and sum(key is not None for key in keys) >= 2


# "-----Original Message-----", "-------- Message d'origine --------",
# "---------- Forwarded message ---------".
# The words may hold a single hyphen ("---------- Původní e-mail ----------").
_SEPARATOR_RE = re.compile(r"^[-=_*]{2,}\s*[^-=_*\s](?:[^-=_*]|-(?!-)){1,60}?\s*[-=_*]{2,}$")
# A bare row that only starts a quote when a header block follows it.
_RULE_RE = re.compile(r"^(?:_{8,}|-{8,}|={8,}|\*{8,})$")
_FORWARD_WORDS = (
    r"forwarded|weitergeleitet|inoltrat|reenviat|reenviado|reencaminhad|vidarebefordrat|v[äa]litetty"
    r"|пересланн|пересланого|转发|轉寄|r[ée]exp[ée]di[ée]|transf[ée]r[ée]|doorgestuurd|videresendt"
    r"|przekazan|p[řr]eposlan|tov[áa]bb[íi]tott|iletilen|chuyển tiếp|전달된|転送"
)
_FORWARD_RE = re.compile(rf"^.{{0,40}}(?:{_FORWARD_WORDS}).{{0,40}}[:：]$", re.IGNORECASE)


def is_separator(line: str) -> bool:
    """An original-message or forwarded-message separator, or a forward intro line."""
    if len(line) > 120:
        return False
    return _SEPARATOR_RE.match(line) is not None or _FORWARD_RE.match(line) is not None


def is_rule(line: str) -> bool:
    return _RULE_RE.match(line) is not None


# Outlook's separator above a quote is a bare row of underscores; when the header block under
# it is lost or cut short, a header line alone or the quoted letter's greeting still follows.
_GREETINGS = (
    r"hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|hallo|liebe[rs]?|sehr geehrte[rs]?"
    r"|guten (?:tag|morgen)|moin|servus|bonjour|bonsoir|salut|cher|chère|madame|monsieur|hola"
    r"|estimad[oa]s?|buen(?:os|as) (?:días|dias|tardes)|ciao|gentile|buongiorno|salve|car[oa]|beste"
    r"|geachte|goede(?:morgen|middag)|olá|ola|prezad[oa]s?|bom dia|boa tarde|cześć|dzień dobry|witam"
    r"|szanown[aey]|hej|hei|moi|hyvä|ahoj|dobrý den|vážen[ýá]|szia|tisztelt|merhaba|sayın|bună"
    r"|stimat[ăe]?|здравствуйте|добрый день|привет|уважаем\w*|вітаю|шановн\w*|γεια σας|αγαπητ\w*"
    r"|xin chào|안녕하세요|こんにちは|お世話になっております|您好|你好|尊敬的|שלום|مرحبا|السلام عليكم"
    r"|halo|selamat (?:pagi|siang|sore)"
)
_GREETING_RE = re.compile(rf"^(?:{_GREETINGS})(?:\b|(?=\W)|$)[^.!?]{{0,40}}[,!:：，]?$", re.IGNORECASE)
_GREETING_MAX = 60
_RULE_WINDOW = 3


def is_greeting(line: str) -> bool:
    """A letter's salutation on a line of its own ("Hi Anna,", "Sehr geehrte Frau Roth,")."""
    return len(line) <= _GREETING_MAX and _GREETING_RE.match(line) is not None


def underscores_over_quote(lines: list[str], index: int) -> bool:
    """A bare row of underscores (Outlook's separator) with a header line ("Sent: ...", "De :")
    within the next lines, or a letter's greeting right below it: the quote of a message. A row
    a person draws (a signature rule, a form's line) has their own words below it."""
    if not (is_rule(lines[index]) and lines[index].startswith("_")):
        return False
    below = [line for line in lines[index + 1 : index + 1 + 2 * _RULE_WINDOW] if line][:_RULE_WINDOW]
    if not below:
        return False
    return is_greeting(below[0]) or any(header_key(line) is not None for line in below)


# Taglines: a sent-from verb with a device/app word or a possessive, on a short line.
_SENT_FROM = (
    r"sent (?:from|with|via|using)|envoy[ée] (?:de|depuis|à partir de|a partir de|avec)|gesendet (?:von|mit)"
    r"|enviado (?:desde|do|de|con|a partir)|enviat (?:des de|des del|amb)|inviato (?:da|dal|dalla)"
    r"|verzonden (?:vanaf|met|vanuit|van)|verstuurd (?:vanaf|met|vanuit)|sendt fra|skickat fr[åa]n"
    r"|l[äa]hetetty|wys[łl]ane z|wys[łl]ano z|odesl[áa]no z|отправлено (?:с|из)|надіслано з|được gửi từ"
    r"|gửi từ|发自|發自"
)
_DEVICE = (
    r"iphon|ipad|ipod|galaxy|android|ios|mobile|outlook|mail|windows|yahoo|gmail|samsung|huawei|xiaomi"
    r"|pixel|phone|handy|smartphone|appareil|устройства|poczty|posta|correo|courrier|blackberry|mijn|min"
    r"|mon|mi|meu|mio|meinem|mojego|moje|моего|của tôi|my|superhuman|proton|spark|airmail|hey|edison"
    r"|bluemail|newton|canary|zoho|thunderbird|front|missive|mailbird|fastmail|tutanota|tuta|aqua"
    r"|fairemail|k-9|gmx|web\.de|seznam|naver|daum|qq|hubspot|mailspring|polymail|shortwave"
)
_TAGLINE_RE = re.compile(
    rf"^(?:von .{{1,40}}gesendet\.?$|(?:{_SENT_FROM})\b.{{0,40}}\b(?:{_DEVICE})"
    rf"|(?:{_DEVICE}).{{0,30}}(?:gesendet|から送信|에서 보냄"
    r"|['’]?(?:umdan|[uü]mden|den|dan) g[öo]nderildi|-r[óoőe]l k[üu]ldve|iphonesta|iphonu)"
    r"|(?:get|hent|obtener|ottieni|skaffa|получить|pobierz|obter|obtenir|hanki|scarica|download|descarga|baixe)"
    r"\b.{0,20}\boutlook\b"
    r"|outlook (?:für|voor|pour|for|para|per|för|til|для) .{1,20}(?:herunterladen|beziehen|downloaden))",
    re.IGNORECASE,
)
_TAGLINE_MAX = 70


_TAGLINE_PREFIXED = re.compile(
    r"^(?:发自我的|發自我的)\S+$|^내 .{1,20}에서 보냄$|^iPhone.{0,12}(?:から送信|에서 보냄)"
)


def is_tagline(line: str) -> bool:
    """ "Sent from my iPhone", "Von meinem iPad gesendet", "Get Outlook for iOS", ..."""
    if len(line) > _TAGLINE_MAX:
        return False
    return _TAGLINE_RE.match(line) is not None or _TAGLINE_PREFIXED.match(line) is not None


# Left over at the end of a reply once the quote is gone: rows of "=", "-", "_", Gmail's "ᐧ".
_LEFTOVER_RE = re.compile(r"^(?:[-=_*~ᐧ\s]+)$")


def is_leftover(line: str) -> bool:
    return not line or _LEFTOVER_RE.match(line) is not None


# What names a person's quote in a separator: a forward, or the original message, in the
# families' languages ("-----Original Message-----", "---- Ursprüngliche Nachricht ----").
# A notice's own dividers name their sections ("----- Transcript of session follows -----").
_ORIGINAL_WORDS = (
    r"original|ursprünglich|d'origine|originale|oorspronkelijk|oryginaln|původní|pôvodn|eredeti"
    r"|alkuperäinen|opprinnelig|oprindelig|ursprungligt?|исходн|оригинальн|вихідн|orijinal|gốc"
    r"|原始|原邮件|元のメッセージ|원본|αρχικό|izvorn|originală|mensaje original|mensagem original"
)
_PERSON_SEPARATOR_RE = re.compile(rf"{_FORWARD_WORDS}|{_ORIGINAL_WORDS}", re.IGNORECASE)


def opens_a_quote(lines: list[str], index: int) -> bool:
    """Whether the line at index opens a quote a person's mail client writes: a "> " line, an
    attribution, a header block ("From: / Sent:"), a forward intro, or a separator naming the
    original or forwarded message (a forward intro names the forward itself)."""
    line = lines[index]
    if line.startswith(">") or is_attribution(line) or starts_header_block(lines, index):
        return True
    return is_separator(line) and _PERSON_SEPARATOR_RE.search(line) is not None
