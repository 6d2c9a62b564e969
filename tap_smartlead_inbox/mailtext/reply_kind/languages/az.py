"""Azerbaijani (az)."""

# ruff: noqa: RUF001

BOUNCE_SUBJECT = [
    "çatdırıla bilmədi",
    "çatdırılmadı",
]

AUTO_SUBJECT = [
    "avtomatik cavab",
    "ofisdən kənar",
    "məzuniyyət",
]

DSN_TEXT = [
    "mesajınız çatdırıla bilmədi",
    "ünvan tapılmadı",
    "çatdırılma uğursuz oldu",
]

AUTOMATED = [
    "bu avtomatik (?:cavab|mesaj)",
    "müraciətiniz qəbul edildi",
    "(?:mesajınızı|məktubunuzu) aldıq",
]

CHALLENGE = [
    "insan olduğunuzu təsdiqləyin",
    "göndərənin təsdiqlənməsi",
]

AWAY = [
    "ofisdə olmayacağam",
    "ofisdə deyiləm",
    "məzuniyyətdəyəm",
    "məzuniyyətdə olacağam",
    "ezamiyyətdəyəm",
]

RETURN = [
    "\\b\\d{1,2} (?:yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr)\\w* qədər",
    "qayıdandan sonra cavab",
]

LIMITED = [
    "məhdud çıxışım",
    "məhdud giriş",
]

URGENT = [
    "təcili (?:məsələlər|hallarda|suallar)",
]

GONE = [
    "artıq (?:şirkətimizdə|şirkətdə) çalışmır",
    "(?:bu )?e-poçt ünvanı artıq istifadə olunmur",
]

MOVED = [
    "yeni e-poçt ünvanım",
    "bundan sonra zəhmət olmasa (?:yazın|göndərin)",
    "bundan sonra göndərin",
]

COURTESY = [
    "məktubunuz üçün təşəkkür edirik",
    "ən qısa zamanda cavab",
]

ENGAGED = [
    "maraqlıdır",
    "qiymət nə qədər",
    "danışaq",
]

UNSUBSCRIBE = [
    "məni siyahıdan (?:çıxarın|silin)",
    "mənə (?:daha )?məktub göndərməyin",
]
