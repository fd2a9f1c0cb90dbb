"""The project's URLs with the dashboard's day fixed (its ``today`` argument): the tests of what it shows on a day."""

from datetime import date

from django.urls import path

from danvan import urls
from reports import views

TODAY = date(2026, 3, 20)  # the year so far runs from 15/12/2025; the same days a year earlier from 15/12/2024

# The same address as reports:dashboard, listed first so that it answers instead.
urlpatterns = [path("bao-cao/bang-dieu-khien/", views.dashboard, {"today": TODAY}), *urls.urlpatterns]
