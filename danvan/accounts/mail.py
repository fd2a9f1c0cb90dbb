"""The e-mail with a link to set one's password: asked for on the "Quên mật khẩu?" page, or sent by a unit admin to a
new account or to one whose password is to be reset. Django's reset form writes it, with its one-use token (it no
longer works once the password changed, nor after ``PASSWORD_RESET_TIMEOUT``)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError

from danvan.forms import CheckedInputs
from danvan.models import Staff

SUBJECT = "registration/password_reset_subject.txt"
TEXT = "registration/password_reset_email.txt"
HTML = "registration/password_reset_email.html"


def email_context(*, new_account: bool = False) -> dict:
    """What the e-mail's templates add to Django's: the portal's address (the link is built on it, never on the
    request's host), and whether the account is new."""
    return {"site_url": settings.DANVAN_SITE_URL, "new_account": new_account}


class _OneAccount(CheckedInputs, PasswordResetForm):
    """Django's reset form for one account an admin picked, not the accounts an address is looked up to (the page
    "Quên mật khẩu?" looks up active accounts with a password; a new account has none yet)."""

    def __init__(self, staff: Staff) -> None:
        super().__init__({"email": staff.email})
        self.staff = staff

    def get_users(self, email: str) -> list[Staff]:
        return [self.staff]


def send_password_link(staff: Staff, *, new_account: bool = False) -> None:
    """Sends ``staff`` the link to set their password (a failed delivery is logged by Django, as on the reset page)."""
    form = _OneAccount(staff)
    if not staff.email or not form.is_valid():
        raise ValidationError("Cán bộ chưa có địa chỉ e-mail hợp lệ: hãy nhập e-mail trước khi gửi liên kết.")
    site = urlsplit(settings.DANVAN_SITE_URL)
    form.save(
        domain_override=site.netloc,
        use_https=site.scheme == "https",
        subject_template_name=SUBJECT,
        email_template_name=TEXT,
        html_email_template_name=HTML,
        extra_email_context=email_context(new_account=new_account),
    )
