"""What complaints offers on reception's pages (danvan.offers): a visit's documents, each with the file issued for
it, and on the visit list the reception book printed on its form for the visits listed."""

from django.http import HttpRequest
from django.urls import reverse

from complaints.documents import VISIT_DOCUMENTS
from complaints.documents.versions import offered
from danvan.offers import Offer
from reception.models import Visit


def visit_documents(request: HttpRequest, visit: Visit) -> list[Offer]:
    documents = []
    for offer in offered(VISIT_DOCUMENTS, visit):
        url = reverse("visit_papers:document", args=[visit.pk, offer.slug])
        note, again = ".docx", ""
        if kept := offer.issued:
            note = f".docx, tạo lúc {kept.issued_at:%H:%M %d/%m/%Y}"
            note += f" theo mẫu phiên bản {kept.template.version}" if kept.template else ""
            again = reverse("visit_papers:document-again", args=[visit.pk, offer.slug])
        documents.append(Offer(offer.label, url, note, again))
    return documents


def reception_book(request: HttpRequest, _: object) -> list[Offer]:
    """The book of the visits the list shows (its filter, not its page)."""
    query = request.GET.copy()
    query.pop("trang", None)
    url = reverse("visit_papers:book") + (f"?{query.urlencode()}" if query else "")
    return [Offer("In sổ (Mẫu số 03/TCD)", url)]
