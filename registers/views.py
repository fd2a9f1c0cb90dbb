"""The register pages: upload a workbook, see its preview (counts per sheet and every error), confirm, and follow
the progress of a large file; export whole registers of the user's scope for a window, a large export as a job
whose progress the page follows until its workbook can be downloaded."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from danvan.forms import date_field
from danvan.pages import XLSX, paginate, xlsx_download
from danvan.permissions import can_import
from registers import export_jobs, jobs
from registers.export import plan_for_staff, register_titles, write_registers
from registers.models import RegisterExport, RegisterImport

MAX_BYTES = 50 * 1024 * 1024
PROBLEMS_PER_PAGE = 200
STATUS_PART = "registers/_import_status.html"
EXPORT_STATUS_PART = "registers/_export_status.html"


class UploadForm(forms.ModelForm):
    class Meta:
        model = RegisterImport
        fields = ["file"]
        help_texts = {"file": "Tệp .xlsx có sheet TiepCongDan, Don và/hoặc DoiThoai theo mẫu sổ (tối đa 50 MB)."}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("Tệp lớn hơn 50 MB: hãy tách thành nhiều tệp.")
        return upload


class ExportForm(forms.Form):
    date_from = date_field("Từ ngày")
    date_to = date_field("Đến ngày")
    registers = forms.MultipleChoiceField(label="Sổ", widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        titles = register_titles()
        self.fields["registers"].choices = list(titles.items())
        self.fields["registers"].initial = list(titles)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", "Đến ngày phải sau hoặc bằng từ ngày.")
        return cleaned


def _import_of(request: HttpRequest, pk: int) -> RegisterImport:
    """An import the user made (a superuser sees every one); others do not exist for them."""
    imports = RegisterImport.objects.all()
    if not request.user.is_superuser:
        imports = imports.filter(created_by=request.user)
    return get_object_or_404(imports, pk=pk)


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    if not can_import(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = form.save(commit=False)
        job.filename = request.FILES["file"].name[:255]
        job.created_by = request.user
        job.save()
        jobs.start(job, write=False)
        return redirect(job)
    recent = RegisterImport.objects.filter(created_by=request.user)[:10]
    return render(request, "registers/import.html", {"form": form, "recent": recent})


@login_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _import_of(request, pk)
    problems = paginate(request, job.problems, size=PROBLEMS_PER_PAGE)
    context = {"job": job, "problems": problems, "page": problems}
    polled = request.headers.get("HX-Request")
    return render(request, STATUS_PART if polled else "registers/import_detail.html", context)


@login_required
@require_POST
def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    job = _import_of(request, pk)
    if not jobs.start(job, write=True):
        messages.error(request, "Chỉ xác nhận được tệp đã kiểm tra và không có lỗi, một lần.")
        return redirect(job)
    job.refresh_from_db()
    if job.status == RegisterImport.Status.DONE:
        messages.success(request, "Đã nhập xong sổ.")
    return redirect(job)


@login_required
def register_export(request: HttpRequest) -> HttpResponse:
    """The export form; a small workbook downloads at once, a large one is written on the task queue."""
    form = ExportForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        recent = RegisterExport.objects.filter(created_by=request.user)[:10]
        return render(request, "registers/export.html", {"form": form, "recent": recent})
    fields = form.cleaned_data
    window = {"start": fields["date_from"], "end": fields["date_to"], "registers": fields["registers"]}
    plan = plan_for_staff(request.user, **window)
    rows = plan.rows()
    if rows > export_jobs.IN_REQUEST_ROWS:
        return redirect(export_jobs.queue_export(by=request.user, rows=rows, **window))
    return xlsx_download(
        lambda out: write_registers(plan, out, by=request.user),
        f"so-{fields['date_from']:%d-%m-%Y}-den-{fields['date_to']:%d-%m-%Y}.xlsx",
    )


def _export_of(request: HttpRequest, pk: int) -> RegisterExport:
    """An export the user made; others' do not exist for them (their workbooks hold others' scopes)."""
    return get_object_or_404(RegisterExport, pk=pk, created_by=request.user)


@login_required
def export_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _export_of(request, pk)
    polled = request.headers.get("HX-Request")
    return render(request, EXPORT_STATUS_PART if polled else "registers/export_detail.html", {"job": job})


@login_required
def export_download(request: HttpRequest, pk: int) -> FileResponse:
    job = _export_of(request, pk)
    if job.status != RegisterExport.Status.DONE:
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename, content_type=XLSX)
