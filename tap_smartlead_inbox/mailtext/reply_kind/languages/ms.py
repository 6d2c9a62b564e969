"""Malay (ms); what it shares with Indonesian ("sedang bercuti", "untuk urusan mendesak") is id's."""

BOUNCE_SUBJECT = [
    "tidak boleh dihantar",
    "alamat tidak ditemui",
    "penghantaran gagal",
]

AUTO_SUBJECT = [
    "balasan automatik",
    "jawapan automatik",
    "di luar pejabat",
]

DSN_TEXT = [
    "tidak (?:dapat |boleh )?dihantar kepada",
    "mesej anda tidak dihantar",
    "alamat tidak ditemui",
    "peti mel (?:penerima )?penuh",
]

AUTOMATED = [
    "ini (?:adalah )?(?:mesej|e-?mel|balasan) automatik",
    "kami telah menerima (?:e-?mel|mesej|permohonan) anda",
    "dijana secara automatik",
]

CHALLENGE = [
    "sahkan bahawa anda (?:manusia|bukan robot)",
    "pengesahan penghantar",
    "mesej anda akan dihantar selepas",
]

AWAY = [
    "(?:saya )?(?:berada )?di luar pejabat",
    "sedang bercuti",
    "cuti (?:tahunan|sakit|bersalin)",
    "(?:saya )?bercuti (?:dari|sehingga|hingga|mulai)",
]

RETURN = [
    "(?:akan )?kembali (?:ke pejabat |bertugas )?pada (?:\\d|isnin|selasa|rabu|khamis|jumaat)",
    "sehingga \\d{1,2} (?:jan|feb|mac|apr|mei|jun|jul|ogo|sep|okt|nov|dis)",
    "sekembalinya saya",
]

LIMITED = [
    "akses terhad kepada e-?mel",
    "capaian e-?mel (?:yang )?terhad",
]

URGENT = [
    "(?:untuk|bagi) (?:perkara|urusan|hal) (?:segera|penting)",
    "bagi (?:perkara|urusan|hal) mendesak",
    "untuk perkara mendesak",
]

GONE = [
    "tidak lagi bekerja dengan",
    "telah meninggalkan syarikat",
    "peti mel ini tidak lagi dipantau",
    "alamat e-?mel ini tidak lagi (?:aktif|digunakan)",
]

MOVED = [
    "alamat e-?mel baharu saya",
    "alamat e-?mel saya telah bertukar",
    "mulai sekarang,? sila (?:hantar|hubungi)",
]

COURTESY = [
    "terima kasih (?:atas|kerana|untuk) (?:e-?mel|mesej|menghubungi)",
    "(?:akan )?membalas (?:e-?mel anda )?(?:secepat mungkin|dengan segera|dalam masa terdekat)",
]

ENGAGED = [
    "menarik",
    "berapakah harga",
    "boleh kita berbincang",
]

UNSUBSCRIBE = [
    "keluarkan (?:saya|nama saya|e-?mel saya) (?:daripada|dari) senarai",
    "berhenti menghantar e-?mel",
    "nyahlanggan",
]
