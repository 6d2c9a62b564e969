"""Reply-header families, taglines, near misses and plain text holding <addresses>."""

# Headers and taglines in many scripts, full-width colons and commas on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tap_smartlead_inbox.mailtext.body_text import html_to_text, looks_like_html, read_html
from tap_smartlead_inbox.mailtext.reply_text import reply_text
from tests.support.examples import examples

PITCH = "Hi Anna,\nWe help B2B teams book 30% more meetings.\nWorth a quick chat?\nSam"
QUOTED = "\n".join(f"> {line}" for line in PITCH.splitlines())


@pytest.mark.parametrize(
    "header",
    [
        "4 марта 2024 г., 9:12 пользователь Sam Carter <sam@x.io> написал:",
        "4 марта 2024 г., в 9:12, Sam Carter <sam@x.io> написал(а):",
        "пн, 4 бер. 2024 р. о 09:12 Sam Carter <sam@x.io> пише:",
        "04.03.2024 09:12, Sam Carter написав:",
        "W dniu 4.03.2024 o 09:12, Sam Carter pisze:",
        "W dniu 4 marca 2024 09:12 użytkownik Sam Carter <sam@x.io> napisał:",
        "pon., 4 mar 2024 o 09:12 Sam Carter <sam@x.io> napisał(a):",
        "2017-11-24 16:32 GMT+01:00 Sam Carter <sam@x.io>:",
        "Den mån 4 mars 2024 kl 09:12 skrev Sam Carter <sam@x.io>:",
        "man. 4. mar. 2024 kl. 09:12 skrev Sam Carter <sam@x.io>:",
        "ma 4.3.2024 klo 9.12 Sam Carter (<sam@x.io>) kirjoitti:",
        "El dl., 4 de març 2024, a les 9:12, Sam Carter (<sam@x.io>) va escriure:",
        "Sam Carter <sam@x.io> ezt írta (időpont: 2024. márc. 4., H, 9:12):",
        "Vào Th 2, 4 thg 3, 2024 vào lúc 09:12 Sam Carter <sam@x.io> đã viết:",
        "在 2024年3月4日，上午9:12，Sam Carter <sam@x.io> 写道：",
        "2024. 3. 4. 오전 9:12, Sam Carter <sam@x.io> 작성:",
        "2024/03/04 9:12、Sam Carter <sam@x.io>のメール：",
        "Sam Carter <sam@x.io> 於 2024年3月4日 週一 上午9:12寫道：",
        "Sam Carter <sam@x.io> schrieb:",
        '04.03.2024, 09:12, "Sam Carter" <sam@x.io>:',
        "Понедельник, 4 марта 2024, 9:12 +03:00 от Sam Carter <sam@x.io>:",
        "Il giorno lun 4 mar 2024 alle ore 09:12 Sam Carter <sam@x.io> ha scritto:",
        "-----Oprindelig meddelelse-----",
        "-----Ursprungligt meddelande-----",
        "-------- Исходное сообщение --------",
        "---------- Původní e-mail ----------",
        "Begin forwarded message:",
        "Pe 20.03.2024 09:12, Sam Carter a scris:",
        "Στις Δευ 4 Μαρ 2024 στις 9:12 π.μ., ο/η Sam Carter <sam@x.io> έγραψε:",
        "2024/03/07 9:12 に Sam Carter さんは書きました:",
        "---- On Tue, 05 Mar 2024 21:42:10 +0530 Sam Carter <sam@x.io> wrote ----",
    ],
)
def test_a_header_of_any_family_ends_the_reply_quoted_or_not(header):
    assert reply_text(f"Passt.\n\n{header}\n{PITCH}") == "Passt."
    assert reply_text(f"Passt.\n\n{header}\n{QUOTED}") == "Passt."


@pytest.mark.parametrize(
    "block",
    [
        "From: Sam Carter <sam@x.io>\nSent: Monday, March 4, 2024 9:12 AM\nTo: Anna\nSubject: Hi",
        "Von: Sam Carter\nGesendet: Montag, 4. März 2024 09:12\nAn: Markus\nBetreff: Frage",
        "De : Sam Carter\nEnvoyé : lundi 4 mars 2024 09:12\nÀ : Claire\nObjet : Question",
        "Da: Sam Carter\nInviato: lunedì 4 marzo 2024 09:12\nA: Giulia\nOggetto: Domanda",
        "Van: Sam Carter\nVerzonden: maandag 4 maart 2024 09:12\nAan: Daan",
        "Från: Sam Carter\nSkickat: den 4 mars 2024 09:12\nTill: Erik",
        "Fra: Sam Carter\nSendt: 4. marts 2024 09:12\nTil: Ingrid",
        "Od: Sam Carter\nWysłano: poniedziałek, 4 marca 2024 09:12\nDo: Katarzyna",
        "От: Sam Carter\nОтправлено: 4 марта 2024 г. 9:12\nКому: Иван",
        "Feladó: Sam Carter\nElküldve: 2024. március 4., hétfő 9:12\nCímzett: Péter",
        "Gesendet: Montag, 04. März 2024 um 09:12 Uhr\nVon: Sam Carter\nAn: Markus",
        "________________________________\nFrom: Sam Carter\nSent: Monday\nTo: Anna",
    ],
)
def test_an_outlook_header_block_in_any_language_ends_the_reply(block):
    assert reply_text(f"Kein Bedarf.\n\n{block}\n\n{PITCH}") == "Kein Bedarf."


