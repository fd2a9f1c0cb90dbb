"""The filters of the session list: a date range, an agency within the user's scope, periodic or ad hoc."""

import django_filters
from django.db.models import QuerySet
from django.http import HttpRequest

from danvan.filters import ALL, DateRangeForm, date_filter
from danvan.models import Agency, Staff
from danvan.pickers import AGENCIES, Picker, SearchPicker, agency_label
from reception.models import HEAD_MODES, ReceptionSession
from reception.selectors import sessions_for


def _agencies_with_sessions(staff: Staff) -> QuerySet[Agency]:
    """Only the agencies in scope that have sessions."""
    return AGENCIES.choices(staff).filter(pk__in=sessions_for(staff).values("agency"))


SESSION_AGENCIES = Picker("co-quan-ky-tiep", _agencies_with_sessions, agency_label)


def _agencies(request: HttpRequest) -> QuerySet[Agency]:
    return SESSION_AGENCIES.choices(request.user)


class SessionFilter(django_filters.FilterSet):
    date_from = date_filter("date", "gte", "Từ ngày")
    date_to = date_filter("date", "lte", "Đến ngày")
    agency = django_filters.ModelChoiceFilter(
        label="Cơ quan", queryset=_agencies, widget=SearchPicker(SESSION_AGENCIES.name, placeholder=ALL)
    )
    mode = django_filters.ChoiceFilter(
        label="Hình thức", choices=[(m.value, m.label) for m in HEAD_MODES], empty_label=ALL
    )

    class Meta:
        model = ReceptionSession
        form = DateRangeForm
        fields = ["date_from", "date_to", "agency", "mode"]
