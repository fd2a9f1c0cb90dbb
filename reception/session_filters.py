"""The filters of the session list: a date range and an agency within the user's scope."""

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest

from danvan.models import Agency
from danvan.scope import agencies_for
from reception.models import ReceptionSession
from reception.selectors import sessions_for


def _agencies_with_sessions(request: HttpRequest) -> QuerySet[Agency]:
    """Only the agencies in scope that have sessions, so the choice stays short."""
    return agencies_for(request.user).filter(pk__in=sessions_for(request.user).values("agency"))


class SessionFilter(django_filters.FilterSet):
    date_from = django_filters.DateFilter(
        field_name="date",
        lookup_expr="gte",
        label="Từ ngày",
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )
    date_to = django_filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        label="Đến ngày",
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )
    agency = django_filters.ModelChoiceFilter(label="Cơ quan", queryset=_agencies_with_sessions, empty_label="Tất cả")

    class Meta:
        model = ReceptionSession
        fields = ["date_from", "date_to", "agency"]
