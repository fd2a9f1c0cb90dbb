"""The petition book's Excel export (sheet `Don`): the petitions received by the agencies in the user's scope, filtered
as the petition list is."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest
from django.utils import timezone

from complaints.filters import PetitionFilter
from complaints.models import Petition
from complaints.register import export_petitions
from danvan.audit import Export
from danvan.filters import criteria_for_log, criteria_text
from danvan.pages import xlsx_download
from danvan.scope import scoped


@login_required
def petition_export(request: HttpRequest) -> FileResponse:
    # The book holds the petitions the agencies in scope received; those only forwarded to them belong to the
    # sender's book (the list shows them too).
    found = PetitionFilter(request.GET, queryset=scoped(Petition.objects.all(), request.user), request=request)
    return xlsx_download(
        lambda out: export_petitions(petitions=found.qs, out=out, by=request.user, criteria=criteria_for_log(found)),
        f"so-theo-doi-don-{timezone.localdate():%d-%m-%Y}.xlsx",
        export=Export(request.user, "Sổ theo dõi đơn", criteria_text(found)),
    )
