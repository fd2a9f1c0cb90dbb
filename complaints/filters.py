"""The filters of the petition list and the case list. Pass ``request``: choices and "to us" follow the user's scope.

The text search reads folded contents and petitioners' folded names, never the denouncer vault.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from complaints.models import Handling, Petition, Source
from complaints.rules import RECEIPT_PREFIX
from complaints.search import case_number
from complaints.selectors import (
    awaiting_reply,
    cases_due_soon,
    overdue_cases,
    overdue_forwards,
    overdue_notifications,
    overdue_petitions,
    petitions_due_soon,
    replies_overdue,
    unsent_suspensions,
)
from danvan.codes import searched_code
from danvan.filters import ALL, OLDEST, DateRangeForm, date_filter, search_filter, sort_filter
from danvan.forms import Form
from danvan.models import Agency, Case, Classification
from danvan.pickers import AGENCIES, SearchPicker
from danvan.scope import visible_agencies
from danvan.text import fold

OVERDUE, DUE_SOON, SUSPENSION_UNSENT = "overdue", "due_soon", "suspension_unsent"
DEADLINES = [(OVERDUE, "Quá hạn"), (DUE_SOON, "Sắp đến hạn (≤ 5 ngày làm việc)")]
UNHANDLED, HANDLED = "unhandled", "handled"
TO_US, AWAITING_REPLY, REPLY_OVERDUE = "to_us", "awaiting_reply", "reply_overdue"
RUNNING, SUSPENDED, RESOLVED = "running", "suspended", "resolved"
FORWARD_OVERDUE, NOTICE_OVERDUE = "forward_overdue", "notice_overdue"


def _agencies(request: HttpRequest) -> QuerySet[Agency]:
    return AGENCIES.choices(request.user)


def _named(folded: str, citizen: str = "citizen") -> Q:
    """A petitioner's name; a denunciation has none on record and is left out even so."""
    return Q(**{f"{citizen}__search_name__contains": folded}) & ~Q(kind=Classification.DENUNCIATION)


def _petitioner_named(folded: str) -> Q:
    """A petition's petitioner by name: never one known elsewhere, whom the petition shows as given (a match on their
    stored name would tell it)."""
    return _named(folded) & Q(given_name="")


class PetitionFilter(django_filters.FilterSet):
    date_from = date_filter("received_on", "gte", "Nhận từ ngày")
    date_to = date_filter("received_on", "lte", "Đến ngày")
    agency = django_filters.ModelChoiceFilter(
        label="Cơ quan nhận đơn", queryset=_agencies, widget=SearchPicker(AGENCIES.name, placeholder=ALL)
    )
    kind = django_filters.ChoiceFilter(label="Loại đơn", choices=Classification.choices, empty_label=ALL)
    source = django_filters.ChoiceFilter(label="Nguồn đơn", choices=Source.choices, empty_label=ALL)
    state = django_filters.ChoiceFilter(
        label="Tình trạng xử lý",
        choices=[(UNHANDLED, "Chưa xử lý"), (HANDLED, "Đã xử lý"), ("Theo hướng xử lý", Handling.choices)],
        empty_label=ALL,
        method="filter_state",
    )
    deadline = django_filters.ChoiceFilter(
        label="Hạn xử lý", choices=DEADLINES, empty_label=ALL, method="filter_deadline"
    )
    forwarding = django_filters.ChoiceFilter(
        label="Đơn chuyển",
        choices=[
            (TO_US, "Chuyển đến cơ quan mình"),
            (AWAITING_REPLY, "Đã chuyển, chờ phúc đáp"),
            (REPLY_OVERDUE, "Quá hạn phúc đáp"),
        ],
        empty_label=ALL,
        method="filter_forwarding",
    )
    other_deadline = django_filters.ChoiceFilter(
        label="Thời hạn khác",
        choices=[
            (FORWARD_OVERDUE, "Quá hạn chuyển đơn tố cáo không thuộc thẩm quyền"),
            (NOTICE_OVERDUE, "Quá hạn thông báo kết quả cho cơ quan chuyển đơn"),
        ],
        empty_label=ALL,
        method="filter_other_deadline",
    )
    q = search_filter("Tìm mã, họ tên, nội dung")
    sort = sort_filter("Mới nhận trước", "Nhận trước lên trước")

    class Meta:
        model = Petition
        form = DateRangeForm
        fields = []

    def filter_state(self, queryset: QuerySet[Petition], name: str, value: str) -> QuerySet[Petition]:
        if value == UNHANDLED:
            return queryset.filter(handling="")
        if value == HANDLED:
            return queryset.exclude(handling="")
        return queryset.filter(handling=value)

    def filter_deadline(self, queryset: QuerySet[Petition], name: str, value: str) -> QuerySet[Petition]:
        only = overdue_petitions if value == OVERDUE else petitions_due_soon
        return only(queryset, today=timezone.localdate())

    def filter_other_deadline(self, queryset: QuerySet[Petition], name: str, value: str) -> QuerySet[Petition]:
        only = overdue_forwards if value == FORWARD_OVERDUE else overdue_notifications
        return only(queryset, today=timezone.localdate())

    def filter_forwarding(self, queryset: QuerySet[Petition], name: str, value: str) -> QuerySet[Petition]:
        if value == TO_US:
            return queryset.filter(forwarded_to__in=visible_agencies(self.request.user).values("pk"))
        if value == AWAITING_REPLY:
            return awaiting_reply(queryset)
        return replies_overdue(queryset, today=timezone.localdate())

    def filter_text(self, queryset: QuerySet[Petition], name: str, value: str) -> QuerySet[Petition]:
        """The receipt code (its letters are enough), the content or the petitioner's name, ignoring diacritics and
        case."""
        folded = fold(value)
        if not folded:
            return queryset
        condition = Q(search_text__contains=folded) | _petitioner_named(folded)
        if code := searched_code(value, RECEIPT_PREFIX):  # with or without "DT-"
            condition |= Q(receipt_code=code)
        return queryset.filter(condition)

    def sort_by_date(self, queryset: QuerySet[Petition], name: str, value: str) -> QuerySet[Petition]:
        if value == OLDEST:
            return queryset.order_by("received_on", "pk")
        return queryset.order_by("-received_on", "-pk")


