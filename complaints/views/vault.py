"""The denouncer identity vault's page: a permitted user states a reason, and sees who denounced (Luật Tố cáo,
Điều 8, 47, 56).

The identity is rendered on the response to that POST only: never in a URL, the session or a message, and never
cached. Every reveal, the download of a vault document included, is logged by the service (who, when, why).
"""

from pathlib import PurePath

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from complaints.models import DenouncerIdentity, IdentityDocument, IdentityReveal, Petition
from complaints.services.vault import MIN_REASON_LENGTH, reveal_denouncer
from danvan.forms import Form
from danvan.models import Staff
from danvan.permissions import can_reveal
from danvan.scope import get_scoped_or_404

TEMPLATE = "complaints/reveal.html"


class RevealForm(Form):
    reason = forms.CharField(
        label="Lý do cần xem danh tính người tố cáo",
        help_text=f"Ít nhất {MIN_REASON_LENGTH} ký tự. Lý do được ghi vào nhật ký cùng tên của bạn và thời điểm xem.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Hãy nêu rõ lý do cần xem danh tính người tố cáo."},
    )
    # Set by a document's download button on the revealed page: that document is sent instead of the page.
    document = forms.ModelChoiceField(
        queryset=IdentityDocument.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, identity: DenouncerIdentity, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = identity.documents.all()


def _petition_for(staff: Staff, pk: int) -> Petition:
    """A petition within ``staff``'s scope, or 404."""
    return get_scoped_or_404(Petition.objects.select_related("agency"), staff, pk=pk)


def _reveals_of(identity: DenouncerIdentity) -> QuerySet[IdentityReveal]:
    return identity.reveals.select_related("staff")


def _download(document: IdentityDocument) -> FileResponse:
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=PurePath(document.file.name).name)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def reveal(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _petition_for(request.user, pk)
    identity = get_object_or_404(DenouncerIdentity, petition=petition)
    if not can_reveal(request.user, petition.agency):
        return render(request, TEMPLATE, {"petition": petition, "forbidden": True}, status=403)
    form = RevealForm(request.POST if request.method == "POST" else None, identity=identity)
    if form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            revealed = reveal_denouncer(petition=petition, by=request.user, reason=reason)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if form.cleaned_data["document"]:
                return _download(form.cleaned_data["document"])
            context = {"petition": petition, "identity": revealed, "reason": reason, "reveals": _reveals_of(identity)}
            return render(request, TEMPLATE, context)
    return render(request, TEMPLATE, {"petition": petition, "form": form, "reveals": _reveals_of(identity)})
