"""One's own account: its page, the change of password, and the reset by an e-mailed link — Django's views with the
portal's Vietnamese pages and e-mail, each change logged. The reset page says the same whether or not an account has
the address typed (Django's view does): it never tells who has an account."""

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit

from danvan.accounts import mail
from danvan.accounts.services import own_password_changed
from danvan.forms import CheckedInputs
from danvan.permissions import Action, holds


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The user's account: their details and roles, the change of password, and for an admin their staff pages."""
    memberships = request.user.memberships.select_related("agency").order_by("agency__name", "role")
    context = {"memberships": memberships, "administers": holds(request.user, Action.STAFF)}
    return render(request, "accounts/account.html", context)


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("account")

    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        own_password_changed(self.request.user, by_link=False)
        messages.success(self.request, "Đã đổi mật khẩu.")
        return response


class _ResetForm(CheckedInputs, PasswordResetForm):
    email = forms.EmailField(
        label="E-mail",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
        error_messages={"invalid": "Địa chỉ e-mail không hợp lệ.", "required": "Hãy nhập địa chỉ e-mail."},
    )


# Reset requests from one address: enough for a forgetful user, too few to flood a mailbox.
RESET_RATE = "5/h"


@method_decorator(
    ratelimit(group="password-reset", key="ip", rate=RESET_RATE, method="POST", block=False), name="dispatch"
)
class PasswordResetView(auth_views.PasswordResetView):
    form_class = _ResetForm

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.limited:
            return self.render_to_response(self.get_context_data(throttled=True), status=429)
        return super().post(request, *args, **kwargs)

    subject_template_name = mail.SUBJECT
    email_template_name = mail.TEXT
    html_email_template_name = mail.HTML

    @property
    def extra_email_context(self) -> dict:
        return mail.email_context()


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        own_password_changed(form.user, by_link=True)
        return response
