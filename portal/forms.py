"""The form of the header search: one text of 2 to 100 characters."""

from django import forms

from danvan.forms import Form

QUERY_MAX_LENGTH = 100
HINT = "Gõ mã hồ sơ (có hoặc không có tiền tố), họ tên (không cần dấu) hoặc số CCCD, ít nhất 2 ký tự."


class SearchForm(Form):
    q = forms.CharField(
        label="Tìm hồ sơ",
        min_length=2,
        max_length=QUERY_MAX_LENGTH,
        error_messages={
            "required": HINT,
            "min_length": HINT,
            "max_length": f"Nội dung tìm kiếm dài quá {QUERY_MAX_LENGTH} ký tự.",
            "null_characters_not_allowed": "Nội dung tìm kiếm có ký tự không hợp lệ.",
        },
    )
