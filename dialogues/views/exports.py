"""The dialogue book's Excel export (sheet `DoiThoai`): the dialogues and voter meetings of the agencies in the user's
scope, filtered as the dialogue list is."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest
from django.utils import timezone

from danvan.audit import Export
from danvan.filters import criteria_for_log, criteria_text
from danvan.pages import xlsx_download
from dialogues.filters import DialogueFilter
from dialogues.register import export_dialogues
from dialogues.selectors import dialogues_for


@login_required
def dialogue_export(request: HttpRequest) -> FileResponse:
    found = DialogueFilter(request.GET, queryset=dialogues_for(request.user), request=request)
    return xlsx_download(
        lambda out: export_dialogues(dialogues=found.qs, out=out, by=request.user, criteria=criteria_for_log(found)),
        f"so-doi-thoai-{timezone.localdate():%d-%m-%Y}.xlsx",
        export=Export(request.user, "Sổ đối thoại, tiếp xúc cử tri", criteria_text(found)),
    )