class CaseFilter(django_filters.FilterSet):
    agency = django_filters.ModelChoiceFilter(
        label="Cơ quan", queryset=_agencies, widget=SearchPicker(AGENCIES.name, placeholder=ALL)
    )
    kind = django_filters.ChoiceFilter(label="Loại vụ việc", choices=Classification.choices, empty_label=ALL)
    round = django_filters.ChoiceFilter(
        label="Lần giải quyết", choices=Case.Round.choices, empty_label=ALL, method="filter_round"
    )
    state = django_filters.ChoiceFilter(
        label="Tình trạng",
        choices=[(RUNNING, "Đang giải quyết"), (SUSPENDED, "Tạm đình chỉ"), (RESOLVED, "Đã giải quyết")],
        empty_label=ALL,
        method="filter_state",
    )
    deadline = django_filters.ChoiceFilter(
        label="Hạn giải quyết",
        choices=[*DEADLINES, (SUSPENSION_UNSENT, "Quá hạn gửi quyết định tạm đình chỉ")],
        empty_label=ALL,
        method="filter_deadline",
    )
    hotspot = django_filters.BooleanFilter(
        label="Chỉ vụ việc đông người, phức tạp", widget=forms.CheckboxInput, method="filter_hotspot"
    )
    q = search_filter("Tìm mã, họ tên, nội dung")

    class Meta:
        model = Case
        fields = []
        form = Form

    def filter_round(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        """Rounds are those of complaints (a denunciation has none, whatever its record holds)."""
        return queryset.filter(kind=Classification.COMPLAINT, round=value)

    def filter_state(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        if value == RESOLVED:
            return queryset.filter(resolved_on__isnull=False)
        return queryset.filter(resolved_on__isnull=True, suspended_since__isnull=(value == RUNNING))

    def filter_deadline(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        only = {OVERDUE: overdue_cases, DUE_SOON: cases_due_soon, SUSPENSION_UNSENT: unsent_suspensions}[value]
        return only(queryset, today=timezone.localdate())

    def filter_hotspot(self, queryset: QuerySet[Case], name: str, value: bool) -> QuerySet[Case]:
        return queryset.filter(hotspot=True) if value else queryset

    def filter_text(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        """The case code (VV…, or its number alone), the content of one of its petitions, or the name of a petitioner
        of a complaint or recommendation, ignoring diacritics and case."""
        folded = fold(value)
        if not folded:
            return queryset
        petitions = Petition.objects.filter(case=OuterRef("pk")).filter(
            Q(search_text__contains=folded) | _petitioner_named(folded)
        )
        condition = Exists(petitions) | _named(folded)
        if number := case_number(value):  # with or without "VV"
            condition |= Q(pk=number)
        return queryset.filter(condition)
