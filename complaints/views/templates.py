"""The templates of the documents, for unit admins: for each agency of their unit, the template each document is
filled from; download it, edit the wording in Word, upload it (checked), preview it with a real record, put it in
use; every version kept, an earlier one (or the portal's own) restorable."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.functions import Length
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from complaints.documents import DOCUMENTS, Document
from complaints.documents.filling import fill
from complaints.documents.versions import content_of, history, in_use, sample_record
from complaints.services.templates import publish_template, restore_template, upload_template
from complaints.views.documents import DOCX
from danvan.forms import Form
from danvan.inputs import id_in
from danvan.models import Agency
from danvan.permissions import MATRIX, Action, agencies_granted, holds

MAX_UPLOAD = 5 * 1024 * 1024


class UploadForm(Form):
    file = forms.FileField(
        label="Tệp mẫu đã sửa (.docx)", error_messages={"required": "Hãy chọn tệp mẫu (.docx) đã sửa."}
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise ValidationError("Tệp mẫu không được lớn hơn 5 MB.")
        return upload


def _agencies(request: HttpRequest):
    if not holds(request.user, Action.TEMPLATES):
        raise PermissionDenied(MATRIX[Action.TEMPLATES].refusal)
    return agencies_granted(request.user, Action.TEMPLATES).select_related("unit__parent")


def _chosen(request: HttpRequest, agency_pk: int, slug: str) -> tuple[Agency, Document]:
    if slug not in DOCUMENTS:
        raise Http404("Không có văn bản này.")
    return get_object_or_404(_agencies(request), pk=agency_pk), DOCUMENTS[slug]


def _docx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    return response


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    """The documents of one agency (chosen in the list) and the version of each in use."""
    # The province's agencies before its communes' (a commune's code sorts before "52" as text).
    agencies = _agencies(request).order_by(Length("unit__code"), "unit__code", "kind", "name")
    agency = agencies.filter(pk=id_in(request.GET.get("co_quan"))).first() or agencies.first()
    rows = [(document, in_use(agency, document.slug)) for document in DOCUMENTS.values()] if agency else []
    return render(request, "complaints/document_templates.html", {"agencies": agencies, "agency": agency, "rows": rows})


@login_required
def template_detail(request: HttpRequest, agency_pk: int, slug: str) -> HttpResponse:
    """GET: the versions and the upload form. POST: the upload, kept as a draft to preview and put in use."""
    agency, document = _chosen(request, agency_pk, slug)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            draft = upload_template(
                agency=agency, slug=slug, content=upload.read(), filename=upload.name, by=request.user
            )
        except ValidationError as refused:
            form.add_error("file", refused.message_dict.get("file") or refused.messages)
        else:
            messages.success(
                request, f"Đã tải lên phiên bản {draft.version} (bản nháp): hãy xem thử rồi bấm “Áp dụng”."
            )
            return redirect("complaints:template-detail", agency.pk, slug)
    context = {
        "agency": agency, "document": document, "form": form, "versions": history(agency, slug),
        "current": in_use(agency, slug), "sample": sample_record(document, agency),
    }  # fmt: skip
    return render(request, "complaints/document_template.html", context, status=400 if form.errors else 200)


def _version(agency: Agency, slug: str, version: int):
    """A kept version; 0 is the portal's own template."""
    if version == 0:
        return None
    return get_object_or_404(history(agency, slug), version=version)


@login_required
def template_download(request: HttpRequest, agency_pk: int, slug: str, version: int) -> HttpResponse:
    agency, document = _chosen(request, agency_pk, slug)
    content = content_of(document, agency, _version(agency, slug, version))
    return _docx(content, f"mau-{slug}-{agency.unit.code}-v{version}")


@login_required
def template_preview(request: HttpRequest, agency_pk: int, slug: str, version: int) -> HttpResponse:
    """The document of the agency's latest record at its step, filled from this version."""
    agency, document = _chosen(request, agency_pk, slug)
    record = sample_record(document, agency)
    if record is None:
        raise Http404("Cơ quan chưa có hồ sơ nào ở bước có văn bản này để xem thử.")
    content = fill(content_of(document, agency, _version(agency, slug, version)), document.facts(record))
    return _docx(content, f"xem-thu-{slug}-v{version}")


@login_required
@require_POST
def template_publish(request: HttpRequest, agency_pk: int, slug: str, version: int) -> HttpResponse:
    agency, _ = _chosen(request, agency_pk, slug)
    draft = _version(agency, slug, version)
    if draft is None:
        raise Http404("Không có bản nháp này.")
    try:
        publish_template(template=draft, by=request.user)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, f"Đã áp dụng phiên bản {version}: văn bản từ nay dùng mẫu này.")
    return redirect("complaints:template-detail", agency.pk, slug)


@login_required
@require_POST
def template_restore(request: HttpRequest, agency_pk: int, slug: str, version: int) -> HttpResponse:
    agency, _ = _chosen(request, agency_pk, slug)
    restored = restore_template(agency=agency, slug=slug, version=version or None, by=request.user)
    messages.success(request, f"Đã khôi phục thành phiên bản {restored.version} và áp dụng.")
    return redirect("complaints:template-detail", agency.pk, slug)
