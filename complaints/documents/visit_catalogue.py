"""The documents of a reception at the desk (a visit), each with its form and the visit's day, which picks the form
in force (complaints.documents.document)."""

from complaints.documents import reception
from complaints.documents.document import ND_154, REPLACED_AFTER, TT_04, Document, form
from reception.models import ENDED_ON_THE_SPOT

_NO_ANNEX = "Phụ lục của Thông tư không tìm được: theo mẫu các cơ quan đang dùng"


def _ended_on_the_spot(visit) -> bool:
    """A visit that handed nothing on: the citizen was guided or answered, or refused."""
    return visit.result in ENDED_ON_THE_SPOT


def _papers_received(visit) -> bool:
    return visit.documents_received


def _received_on(visit):
    return visit.received_on


VISIT_DOCUMENTS = (
    Document(
        "tu-choi-tiep", "Thông báo về việc từ chối tiếp công dân",
        form(TT_04, "Mẫu số 01", until=REPLACED_AFTER, note=_NO_ANNEX), reception.refusal_2021,
        reception.visit_facts, _ended_on_the_spot, _received_on,
    ),
    Document(
        "tu-choi-tiep-2026", "Thông báo về việc từ chối tiếp công dân", form(ND_154, "Mẫu số 01/TCD"),
        reception.refusal_2026, reception.visit_facts, _ended_on_the_spot, _received_on,
    ),
    Document(
        "bien-nhan-tai-lieu", "Giấy biên nhận thông tin, tài liệu",
        form(TT_04, "Mẫu số 02", until=REPLACED_AFTER, note=_NO_ANNEX), reception.receipt_2021,
        reception.visit_facts, _papers_received, _received_on,
    ),
    Document(
        "bien-nhan-tai-lieu-2026", "Giấy biên nhận thông tin, tài liệu", form(ND_154, "Mẫu số 02/TCD"),
        reception.receipt_2026, reception.visit_facts, _papers_received, _received_on,
    ),
)  # fmt: skip
