"""Forms of the petition page: intake, handling, the forward reply, the notice to the forwarder and duplicates (the
case's steps: complaints.step_forms).

Each form's cleaned data are the keyword arguments of its service, so that a refusal of the service (a dict of field →
message) lands on the field it is about.
"""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from complaints.models import Handling, Petition, Source, UnprocessableReason
from complaints.models.petitions import ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES
from complaints.rules import (
    handlings_of,
)
from danvan.citizens import CitizenDetails
from danvan.forms import CccdField, Form, date_field
from danvan.models import Agency, Case, Classification, Staff, SubjectField
from danvan.permissions import recording_agencies
from danvan.pickers import NEARBY_AGENCIES, SearchPicker
from danvan.scope import agencies_nearby, scoped
from danvan.uploads import FileTypeValidator

NONE = "—"
MAX_MEGABYTES = ATTACHMENT_MAX_BYTES // (1024 * 1024)
ATTACHMENT_TYPE_CHECK = FileTypeValidator(
    ATTACHMENT_TYPES,
    message="Tệp “{name}” không phải tệp PDF hoặc ảnh (JPG, PNG, TIFF): chỉ đính kèm được các loại tệp này.",
)


def _yes_no(label: str, *, yes: str, no: str, required: bool, required_message: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("1", yes), ("0", no)],
        coerce=lambda value: value == "1",
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
        error_messages={"required": required_message} if required_message else None,
    )


def number_field(label: str) -> forms.CharField:
    return forms.CharField(label=label, max_length=50)


def text_field(label: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text=help_text)


