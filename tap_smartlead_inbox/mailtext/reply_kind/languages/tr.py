"""Turkish (tr)."""

# Turkish dotless i (U+0131) on purpose.
# ruff: noqa: RUF001

BOUNCE_SUBJECT = [
    "teslim edilemedi",
    "teslim edilemiyor",
    "iletilemedi",
]

AUTO_SUBJECT = [
    "otomatik (?:yanıt|cevap)",
    "ofis dışında",
    "alındı bildirimi",
]

RECEIPT_NOT_AUTO = [
    "teslim edildi",
]

DSN_TEXT = [
    "teslim edilemedi",
]

AUTOMATED = [
    "otomatik yanıt",
    "otomatik (?:cevap|mesaj|olarak)",
    # a read receipt's own sentence
    "tarihinde okundu",
    "okunmadan silindi",
]

AWAY = [
    "izindeyim",
    "ofis dışındayım",
    "izinliyim",
    "yıllık izindeyim",
    "tatildeyim",
    "ofiste değilim",
    "seyahatteyim",
]

RETURN = [
    "(?:tarihine|tarihinde|'?(?:e|a|ye|ya)) kadar",
    "döndüğümde",
    "dönüşümde",
]

LIMITED = [
    "e-?postalarıma erişimim",
    "erişimim sınırlı",
]

URGENT = [
    "acil (?:durumlarda|konularda|işleriniz)",
]

GONE = [
    "artık (?:çalışmıyor|çalışmamaktadır)",
    r"(?:adres|posta kutusu|hesap)\w* (?:\S+ ){0,2}artık (?:kullanılmamaktadır|kullanılmıyor|aktif değil)",
]

UNSUBSCRIBE = [
    "listenizden",
    "listeden çıkar",
    r"aboneliğ\w* iptal",
    "abonelikten çık",
    "bana (?:bir daha |artık )?(?:e-?posta|mail) (?:göndermeyin|atmayın)",
    "(?:göndermeyi|yazmayı) bırakın",
    "benimle (?:bir daha )?iletişime geçmeyin",
]

CHALLENGE = [
    "(?:insan|robot olmadığınızı) (?:olduğunuzu )?doğrulayın",
    "gönderen doğrulaması",
    "mesajınız (?:ancak )?(?:onayladıktan|doğruladıktan) sonra (?:teslim edilecek|iletilecek)",
]

MOVED = [
    "yeni (?:e-?posta )?adresim",
    "(?:e-?posta )?adresim değişti",
    "(?:bundan sonra|bundan böyle|artık) (?:lütfen )?(?:yazın|gönderin|ulaşın)",
]
