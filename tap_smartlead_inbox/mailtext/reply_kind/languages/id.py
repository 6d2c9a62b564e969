"""Indonesian and Malay (id)."""

BOUNCE_SUBJECT = [
    "tidak terkirim",
    "gagal terkirim",
    "pengiriman gagal",
]

AUTO_SUBJECT = [
    "balasan otomatis",
    "di luar kantor",
    "sedang cuti",
]

DSN_TEXT = [
    "pesan (?:anda )?tidak dapat (?:dikirim|terkirim)",
    "pesan (?:anda )?gagal (?:dikirim|terkirim)",
]

AUTOMATED = [
    "(?:ini adalah )?(?:balasan|pesan|email) otomatis",
    "kami telah menerima (?:pesan|email|permintaan|pertanyaan) anda",
]

CHALLENGE = [
    "konfirmasi bahwa anda (?:manusia|bukan robot)",
    "verifikasi pengirim",
    "pesan anda akan (?:di)?kirim(?:kan)? setelah",
]

AWAY = [
    "saya (?:sedang |akan )?(?:cuti|di luar kantor|dalam perjalanan dinas|berlibur|tidak berada di kantor)",
    # Malay, which shares Indonesian's other words
    "saya (?:sedang )?bercuti",
]

RETURN = [
    "(?:saya akan )?kembali (?:ke kantor |bekerja )?(?:pada|tanggal|hari|setelah)",
    "setelah saya kembali",
]

LIMITED = [
    "akses terbatas (?:ke|terhadap) email",
]

URGENT = [
    "untuk (?:hal|urusan|keperluan) (?:yang )?mendesak",
]

GONE = [
    "tidak lagi bekerja (?:di|untuk)",
    r"(?:alamat|kotak surat) (?:\S+ ){0,2}tidak lagi (?:digunakan|aktif)",
    "sudah tidak bekerja di",
    "tidak lagi dipantau",
]

MOVED = [
    "alamat email (?:baru )?saya (?:yang baru )?adalah",
    "alamat email saya telah berubah",
    "(?:mulai sekarang|ke depannya),? (?:mohon |silakan )?(?:kirim|hubungi|tulis)",
]
