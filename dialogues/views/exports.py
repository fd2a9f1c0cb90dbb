"""The dialogue book's Excel export (sheet `DoiThoai`): the dialogues and voter meetings of the agencies in the user's
scope, filtered as the dialogue list is."""

from tempfile import SpooledTemporaryFile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest
from django.utils import timezone

from danvan.filters import criteria_for_log
from dialogues.filters import DialogueFilter
from dialogues.register import export_dialogues
from dialogues.selectors import dialogues_for
from reception.views.visits import EXPORT_IN_MEMORY, XLSX


@login_required
def dialogue_export(request: HttpRequest) -> FileResponse:
    found = DialogueFilter(request.GET, queryset=dialogues_for(request.user), request=request)
    workbook = SpooledTemporaryFile(max_size=EXPORT_IN_MEMORY)  # noqa: SIM115 - the response closes it once sent
    export_dialogues(dialogues=found.qs, out=workbook, by=request.user, criteria=criteria_for_log(found))
    workbook.seek(0)
    filename = f"so-doi-thoai-{timezone.localdate():%d-%m-%Y}.xlsx"
    return FileResponse(workbook, as_attachment=True, filename=filename, content_type=XLSX)
