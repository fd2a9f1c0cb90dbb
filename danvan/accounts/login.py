"""Logging in, with django-axes counting the failures: the form warns on the try before the lock, and the lock's page
says how many minutes it lasts (axes gives an ISO 8601 duration, "PT15M", nobody reads)."""

from math import ceil

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def lockout_minutes(request: HttpRequest) -> int:
    """How many minutes a lock lasts."""
    cool_off = get_cool_off(request)
    return ceil(cool_off.total_seconds() / 60) if cool_off else 0


def locked_out(request: HttpRequest, original_response=None, credentials: dict | None = None) -> HttpResponse:
    """The page axes shows instead of the login form once an account is locked (``AXES_LOCKOUT_CALLABLE``)."""
    context = {"minutes": lockout_minutes(request)}
    return render(request, "registration/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


class LoginView(auth_views.LoginView):
    """Django's login; after a failed try that leaves one more before the lock, a warning above the form."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        failures = getattr(self.request, "axes_failures_since_start", None)
        if failures is not None:
            credentials = {settings.AXES_USERNAME_FORM_FIELD: self.request.POST.get(settings.AXES_USERNAME_FORM_FIELD)}
            if get_failure_limit(self.request, credentials) - failures == 1:
                context["last_try_minutes"] = lockout_minutes(self.request)
        return context
