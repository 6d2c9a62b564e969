"""Polish (pl)."""

BOUNCE_SUBJECT = [
    "nie można dostarczyć",
    "niedostarczaln",
    "niedostarczon",
    "błąd dostarcz",
]

AUTO_SUBJECT = [
    "odpowiedź automatyczna",
    "automatyczna odpowiedź",
    "poza biurem",
    "nieobecn",
    "urlop",
    "potwierdzenie (?:odbioru|otrzymania)",
    "wiadomość automatyczna",
]

AUTO_SUBJECT_ANYWHERE = [
    "odpowiedź automatyczna",
]

RECEIPT = [
    "przeczytano",
    "przeczytane",
]

RECEIPT_NOT_AUTO = [
    "dostarczono",
]

DSN_TEXT = [
    "nie (?:może|mogła|została|można) (?:zostać )?dostarcz",
    "nie znaleziono adresu",
    "niedostarczon",
]

AUTOMATED = [
    "(?:odpowiedź|wiadomość) automatyczn",
    "automatyczna odpowiedź",
    "otrzymaliśmy (?:twoje|państwa|pana|pani) (?:zgłoszenie|wiadomość|zapytanie)",
    # a read receipt's own sentence
    "została przeczytana",
    "została usunięta bez przeczytania",
    "potwierdzamy otrzymanie",
    "wiadomość (?:została )?wygenerowana automatycznie",
]

AWAY = [
    (
        "(?:jestem|będę) (?:obecnie |aktualnie )?(?:poza biurem|na urlopie|nieobecn|na zwolnieniu|w podróży"
        "|niedostępn)"
    ),
    "przebywam na urlopie",
]

RETURN = [
    "po (?:moim )?powrocie",
    "wracam",
    "wrócę",
    "będę (?:z powrotem|dostępn)",
    r"do (?:dnia )?\d{1,2}[./]\d{1,2}",
]

LIMITED = [
    "ograniczony dostęp",
    "bez dostępu do",
]

URGENT = [
    "w (?:pilnych|nagłych) (?:sprawach|przypadkach)",
    "pod moją nieobecność",
]

GONE = [
    "nie pracuje już",
    "już nie pracuje",
    "nie jest już (?:pracownikiem|związan)",
    r"(?:adres|skrzynka|konto) (?:\S+ ){0,2}(?:nie jest już|jest nieaktywn)",
]

ENGAGED = [
    "zainteresowan",
    "chętnie porozmawiam",
    "prześlij",
    "proszę o (?:ofertę|cennik)",
    "cennik",
]

NEGATION = [
    r"\bnie",
]

STOCK_QUESTION = [
    "pytani",
    "pilne",
]

UNSUBSCRIBE = [
    "wypisz",
    "wypisać",
    "wypisanie",
    "usuń(?:cie)? (?:mnie|mój|moje|nas)",
    "(?:o )?usunięcie (?:mnie|mojego|moich)",
    "(?:mnie|nas) usunąć",
    "usunąć (?:mnie|nas|mój|moje)",
    "usunięcie z (?:listy|bazy)",
    "nie (?:kontaktujcie|piszcie|wysyłajcie|kontaktować|pisać|wysyłać)",
    "rezygnuj",
    "rezygnacja z",
    "nie chcę (?:więcej |już )?(?:otrzymywać|dostawać)",
]

ONE_WORD = [
    "wypisz",
]

CHALLENGE = [
    "potwierdź, że jesteś (?:człowiekiem|osobą)",
    "weryfikacja nadawcy",
    "(?:twoja|pana|pani) wiadomość zostanie dostarczona (?:dopiero )?(?:po|gdy)",
    # a held message, released once the sender confirms
    r"wiadomość (?:\S+ ){0,4}została wstrzymana",
    "potwierdź wysłanie wiadomości",
]

MOVED = [
    "mój nowy adres (?:e-?mail )?(?:to|jest)",
    "(?:mój|nasz) adres (?:e-?mail )?(?:uległ zmianie|zmienił się)",
    "(?:od teraz|od dzisiaj|w przyszłości) (?:proszę )?(?:pisać|kierować|wysyłać)",
]

COURTESY = [
    "dziękuj(?:ę|emy) za (?:wiadomość|e-?mail|maila|kontakt)",
    "odpowie(?:m|my) (?:najszybciej jak to możliwe|możliwie szybko|wkrótce|niezwłocznie|jak najszybciej)",
]
