"""Forms of the dialogue pages: recording a dialogue or voter meeting, the opinions raised there and the host's
directives, and their follow-up.

Each form's cleaned data are the keyword arguments of its service, which holds the rules: a refusal of the service (a
dict of field → message) lands on the field it is about.
"""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q, QuerySet
from django.db.models.functions import Length
from django.utils import timezone

from danvan.correction_pages import correction_reason
from danvan.forms import DATE_ERRORS, Form, ModelForm, date_field
from danvan.models import AdminUnit, Agency, Staff
from danvan.permissions import recording_agencies
from danvan.pickers import NEARBY_AGENCIES, Picker, SearchPicker, unit_label
from danvan.scope import agencies_nearby
from danvan.selectors import area_of
from danvan.uploads import FileTypeValidator
from danvan.versions import FIELD as VERSION
from danvan.versions import version_field
from dialogues.models import HOST_AGENCY_KINDS, MINUTES_TYPES, Dialogue, OpinionStatus
from dialogues.services import DIALOGUE, DIALOGUE_FIELDS

# The model's own extension check speaks English: the form refuses such a file first, in Vietnamese, and a file whose
# content is not what its name says.
MINUTES_FILE_CHECK = FileTypeValidator(
    MINUTES_TYPES, message="Tệp biên bản phải là PDF, Word (.doc, .docx) hoặc ảnh chụp (.jpg, .png)."
)
COUNT_ERRORS = {"min_value": "Số này không được âm.", "invalid": "Hãy nhập một số nguyên."}
# Fields declared on the form and left out of the model's validation: the service checks them against each other and
# the stored records and says which one is wrong, where the model would refuse them with the name of a database
# constraint (answered ≤ raised, one reference per agency and day).
SERVICE_CHECKED = ("participants", "opinions_raised", "opinions_answered", "reference")


def _count(label: str, *, initial: int | None = None) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        initial=initial,
        error_messages=COUNT_ERRORS,
        widget=forms.NumberInput(attrs={"min": 0}),
    )


def _text(label: str, *, rows: int = 3, required: bool = True) -> forms.CharField:
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}))


def hosting_agencies(staff: Staff) -> QuerySet[Agency]:
    """The agencies whose dialogues ``staff`` records: those they record for whose head or deputies host dialogues."""
    return recording_agencies(staff).filter(kind__in=set(HOST_AGENCY_KINDS.values()))


def dialogue_units(agencies: QuerySet[Agency]) -> QuerySet[AdminUnit]:
    """Today's units within the areas of ``agencies``: the province before its districts and communes, by name."""
    area = Q(pk__in=[])
    for agency in agencies:
        area |= Q(pk__in=area_of(agency.unit).values("pk"))
    return AdminUnit.objects.valid_on(timezone.localdate()).filter(area).order_by(Length("code"), "name")


def _dialogue_units(staff: Staff) -> QuerySet[AdminUnit]:
    return dialogue_units(hosting_agencies(staff)).select_related("parent")


# Where a dialogue was held, as a search: a province's area holds over a hundred units.
DIALOGUE_UNITS = Picker("dia-ban-doi-thoai", _dialogue_units, unit_label)


