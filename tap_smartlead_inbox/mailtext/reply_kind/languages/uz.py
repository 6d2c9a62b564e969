"""Uzbek (Latin script)."""

# ruff: noqa: RUF001

BOUNCE_SUBJECT = [
    "yetkazib bo['ʻ‘]lmadi",
    "yetkazilmadi",
]

AUTO_SUBJECT = [
    "avtomatik javob",
    "ofisdan tashqarida",
    "ta['ʼʻ]til",
]

DSN_TEXT = [
    "xabaringiz yetkazilmadi",
    "manzil topilmadi",
]

AUTOMATED = [
    "bu avtomatik (?:javob|xabar)",
    "murojaatingiz qabul qilindi",
    "xabaringizni oldik",
]

CHALLENGE = [
    "inson ekanligingizni tasdiqlang",
    "jo['ʻ]natuvchini tasdiqlash",
]

AWAY = [
    "ta['ʼʻ]tildaman",
    "ofisda emasman",
    "xizmat safaridaman",
]

RETURN = [
    "\\b\\d{1,2}-(?:yanvar|fevral|mart|aprel|may|iyun|iyul|avgust|sentabr|oktabr|noyabr|dekabr)\\w*gacha",
]

LIMITED = [
    "cheklangan kirish imkoniyati",
]

URGENT = [
    "shoshilinch (?:masalalar|hollarda)",
]

GONE = [
    "endi (?:kompaniyamizda|kompaniyada) ishlamaydi",
    "(?:bu )?elektron pochta manzili endi ishlatilmaydi",
]

MOVED = [
    "yangi elektron pochta manzilim",
    "bundan buyon (?:iltimos,? )?(?:yozing|yuboring)",
]

COURTESY = [
    "xatingiz uchun rahmat",
    "tez orada javob beramiz",
]

ENGAGED = [
    "qiziq",
    "narxi qancha",
    "gaplashsak",
]

UNSUBSCRIBE = [
    "meni ro['ʻ]yxatdan (?:chiqaring|o['ʻ]chiring)",
    "menga (?:boshqa )?xat yubormang",
]
