"""Forms of a case's steps, from acceptance to the decision, its publication and enforcement: each form's cleaned data
are the keyword arguments of its service (complaints.services.steps, complaints.services.resolution), so that a
refusal of the service (a dict of field → message) lands on the field it is about."""

from django import forms
from django.forms.models import fields_for_model

from complaints.forms import number_field, text_field
from complaints.models import Decision, Enforcement, Outcome
from complaints.models.resolution import PauseCause, Publication
from complaints.rules import (
    DECISION_AMOUNTS,
    ENFORCEMENT_AMOUNTS,
    NEGATIVE,
    enforcement_follows,
    facts_errors,
    outcomes_for,
)
from danvan.forms import Form, date_field
from danvan.models import Case, Classification


class CaseStepForm(Form):
    """A step of a case's resolution, made for the case (the decision's choices depend on it). Several steps share a
    page and field names ("on", "number"): each form's element ids carry its own name."""

    def __init__(self, *args, case: Case, **kwargs) -> None:
        kwargs.setdefault("auto_id", f"id_{type(self).__name__.lower()}_%s")
        super().__init__(*args, **kwargs)


def _long_text(label: str, rows: int = 4) -> forms.CharField:
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), max_length=20000)


class VerificationForm(CaseStepForm):
    on = date_field("Ngày giao nhiệm vụ xác minh", today=True)
    verifier = forms.CharField(label="Người, tổ xác minh", max_length=200)
    number = forms.CharField(label="Số văn bản giao nhiệm vụ xác minh", max_length=50)


class VerificationReportForm(CaseStepForm):
    on = date_field("Ngày báo cáo kết quả xác minh", today=True)
    findings = _long_text("Kết quả xác minh")
    differs_from_claim = forms.BooleanField(
        label="Kết quả xác minh khác với yêu cầu của người khiếu nại (phải tổ chức đối thoại)", required=False
    )

    def __init__(self, *args, case: Case, **kwargs) -> None:
        super().__init__(*args, case=case, **kwargs)
        if case.kind != Classification.COMPLAINT or case.round == Case.Round.SECOND:
            del self.fields["differs_from_claim"]  # a denunciation has no dialogue; a second round always has one


class ComplaintDialogueForm(CaseStepForm):
    on = date_field("Ngày đối thoại", today=True)
    place = forms.CharField(label="Địa điểm", max_length=200)
    participants = _long_text("Thành phần tham gia", rows=2)
    minutes = _long_text("Biên bản đối thoại: ý kiến của các bên, kết quả")


class PublicationForm(CaseStepForm):
    on = date_field("Ngày công khai", today=True)
    published_by = forms.ChoiceField(
        label="Hình thức công khai",
        choices=[("", "— Chọn hình thức —"), *Publication.choices],
        error_messages={"required": "Hãy chọn hình thức công khai."},
    )


class ExtensionForm(CaseStepForm):
    decided_on = date_field("Ngày quyết định gia hạn", today=True)
    number = number_field("Số quyết định gia hạn")
    days = forms.IntegerField(label="Số ngày gia hạn", initial=30)


class SuspensionForm(CaseStepForm):
    """A suspension; for a denunciation, or the expert examination whose time does not count."""

    cause = forms.TypedChoiceField(
        label="Dừng tính thời hạn do",
        choices=PauseCause.choices,
        initial=PauseCause.SUSPENSION,
        required=False,
        empty_value=PauseCause.SUSPENSION,
    )
    on = date_field("Ngày tạm đình chỉ", today=True)
    number = number_field("Số quyết định tạm đình chỉ")
    reason = text_field("Lý do tạm đình chỉ")

    def __init__(self, *args, case: Case, **kwargs) -> None:
        super().__init__(*args, case=case, **kwargs)
        if case.kind != Classification.DENUNCIATION:
            del self.fields["cause"]  # only a denunciation's clock leaves an examination out
            return
        self.fields["on"].label = "Ngày tạm đình chỉ, trưng cầu giám định"
        self.fields["number"].label = "Số quyết định, văn bản"
        self.fields["reason"].label = "Lý do, nội dung giám định"


