"""The register pages: upload a workbook, see its preview (counts per sheet and every error), confirm, and follow
the progress of a large file; export whole registers of the user's scope for a window, a large export as a job
whose progress the page follows until its workbook can be downloaded."""

from pathlib import PurePath

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from danvan.forms import Form, ModelForm, date_field
from danvan.numbers import number
from danvan.pages import XLSX, download, paginate, xlsx_download
from danvan.permissions import can_import
from danvan.sheets.errors import UnreadableWorkbook
from danvan.sheets.limits import MAX_FILE_BYTES, MAX_ROWS, MIB
from danvan.sheets.rows import SKIP
from registers import export_jobs, importer, jobs
from registers.export import plan_for_staff, register_titles, write_registers
from registers.importer import check_workbook
from registers.mappings import KEEP_LABEL, SKIP_LABEL, importing_agency, remember_choices
from registers.models import WORKBOOK_EXTENSIONS, RegisterExport, RegisterImport, export_filename

PROBLEMS_PER_PAGE = 200
RECENT = 10
# What the list of recent imports shows: never their errors, which a bad file has a thousand of.
LISTED = ("filename", "status", "problems_total", "created_at", "progress_at")
STATUS_PART = "registers/_import_status.html"
EXPORT_STATUS_PART = "registers/_export_status.html"


class UploadForm(ModelForm):
    class Meta:
        model = RegisterImport
        fields = ["file"]
        help_texts = {
            "file": "Tệp .xlsx có sheet TiepCongDan, Don và/hoặc DoiThoai theo mẫu sổ "
            f"(tối đa {MAX_FILE_BYTES // MIB} MB, {number(MAX_ROWS)} dòng mỗi sổ)."
        }

    def clean_file(self):
        """A file that is no workbook, or is larger than the limits, is refused here, before it is kept."""
        upload = self.cleaned_data["file"]
        if PurePath(upload.name).suffix.lower().lstrip(".") not in WORKBOOK_EXTENSIONS:
            allowed = ", ".join(f".{extension}" for extension in WORKBOOK_EXTENSIONS)
            raise forms.ValidationError(f"Tệp “{upload.name}” không phải tệp Excel: chỉ nhận tệp {allowed}.")
        try:
            check_workbook(upload)
        except UnreadableWorkbook as error:
            raise forms.ValidationError(str(error)) from error
        return upload


class MappingForm(Form):
    """For each value of an import that matches no catalogue value: the catalogue value it stands for, skipping its
    rows, or keeping them as errors."""

    KEEP = "__keep__"
    SKIP = "__skip__"

    def __init__(self, values: list[dict], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.values = values
        for index, group in enumerate(values):
            applied = group["applied"]
            self.fields[f"value-{index}"] = forms.ChoiceField(
                label=f"{group['column']}: “{group['value']}”",
                choices=[
                    ("Giá trị trong danh mục", [(label, label) for label in group["choices"]]),
                    (self.SKIP, SKIP_LABEL.capitalize()),
                    (self.KEEP, KEEP_LABEL.capitalize()),
                ],
                initial=self.KEEP if applied is None else self.SKIP if applied == SKIP else applied,
            )

    def rows(self) -> list[tuple[dict, forms.BoundField]]:
        return [(group, self[f"value-{index}"]) for index, group in enumerate(self.values)]

    def choices(self) -> dict[tuple[str, str, str], str | None]:
        """Each value's choice: a label, SKIP, or None (keep the error)."""
        chosen = {}
        for index, group in enumerate(self.values):
            answer = self.cleaned_data[f"value-{index}"]
            mapped = None if answer == self.KEEP else SKIP if answer == self.SKIP else answer
            chosen[(group["sheet"], group["column"], group["key"])] = mapped
        return chosen


class ExportForm(Form):
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
    job = get_object_or_404(imports, pk=pk)
    job.fail_if_stalled()
    return job


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
    recent = RegisterImport.objects.filter(created_by=request.user).only(*LISTED)[:RECENT]
    for job in recent:
        job.fail_if_stalled()
    return render(request, "registers/import.html", {"form": form, "recent": recent})


@login_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _import_of(request, pk)
    problems = paginate(request, job.problems, size=PROBLEMS_PER_PAGE)
    context = {
        "job": job,
        "problems": problems,
        "page": problems,
        "kept": importer.KEPT_PROBLEMS,
        "mapping": MappingForm(job.values),
    }
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
@require_POST
def import_map(request: HttpRequest, pk: int) -> HttpResponse:
    """Saves the choices for the values no catalogue value matched, for the user's agency, and checks the file again
    with them."""
    job = _import_of(request, pk)
    agency = importing_agency(request.user)
    if agency is None or job.status not in (RegisterImport.Status.CHECKED, RegisterImport.Status.INVALID):
        messages.error(request, "Chỉ chọn giá trị cho tệp đã kiểm tra, chưa nhập, của cán bộ thuộc một cơ quan.")
        return redirect(job)
    form = MappingForm(job.values, request.POST)
    if not form.is_valid():
        messages.error(request, "Lựa chọn không hợp lệ; hãy chọn lại.")
        return redirect(job)
    remember_choices(agency=agency, by=request.user, choices=form.choices())
    jobs.start(job, write=False)
    messages.success(request, f"Đã lưu lựa chọn cho {agency} và kiểm tra lại tệp.")
    return redirect(job)


@login_required
def register_export(request: HttpRequest) -> HttpResponse:
    """The export form; a small workbook downloads at once, a large one is written on the task queue."""
    form = ExportForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        recent = RegisterExport.objects.filter(created_by=request.user)[:RECENT]
        for job in recent:
            job.fail_if_stalled()
        return render(request, "registers/export.html", {"form": form, "recent": recent})
    fields = form.cleaned_data
    window = {"start": fields["date_from"], "end": fields["date_to"], "registers": fields["registers"]}
    plan = plan_for_staff(request.user, **window)
    rows = plan.rows()
    if rows > export_jobs.IN_REQUEST_ROWS:
        return redirect(export_jobs.queue_export(by=request.user, rows=rows, **window))
    return xlsx_download(
        lambda out: write_registers(plan, out, by=request.user),
        export_filename(fields["date_from"], fields["date_to"]),
        export=plan.export_by(request.user),
    )


def _export_of(request: HttpRequest, pk: int) -> RegisterExport:
    """An export the user made; others' do not exist for them (their workbooks hold others' scopes)."""
    job = get_object_or_404(RegisterExport, pk=pk, created_by=request.user)
    job.fail_if_stalled()
    return job


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
    plan = plan_for_staff(job.created_by, start=job.date_from, end=job.date_to, registers=job.registers)
    return download(job.file.open("rb"), job.filename, XLSX, export=plan.export_by(request.user))
