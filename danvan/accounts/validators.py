"""The password length rule with its messages in Vietnamese (Django's translation lacks them: its message has a plural
form the Vietnamese catalogue does not fill)."""

from django.contrib.auth import password_validation


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự."

    def get_help_text(self) -> str:
        return f"Mật khẩu phải có ít nhất {self.min_length} ký tự."
