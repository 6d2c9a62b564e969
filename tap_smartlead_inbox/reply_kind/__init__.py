"""What kind of email a REPLY is: a person's answer, an auto-reply, a bounce or an unsubscribe.

Smartlead files delivery failures, out-of-office notes and ticket acknowledgements as
replies, so reply counts and reply rates mean little until they are told apart. The API
gives a body, a subject and a sender, seldom headers, and never a whole MIME message.

flufl.bounce, bounce-email and bounced were looked at and left aside: they read whole MIME
messages (which the API does not give) and know nothing of auto-replies or unsubscribe
requests; bounceclassifier is an unmaintained keyword list (2019).

Evidence is read strongest first, and each step only where it can be trusted:

1. headers, when the API passes them (RFC 3834 Auto-Submitted, Precedence, X-Autoreply,
   X-Failed-Recipients, a delivery-status report);
2. bounce: the sender (mailer-daemon, postmaster, "Mail Delivery System"), the subject
   ("Undeliverable:", "Delivery Status Notification (Failure)" and their translations),
   then the notice's wording (DSN phrases, SMTP 5.x.x codes) in own_text, which for a
   notice is the notice above the returned copy, and in full_text only when own_text is
   empty: a lead who forwards a bounce above a note of their own stays human. A read or
   delivery receipt's subject outweighs a mail-system sender (Exchange sends both), and a
   gateway's "your message was quarantined / rejected" counts only beside a machine's hand
   (its sender, a "Reason:" field, a no-reply line);
3. auto-reply: the subject ("Automatic reply:", "Abwesenheitsnotiz", ...), or the first part
   of the lead's own text: an automated-message statement or ticket acknowledgement decides
   alone; availability sentences (away, back on, limited access, urgent contact, left the
   company, someone else away) decide when three agree, or when two agree (or an absence or
   a departure stands alone, or a terse "OOO until 3/14" opens the text) and the text engages
   with nothing (no pricing asked, no call offered, no time proposed, no question of its own
   beyond the stock "Need urgent help?");
4. unsubscribe: a removal request near the top of the lead's own text only (our campaign's
   unsubscribe footer sits in the quote, which own_text leaves out), unless the text also
   engages (asks for pricing, wants to talk), as "the unsubscribe link is broken but I am
   interested" does;
5. anything else is a human answer ("not interested" included).

Every family below is one alternation compiled once at import and matched against text that
was lower-cased and whitespace-flattened once, so a reply costs a few regex scans of its
first couple of thousand characters.
"""

# The families hold words of many scripts and typographic quotes on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import re
from collections.abc import Mapping

HUMAN, AUTO_REPLY, BOUNCE, UNSUBSCRIBE = "human", "auto_reply", "bounce", "unsubscribe"
REPLY_KINDS = (HUMAN, AUTO_REPLY, BOUNCE, UNSUBSCRIBE)

# Auto-replies and requests to stop come first in a reply; a long own_text is mostly
# signature and disclaimer, where "unsubscribe" can stand without being asked for.
_HEAD = 1500
# A bounce notice explains itself before the copy of the message it returns.
_NOTICE_HEAD = 4000


def _family(*parts: str, anchored: bool = True) -> re.Pattern[str]:
    """One alternation of the parts, laid out for sre, which tries alternatives one by one.

    A part that starts with a letter starts at a word boundary, so positions inside words
    fail at once; CJK runs have no boundaries inside them, and a part led by an escape or a
    symbol places itself, so those are left unanchored. Anchored alternatives are grouped
    under their first letter ("a(?:way|ccès)|o(?:ut of|oo)"): sre skips a branch led by a
    literal on one compare, so each word is tried against one group, not every alternative.
    Parts that can only start with a CJK character share one branch behind a lookahead, so a
    Latin position costs them one compare, not one per part.
    """
    words = [part for part in parts if anchored and _word_led(part)]
    rest = [part for part in parts if not (anchored and _word_led(part))]
    cjk = [part for part in rest if _cjk_led(part)]
    others = [f"(?:{part})" for part in rest if not _cjk_led(part)]
    branches = [rf"\b(?:{_by_first_letter(words)})"] if words else []
    branches += [f"(?=[\u3000-\U0010ffff])(?:{'|'.join(cjk)})"] if cjk else []
    return re.compile("|".join(branches + others))


def _cjk_led(part: str) -> bool:
    """Whether every way the part can match starts with a character at or above U+3000."""
    leads = [alt[:1] for top in _top_level(part) for alt in _expanded(top)]
    return all(lead and ord(lead) >= 0x3000 for lead in leads)


def _word_led(part: str) -> bool:
    lead = part.removeprefix("(?:")[:1]
    return lead.isalnum() and ord(lead) < 0x3000