class _MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Any number of files, each a PDF or an image of at most ATTACHMENT_MAX_BYTES."""

    def __init__(self, **kwargs) -> None:
        accept = ",".join(f".{extension}" for extension in ATTACHMENT_TYPES)
        super().__init__(widget=_MultipleFileInput(attrs={"accept": accept}), **kwargs)

    def clean(self, data, initial=None) -> list[UploadedFile]:
        files = [super(AttachmentsField, self).clean(file, initial) for file in (data or [])]
        errors = [error for error in map(attachment_error, files) if error]
        if errors:
            raise forms.ValidationError(errors)
        return files


def attachment_error(file: UploadedFile) -> str:
    """Why a file cannot be attached, or "" when it can."""
    try:
        ATTACHMENT_TYPE_CHECK(file)
    except forms.ValidationError as refused:
        return refused.message
    if file.size > ATTACHMENT_MAX_BYTES:
        return (
            f"Tệp “{file.name}” có dung lượng {filesizeformat(file.size)}, vượt quá giới hạn {MAX_MEGABYTES} MB cho "
            "mỗi tệp: hãy quét ở độ phân giải thấp hơn hoặc tách thành nhiều tệp."
        )
    return ""


class IntakeForm(Form):
    agency = forms.ModelChoiceField(label="Cơ quan nhận đơn", queryset=Agency.objects.none(), empty_label=None)
    received_on = date_field("Ngày nhận đơn", today=True)
    source = forms.ChoiceField(label="Nguồn đơn", choices=Source.choices, initial=Source.POST)
    forwarded_by = forms.ModelChoiceField(
        label="Cơ quan chuyển đến",
        queryset=Agency.objects.none(),
        required=False,
        widget=SearchPicker(NEARBY_AGENCIES.name),
    )
    forwarded_by_name = forms.CharField(label="hoặc tên cơ quan chuyển đến", max_length=200, required=False)
    reference = forms.CharField(label="Số hiệu đơn, số văn bản chuyển", max_length=50, required=False)

    anonymous = forms.BooleanField(label="Đơn nặc danh, không rõ người đứng đơn", required=False)
    full_name = forms.CharField(label="Họ và tên người đứng đơn", max_length=150, required=False)
    cccd = CccdField(label="Số CCCD", required=False)
    address = forms.CharField(label="Địa chỉ", max_length=300, required=False)
    phone = forms.CharField(label="Điện thoại", max_length=20, required=False)
    signatories = forms.IntegerField(
        label="Số người đứng tên",
        min_value=1,
        initial=1,
        error_messages={"min_value": "Số người đứng tên từ 1 trở lên."},
    )

    kind = forms.ChoiceField(label="Loại đơn", choices=Classification.choices)
    field = forms.ChoiceField(label="Lĩnh vực", choices=[("", NONE), *SubjectField.choices], required=False)
    content = forms.CharField(label="Nội dung đơn", widget=forms.Textarea(attrs={"rows": 5}))
    attachments = AttachmentsField(
        label="Đơn và tài liệu kèm theo",
        required=False,
        help_text=f"Tệp PDF hoặc ảnh (JPG, PNG, TIFF), mỗi tệp không quá {MAX_MEGABYTES} MB. "
        "Bản quét đơn tố cáo được cất cùng danh tính người tố cáo, chỉ người được giao quyền mới xem được.",
    )
    confidential = forms.BooleanField(
        label="Tài liệu mật",
        required=False,
        help_text="Chỉ cán bộ xử lý, lãnh đạo của cơ quan nhận đơn và người được giao xử lý đơn mở được.",
    )

    def __init__(self, *args, staff: Staff, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = recording_agencies(staff)
        self.fields["forwarded_by"].queryset = agencies_nearby(staff)

    def clean(self) -> dict:
        cleaned = super().clean()
        named = any(cleaned.get(name) for name in ("full_name", "cccd", "address", "phone"))
        if cleaned.get("anonymous") and named:
            self.add_error("anonymous", "Đơn nặc danh thì để trống thông tin người đứng đơn.")
        if cleaned.get("source") not in (Source.FORWARDED, Source.ELECTED_BODY) and (
            cleaned.get("forwarded_by") or cleaned.get("forwarded_by_name")
        ):
            self.add_error("forwarded_by", "Chỉ ghi cơ quan chuyển đến khi đơn do cơ quan khác, ĐBQH, HĐND chuyển đến.")
        return cleaned

    def details(self) -> CitizenDetails | None:
        """The petitioner as typed; None when anonymous or left empty (the service then asks for them)."""
        data = self.cleaned_data
        if data["anonymous"] or not data["full_name"].strip():
            return None
        return CitizenDetails(full_name=data["full_name"].strip(), cccd=data["cccd"], address=data["address"],
                              phone=data["phone"])  # fmt: skip

    def petition_fields(self) -> dict:
        names = ("agency", "received_on", "source", "forwarded_by", "forwarded_by_name", "reference", "anonymous",
                 "signatories", "kind", "field", "content")  # fmt: skip
        return {name: self.cleaned_data[name] for name in names}


ACCEPTANCE_ORDER = ("round", "disciplinary", "complexity", "repeat_denunciation")


class _AcceptanceFieldsForm(Form):
    """A form that may accept a petition: what acceptance sets on its case, asked by kind of petition (left blank,
    they take the ordinary value; a recommendation opens no statutory clock)."""

    round = forms.TypedChoiceField(
        label="Lần giải quyết", choices=Case.Round.choices, required=False, empty_value=Case.Round.FIRST
    )
    disciplinary = forms.BooleanField(label="Khiếu nại quyết định kỷ luật cán bộ, công chức", required=False)
    complexity = forms.TypedChoiceField(
        label="Tính chất vụ việc", choices=Case.Complexity.choices, required=False, empty_value=Case.Complexity.NORMAL
    )
    repeat_denunciation = forms.BooleanField(label="Tố cáo tiếp", required=False)

    ACCEPTANCE_FIELDS = {
        Classification.COMPLAINT: ("round", "disciplinary", "complexity"),
        Classification.DENUNCIATION: ("complexity", "repeat_denunciation"),
        Classification.RECOMMENDATION: (),
    }

    def __init__(self, *args, petition: Petition, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ACCEPTANCE_ORDER:
            if name not in self.ACCEPTANCE_FIELDS[petition.kind]:
                del self.fields[name]

    @property
    def acceptance_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ACCEPTANCE_ORDER if name in self.fields]


HANDLING_HELP = {
    False: "Đơn không đủ điều kiện: lưu đơn, trả lại đơn hoặc hướng dẫn. Không thuộc thẩm quyền: hướng dẫn, chuyển "
    "đơn hoặc đôn đốc. Thuộc thẩm quyền: thụ lý, xem xét điều kiện thụ lý hoặc không thụ lý.",
    True: "Đơn không đủ điều kiện: lưu đơn, trả lại đơn hoặc hướng dẫn. Không thuộc thẩm quyền: hướng dẫn, chuyển "
    "đơn hoặc đôn đốc. Thuộc thẩm quyền: xem xét, trả lời (kiến nghị, phản ánh không thụ lý như khiếu nại, tố cáo).",
}


# The note goes into the step's document: the reason of a refusal, where the guidance sends the petitioner, the body
# an urging letter goes to, the reason a petition is returned.
DECLINE_HELP = "Không thụ lý: ghi rõ lý do. "
NOTE_HELP = (
    f"{DECLINE_HELP}Hướng dẫn: ghi cơ quan có thẩm quyền mà công dân cần gửi đơn đến. Đôn đốc: ghi cơ quan được đôn "
    "đốc. Trả lại đơn: ghi lý do. Nội dung này được in vào văn bản của bước xử lý."
)


class HandlingForm(_AcceptanceFieldsForm):
    """Classify the petition, then how it is handled; accepting a complaint or denunciation (or considering its
    acceptance) also sets its case."""

    on = date_field("Ngày xử lý", today=True)
    processable = _yes_no(
        "Đủ điều kiện xử lý", yes="Đủ điều kiện", no="Không đủ điều kiện", required=True,
        required_message="Hãy chọn đơn có đủ điều kiện xử lý hay không.",
    )  # fmt: skip
    reason = forms.ChoiceField(
        label="Lý do không đủ điều kiện", choices=[("", NONE), *UnprocessableReason.choices], required=False
    )
    in_competence = _yes_no("Thẩm quyền", yes="Thuộc thẩm quyền", no="Không thuộc thẩm quyền", required=False)
    handling = forms.ChoiceField(
        label="Hướng xử lý",
        choices=Handling.choices,
        widget=forms.RadioSelect,
    )
    note = text_field("Ghi chú xử lý", help_text=NOTE_HELP)
    forwarded_to = forms.ModelChoiceField(
        label="Chuyển đến cơ quan",
        queryset=Agency.objects.none(),
        required=False,
        widget=SearchPicker(NEARBY_AGENCIES.name),
    )
    forwarded_to_name = forms.CharField(label="hoặc tên cơ quan nhận đơn chuyển", max_length=200, required=False)
    letter_number = forms.CharField(label="Số phiếu chuyển", max_length=50, required=False)
    letter_date = date_field("Ngày phiếu chuyển", required=False)
    several_places = forms.BooleanField(
        label="Phải kiểm tra, xác minh tại nhiều nơi hoặc ủy quyền",
        required=False,
        help_text="Thời hạn xử lý ban đầu là 10 ngày làm việc thay vì 7 (Luật Tố cáo 2018, Điều 24 khoản 1).",
    )
    field_order = ("on", "processable", "reason", "in_competence", "several_places", "handling", "note")

    def __init__(self, *args, petition: Petition, staff: Staff, **kwargs) -> None:
        super().__init__(*args, petition=petition, **kwargs)
        self.fields["forwarded_to"].queryset = agencies_nearby(staff).exclude(pk=petition.agency_id)
        allowed = handlings_of(petition.kind)
        self.fields["handling"].choices = [(value, label) for value, label in Handling.choices if value in allowed]
        recommendation = petition.kind == Classification.RECOMMENDATION
        self.fields["handling"].help_text = HANDLING_HELP[recommendation]
        if recommendation:  # never declined (không thụ lý): nothing to give a reason for
            self.fields["note"].help_text = NOTE_HELP.removeprefix(DECLINE_HELP)
        if not petition.is_denunciation:
            del self.fields["several_places"]


class AcceptanceForm(_AcceptanceFieldsForm):
    """The acceptance decision on a petition whose conditions of acceptance were being considered."""

    accept = _yes_no(
        "Quyết định", yes="Thụ lý", no="Không thụ lý", required=True,
        required_message="Hãy chọn thụ lý hoặc không thụ lý.",
    )  # fmt: skip
    on = date_field("Ngày quyết định", today=True)
    note = text_field("Lý do, ghi chú", help_text="Không thụ lý: ghi rõ lý do.")
    field_order = ("accept", "on", "note")

    def __init__(self, *args, petition: Petition, **kwargs) -> None:
        kwargs.setdefault("auto_id", "id_acceptance_%s")
        if petition.case:  # what it was considered with
            kwargs.setdefault("initial", {name: getattr(petition.case, name) for name in ACCEPTANCE_ORDER})
        super().__init__(*args, petition=petition, **kwargs)


class ReplyForm(Form):
    on = date_field("Ngày nhận văn bản phúc đáp", today=True)
    number = number_field("Số văn bản phúc đáp")


class NotifyForwarderForm(Form):
    on = date_field("Ngày thông báo kết quả", today=True)
    number = number_field("Số văn bản thông báo kết quả")

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", "id_notify_%s")
        super().__init__(*args, **kwargs)


class _ReceiptCodeField(forms.ModelChoiceField):
    def to_python(self, value):
        return super().to_python((value or "").strip().upper())


class DuplicateForm(Form):
    duplicate_of = _ReceiptCodeField(
        label="Mã tra cứu của đơn đã nhận trước",
        queryset=Petition.objects.none(),
        to_field_name="receipt_code",
        widget=forms.TextInput(attrs={"placeholder": "DT-…", "autocomplete": "off"}),
        error_messages={
            "invalid_choice": "Không có đơn nào khác mang mã tra cứu này trong phạm vi của bạn.",
            "required": "Hãy nhập mã tra cứu của đơn đã nhận trước.",
        },
    )

    def __init__(self, *args, petition: Petition, staff: Staff, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["duplicate_of"].queryset = scoped(Petition.objects.all(), staff).exclude(pk=petition.pk)
