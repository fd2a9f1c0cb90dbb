"""The filters of the dialogue list (and its export): a date range, the level of the unit where it was held, the kind,
the host and the organising agency within the user's scope; and the state of the follow-up page."""

from datetime import date

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest

from danvan.filters import ALL, DateRangeForm, date_filter
from danvan.forms import Form
from danvan.models import AdminUnit, Agency, Staff
from danvan.pickers import AGENCIES, Picker, SearchPicker, agency_label
from dialogues.models import Dialogue, Directive, DirectiveStatus, Host, Kind, Opinion, OpinionStatus
from dialogues.selectors import (
    dialogues_for,
    directives_for,
    open_directives,
    open_opinions,
    opinions_for,
    overdue_directives,
    overdue_opinions,
)


def _agencies_with_dialogues(staff: Staff) -> QuerySet[Agency]:
    """Only the agencies in scope that have dialogues."""
    return AGENCIES.choices(staff).filter(pk__in=dialogues_for(staff).values("agency"))


DIALOGUE_AGENCIES = Picker("co-quan-doi-thoai", _agencies_with_dialogues, agency_label)


def _agencies(request: HttpRequest) -> QuerySet[Agency]:
    return DIALOGUE_AGENCIES.choices(request.user)


class DialogueFilter(django_filters.FilterSet):
    date_from = date_filter("date", "gte", "Từ ngày")
    date_to = date_filter("date", "lte", "Đến ngày")
    level = django_filters.ChoiceFilter(
        field_name="unit__level", label="Cấp", choices=AdminUnit.Level.choices, empty_label=ALL
    )
    kind = django_filters.ChoiceFilter(label="Hình thức", choices=Kind.choices, empty_label=ALL)
    host = django_filters.ChoiceFilter(label="Người chủ trì", choices=Host.choices, empty_label=ALL)
    agency = django_filters.ModelChoiceFilter(
        label="Cơ quan tổ chức", queryset=_agencies, widget=SearchPicker(DIALOGUE_AGENCIES.name, placeholder=ALL)
    )

    class Meta:
        model = Dialogue
        form = DateRangeForm
        fields = ["date_from", "date_to", "level", "kind", "host", "agency"]


class FollowUp(Form):
    """The state of the follow-up shown: what is still open (the overdue first), only the overdue, or what is done."""

    OPEN, OVERDUE, DONE = "", "overdue", "done"

    status = forms.ChoiceField(
        label="Tình trạng",
        choices=[(OPEN, "Đang theo dõi"), (OVERDUE, "Quá hạn"), (DONE, "Đã giải quyết, hoàn thành")],
        required=False,
    )

    @property
    def state(self) -> str:
        return self.cleaned_data["status"] if self.is_valid() else self.OPEN

    def opinions(self, staff: Staff, *, today: date) -> QuerySet[Opinion]:
        """The opinions ``staff`` follows in this state."""
        if self.state == self.DONE:
            return opinions_for(staff).filter(status=OpinionStatus.RESOLVED).order_by("-resolved_on", "-pk")
        return overdue_opinions(staff, today=today) if self.state == self.OVERDUE else open_opinions(staff)

    def directives(self, staff: Staff, *, today: date) -> QuerySet[Directive]:
        """The directives ``staff`` follows in this state."""
        if self.state == self.DONE:
            return directives_for(staff).filter(status=DirectiveStatus.DONE).order_by("-done_on", "-pk")
        return overdue_directives(staff, today=today) if self.state == self.OVERDUE else open_directives(staff)
