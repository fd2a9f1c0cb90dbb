"""Forms of a case's steps between acceptance and decision, and of the decision's publication: each form's cleaned
data are the keyword arguments of its service in complaints.services.steps."""

from django import forms

from complaints.forms import CaseStepForm
from complaints.models.resolution import Publication
from danvan.forms import date_field
from danvan.models import Case, Classification


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