def _by_first_letter(parts: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    led_otherwise: list[str] = []
    for alternative in (alt for part in parts for top in _top_level(part) for alt in _expanded(top)):
        head, tail = alternative[:1], alternative[1:]
        if head.isalnum() and not tail.startswith(("*", "+", "?", "{")):
            groups.setdefault(head, []).append(tail)
        else:
            led_otherwise.append(alternative)
    return "|".join([f"{head}(?:{'|'.join(tails)})" for head, tails in groups.items()] + led_otherwise)


def _top_level(pattern: str) -> list[str]:
    """The pattern's alternatives: split at each "|" outside groups and character classes."""
    alternatives, depth, start = [], 0, 0
    for match in _TOKEN.finditer(pattern):
        piece = match.group()
        depth += (piece == "(") - (piece == ")")
        if piece == "|" and depth == 0:
            alternatives.append(pattern[start : match.start()])
            start = match.end()
    return [*alternatives, pattern[start:]]


def _expanded(alternative: str) -> list[str]:
    """An alternative led by a group, "(?:x|y)?rest", as the ones led by letters it stands for:
    "xrest", "yrest", "rest". Any other alternative stays as it is."""
    if not alternative.startswith("(?:"):
        return [alternative]
    depth = 0
    for match in _TOKEN.finditer(alternative):
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
    heads = _top_level(inner) + ([""] if optional else [])
    return [expanded for head in heads for expanded in _expanded(head + rest)]


# An escape, a character class (which may hold "|" or parentheses), or one character.
_TOKEN = re.compile(r"\\.|\[\]?(?:\\.|[^\]\\])*\]|.", re.DOTALL)


def _flat(text: str, limit: int) -> str:
    """Lower case, typographic apostrophes as "'", every whitespace run (NBSP and line breaks
    included: str.split() knows them) as one space, so phrases match across wrapped lines."""
    return " ".join(text[:limit].lower().replace("’", "'").replace("‘", "'").split())


# --- headers ------------------------------------------------------------------------------

_BOUNCE_HEADERS = ("x-failed-recipients", "x-ms-exchange-message-is-ndr")
_AUTO_HEADERS = ("x-autoreply", "x-autorespond", "x-auto-response-suppress", "x-autogenerated")
_AUTO_PRECEDENCE = frozenset({"auto_reply", "auto-reply", "bulk", "junk"})


def _kind_from_headers(headers: Mapping[str, str]) -> str | None:
    """BOUNCE or AUTO_REPLY when the headers say a machine wrote it; None when they say nothing."""
    named = {str(name).strip().lower(): str(value).strip().lower() for name, value in headers.items()}
    content_type = named.get("content-type", "")
    if any(name in named for name in _BOUNCE_HEADERS) or "delivery-status" in content_type:
        return BOUNCE
    if "disposition-notification" in content_type:  # a read receipt
        return AUTO_REPLY
    submitted = named.get("auto-submitted", "no")
    if submitted.split(";")[0].strip() not in ("", "no"):
        return AUTO_REPLY
    if named.get("precedence", "") in _AUTO_PRECEDENCE:
        return AUTO_REPLY
    return AUTO_REPLY if any(name in named for name in _AUTO_HEADERS) else None


# --- subjects -----------------------------------------------------------------------------

# "[EXTERNAL]", "[Ext]", "*SPAM*" tags that gateways put before a subject.
_SUBJECT_TAGS = re.compile(r"^(?:\s*(?:\[[^\]]{0,40}\]|\*{1,3}[^*]{1,20}\*{1,3}|external:))+\s*")

_BOUNCE_SUBJECT = _family(
    # en: Exchange, Gmail, Postfix, Exim, qmail, Sendmail, Domino, Yahoo, iCloud
    r"undeliver|undelivered|non-?deliver|delivery (?:status notification \((?:failure|delay)\)|failure"
    r"|failed|has failed|notification: delivery has failed|problem)|mail delivery (?:failed|failure|error)"
    r"|returned mail|failure notice|message (?:not delivered|delivery failed|delivery failure|undeliverable"
    r"|could not be delivered|blocked|rejected)|mail system error|delivery report|address not found"
    r"|(?:warning: )?could not send message|warning: message .{0,40}delayed|returned to sender"
    r"|email delivery failure",
    r"unzustellbar|nicht zustellbar|zustellung (?:fehlgeschlagen|gescheitert)|unzustellbare nachricht"
    r"|fehler bei der zustellung|nachricht konnte nicht zugestellt",  # de
    r"non remis|non distribuable|échec (?:de (?:la )?)?(?:remise|distribution|livraison)|non délivr",  # fr
    r"no se puede entregar|no entregado|error (?:de|en la) entrega|mensaje no entregado"
    r"|notificación de estado de entrega|correo devuelto",  # es
    r"non recapitabile|mancato recapito|impossibile recapitare|messaggio non recapitato"
    r"|notifica (?:dello )?stato (?:di )?recapito",  # it
    r"onbestelbaar|niet bezorgd|kan niet worden bezorgd|niet afgeleverd",  # nl
    r"olevererbar|kunde inte levereras|ej levererat|leveransfel|ej levererbart",  # sv
    r"nie można dostarczyć|niedostarczaln|niedostarczon|błąd dostarcz",  # pl
    r"не доставлено|недоставлен|не удалось доставить|невозможно доставить|ошибка доставки"
    r"|неможливо доставити|не доставлен",  # ru, uk
    r"não é possível entregar|não entregue|falha na entrega|não foi possível entregar"
    r"|mensagem não entregue|não pode ser entregue",  # pt
    r"kan ikke leveres|ikke leveret|kunne ikke leveres|ikke levert|ulevert",  # da, no
    r"toimittamaton|ei voitu toimittaa|toimitus epäonnistui|nedoručiteln|nedoručen"
    r"|kézbesíthetetlen|nem kézbesíthető|teslim edilemedi|teslim edilemiyor|iletilemedi"
    r"|nu (?:a putut fi|poate fi) livrat|nelivrat|μη παραδοτέο"
    r"|δεν είναι δυνατή η παράδοση",  # fi cs hu tr ro el
    r"配信不能|配信できません|配信エラー|不達|无法传递|無法傳遞|无法送达"
    r"|投递失败|退信|未送达|배달되지 않음|배달 실패",  # ja zh ko
    anchored=False,
)
_BOUNCE_SUBJECT_START = re.compile(rf"^(?:{_BOUNCE_SUBJECT.pattern})")

# Outlook's and Exchange's prefixes, vacation responders' usual subjects, ticket desks'
# acknowledgements and read or delivery receipts: matched at the start of the subject.
_AUTO_SUBJECT_START = _family(
    r"(?:automatic|auto|automated)[- ]?(?:reply|response|answer)|autoreply|autoresponse|auto-?antwort"
    r"|out of (?:the )?office|ooo\b|away from (?:the )?office|on vacation|vacation|on leave|annual leave"
    r"|(?:parental|maternity|paternity) leave|absence|absent|away\b|holiday|left the company"
    r"|no longer (?:with|at|employed)|email address change|(?:request|ticket|case) (?:received|#|no\.?|id)"
    r"|we(?:'ve| have)? received your|thank you for (?:contacting|your (?:e-?mail|message|request|inquiry"
    r"|enquiry))|\[?(?:ticket|request|case|incident)? ?#\d{3,}|(?:read|not read|delivered|relayed):",
    r"automatische antwort|abwesenheit|abwesend|außer haus|nicht im büro|urlaub|elternzeit|mutterschutz"
    r"|gelesen:|zugestellt:",  # de
    r"réponse automatique|absence|absente?|hors du bureau|en congés?|congé|vacances|lu ?:|remis ?:",  # fr
    r"respuesta automática|respuesta automatica|fuera de (?:la )?oficina|ausente|ausencia|vacaciones"
    r"|leído:|entregado:",  # es
    r"risposta automatica|fuori (?:ufficio|sede)|assente|assenza|ferie|in vacanza|letto:|recapitato:",  # it
    r"automatisch antwoord|afwezig|afwezigheid|vakantie|met verlof|gelezen:|bezorgd:",  # nl
    r"autosvar|automatiskt svar|automatisk svar|frånvar|semester|tjänstledig|föräldraledig|läst:",  # sv da no
    r"resposta automática|resposta automatica|fora do escritório|ausência|ausente|férias|lida:",  # pt
    r"odpowiedź automatyczna|automatyczna odpowiedź|poza biurem|nieobecn|urlop|przeczytano:",  # pl
    r"автоматический ответ|автоответ|автоматична відповідь|вне офиса|отсутств|отпуск|прочитано:",  # ru uk
    r"automaattinen vastaus|automatická odpověď|automatikus válasz|otomatik (?:yanıt|cevap)"
    r"|răspuns automat|αυτόματη απάντηση|automatsko|ofis dışında|lomalla|poissa",  # fi cs hu tr ro el hr
    r"自動応答|自動返信|不在|休暇|自动回复|自动答复|自動回覆|자동 회신|자동 응답|부재",  # ja zh ko
    anchored=False,
)

# Phrases no campaign subject holds, wherever they stand ("Re: Quick question [Out of Office]").
_AUTO_SUBJECT_ANYWHERE = _family(
    r"automatic reply|auto-?reply|autoreply|auto-?response|out of (?:the )?office|abwesenheitsnotiz"
    r"|automatische antwort|réponse automatique|respuesta automática|risposta automatica"
    r"|automatisch antwoord|autosvar|automatiskt svar|resposta automática|odpowiedź automatyczna"
    r"|автоматический ответ|автоответ|自動応答|自動返信|自动回复|自動回覆",
    anchored=False,
)


def _subject_kind(subject: str) -> str | None:
    text = _SUBJECT_TAGS.sub("", _flat(subject, 300))
    if _BOUNCE_SUBJECT_START.match(text):
        return BOUNCE
    if _AUTO_SUBJECT_START.match(text) or _AUTO_SUBJECT_ANYWHERE.search(text):
        return AUTO_REPLY
    return None


# Read and delivery receipts: "Read:", "Delivered:", "Relayed:" and their translations.
_RECEIPT_SUBJECT = re.compile(
    r"(?:read|not read|delivered|relayed|gelesen|nicht gelesen|zugestellt|lu|non lu|remis|leído|entregado"
    r"|letto|recapitato|gelezen|bezorgd|lida|entregue|przeczytano|dostarczono|läst|levererat|læst|leveret"
    r"|lest|luettu|toimitettu|přečteno|doručeno|okundu|teslim edildi|прочитано|доставлено|既読|開封済み"
    r"|配信済み|已读|已送达|읽음|배달됨) ?:"
)


# --- senders ------------------------------------------------------------------------------

_BOUNCE_SENDER = _family(
    r"mailer-?daemon|postmaster@|mail delivery (?:sub)?system|mail delivery (?:service|agent)"
    r"|microsoftexchange[0-9a-f]{8,}@|microsoft outlook|mail administrator|mailadmin@|maildelivery@",
)
# Machine-looking senders: never enough alone (a person may write from such an address),
# but they second what the text says.
_MACHINE_SENDER = _family(
    r"no-?reply|do-?not-?reply|donotreply|auto-?reply|autorespond|auto-?response|notifications?@"
    r"|support@|helpdesk@|servicedesk@|tickets?@",
)


# --- bounce notices -----------------------------------------------------------------------

_DSN_TEXT = _family(
    # en: Gmail, Exchange/Outlook, Exim, Postfix, qmail, Sendmail, Yahoo, generic DSN fields
    r"address not found|message (?:wasn't|was not|couldn't be|could not be|cannot be|can't be) delivered"
    r"|(?:wasn't|was not|couldn't be|could not be) delivered to|delivery (?:to the following recipients?"
    r"|has) failed|delivery has failed to these|undeliverable|was created automatically by mail delivery"
    r"|this is the mail system at host|could not be delivered to one or more|this is the qmail-send"
    r"|(?:wasn't|was not) able to deliver|(?:unable|failed) to deliver (?:your|the|this) (?:message"
    r"|mail|e-?mail)"
    r"|permanent (?:fatal )?(?:error|failure)|recipient address rejected|(?:user|mailbox|recipient) unknown"
    r"|no such user|mailbox (?:unavailable|not found|(?:is )?full(?! of))"
    r"|account that you tried to reach does not"
    r"|remote server returned|diagnostic-code:|final-recipient:|action: failed|message blocked"
    r"|your message (?:to .{1,80} )?has been blocked|returned to sender|had permanent fatal errors"
    r"|mail delivery (?:failed|failure|subsystem|system)|delivery status notification"
    r"|your message to \S{1,80} (?:couldn't|could not|can't|cannot|wasn't|was not) be delivered"
    r"|(?:wasn't|was not) found at \S+\.\w+",
    r"\b(?:55[0-4]|45[0-2]|421)[ -]?#?[45]\.\d{1,3}\.\d{1,3}\b|#[45]\.\d\.\d{1,3}\b",  # SMTP replies
    r"nicht zugestellt|zustellung (?:an folgende empfänger |an diese empfänger )?(?:ist )?fehlgeschlagen"
    r"|adresse nicht gefunden|unzustellbar|empfänger(?:adresse)? (?:unbekannt|abgelehnt)"
    r"|übermittlung an (?:folgende|diese) empfänger(?: oder gruppen)? ist fehlgeschlagen"
    r"|postfach des empfängers ist voll",  # de (Exchange's own wording too)
    r"n'a pas (?:pu être|été) (?:remis|distribu|livr|délivr)|adresse introuvable|non remis"
    r"|échec de (?:la )?(?:remise|distribution|livraison)|impossible de remettre|destinataire inconnu"
    r"|la remise (?:aux|au) destinataires?(?: ou groupes?)?(?: suivants?)? a échoué"
    r"|boîte aux lettres du destinataire est pleine",  # fr
    r"no (?:se )?(?:pudo|ha podido) (?:ser )?entrega|no se (?:ha )?(?:pudo|podido) entregar"
    r"|no se ha encontrado la dirección|dirección no encontrada|error de entrega|destinatario desconocido"
    r"|no se puede entregar"
    r"|la entrega a (?:estos|este|los siguientes) destinatarios?.{0,30}(?:ha fallado|falló)"
    r"|buzón del destinatario está lleno",  # es
    r"non (?:è stato|può essere|poteva essere|è stata) recapitat|impossibile recapitare"
    r"|indirizzo non trovato|non recapitabile|recapito non riuscito|destinatario sconosciuto"
    r"|recapito (?:a|ai) (?:questi|seguenti) destinatari.{0,30}non riuscito",  # it
    r"(?:kan|kon) niet (?:worden )?(?:bezorgd|afgeleverd)|adres niet gevonden|onbestelbaar"
    r"|niet bezorgd"
    r"|bezorging (?:bij|aan) (?:deze|de volgende) (?:geadresseerden|ontvangers).{0,30}mislukt",  # nl
    r"(?:pôde|pode|foi) (?:ser )?entregue|endereço não encontrado|não foi possível entregar"
    r"|falha na entrega",  # pt
    r"nie (?:może|mogła|została|można) (?:zostać )?dostarcz|nie znaleziono adresu|niedostarczon",  # pl
    r"(?:kunde inte|gick inte att|kan inte) levereras|adressen hittades inte|olevererbar",  # sv
    r"не (?:удалось|может быть|было|могло быть) доставлен|не удалось доставить|адрес не найден"
    r"|не доставлено|недоставлен|неможливо доставити",  # ru uk
    r"kunne ikke leveres|kan ikke leveres|ikke leveret|ei voitu toimittaa|osoitetta ei löytynyt"
    r"|teslim edilemedi|nedoručiteln|kézbesíthetetlen",  # da no fi tr cs hu
    r"配信できませんでした|アドレスが見つかりません|配信不能|配信されませんでした|届けられませんでした"
    r"|无法传递|无法送达|投递失败|無法傳遞",  # ja zh
)


# What a filtering gateway (Mimecast, Proofpoint, a quarantine) says of a message it stopped. A
# person may say it too ("your message was rejected by my spam filter, glad it got through"), so it
# counts only where the notice shows a machine's hand: its sender, a "Reason:" field, a no-reply.
_GATEWAY_TEXT = _family(
    r"your (?:message|e-?mail)(?: to \S{1,80})? (?:was|has been|is being) (?:quarantined|rejected|blocked"
    r"|held (?:for review|in quarantine)|not delivered)|(?:message|e-?mail) (?:\S+ ){0,4}(?:has not been"
    r"|was not) delivered|(?:mailbox|quota) (?:quota )?exceeded|over quota|quarantined",
)
_GATEWAY_HAND = _family(
    r"reason:|automatically generated|automated (?:message|notice|notification)|do not reply|quarantine"
    r"|postmaster|mail ?(?:filter|gateway|guard|security)|e-?mail (?:security|gateway)|no-?reply"
    r"|notifications?@|alerts?@",
)


def _is_bounce(sender: str, subject: str, notice: str) -> bool:
    topic = _SUBJECT_TAGS.sub("", _flat(subject, 300)) if subject else ""
    if _DSN_TEXT.search(notice) is not None or (topic and _BOUNCE_SUBJECT_START.match(topic)):
        return True
    if _GATEWAY_TEXT.search(notice) and (
        _GATEWAY_HAND.search(notice) or (sender and _GATEWAY_HAND.search(sender.lower()))
    ):
        return True
    # Exchange sends read and delivery receipts from the same "Microsoft Outlook" sender as its
    # failure notices: a receipt's subject says which it is.
    receipt = bool(topic) and _RECEIPT_SUBJECT.match(topic) is not None
    return bool(sender) and not receipt and _BOUNCE_SENDER.search(sender.lower()) is not None


# --- auto-replies -------------------------------------------------------------------------

# A machine says it wrote the message, or a desk acknowledges a ticket: enough alone.
_AUTOMATED = _family(
    r"this (?:is an?|message is an?|e-?mail is an?|is a) auto|auto(?:matic|mated)(?:ally generated)?[- ]"
    r"(?:reply|response|message|notification|e-?mail)|autoreply|auto-reply|autoresponder"
    r"|(?:sent|generated) automatically|(?:we|i)(?:'ve| have)? (?:successfully )?received your (?:request"
    r"|e-?mail|message|ticket|inquiry|enquiry|query|support request)|your (?:request|ticket|case|inquiry"
    r"|enquiry) (?:\(?#|no\.?|number|id|has been (?:received|logged|created))"
    r"|ticket (?:#|no\.?|number|id)\s?:?\s?\d|(?:please )?do not reply (?:to|directly to) this"
    r"|thank you for contacting (?:us|our)|your (?:request|ticket|case|inquiry|enquiry|query) \(?#?\d+\)? "
    r"(?:has been|was|is being) (?:received|logged|created|opened|submitted|reviewed)|your (?:reference"
    r"|ticket|case|request|tracking) (?:number|no\.?|id)(?: is)?:? ?#?[a-z]{0,4}-?\d{3,}"
    r"|(?:type|write|add) your reply above this line|reply above this line"
    r"|thank(?:s| you) for (?:contacting|writing to|e-?mailing) [\w.+-]+@"
    r"|(?:we|our (?:\w+ )?team|a member of (?:our|the) (?:\w+ )?team)(?:'ll| will) (?:respond|reply"
    r"|get back to you|be in touch|contact you)(?: to you)?(?: \w+){0,3} within (?:\d+|one|two|a few) "
    r"(?:business |working )?(?:hours?|days?)",
    r"\[#\d{3,}\]",  # a ticket number in brackets
    r"(?:dies ist eine |eine )?automatische (?:antwort|abwesenheitsnotiz|benachrichtigung|nachricht)"
    r"|automatisch (?:generiert|erstellt|versendet)|abwesenheitsnotiz|wir haben ihre (?:anfrage|nachricht"
    r"|e-?mail) erhalten|ihre anfrage (?:\(?#|nr|nummer)",  # de
    r"réponse automatique|message automatique|nous avons (?:bien )?reçu votre (?:demande|message|e-?mail"
    r"|courriel)",  # fr
    r"respuesta automática|mensaje automático|hemos recibido su (?:solicitud|mensaje|correo|consulta)",  # es
    r"risposta automatica|messaggio automatico|abbiamo ricevuto la (?:sua|tua) (?:richiesta|e-?mail|mail"
    r"|segnalazione)",  # it
    r"automatisch (?:antwoord|bericht|gegenereerd)|(?:wij|we) hebben uw (?:aanvraag|bericht|verzoek"
    r"|e-?mail) (?:goed )?ontvangen",  # nl
    r"resposta automática|mensagem automática|recebemos (?:a sua|sua|o seu|seu) (?:solicitação|mensagem"
    r"|e-?mail|pedido)",  # pt
    r"(?:odpowiedź|wiadomość) automatyczn|automatyczna odpowiedź|otrzymaliśmy (?:twoje|państwa|pana|pani)"
    r" (?:zgłoszenie|wiadomość|zapytanie)",  # pl
    r"automatiskt? (?:svar|meddelande|genererat)|autosvar|vi har (?:tagit emot|mottagit) (?:ditt|din|ert)",
    r"автоматическ(?:ий|ое) (?:ответ|сообщение|уведомление)|автоответ|(?:мы )?получили (?:ваше|ваш)"
    r" (?:обращение|письмо|запрос)",  # ru
    r"automaattinen vastaus|automatická odpověď|automatikus válasz|otomatik yanıt",  # fi cs hu tr
    r"自動(?:応答|返信|送信)|このメールは自動|お問い合わせを受け付け|自动回复|自動回覆",  # ja zh
    r"这是一封自动|此邮件为自动|系统自动发送|자동 ?(?:회신|응답|발송)|자동으로 (?:발송|생성)",  # zh ko
    r"automatisk (?:svar|besked|meddelelse|beskjed|generert)|automaattinen (?:viesti|ilmoitus)"
    r"|automatick(?:á|y) (?:odpověď|generovan|zpráva)|otomatik (?:cevap|mesaj|olarak)",  # da no fi cs tr
)

# Availability sentences, each family one kind of evidence; a person may write one of them.
_AWAY = _family(
    r"(?:i am|i'm|i will be|i'll be|i shall be|i am currently|i'm currently) (?:currently |now |presently )?"
    r"(?:out of (?:the )?office|ooo\b|away\b|(?:out|off) (?:until|till|of the country|sick|today|this week)"
    r"|on (?:annual |parental |maternity |paternity |sick "
    r"|medical |study |business |a )?(?:leave|vacation|holiday|holidays|pto|sabbatical|trip)|travel|at an? "
    r"(?:conference|trade ?show|event|offsite)|offline|not in the office)"
    r"|(?:currently|presently) (?:out of (?:the )?office|away|on (?:leave|vacation|holiday)|travel(?:l)?ing)"
    r"|(?:i am|i'm) (?:currently )?(?:out|off) on (?:annual |parental |maternity |paternity |sick |medical )?"
    r"(?:leave|vacation|holiday|pto)"
    r"|(?:we are|we're|our (?:\w+ )?(?:office|offices|practice|store|shop|studio|team|clinic) (?:is|are"
    r"|will be)) (?:currently |now )?closed|(?:i am|i'm) (?:currently )?(?:off sick|on sick leave"
    r"|travel(?:l)?ing|at (?:\w+ ){0,3}(?:conference|summit|expo|inbound|congress|fair))",
    r"ich bin\b.{0,50}?\b(?:nicht im (?:büro|hause|haus)|außer (?:haus|hause)|abwesend|im urlaub|in "
    r"(?:elternzeit|mutterschutz|urlaub)|auf (?:geschäftsreise|dienstreise)|nicht erreichbar)"
    r"|befinde mich.{0,40}?(?:urlaub|elternzeit|mutterschutz|reise)",  # de
    r"je (?:suis|serai) (?:actuellement )?(?:absente?|en (?:congés?|vacances|déplacement|arrêt)|hors du "
    r"bureau|indisponible)",  # fr
    r"(?:estoy|estaré|me encuentro) (?:actualmente )?(?:fuera de (?:la )?oficina|de vacaciones|ausente|de "
    r"viaje|de baja|de permiso)",  # es
    r"(?:sono|sarò) (?:attualmente )?(?:fuori (?:ufficio|sede)|in (?:ferie|vacanza|maternità|congedo"
    r"|trasferta)|assente)",  # it
    r"(?:ik ben|ben ik)\b.{0,40}?\b(?:afwezig|met vakantie|op vakantie|niet (?:op kantoor|aanwezig"
    r"|bereikbaar)|met (?:zwangerschaps|ouderschaps)?verlof|op reis)",  # nl
    r"(?:estou|estarei) (?:atualmente )?(?:fora do escritório|de férias|ausente|em viagem|de licença)",  # pt
    r"(?:jestem|będę) (?:obecnie |aktualnie )?(?:poza biurem|na urlopie|nieobecn|na zwolnieniu|w podróży"
    r"|niedostępn)|przebywam na urlopie",  # pl
    r"(?:jag är|är jag)\b.{0,40}?\b(?:på semester|ledig (?:till|t\.o\.m|från|hela)|borta|frånvarande"
    r"|föräldraledig|tjänstledig|sjukskriven|inte på kontoret|på resa)",  # sv
    r"(?:я|нахожусь)\b.{0,30}?(?:в отпуске|вне офиса|в командировке|в декрет|на больничном)|отсутствую",  # ru
    r"jeg er (?:på ferie|fraværende|ikke på kontoret|ude af kontoret|på barsel)|olen (?:lomalla|poissa)"
    r"|izindeyim|ofis dışındayım|jeg er (?:på ferie|borte|ikke på kontoret|i permisjon|på reise)"
    r"|olen (?:lomalla|poissa|matkoilla|vanhempainvapaalla|äitiyslomalla|sairaslomalla)"
    r"|en ole (?:toimistolla|tavoitettavissa)|(?:jsem|budu) (?:\w+ ){0,2}(?:mimo (?:kancelář|kancelar"
    r"|office)|na dovolené|nepřítom|na mateřské|na služební cestě)"
    r"|izinliyim|yıllık izindeyim|tatildeyim|ofiste değilim|seyahatteyim",  # da no fi cs tr
    r"不在にしております|不在にしています|休暇を取得|休暇中|出張中|不在です|夏季休暇|年末年始"
    r"|休業(?:期間|日|とさせて|いたします|します)|お休みをいただ",  # ja
    r"(?:正在|目前|现在)?(?:休假|出差|外出)(?:中|期间)|正在(?:休假|出差|外出)|不在办公室"
    r"|休假至|請假中|休假中",  # zh
    r"휴가 ?중|부재 ?중|출장 ?중|사무실에 없|외근 ?중|휴직 ?중|출산 ?휴가",  # ko
    r"(?:я |перебуваю )(?:зараз )?(?:у|в) (?:відпустці|відрядженні|декретній відпустці)|не (?:в|у) офісі"
    r"|(?:szabadságon|betegszabadságon|úton|irodán kívül) (?:vagyok|leszek)|nem vagyok (?:az )?irodában"
    r"|(?:sóc|estic|estaré|seré) (?:fora de l'oficina|de vacances|de viatge|de baixa|absent)"
    r"|tôi (?:đang |sẽ )?(?:nghỉ phép|nghỉ lễ|đi công tác|vắng mặt|không có mặt)",  # uk hu ca vi
    r"不在にしており|(?:日|号|號)(?:之?前)?(?:休假|出差|请假|請假)|我(?:正在|目前)?(?:休假|出差)",  # ja zh
)
_RETURN = _family(
    r"(?:i will|i'll|i shall|we will|we'll) (?:be )?(?:back|return|returning) (?:on|in the office"
    r"|to the office|at the office|to work|from|after|\d)"
    r"|(?:returning|back) (?:to the office |in the office |to work )?on\b|(?:until|till"
    r"|through|thru) (?:and including )?(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct"
    r"|nov|dec|\d|the \d)|(?:respond|reply|get back to you|answer|attend to).{0,40}(?:upon|on"
    r"|after) my return"
    r"|when i(?:'m| am) back|upon my return|(?:on|upon|after) (?:his|her|their) return"
    r"|(?:when|after|once) i return|(?:will )?re-?open(?:s|ing)? on"
    r"|back (?:in the office|at my desk|online) (?:on|from)",
    r"wieder (?:im büro|erreichbar|zurück|für sie da|da)|nach meiner rückkehr"
    r"|bis (?:einschließlich |zum )?\d",
    r"(?:serai|suis) de retour (?:le|au|à partir|dans)|de retour (?:le|à partir du|au bureau le)"
    r"|je reviendrai"
    r"|à mon retour|dès mon retour|jusqu'au \d",  # fr
    r"a mi regreso|regresaré|estaré de vuelta|volveré|a mi vuelta|hasta el \d",  # es
    r"al mio rientro|rientrerò|sarò di nuovo|tornerò|fino al \d",  # it
    r"ben ik (?:weer|terug)|ik ben (?:weer|terug)|na mijn terugkomst|weer (?:aanwezig|bereikbaar|op kantoor)",
    r"ao meu retorno|retornarei|estarei de volta|no meu regresso|regressarei",  # pt
    r"po (?:moim )?powrocie|wracam|wrócę|będę (?:z powrotem|dostępn)",  # pl
    r"tillbaka (?:den|på|igen)|åter (?:den|på|i tjänst)|när jag är tillbaka|är åter",  # sv
    r"вернусь|по возвращении|буду (?:на связи|в офисе)",  # ru
    r"tilbage (?:den|på)|tilbake (?:den|på)",  # da no
    r"戻り次第|帰社後|復帰後|以降に(?:順次)?(?:ご)?(?:返信|対応|連絡)",  # ja
    r"将于.{0,12}(?:返回|回到|回复|回覆|回来|上班)|返回办公室|回来后|回到办公室后",  # zh
    r"복귀(?:합니다|할|예정|후|하면)|돌아(?:옵니다|올|온 후)",  # ko
    r"(?:til|frem til|till og med|t\.o\.m\.?) (?:og med )?(?:den )?\d|palaan (?:töihin|toimistolle)?"
    r"|\d{1,2}\.\d{1,2}\.? asti|(?:jsem )?zpět (?:v kanceláři )?(?:od|dne)"
    r"|do \d{1,2}\. ?\d{1,2}\.",  # da no fi cs
    r"(?:tarihine|tarihinde|'?(?:e|a|ye|ya)) kadar|döndüğümde|dönüşümde",  # tr
)
_LIMITED = _family(
    r"(?:limited|no|intermittent|sporadic|restricted) access to (?:my )?(?:e-?mails?|mail|inbox)"
    r"|(?:limited|reduced) (?:availability|connectivity)|(?:responses?|repl(?:y|ies)) (?:will|may|might) be "
    r"(?:delayed|slow|slower)"
    r"|(?:delayed|slower|slow) (?:response|responses|reply|replies)"
    r"|limited (?:e-?mail |internet |phone |wifi )?(?:access|connectivity)"
    r"|(?:your )?(?:e-?mails?|messages?|mail) (?:will|is|are) not (?:be )?(?:forwarded|read|monitored"
    r"|checked)"
    r"|not (?:be )?(?:checking|reading|monitoring|answering) (?:my )?(?:e-?mails?|mail|inbox|messages)"
    r"|checking (?:e-?mails?|mail|messages) (?:only )?(?:occasionally|intermittently|sporadically)",
    r"(?:eingeschränkt|keinen|begrenzt)\w* zugriff auf|e-?mails? werden nicht (?:weitergeleitet|gelesen)"
    r"|keinen zugang zu",  # de
    r"accès (?:limité|restreint)|(?:sans|pas d') ?accès|ne (?:serai|pourrai) pas (?:en mesure de )?"
    r"(?:consulter|lire|répondre)",  # fr
    r"acceso limitado|sin acceso (?:al|a mi) correo",  # es
    r"accesso limitato|non (?:avrò|potrò) (?:accesso|leggere|rispondere)",  # it
    r"beperkt(?:e)? toegang|beperkt bereikbaar|niet bereikbaar",  # nl
    r"acesso limitado|sem acesso (?:ao|aos)",  # pt
    r"ograniczony dostęp|bez dostępu do",  # pl
    r"begränsad (?:tillgång|åtkomst)|läser inte (?:min )?(?:e-?post|mejl|mail)",  # sv
    r"ограниченн\w+ доступ|без доступа к",  # ru
    r"メールを確認できません|メールの確認が遅れ|返信が遅れ|ご返信が遅れ",  # ja
    r"无法及时(?:查看|回复|处理)|回复(?:可能)?(?:会)?(?:有所)?延迟",  # zh
    r"(?:답변|회신|답장)이 (?:늦어|지연)",  # ko
    r"(?:begrænset|ingen|begrenset) (?:adgang|tilgang) til|omezen\w* přístup|e-?postalarıma erişimim"
    r"|erişimim sınırlı|rajoitetusti|en lue sähköpost",  # da no cs tr fi
    r"доступ до (?:пошти|електронної пошти) обмежен|обмежен\w* доступ|korlátozottan (?:olvasom|érem el"
    r"|férek|tudom)|accés limitat|sense accés al correu|ít (?:kiểm tra|đọc) (?:email|thư)"
    r"|hạn chế (?:truy cập|kiểm tra)",  # uk hu ca vi
    r"(?:查看|回复)邮件不及时|不能及时(?:查看|回复)",  # zh
)
_URGENT = _family(
    r"(?:for|in case of|regarding|with|on) (?:urgent|immediate|pressing|time-sensitive) (?:matters|requests"
    r"|inquiries|enquiries|issues|questions|assistance|support|needs|help|queries|business)|(?:if|when) "
    r"(?:it is|it's|your (?:message|matter|request|query) is) urgent|in my absence|if (?:you need"
    r"|you require)"
    r" (?:immediate|urgent) (?:assistance|help|attention)|(?:if|in case) (?:of )?(?:emergency|urgency)",
    r"(?:in|bei) dringenden (?:fällen|angelegenheiten|anliegen|fragen)|in meiner abwesenheit",  # de
    r"(?:pour toute|en cas d') ?(?:urgence|demande urgente|question urgente)|en mon absence",  # fr
    r"(?:para|en caso de) (?:asuntos|temas|consultas|cuestiones) urgentes|en caso de urgencia"
    r"|en mi ausencia",  # es
    r"(?:per|in caso di) (?:urgenze|questioni urgenti|necessità urgenti|comunicazioni urgenti)"
    r"|in mia assenza",  # it
    r"(?:voor|bij|in) (?:dringende|spoedeisende) (?:zaken|vragen|kwesties|gevallen)|in geval van spoed"
    r"|tijdens mijn afwezigheid",  # nl
    r"(?:para|em caso de) (?:assuntos|questões) urgentes|em caso de urgência|na minha ausência",  # pt
    r"w (?:pilnych|nagłych) (?:sprawach|przypadkach)|pod moją nieobecność",  # pl
    r"(?:vid|för|i) (?:brådskande|akuta) (?:ärenden|frågor)|under min frånvaro",  # sv
    r"по (?:срочным|неотложным) вопросам|в (?:моё|мое) отсутствие",  # ru
    r"(?:i|ved) (?:hastesaker|presserende)",  # no
    r"(?:お急ぎ|緊急)の(?:場合|ご用件)",  # ja
    r"(?:如有|若有)(?:紧急|急事)|紧急(?:事务|事宜|情况)|급한 (?:용무|용건|일|문의)|긴급한",  # zh ko
    r"(?:i )?(?:hastende|akutte) (?:tilfælde|sager|saker|henvendelser)|kiireellisissä|naléhavých"
    r"|v (?:naléhavých|urgentních) případech|acil (?:durumlarda|konularda|işleriniz)"
    r"|for (?:\w+ )?emergencies|(?:for|with) anything (?:urgent|time-sensitive|pressing)",  # da no fi cs tr
    r"з (?:термінових|невідкладних) питань|sürgős (?:ügyben|esetben|kérdésekben)|per a (?:temes|assumptes"
    r"|qüestions) urgents|en cas d'urgència|(?:việc|trường hợp) (?:gấp|khẩn cấp)",  # uk hu ca vi
)
_GONE = _family(
    r"(?:i am|i'm|is|are|she is|he is|she's|he's) no longer (?:with|at|employed|working|part of)"
    r"|no longer (?:works?|employed) (?:at|for|by|with)|(?:has|have) left (?:the company|the organi[sz]ation"
    r"|the business|the firm)|(?:this|the) (?:mailbox|inbox|e-?mail address|address|account) (?:is )?"
    r"(?:no longer|not) (?:being )?(?:monitored|in use|active|checked)"
    r"|(?:i have|i've|has|have) (?:moved|changed) (?:to a new (?:role|position|job|team|department|company"
    r"|employer)|roles|positions|jobs)|(?:this|my|the) (?:mailbox|inbox|e-?mail address|address|account)"
    r" will (?:be )?(?:closed|deactivated|deleted|disabled|shut down|removed)",
    r"nicht mehr (?:im unternehmen|bei|für|in unserem unternehmen|tätig|beschäftigt)|(?:hat|haben) "
    r"(?:das unternehmen|uns|unser unternehmen) verlassen|postfach wird nicht mehr",  # de
    r"ne fait plus partie|(?:a|ont) quitté (?:l'entreprise|la société|notre)|ne travaille plus"
    r"|n'est plus (?:en poste|dans|chez|au sein)",  # fr
    r"ya no (?:trabaja|forma parte|está en|pertenece)|(?:ha|han) dejado (?:la empresa|de trabajar)",  # es
    r"non (?:lavora|fa) più|ha lasciato (?:l'azienda|la società)|non è più (?:in|presso)",  # it
    r"(?:werkt|is) niet meer (?:bij|werkzaam|in dienst)|(?:heeft|hebben) (?:ons|het bedrijf|de organisatie)"
    r" verlaten|niet langer (?:werkzaam|in dienst)",  # nl
    r"não trabalha mais|já não trabalha|não faz mais parte|deixou a empresa",  # pt
    r"nie pracuje już|już nie pracuje|nie jest już (?:pracownikiem|związan)",  # pl
    r"(?:arbetar|jobbar) inte längre|slutat (?:på|hos|sin anställning)|inte längre (?:anställd|verksam)",
    r"больше не работает|не работает в компании|покинул[а]? компанию",  # ru
    r"退職いたしました|退職しました|退社いたしました",  # ja
    r"已(?:经)?离职|不再(?:在|于).{0,12}(?:工作|任职)|퇴사(?:했|하였|하셨)",  # zh ko
    r"(?:arbejder|jobber|arbeider) ikke længere|(?:arbejder|jobber|arbeider) ikke lenger|ei (?:enää )?"
    r"työskentele|již (?:nepracuje|není zaměstnancem)|artık (?:çalışmıyor|çalışmamaktadır)",  # da no fi cs tr
)
# A terse note that opens with the absence: "Out until 4/2. Will respond when I return.", "OOO
# until 3/14", "Away - back Monday", "Out of office. Back on the 9th." (Not anywhere in a text:
# "we're sold out until June".)
_OUT_NOTE = re.compile(
    r"(?:ooo|out of (?:the )?office|out|away|off|on (?:pto|leave|vacation|holiday))(?: |\W{1,3})"
    r"(?:until|till|til|thru|through|today|this week|back|returning|sick|from \d)\b"
)
# Someone else is away: an assistant's or a colleague's note, "Mr. Park is travelling until ...".
# It seconds other evidence only, as a person may write it ("Tom is on leave, I can help").
_AWAY_OTHER = _family(
    r"(?:is|are) (?:currently |now |presently )?(?:out of (?:the )?office|away (?:from|until|till|on)"
    r"|travel(?:l)?ing|on (?:annual |parental |maternity |paternity |sick |medical |business )?(?:leave"
    r"|vacation|holiday|holidays|pto|sabbatical|trip))",
    r"ist (?:derzeit |aktuell |zurzeit )?(?:nicht im (?:büro|hause|haus)|außer haus|abwesend|im urlaub|in "
    r"(?:elternzeit|mutterschutz|urlaub))",  # de
    r"est (?:actuellement )?(?:absente?|en (?:congés?|vacances|déplacement))",  # fr
    r"está (?:actualmente )?(?:de vacaciones|fuera de (?:la )?oficina|ausente|de viaje)",  # es
    r"è (?:attualmente )?(?:in ferie|fuori (?:ufficio|sede)|assente|in trasferta)",  # it
    r"is (?:momenteel )?(?:met vakantie|afwezig|niet aanwezig)",  # nl
    r"está (?:de férias|ausente|fora do escritório)",  # pt
)
# An absence or a departure can stand alone ("Back Monday" is not an auto-reply by itself).
_STANDALONE = (_AWAY, _GONE)
_SUPPORTING = (_RETURN, _LIMITED, _URGENT, _AWAY_OTHER)
# So many availability sentences at once are an out-of-office note even if it names a price.
_UNDENIABLE = 3


def _is_auto_reply(sender: str, subject: str, own: str) -> bool:
    if subject and _subject_kind(subject) == AUTO_REPLY:
        return True
    if not own:
        return False
    if _AUTOMATED.search(own):
        return True
    standalone = sum(1 for family in _STANDALONE if family.search(own)) + (_OUT_NOTE.match(own) is not None)
    machine = bool(sender) and _MACHINE_SENDER.search(sender.lower()) is not None
    if not standalone and not machine and not _RETURN.search(own):
        return False  # short of two supporting signals whatever LIMITED and URGENT say
    signals = standalone + machine + sum(1 for family in _SUPPORTING if family.search(own))
    if signals >= _UNDENIABLE:
        return True
    return (standalone > 0 or signals >= 2) and not (_engaged(own) or _asks(own))


# --- engagement ---------------------------------------------------------------------------

# What a person answering the pitch writes, and an auto-reply does not ("call me", "meeting",
# "gerne" are left out: out-of-office notes say them too). A match counts unless a negation
# stands just before it ("not interested", "don't send me", "no me interesa").
_ENGAGED = _family(
    r"interested|interest in|let'?s (?:talk|chat|meet|connect|set|schedule|book|do|hop|find)|let us"
    r" (?:talk|meet)|send (?:me|us|over) (?:the |your |a |some |more )?(?:pricing|price|deck|info"
    r"|details|proposal|quote|case stud|brochure|invite|calendar|link|times?|slots?|demo)"
    r"|(?:book|schedule|set up|arrange) (?:a|some|the) (?:call|time|meeting|demo|chat)|happy to (?:chat"
    r"|talk|meet|connect|hop|learn)|pricing|how much|tell me more|more info|works for me"
    r"|sounds (?:good|great|interesting)|i'd like to (?:see|learn|know|try)|(?:can|could|shall|should) we "
    r"(?:talk|chat|meet|speak|connect|set up|schedule|book|do|hop|find|catch up)|works best|would work for"
    r"|(?:does|would) (?:\w+ ){1,3}work (?:for you)?\?|how about (?:mon|tue|wed|thu|fri|next|a call)"
    r"|(?:i|we) (?:can|could) (?:do|take|jump on|hop on|have) a (?:quick |short )?(?:call|chat|meeting)"
    r"|(?:i|we) can (?:talk|chat|meet|speak)\b|send (?:it|them|that|the \w+|your \w+) (?:over |directly )?"
    r"(?:to me|my way)|send (?:it|them|that|the \w+|your \w+) over\b|what do you (?:\w+ )?(?:do|offer"
    r"|sell|provide)\b|what(?:'s| is) (?:the|your) offer|(?:i'm|i am) (?:now )?the (?:new |right |best )?"
    r"(?:contact|person)\b|(?:call|ring|phone) me (?:tomorrow|today|later|this (?:afternoon|evening|morning"
    r"|week)|next (?:week|mon|tue|wed|thu|fri))|i(?:'ll| will) (?:read it|have a (?:\w+ )?look|take a "
    r"(?:\w+ )?look)(?! (?:at (?:it|this|your \w+) )?(?:when|after|upon|once|on my))",
    r"interessiert|interesse an|klingt (?:gut|interessant)|schicken sie mir|senden sie mir|preise"
    r"|was kostet|können wir (?:uns|telefonieren|sprechen|einen termin)|sollen wir"
    r"|schauen wir (?:uns )?(?:das|es) (?:gerne? )?an"
    r"|(?:lassen sie uns|lass uns) (?:sprechen|telefonieren)",  # de
    r"intéress|envoyez-moi|m'envoyer|tarifs?\b|prix\b|pouvons-nous"
    r"|on peut (?:en )?(?:parler|s'appeler)|on en parle|parlons-en",  # fr
    r"me interesa|interesad|envíe(?:me|nos)|envíame|precios?\b|hablemos"
    r"|podemos (?:hablar|quedar|vernos)",  # es
    r"mi interessa|interessat|inviatemi|mandatemi|mandami|prezzi|sentiamoci|ne parliamo|parliamone"
    r"|possiamo (?:sentirci|parlarne|parlare)",  # it
    r"geïnteresseerd|interesse in|stuur (?:me|mij)|prijzen|wat kost|(?:kunnen|zullen) we (?:\w+ )?(?:even )?"
    r"(?:bellen|spreken|afspreken|praten)",  # nl
    r"tenho interesse|interessad|envie-me|me envie|preços|vamos conversar|podemos (?:conversar|falar)",  # pt
    r"zainteresowan|chętnie porozmawiam|prześlij|proszę o (?:ofertę|cennik)|cennik",  # pl
    r"intresserad|intressant|skicka (?:mig|gärna)|priser|vad kostar|kan vi (?:ses|prata|höras|boka)",  # sv
    r"интересно|интересует|пришлите|вышлите|цены|стоимость|созвонимся",  # ru
    r"興味があります|興味があり|資料を送|料金|お打ち合わせ|打ち合わせ",  # ja
)
_NEGATION = re.compile(
    r"(?:\bnot|n't|\bno|\bnever|\bdon|\bstop|\bnicht|\bkein\w*|\bpas|\bne|\bnon|\bniet|\bgeen|\bnão|\bnie"
    r"|\binte|\bнет|\bне|ない)\W*(?:\w+\W+)?$"
)


def _engaged(text: str) -> bool:
    return any(
        not _NEGATION.search(text[max(0, m.start() - 20) : m.start()]) for m in _ENGAGED.finditer(text)
    )


# A question of three words or more near the top ("can we do the 20th instead?", "What's the
# offer?") is a person talking to us; an out-of-office note asks none, or only the stock ones
# about help and urgency ("Need immediate assistance?", "Questions?"), which do not count. It
# tells a person from an availability note, not from a removal request ("Who are you? Stop.").
_QUESTION = re.compile(r"[^.!?¿]{2,160}\?(?= |$)")
_STOCK_QUESTION = re.compile(
    r"urgen|emergenc|immediate|assist|help|support|question|need|contact|colleague|dring|frage|hilfe|aide"
    r"|ayuda|aiuto|kontakt|contatt|contacte"
    r"|pregunt|domand|vraag|spoed|pergunt|pytani|pilne|fråg|brådsk|kiire|срочн|вопрос"
)
_QUESTION_HEAD = 600


def _asks(text: str) -> bool:
    for match in _QUESTION.finditer(text, 0, _QUESTION_HEAD):
        question = match.group()
        if len(question.split()) >= 3 and not _STOCK_QUESTION.search(question):
            return True
    return False


# --- unsubscribe requests -----------------------------------------------------------------

_UNSUBSCRIBE = _family(
    r"unsubscrib|\bunsub\b|opt(?:ed)? (?:me |us )?out|remove (?:me|us|this (?:e-?mail|address))\b"
    r"|remove (?:my|our) (?:e-?mail|address|name|details|data|contact|info)"
    r"|take (?:me|us|my (?:e-?mail|address|name)) off|(?:off|from) (?:of )?(?:your|the|this) (?:mailing "
    r"|e-?mail |distribution |contact |marketing |sales )?(?:list|database|sequence|campaign)|(?:off|from) "
    r"(?:of )?(?:your|the|this) (?:mailing|e-?mail|distribution|contact|marketing|sales|crm) system"
    r"|(?:stop|quit|cease) (?:emailing|e-?mailing|mailing|contacting|messaging|spamming|sending|writing"
    r"|bothering|pestering|reaching out|harass)|(?:do not|don't|dont|never) (?:ever )?(?:contact|e-?mail"
    r"|write|message|spam|reach out)(?: to)? (?:me|us|again|any)(?! (?:on|via|by|at) (?:my|this|the) "
    r"(?:mobile|phone|cell|number|whatsapp|linkedin))|(?:do not|don't|dont|never) (?:ever )?send (?:me|us) "
    r"(?:any ?more|again|further|more|e-?mails|mails|messages|anything)|no more (?:e-?mails|messages"
    r"|mails|spam)"
    r"|delete (?:my|our) (?:data|details|e-?mail|address|contact|information|info)|\bgdpr\b"
    r"|(?:i|we) (?:don't|do not|no longer|never) (?:want|wish|care) to (?:receive|get|hear from you)"
    r"|(?:i|we)(?:'d| would) (?:like|prefer) not to (?:receive|get|be contacted)",
    r"abmeld|abbestell|austragen|(?:entfernen|löschen|streichen) sie (?:mich|meine|uns)|bitte (?:entfernen"
    r"|löschen|streichen) (?:sie )?(?:mich|meine|uns)|(?:aus|von) (?:ihrem|ihrer|dem|der|ihren|eurem|eurer)"
    r" (?:verteiler|liste|e-?mail-?liste|newsletter|datenbank|system)|keine (?:weiteren )?(?:e-?mails|mails"
    r"|nachrichten|werbung|kontaktaufnahme)|(?:nicht mehr|nie wieder) (?:kontaktieren|anschreiben|schreiben"
    r"|anmailen|mailen)|kontaktieren sie mich nicht|hören sie auf",  # de
    r"désinscri|désabonn|desinscri|desabonn|(?:retirez|supprimez|enlevez|rayez)[- ](?:moi|nous)"
    r"|(?:retirez|supprimez|enlevez) (?:mon|mes|notre) (?:adresse|e-?mail|mail|coordonnées|nom|données)"
    r"|(?:ne|n') ?(?:plus|pas) me (?:contacter|recontacter|écrire|solliciter|envoyer)|ne me (?:contactez"
    r"|recontactez|écrivez|sollicitez|envoyez) plus|(?:arrêtez|cessez) de (?:m'|me |nous )"
    r"|de votre (?:liste|fichier|base)|je ne (?:souhaite|veux|désire) plus (?:recevoir|être contacté)",  # fr
    r"(?:dar(?:me|nos)?|darse|dadme|denme|deme) de baja|solicito la baja|cancelar (?:la |mi )?suscripci[oó]n"
    r"|desuscrib|(?:borrar|eliminar|quitar|sacar)(?:me|nos) de|de (?:su|tu|vuestra) (?:lista|base de datos)"
    r"|(?:eliminar|borrar|quitar|sacar)"
    r"(?:me|nos)? de (?:su|tu|vuestra|la|sus) (?:lista|base)|elimínenme|elimíname|quítenme|sáquenme"
    r"|bórrenme|(?:eliminen|borren) mi|no (?:me |nos )?(?:vuelvan|vuelvas) a (?:contactar|escribir|enviar)"
    r"|no (?:me |nos )?(?:contacten|contactes|escriban|escribas|envíen|envíes|manden) más"
    r"|(?:dejen|deja|dejad) de (?:escribir|enviar|contactar|mandar)|no (?:quiero|deseo) (?:recibir|que me "
    r"(?:escriban|contacten|envíen))",  # es
    r"cancellami|cancellatemi|cancellarmi|disiscriv|rimuovetemi|rimuovimi|rimuovermi|toglietemi|toglimi"
    r"|(?:rimuovete|cancellate|eliminate) (?:il mio|la mia|i miei|il nostro)|non (?:mi "
    r"|ci )?(?:contatt|scriv|invi|mand)\w* più"
    r"|(?:smettete|smettetela|smetti) di (?:scriver|contattar"
    r"|inviar|mandar)|dalla (?:vostra|sua|tua) (?:lista|mailing)"
    r"|non (?:voglio|desidero) (?:più )?ricevere",  # it
    r"afmeld|uitschrijv|uitgeschreven|verwijder (?:mij|me|ons|mijn)"
    r"|(?:haal|zet) (?:mij|me|ons) (?:\w+ )?(?:van|uit)|(?:van|uit) (?:jullie|uw|je|de) (?:mailing|e-?mail"
    r"|verzend)?lijst|ik wil (?:geen|niet langer|niet meer) .{0,20}ontvangen"
    r"|geen (?:e-?mails|mails|berichten|mailtjes) meer|(?:stop|stoppen) met (?:mailen|e-?mailen|mij te"
    r"|contact)|niet (?:meer|langer) (?:mailen|contacteren|benaderen)|neem(?:t)? geen contact meer",  # nl
    r"descadastr|desinscrev|cancelar (?:a )?(?:minha )?inscrição|(?:remova|removam|retire|retirem|excluam"
    r"|exclua|tirem)[- ]?(?:me|nos|meu|o meu|minha)\b|me (?:remova|removam|retire|tire|exclua)|(?:parem"
    r"|pare) de (?:me )?(?:enviar|mandar|contatar|escrever)|não (?:me )?(?:contate|contatem|envie|enviem"
    r"|mande|mandem|escrevam) mais|não (?:quero|desejo) (?:mais )?receber",  # pt
    r"wypisz|wypisać|wypisanie|usuń(?:cie)? (?:mnie|mój|moje|nas)|(?:o )?usunięcie (?:mnie|mojego|moich)"
    r"|(?:mnie|nas) usunąć|usunąć (?:mnie|nas|mój|moje)|usunięcie z (?:listy|bazy)"
    r"|nie (?:kontaktujcie|piszcie|wysyłajcie|kontaktować|pisać|wysyłać)|rezygnuj|rezygnacja z"
    r"|nie chcę (?:więcej |już )?(?:otrzymywać|dostawać)",  # pl
    r"avregistrer|avsluta (?:min )?prenumeration|avprenumerera|ta bort (?:mig|min|oss)|(?:sluta|sluta att)"
    r" (?:mejla|maila|skicka|kontakta|skriva)|(?:kontakta|mejla|maila) (?:mig|oss) inte"
    r"|inga fler (?:mejl|mail|e-?post)|jag vill inte (?:ha|få) (?:fler|mer|några)",  # sv
    r"отпиш|отписа|отписк|удалите (?:меня|мой|мою|нас)|(?:уберите|исключите) (?:меня|мой|нас)"
    r"|не (?:пишите|присылайте|беспокойте)|больше не (?:пишите|присылайте|беспокойте)"
    r"|прекратите (?:писать|присылать|рассылку)",  # ru
    r"afmeld mig|avmeld meg|meld (?:meg|mig) (?:av|af)|fjern (?:mig|meg|min|mit)|ikke (?:send|sende|kontakt)"
    r" (?:mig|meg) (?:flere|mere|igjen|igen)",  # da no
    r"älä lähetä|älkää (?:lähettäkö|lähetä|ottako)|poista(?:kaa)? minut"
    r"|poista(?:kaa)? (?:sähköposti)?osoitteeni|postituslistalta"
    r"|en halua (?:enää )?(?:viestejä|sähköposteja|postia)|peru(?:uta|a) tilau",  # fi
    r"odhl(?:ásit|aste|ašte|ásím)|odstraňte (?:mě|mne|můj|moj)|vyřaďte (?:mě|mne)|(?:už|již) mi (?:nepište"
    r"|neposílejte)|nepište mi|neposílejte mi|nekontaktujte (?:mě|mne)|ze (?:svého|vašeho) seznamu",  # cs
    r"listenizden|listeden çıkar|aboneliğ\w* iptal|abonelikten çık"
    r"|bana (?:bir daha |artık )?(?:e-?posta|mail) (?:göndermeyin|atmayın)|(?:göndermeyi|yazmayı) bırakın"
    r"|benimle (?:bir daha )?iletişime geçmeyin",  # tr
    r"配信停止|配信を停止|配信不要|登録解除"
    r"|今後(?:の)?(?:ご連絡|連絡|メール).{0,6}(?:不要|お断り|控え|送らない)|メールを送らないで",  # ja
    r"退订|取消订阅|(?:列表|名单)中?(?:删除|移除)|(?:不要|请勿|别)再(?:给我)?(?:发|联系|发送)"
    r"|(?:移除|删除)我的(?:邮箱|邮件|地址)",  # zh
    r"수신 ?거부|구독 ?(?:취소|해지)|(?:메일|이메일)(?:을|를)? (?:그만|보내지 마)|명단에서 (?:삭제|빼)"
    r"|(?:연락|발송)하지 마",  # ko
)
# A request of one word: "STOP", "Remove", "unsubscribe.".
_ONE_WORD = re.compile(
    r"(?:please |pls )?(?:stop|remove|unsubscribe|unsub|abmelden|désabonner|baja|stopp|opt[- ]?out"
    r"|uitschrijven|afmelden|descadastrar|disiscrivimi|wypisz|odhlásit|退订|配信停止|수신거부)\W*"
)
# A footer or signature offers the way out ("click here to unsubscribe", "you can opt out at
# any time", "unsubscribe link"); a request asks for it.
_OFFER_BEFORE = re.compile(r"(?:\bto|\bcan|\bmay|click(?: here)?|\bhere|\bwish to|\bwant to)\W*$")
_OFFER_AFTER = re.compile(r"\w*\W*(?:here|at any time|anytime|link|button|page|preferences)\b")


_ASKING_BEFORE = re.compile(
    r"(?:\b(?:i|we)(?:'d| would)?|\bplease|\bkindly) (?:(?:like|want|wish|need|ask) (?:you )?to|just)\W*$"
)


def _asks_to_stop(own: str) -> bool:
    for match in _UNSUBSCRIBE.finditer(own):
        before = own[max(0, match.start() - 30) : match.start()]
        if _ASKING_BEFORE.search(before) or not (
            _OFFER_BEFORE.search(before) or _OFFER_AFTER.match(own, match.end())
        ):
            return True
    return False


def _is_unsubscribe(own: str, first_line: str) -> bool:
    if _ONE_WORD.fullmatch(first_line):
        return True
    return _asks_to_stop(own) and not _engaged(own)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lower()
    return ""


# --- the classifier -----------------------------------------------------------------------


def reply_kind(
    *,
    sender: str | None,
    subject: str | None,
    own_text: str,
    full_text: str,
    headers: Mapping[str, str] | None = None,
) -> str:
    """HUMAN, AUTO_REPLY, BOUNCE or UNSUBSCRIBE for one REPLY email. Never raises on str/None input.

    own_text: the lead's own words (reply_text); full_text: the body's whole visible text.
    """
    sender, subject = sender or "", subject or ""
    own_text, full_text = own_text or "", full_text or ""
    told = _kind_from_headers(headers) if headers else None
    notice = _flat(own_text or full_text, _NOTICE_HEAD)
    own = notice[:_HEAD]
    if _is_bounce(sender, subject, notice):
        return BOUNCE
    if told is not None:
        return told
    if _is_auto_reply(sender, subject, own):
        return AUTO_REPLY
    if own and _is_unsubscribe(own, _first_line(own_text or full_text)):
        return UNSUBSCRIBE
    return HUMAN
