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

AUTO_SUBJECT = [
    "trả lời tự động",
    "thư trả lời tự động",
    "vắng mặt",
    "nghỉ phép",
]

AUTOMATED = [
    "(?:đây là )?(?:thư|email|tin nhắn) (?:trả lời )?tự động",
    "chúng tôi đã nhận được (?:thư|email|yêu cầu|tin nhắn)",
]

CHALLENGE = [
    "xác nhận (?:rằng )?bạn là (?:người|con người)",
    "xác minh người gửi",
    "thư của bạn sẽ (?:chỉ )?được (?:gửi|chuyển) (?:đi )?sau khi",
]

RETURN = [
    "(?:tôi sẽ )?(?:quay lại|trở lại) (?:văn phòng |làm việc )?(?:vào|từ|sau)",
    "khi tôi (?:quay lại|trở lại|trở về)",
]

GONE = [
    "không còn làm việc (?:tại|ở|cho)",
    r"(?:địa chỉ|hộp thư|tài khoản) (?:\S+ ){0,2}không còn (?:được sử dụng|hoạt động)",
]

MOVED = [
    "địa chỉ (?:email )?mới của tôi là",
    "(?:địa chỉ email|email) của tôi đã (?:thay đổi|đổi)",
    "(?:từ nay|từ bây giờ|sau này),? (?:vui lòng )?(?:gửi|liên hệ|viết) (?:thư |email )?(?:đến|tới|cho|qua)",
]
