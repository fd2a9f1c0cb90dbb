"""The filter of the visit list and of its Excel export."""

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from danvan.codes import VISIT_PREFIX, searched_code
from danvan.filters import ALL, OLDEST, DateRangeForm, date_filter, search_filter, sort_filter
from danvan.models import AdminUnit, Agency, Classification, SubjectField
from danvan.pickers import AGENCIES, UNITS, SearchPicker
from danvan.text import fold
from reception.models import GROUP_SIZE, Mode, Receiver, Visit
from reception.register import DENOUNCER_VISITS
from reception.selectors import overdue_answers


def _agencies(request: HttpRequest) -> QuerySet[Agency]:
    return AGENCIES.choices(request.user)


def _units(request: HttpRequest) -> QuerySet[AdminUnit]:
    return UNITS.choices(request.user)


class VisitFilter(django_filters.FilterSet):
    """Pass ``request``: the agencies and units offered are those of the user's scope."""

    date_from = date_filter("received_on", "gte", "Từ ngày")
    date_to = date_filter("received_on", "lte", "Đến ngày")
    agency = django_filters.ModelChoiceFilter(
        label="Cơ quan", queryset=_agencies, widget=SearchPicker(AGENCIES.name, placeholder=ALL)
    )
    unit = django_filters.ModelChoiceFilter(
        field_name="agency__unit",
        label="Đơn vị hành chính",
        queryset=_units,
        widget=SearchPicker(UNITS.name, placeholder=ALL),
    )
    mode = django_filters.ChoiceFilter(label="Hình thức tiếp", choices=Mode.choices, empty_label=ALL)
    receiver = django_filters.ChoiceFilter(label="Người tiếp", choices=Receiver.choices, empty_label=ALL)
    kind = django_filters.ChoiceFilter(label="Phân loại", choices=Classification.choices, empty_label=ALL)
    field = django_filters.ChoiceFilter(label="Lĩnh vực", choices=SubjectField.choices, empty_label=ALL)
    groups = django_filters.BooleanFilter(
        label="Chỉ đoàn đông người", widget=forms.CheckboxInput, method="filter_groups"
    )
    answer_overdue = django_filters.BooleanFilter(
        label="Chỉ lượt tiếp quá hạn trả lời công dân", widget=forms.CheckboxInput, method="filter_answer_overdue"
    )
    q = search_filter("Tìm mã biên nhận, họ tên, nội dung")
    sort = sort_filter("Mới nhất trước", "Cũ nhất trước")

    class Meta:
        model = Visit
        form = DateRangeForm
        fields = []

    def filter_groups(self, queryset: QuerySet[Visit], name: str, value: bool) -> QuerySet[Visit]:
        return queryset.filter(people__gte=GROUP_SIZE) if value else queryset

    def filter_answer_overdue(self, queryset: QuerySet[Visit], name: str, value: bool) -> QuerySet[Visit]:
        return overdue_answers(queryset, today=timezone.localdate()) if value else queryset

    def filter_text(self, queryset: QuerySet[Visit], name: str, value: str) -> QuerySet[Visit]:
        """Receipt code (its letters are enough), name or content, ignoring diacritics and case; never a denouncer's
        name, which would reveal them, nor the stored name of a citizen known elsewhere, whom the visit shows as
        given."""
        folded = fold(value)
        if not folded:
            return queryset
        by_name = Q(citizen__search_name__contains=folded, given_name="") & ~DENOUNCER_VISITS
        condition = by_name | Q(search_text__contains=folded)
        if code := searched_code(value, VISIT_PREFIX):  # with or without "TD-"
            condition |= Q(receipt_code=code)
        return queryset.filter(condition)

    def sort_by_date(self, queryset: QuerySet[Visit], name: str, value: str) -> QuerySet[Visit]:
        if value == OLDEST:
            return queryset.order_by("received_on", "received_time", "pk")
        return queryset.order_by("-received_on", "-received_time", "-pk")
