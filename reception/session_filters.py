"""The filters of the session list: a date range, an agency within the user's scope, periodic or ad hoc."""

import django_filters
from django.db.models import QuerySet
from django.http import HttpRequest

from danvan.filters import ALL, DateRangeForm, date_filter
from danvan.models import Agency
from danvan.scope import agencies_for
from reception.models import HEAD_MODES, ReceptionSession
from reception.selectors import sessions_for


def _agencies_with_sessions(request: HttpRequest) -> QuerySet[Agency]:
    """Only the agencies in scope that have sessions, so the choice stays short."""
    return agencies_for(request.user).filter(pk__in=sessions_for(request.user).values("agency"))


class SessionFilter(django_filters.FilterSet):
    date_from = date_filter("date", "gte", "Từ ngày")
    date_to = date_filter("date", "lte", "Đến ngày")
    agency = django_filters.ModelChoiceFilter(label="Cơ quan", queryset=_agencies_with_sessions, empty_label=ALL)
    mode = django_filters.ChoiceFilter(
        label="Hình thức", choices=[(m.value, m.label) for m in HEAD_MODES], empty_label=ALL
    )

    class Meta:
        model = ReceptionSession
        form = DateRangeForm
        fields = ["date_from", "date_to", "agency", "mode"]