class SuspensionSentForm(CaseStepForm):
    on = date_field("Ngày gửi quyết định tạm đình chỉ cho các bên", today=True)


class ResumptionForm(CaseStepForm):
    on = date_field("Ngày tiếp tục giải quyết", today=True)
    number = number_field("Số quyết định tiếp tục giải quyết")


_COUNT_ERRORS = {"min_value": NEGATIVE, "invalid": "Hãy nhập một số nguyên."}
_AMOUNT_ERRORS = {"invalid": "Hãy nhập một số, phần thập phân sau dấu phẩy (ví dụ 12,5)."}


class _FactsForm(CaseStepForm):
    """A step that records counts and amounts of ``model`` (``AMOUNTS``): typed as numbers are written here ("12,5"),
    never negative, each count of officials no more than the people it is among (complaints.rules.facts_errors)."""

    model: type
    AMOUNTS: tuple[str, ...] = ()

    def __init__(self, *args, case: Case, **kwargs) -> None:
        super().__init__(*args, case=case, **kwargs)
        fields = fields_for_model(self.model, fields=self.AMOUNTS, localized_fields=self.AMOUNTS)
        for field in fields.values():
            field.error_messages |= _COUNT_ERRORS if isinstance(field, forms.IntegerField) else _AMOUNT_ERRORS
            field.required = False  # left empty: none (0)
        self.fields.update(fields)
        self.order_fields(self.field_order)

    def clean(self) -> dict:
        cleaned = super().clean()
        for name in self.AMOUNTS:
            if name in cleaned and cleaned[name] is None:
                cleaned[name] = self.fields[name].to_python(0)
        for name, message in facts_errors({name: cleaned.get(name) for name in self.AMOUNTS}).items():
            self.add_error(name, message)
        return cleaned

    @property
    def amount_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.AMOUNTS]


class DecisionForm(_FactsForm):
    """The decision or conclusion: nothing is pre-set — neither an outcome nor a date — so that none is recorded by
    leaving the default."""

    model, AMOUNTS = Decision, DECISION_AMOUNTS
    issued_on = date_field("Ngày ban hành")
    number = number_field("Số quyết định, kết luận")
    outcome = forms.ChoiceField(
        label="Kết quả",
        error_messages={"invalid_choice": "Kết quả không phù hợp với loại vụ việc và lần giải quyết."},
    )
    summary = text_field("Tóm tắt nội dung")

    def __init__(self, *args, case: Case, merits_refusal: str = "", **kwargs) -> None:
        super().__init__(*args, case=case, **kwargs)
        allowed = outcomes_for(kind=case.kind, round=case.round)
        if merits_refusal:  # the steps before a decision on the merits are not all done: it may only end the case
            allowed = tuple(outcome for outcome in allowed if not enforcement_follows(outcome))
            self.fields["outcome"].help_text = merits_refusal
        self.fields["outcome"].choices = [("", "— Chọn kết quả —")] + [
            (value, label) for value, label in Outcome.choices if value in allowed
        ]
        self.fields["outcome"].error_messages["required"] = "Hãy chọn kết quả giải quyết."
        if case.kind == Classification.RECOMMENDATION:  # answered by a letter, not decided
            self.fields["issued_on"].label, self.fields["number"].label = "Ngày trả lời", "Số văn bản trả lời"


class HotspotForm(CaseStepForm):
    plan = forms.CharField(label="Phương án xử lý", widget=forms.Textarea(attrs={"rows": 3}))


class HotspotDoneForm(CaseStepForm):
    on = date_field("Ngày hoàn thành phương án", today=True)


class EnforcementForm(_FactsForm):
    model, AMOUNTS = Enforcement, ENFORCEMENT_AMOUNTS
    on = date_field("Ngày thực hiện xong", today=True)
    notes = text_field("Ghi chú")
    field_order = ("on", *ENFORCEMENT_AMOUNTS, "notes")
