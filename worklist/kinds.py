"""The kinds of work in a personal queue, in the words of its filter."""

from django.db import models


class Kind(models.TextChoices):
    PETITION = "petition", "Xử lý đơn"
    FORWARD = "forward", "Chuyển đơn tố cáo"
    REPLY = "reply", "Đơn đã chuyển chờ phúc đáp"
    NOTICE = "notice", "Thông báo kết quả cho cơ quan chuyển đơn"
    ANSWER = "answer", "Trả lời công dân sau tiếp"
    CASE = "case", "Giải quyết vụ việc"
    SUSPENSION = "suspension", "Gửi quyết định tạm đình chỉ"
    APPROVAL = "approval", "Duyệt văn bản trình"
    OPINION = "opinion", "Ý kiến sau đối thoại"
    DIRECTIVE = "directive", "Kết luận, chỉ đạo sau đối thoại"
    REPORT = "report", "Gửi báo cáo định kỳ"
