"""Vietnamese (vi)."""

AWAY = [
    "tôi (?:đang |sẽ )?(?:nghỉ phép|nghỉ lễ|đi công tác|vắng mặt|không có mặt)",
]

LIMITED = [
    "ít (?:kiểm tra|đọc) (?:email|thư)",
    "hạn chế (?:truy cập|kiểm tra)",
]

URGENT = [
    "(?:việc|trường hợp) (?:gấp|khẩn cấp)",
]