@pytest.mark.parametrize(
    "tagline",
    [
        "Sent from my iPhone",
        "Sent from Mail for Windows 10",
        "Sent from Outlook Mobile",
        "Envoyé à partir de Outlook pour iOS",
        "Sendt fra min iPad",
        "Get Outlook for iOS",
        "Get Outlook for Android",
        "Von meinem iPhone gesendet",
        "Enviado desde mi Galaxy",
        "Skickat från min iPhone",
        "Отправлено с iPhone",
        "Wysłane z iPhone'a",
        "Odesláno z iPhonu",
        "iPhoneから送信",
        "发自我的iPhone",
        "Lähetetty iPhonesta",
        "Sent via Superhuman",
        "Sent with Proton Mail secure email.",
        "Sent from Yahoo Mail for iPhone",
    ],
)
def test_taglines_are_removed_as_families(tagline):
    assert reply_text(f"Ok, Tuesday.\nAnna\n\n{tagline}") == "Ok, Tuesday.\nAnna"


@pytest.mark.parametrize("leftover", ["====", "----------", "ᐧ", "________________"])
def test_leftover_separators_at_the_end_are_trimmed(leftover):
    assert reply_text(f"Sounds good.\n\n{leftover}") == "Sounds good."


@pytest.mark.parametrize(
    "text",
    [
        "As Sam wrote:\nwe should meet in April.",
        "On Monday our CEO wrote:\nlet us grow the team.",
        "Yesterday my colleague wrote:\nthe budget is set.",
        "Here is what our lawyer wrote:\nno changes needed.",
        "The subject: pricing.\nFrom: my side, all good.",
        "Sent from the office, the contract follows.\nBest, Anna",
        "To: whom it may concern\nWe are not interested.",
        "Sent with love from Lisbon.\nAnna",
    ],
)
def test_sentences_that_only_resemble_a_header_are_kept(text):
    assert reply_text(text) == text


def test_a_bottom_posted_reply_keeps_the_text_below_the_quote():
    assert reply_text(f"On Mon, Mar 4, 2024 at 9:12 AM Sam <sam@x.io> wrote:\n{QUOTED}\n\nYes, Tuesday.") == (
        "Yes, Tuesday."
    )
    html = (
        '<div class="moz-cite-prefix">W dniu 4.03.2024 o 09:12, Sam Carter pisze:<br></div>'
        '<blockquote type="cite"><div>Hi Anna</div></blockquote><p>Tak, wtorek.</p>'
    )
    assert reply_text(html) == "Tak, wtorek."


def test_an_attribution_wrapped_over_two_lines_is_found():
    body = f"Yes.\n\nOn Mon, Mar 4, 2024 at 9:12 AM Sam Carter <\nsam@x.io> wrote:\n{QUOTED}"
    assert reply_text(body) == "Yes."


def test_a_shared_parse_gives_the_same_reply():
    body = (
        '<div dir="ltr">Tuesday works.</div><div class="gmail_quote"><div class="gmail_attr">On Mon, '
        "Sam &lt;sam@x.io&gt; wrote:</div><blockquote>Worth a chat?</blockquote></div>"
    )
    parsed = read_html(body)
    assert parsed.text.endswith("Worth a chat?")
    assert reply_text(body, parsed) == reply_text(body) == "Tuesday works."


@pytest.mark.parametrize("address", ["p.jones@x.io", "a@x.io", "b-smith@x.io", "meta@x.io", "div@x.io"])
def test_plain_text_with_an_address_that_starts_like_a_tag_stays_text(address):
    body = f"Thanks.\nAnna\n\nOn Mon, Sam <{address}> wrote:\n> hi"
    assert not looks_like_html(body)
    assert html_to_text(body) == body
    assert reply_text(body) == "Thanks.\nAnna"