class DialogueForm(ModelForm):
    """A dialogue or voter meeting held by one of the agencies ``staff`` records for; the unit where it was held is
    the agency's own unless another one of its area is picked."""

    participants = _count("Số người tham dự")
    opinions_raised = _count("Số ý kiến, kiến nghị", initial=0)
    opinions_answered = _count("Số ý kiến trả lời tại chỗ", initial=0)
    reference = forms.CharField(
        label="Mã hồ sơ", max_length=50, required=False, help_text="Số, ký hiệu biên bản hoặc mã hồ sơ lưu trữ, nếu có."
    )

    class Meta:
        model = Dialogue
        fields = [name for name in DIALOGUE_FIELDS if name not in SERVICE_CHECKED]
        widgets = {
            "kind": forms.RadioSelect,
            "date": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
            "host": forms.RadioSelect,
            "topic": forms.Textarea(attrs={"rows": 2}),
            "minutes": forms.Textarea(attrs={"rows": 6}),
            "minutes_file": forms.ClearableFileInput(attrs={"accept": ",".join(f".{t}" for t in MINUTES_TYPES)}),
        }
        labels = {"unit": "Địa bàn tổ chức (xã, phường, huyện, tỉnh)"}
        help_texts = {"unit": "Để trống nếu tổ chức tại địa bàn của cơ quan."}
        error_messages = {"date": DATE_ERRORS}

    field_order = list(DIALOGUE_FIELDS)

    def __init__(self, *args, staff: Staff, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        agencies = hosting_agencies(staff)
        agency = self.fields["agency"]
        agency.queryset = agencies
        agency.empty_label = "— Chọn cơ quan —"
        first_two = list(agencies[:2])
        if len(first_two) == 1 and not self.instance.pk:
            self.initial.setdefault("agency", first_two[0].pk)
        self.fields["minutes_file"].validators.append(MINUTES_FILE_CHECK)
        unit = self.fields["unit"]
        unit.widget = SearchPicker(DIALOGUE_UNITS.name, placeholder="Địa bàn của cơ quan tổ chức")
        unit.queryset = dialogue_units(agencies).select_related("parent")
        unit.required = False
        self.fields["host"].choices = [(value, label) for value, label in self.fields["host"].choices if value]
        self.fields["kind"].choices = [(value, label) for value, label in self.fields["kind"].choices if value]
        if self.instance.pk:  # the current unit stays selectable even if it is no longer in force
            unit.queryset = unit.queryset | AdminUnit.objects.filter(pk=self.instance.unit_id)
            self.fields["reason"] = correction_reason()
            self.fields[VERSION] = version_field(DIALOGUE.version(self.instance, staff))
            for name in SERVICE_CHECKED:
                self.initial.setdefault(name, getattr(self.instance, name))

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("unit") is None and cleaned.get("agency") is not None:
            cleaned["unit"] = cleaned["agency"].unit
        return cleaned

    def dialogue_fields(self) -> dict:
        """The cleaned fields as the services take them: a new file is stored, a cleared one removed, else no change."""
        fields = dict(self.cleaned_data)
        minutes_file = fields.pop("minutes_file", None)
        if minutes_file is False:
            fields["minutes_file"] = ""
        elif isinstance(minutes_file, UploadedFile):
            fields["minutes_file"] = minutes_file
        return fields


class OpinionForm(Form):
    content = _text("Nội dung ý kiến, kiến nghị", rows=3)
    raised_by = forms.CharField(label="Người nêu ý kiến", max_length=200, required=False)
    status = forms.ChoiceField(
        label="Xử lý",
        choices=[
            (OpinionStatus.ANSWERED_ON_SPOT, "Trả lời tại chỗ"),
            (OpinionStatus.ASSIGNED, "Giao cơ quan xử lý"),
        ],
        initial=OpinionStatus.ANSWERED_ON_SPOT,
        widget=forms.RadioSelect,
    )
    answer = _text("Nội dung trả lời tại chỗ", rows=2, required=False)
    assignee = forms.ModelChoiceField(
        label="Cơ quan được giao",
        queryset=Agency.objects.none(),
        required=False,
        widget=SearchPicker(NEARBY_AGENCIES.name),
    )
    due_on = date_field("Hạn giải quyết", required=False)

    def __init__(self, *args, staff: Staff, **kwargs) -> None:
        kwargs.setdefault("prefix", "opinion")
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = agencies_nearby(staff)


class ResolveOpinionForm(Form):
    resolved_on = date_field("Ngày giải quyết", today=True)
    answer = _text("Nội dung trả lời, kết quả giải quyết", rows=4)


class DirectiveForm(Form):
    content = _text("Nội dung kết luận, chỉ đạo", rows=3)
    owner = forms.ModelChoiceField(
        label="Cơ quan thực hiện", queryset=Agency.objects.none(), widget=SearchPicker(NEARBY_AGENCIES.name)
    )
    due_on = date_field("Thời hạn")

    def __init__(self, *args, staff: Staff, **kwargs) -> None:
        kwargs.setdefault("prefix", "directive")
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = agencies_nearby(staff)


class CompleteDirectiveForm(Form):
    done_on = date_field("Ngày hoàn thành", today=True)
    result = _text("Kết quả thực hiện", rows=4)
