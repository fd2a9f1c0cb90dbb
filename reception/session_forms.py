"""Forms of heads' reception: recording a session, its concluding notice, a published schedule, the month to check."""

from datetime import date, timedelta

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone

from danvan.forms import Form, ModelForm
from danvan.models import AdminUnit, Staff
from danvan.permissions import recording_agencies
from reception.frequency import DELEGATION_BARRED_FROM
from reception.models import ReceptionSchedule, ReceptionSession

# Luật Tiếp công dân took effect on 01/07/2014: no periodic reception is due before.
FIRST_YEAR = 2014


class _OfAgencyForm(ModelForm):
    """A form about one of the agencies the staff member records for, preselected when there is only one."""

    def __init__(self, *args, staff: Staff, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        agency = self.fields["agency"]
        agency.queryset = recording_agencies(staff)
        agency.empty_label = "— Chọn cơ quan —"
        first_two = list(agency.queryset[:2])
        if len(first_two) == 1:
            self.initial.setdefault("agency", first_two[0].pk)


class SessionForm(_OfAgencyForm):
    class Meta:
        model = ReceptionSession
        fields = [
            "date",
            "agency",
            "mode",
            "receiver",
            "host_name",
            "host_title",
            "reference",
            "conclusion_number",
            "conclusion",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
            "mode": forms.RadioSelect,
            "receiver": forms.RadioSelect,
            "conclusion": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "mode": "Tiếp đột xuất không được tính vào mức tiếp định kỳ tối thiểu của người đứng đầu.",
            "receiver": f"Từ ngày {DELEGATION_BARRED_FROM:%d/%m/%Y}, buổi tiếp do người được ủy quyền không còn được "
            "tính là tiếp định kỳ của người đứng đầu.",
            "reference": "Để trống nếu trong ngày chỉ có một kỳ tiếp.",
            "conclusion": "Có thể bổ sung sau khi ban hành thông báo kết luận.",
        }
        error_messages = {
            NON_FIELD_ERRORS: {
                "unique_together": "Cơ quan đã có kỳ tiếp ngày này với cùng hình thức và người tiếp. Nếu đây là "
                "một kỳ tiếp khác trong ngày, hãy nhập mã kỳ tiếp."
            }
        }

    def clean(self) -> dict:
        cleaned = super().clean()
        agency, on = cleaned.get("agency"), cleaned.get("date")
        if agency and on and not AdminUnit.objects.valid_on(on).filter(pk=agency.unit_id).exists():
            self.add_error("date", f"Vào ngày {on:%d/%m/%Y}, {agency.unit.name} không còn hoặc chưa được thành lập.")
        return cleaned


class ConclusionForm(ModelForm):
    class Meta:
        model = ReceptionSession
        fields = ["conclusion_number", "conclusion"]
        widgets = {"conclusion": forms.Textarea(attrs={"rows": 6})}


class ScheduleForm(_OfAgencyForm):
    class Meta:
        model = ReceptionSchedule
        fields = ["agency", "head_name", "head_title", "description", "place", "valid_from", "document"]
        widgets = {"valid_from": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})}


def previous_month(today: date) -> tuple[int, int]:
    last_of_previous = today.replace(day=1) - timedelta(days=1)
    return last_of_previous.year, last_of_previous.month


class MonthForm(Form):
    """The month whose periodic reception is checked; the previous month unless one is picked."""

    month = forms.TypedChoiceField(label="Tháng", choices=[(m, f"Tháng {m}") for m in range(1, 13)], coerce=int)
    year = forms.IntegerField(label="Năm", min_value=FIRST_YEAR)

    def __init__(self, data=None) -> None:
        year, month = previous_month(timezone.localdate())
        self.default = (year, month)
        picked = data is not None and any(name in data for name in self.base_fields)
        super().__init__(data if picked else None, initial={"year": year, "month": month})

    def clean(self) -> dict:
        cleaned = super().clean()
        today = timezone.localdate()
        if "year" in cleaned and "month" in cleaned and (cleaned["year"], cleaned["month"]) > (today.year, today.month):
            self.add_error("month", "Tháng được chọn chưa đến.")
        return cleaned

    @property
    def period(self) -> tuple[int, int]:
        """The (year, month) picked, or the previous month when nothing valid was picked."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["year"], self.cleaned_data["month"]
        return self.default