TAG_NAMES = ["a", "b", "i", "u", "p", "br", "li", "td", "tr", "div", "span", "meta", "html", "body", "font"]
local_parts = st.one_of(
    st.sampled_from(TAG_NAMES),
    st.tuples(
        st.sampled_from(TAG_NAMES),
        st.sampled_from([".", "-", "_", "+", ""]),
        st.from_regex(r"[a-z0-9]{0,8}", fullmatch=True),
    ).map("".join),
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,15}", fullmatch=True),
)
domains = st.from_regex(r"[a-z0-9-]{1,10}\.(io|com|de|example)", fullmatch=True)
words = st.text(alphabet="abcdefghij KLMNOP,.!?", min_size=1, max_size=30).map(str.strip).filter(bool)


@settings(max_examples=examples(300), deadline=None)
@given(local_parts, domains, words, words)
def test_plain_text_with_any_address_stays_text(local, domain, before, after):
    address = f"{local}@{domain}"
    body = f"{before}\n{after}\n\nOn Mon, Sam <{address}> wrote:\n> {after}"
    text = html_to_text(body)
    assert f"<{address}>" in text
    assert text.count("\n") == body.count("\n")
    reply = reply_text(body)
    assert reply == f"{' '.join(before.split())}\n{' '.join(after.split())}"


def test_a_reply_with_nothing_above_its_header_block_adds_nothing():
    # A forward or an all-quoted answer: nothing marks where a quote under an unmarked block
    # would end, and a quoted line left in is worse than a rare bottom-posted answer lost.
    body = (
        "From: Sam Carter <sam@x.io>\nSent: Monday, March 4, 2024 9:12 AM\nTo: Anna <anna@y.io>\n"
        "Subject: Quick question\n\nHi Anna, are you free Tuesday?\n\nThanks,\nSam"
    )
    assert reply_text(body) == ""
    assert reply_text(f"---------- Forwarded message ---------\n{body}") == ""


def test_an_attribution_after_a_sentence_on_the_same_line_ends_the_reply():
    body = "Hello. On 01/12/13, Tristan <t@example.com> wrote: -- REPLY ABOVE THIS LINE -- or visit us."
    assert reply_text(body) == "Hello."
    assert reply_text("Ja. Am 04.03.2024 um 09:12 schrieb Sam <sam@x.io>: > Hallo") == "Ja."
    assert reply_text("Who wrote: the plan? Sam did.") == "Who wrote: the plan? Sam did."


def test_an_attribution_wrapped_over_three_lines_is_found():
    wrapped = "On Mon, Mar 4, 2024 at 9:12 AM, Sam Carter <\nsam.carter.with.a.long.name@x.io>\nwrote:"
    body = f"Yes.\n\n{wrapped}\n{QUOTED}"
    assert reply_text(body) == "Yes."


def test_a_header_block_right_over_quoted_lines_goes_with_them_and_inline_answers_stay():
    block = "Gesendet: Montag, 04. März 2024 um 09:12 Uhr\nVon: Sam <sam@x.io>\nBetreff: Frage"
    body = f"Antworten unten.\n\n{block}\n> Wie viele Leute?\n\nZwei.\n\n> Nächste Woche?\n\nDonnerstag.\nTom"
    assert reply_text(body) == "Antworten unten.\n\nZwei.\n\nDonnerstag.\nTom"


def test_a_header_block_over_unquoted_text_still_ends_the_reply():
    body = "Passt.\n\nVon: Sam <sam@x.io>\nGesendet: Montag\nBetreff: Frage\nWie viele Leute?"
    assert reply_text(body) == "Passt."


def test_an_attribution_over_a_bare_blockquote_goes_with_it_and_inline_answers_stay():
    body = (
        "<div>Ответы ниже.</div><div>11.03.2024, 14:02, &#34;Sam&#34; &lt;sam@x.io&gt;:</div>"
        "<blockquote><div>Сколько менеджеров?</div></blockquote><div>Пятеро.</div>"
        "<blockquote><div>Какой CRM?</div></blockquote><div>amoCRM.</div><div>Алексей</div>"
    )
    assert reply_text(body) == "Ответы ниже.\nПятеро.\namoCRM.\nАлексей"


def test_an_attribution_over_a_bare_blockquote_in_a_top_posted_reply_leaves_nothing_behind():
    body = (
        "<div>Не интересно.</div><div>Алексей</div><div>11.03.2024, 14:02, &#34;Sam&#34; "
        "&lt;sam@x.io&gt;:</div><blockquote><div>Сколько менеджеров?</div></blockquote>"
    )
    assert reply_text(body) == "Не интересно.\nАлексей"


def test_gmails_older_attribution_without_verb_or_colon_goes_with_its_quote():
    assert reply_text(f"Thanks!\n\n2013/12/15 Bob Example <bob@example.com>\n{QUOTED}") == "Thanks!"
    # without a quote below it, a line that ends with an address is the lead's
    assert reply_text("Write to 2024 Sales <sales@x.io>") == "Write to 2024 Sales <sales@x.io>"
