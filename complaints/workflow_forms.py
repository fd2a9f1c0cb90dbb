"""Forms of the assignment and approval panel: assign, propose, review. Each form's cleaned data are the keyword
arguments of its service."""

from django import forms
from django.db.models import QuerySet

from complaints.models import Petition
from complaints.services.workflow import proposal_kinds
from danvan.forms import Form, date_field
from danvan.models import Agency, Case, Staff
from danvan.permissions import Action, roles_for


def _agencies_of_unit(record: Petition | Case) -> QuerySet[Agency]:
    return Agency.objects.filter(unit=record.agency.unit_id).order_by("kind", "name")


def _handlers_for(record: Petition | Case) -> QuerySet[Staff]:
    """Whom a record is assigned to: the staff who may act for its agency (handle its petitions, resolve its cases)."""
    action = Action.HANDLE if isinstance(record, Petition) else Action.RESOLVE
    members = Staff.objects.filter(
        is_active=True, memberships__agency=record.agency_id, memberships__role__in=roles_for(action)
    )
    return members.distinct().order_by("full_name", "username")


class _PanelForm(Form):
    """The panel shares the record page with other step forms: its element ids carry the form's name."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", f"id_{type(self).__name__.lower()}_%s")
        super().__init__(*args, **kwargs)


class AssignForm(_PanelForm):
    handler = forms.ModelChoiceField(queryset=Staff.objects.none(), label="Giao cho cán bộ", required=False)
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label="Giao cho cơ quan, bộ phận", required=False)
    on = date_field("Ngày giao", today=True)
    note = forms.CharField(label="Ý kiến chỉ đạo", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, record: Petition | Case, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = _handlers_for(record)
        self.fields["agency"].queryset = _agencies_of_unit(record)


class ProposalForm(_PanelForm):
    kind = forms.ChoiceField(label="Loại văn bản trình")
    text = forms.CharField(label="Nội dung", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, record: Petition | Case, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in proposal_kinds(record)]


class ReviewForm(_PanelForm):
    note = forms.CharField(label="Ý kiến của lãnh đạo", required=False, widget=forms.Textarea(attrs={"rows": 2}))
