"""The desk form: one screen for the citizen and the visit."""

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone

from danvan.citizens import PICKED_ELSEWHERE, CitizenDetails
from danvan.forms import CccdField, Form, birth_date_field
from danvan.inputs import id_in
from danvan.models import Case, Citizen, Classification, Staff, SubjectField
from danvan.permissions import Action, agencies_granted
from danvan.scope import citizens_seen_by
from reception.models import Channel, Mode, Receiver, Result
from reception.qr import parse_chip_qr
from reception.selectors import desk_cases_for

CITIZEN_FIELDS = ("cccd", "full_name", "birth_date", "gender", "address", "phone")


def _lookup_attrs(name: str) -> dict:
    """Typing in the field looks the citizen up (htmx), sending only that field."""
    return {
        "hx-post": reverse_lazy("reception:citizen-lookup"),
        "hx-trigger": "input changed delay:300ms",
        "hx-target": "#citizen-matches",
        "hx-params": name,
        "autocomplete": "off",
    }


class DeskForm(Form):
    agency = forms.ModelChoiceField(label="Cơ quan tiếp", queryset=None, empty_label=None)
    # Picked with the citizen lookup: only a citizen within the user's sight (danvan.scope.citizens_seen_by).
    citizen = forms.ModelChoiceField(
        queryset=None, required=False, widget=forms.HiddenInput, error_messages={"invalid_choice": PICKED_ELSEWHERE}
    )

    cccd = CccdField(label="Số CCCD", required=False, widget=forms.TextInput(attrs=_lookup_attrs("cccd")))
    full_name = forms.CharField(
        label="Họ và tên", max_length=150, widget=forms.TextInput(attrs=_lookup_attrs("full_name"))
    )
    birth_date = birth_date_field()
    gender = forms.ChoiceField(label="Giới tính", required=False, choices=[("", "—"), *Citizen.Gender.choices])
    address = forms.CharField(label="Địa chỉ", required=False, max_length=300)
    phone = forms.CharField(label="Điện thoại", required=False, max_length=20)

    received_on = forms.DateField(label="Ngày tiếp")
    received_time = forms.TimeField(label="Giờ", required=False)
    mode = forms.ChoiceField(label="Hình thức tiếp", choices=Mode.choices)
    receiver = forms.ChoiceField(label="Người tiếp", choices=Receiver.choices)
    receiver_name = forms.CharField(label="Họ tên người tiếp", required=False, max_length=150)
    receiver_title = forms.CharField(label="Chức vụ", required=False, max_length=150)
    channel = forms.ChoiceField(label="Kênh", choices=Channel.choices)
    people = forms.IntegerField(label="Số người", min_value=1, initial=1)
    other_representatives = forms.CharField(
        label="Người đại diện khác (mỗi người một dòng)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    content = forms.CharField(label="Nội dung", widget=forms.Textarea(attrs={"rows": 4}))
    kind = forms.ChoiceField(label="Phân loại", choices=Classification.choices)
    field = forms.ChoiceField(label="Lĩnh vực", required=False, choices=[("", "—"), *SubjectField.choices])
    # Picked with the case picker (a search, reception:case-search): empty for a new case.
    case = forms.ModelChoiceField(label="Vụ việc", queryset=None, required=False, widget=forms.HiddenInput)
    result = forms.ChoiceField(label="Kết quả tiếp", required=False, choices=[("", "—"), *Result.choices])
    documents = forms.CharField(
        label="Giấy tờ, tài liệu nhận",
        required=False,
        help_text="Mỗi loại một dòng; có giấy tờ thì in giấy biên nhận.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    notes = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, data=None, *args, staff: Staff, focus_cccd: bool = True, **kwargs) -> None:
        scanned = parse_chip_qr(data.get("cccd", "")) if data is not None else None
        if scanned:  # a card's QR code typed into the CCCD field by a browser without script
            data = data.copy()
            data.update({key: value for key, value in scanned.items() if value})
        super().__init__(data, *args, **kwargs)
        self.fields["agency"].queryset = agencies_granted(staff, Action.RECORD).select_related("unit")
        self.fields["citizen"].queryset = citizens_seen_by(staff)
        self.fields["case"].queryset = desk_cases_for(staff).select_related("citizen")
        self.fields["people"].error_messages["min_value"] = "Số người phải từ 1 trở lên."
        # The desk opens on the CCCD field, where a scanner types the card's QR code.
        self.fields["cccd"].widget.attrs["autofocus"] = focus_cccd

    @classmethod
    def initial_for(cls, staff: Staff) -> dict:
        now = timezone.localtime()
        return {
            "received_on": now.date(),
            "received_time": now.time().replace(second=0, microsecond=0),
            "receiver_name": staff.get_full_name(),
            "receiver_title": staff.title,
            "people": 1,
        }

    def clean(self) -> dict:
        cleaned = super().clean()
        if "citizen" in self.errors:  # a hidden field: its refusal shows above the form
            self.add_error(None, self.errors.pop("citizen"))
        received_on = cleaned.get("received_on")
        if received_on and received_on > timezone.localdate():
            self.add_error("received_on", "Ngày tiếp không được sau hôm nay.")
        return cleaned

    @property
    def chosen_case(self) -> Case | None:
        """The case the picker shows as chosen: the one posted, else the one suggested."""
        value = self["case"].value()
        if isinstance(value, Case) or value in (None, ""):
            return value or None
        pk = id_in(value)
        return self.fields["case"].queryset.filter(pk=pk).first() if pk is not None else None

    def citizen_details(self) -> CitizenDetails:
        return CitizenDetails(**{name: self.cleaned_data[name] for name in CITIZEN_FIELDS})

    def visit_fields(self) -> dict:
        names = (
            "received_on", "received_time", "mode", "receiver", "receiver_name", "receiver_title", "channel", "people",
            "other_representatives", "content", "kind", "field", "case", "result", "documents",
            "notes",
        )  # fmt: skip
        return {name: self.cleaned_data[name] for name in names}
