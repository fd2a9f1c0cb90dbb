"""The petition book's Excel export (sheet `Don`): the petitions received by the agencies in the user's scope, filtered
as the petition list is."""

from tempfile import SpooledTemporaryFile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest
from django.utils import timezone

from complaints.filters import PetitionFilter
from complaints.models import Petition
from complaints.register import export_petitions
from danvan.filters import criteria_for_log
from danvan.scope import scoped
from reception.views.visits import EXPORT_IN_MEMORY, XLSX


@login_required
def petition_export(request: HttpRequest) -> FileResponse:
    # The book holds the petitions the agencies in scope received; those only forwarded to them belong to the
    # sender's book (the list shows them too).
    found = PetitionFilter(request.GET, queryset=scoped(Petition.objects.all(), request.user), request=request)
    workbook = SpooledTemporaryFile(max_size=EXPORT_IN_MEMORY)  # noqa: SIM115 - the response closes it once sent
    export_petitions(petitions=found.qs, out=workbook, by=request.user, criteria=criteria_for_log(found))
    workbook.seek(0)
    filename = f"so-theo-doi-don-{timezone.localdate():%d-%m-%Y}.xlsx"
    return FileResponse(workbook, as_attachment=True, filename=filename, content_type=XLSX)
