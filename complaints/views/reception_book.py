"""The reception book printed on its form (NĐ 154/2026/NĐ-CP Mẫu số 03/TCD) for the visits the visit list shows:
the same filter (window, agency, unit …) within the user's scope, as a workbook."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest

from complaints.reception_book import write_reception_book
from danvan.audit import Export
from danvan.filters import criteria_text
from danvan.pages import xlsx_download
from reception.filters import VisitFilter
from reception.selectors import visits_for


def _heading(visits: VisitFilter) -> list[str]:
    """The book's unit and period, as the filter chose them."""
    chosen = visits.form.cleaned_data if visits.is_valid() else {}
    scope = chosen.get("agency") or chosen.get("unit")
    start, end = chosen.get("date_from"), chosen.get("date_to")
    period = " ".join(
        filter(None, (f"từ ngày {start:%d/%m/%Y}" if start else "", f"đến ngày {end:%d/%m/%Y}" if end else ""))
    )
    return [
        f"Cơ quan, đơn vị: {scope.name if scope else 'các cơ quan trong phạm vi của người in sổ'}",
        f"Thời gian: {period or 'toàn bộ các lượt tiếp'}",
    ]


@login_required
def reception_book(request: HttpRequest) -> FileResponse:
    visits = VisitFilter(request.GET, queryset=visits_for(request.user), request=request)
    return xlsx_download(
        lambda out: write_reception_book(visits.qs, out, heading=_heading(visits)),
        "so-tiep-cong-dan-mau-03-tcd.xlsx",
        export=Export(request.user, "Sổ tiếp công dân (Mẫu số 03/TCD)", criteria_text(visits)),
    )
