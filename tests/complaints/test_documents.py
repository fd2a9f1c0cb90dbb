from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from complaints.documents.facts import BLANK
from complaints.documents.slips import forwarding_facts
from complaints.models import Handling, Outcome
from complaints.models.petitions import UNNAMED_AGENCY
from complaints.services.handling import handle_petition
from complaints.services.resolution import decide_case, extend_case
from danvan.models import Case, Classification, Role
from tests.factories import PetitionFactory, staff_with_role, verified

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    document = Document(BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def download(client, name, pk, slug):
    return client.get(reverse(f"complaints:{name}-document", args=[pk, slug]))


@pytest.fixture
def handler_client(client, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)
    return client


def test_the_receipt_slip_names_the_petitioner_and_the_lookup_code(handler_client, receive):
    petition = receive(on=date(2026, 3, 2))

    text = text_of(download(handler_client, "petition", petition.pk, "giay-bien-nhan"))

    assert "GIẤY BIÊN NHẬN" in text
    assert "Nguyễn Văn Khiếu" in text
    assert f"Mã tra cứu: {petition.receipt_code}." in text


def test_the_acceptance_notice_gives_the_resolution_deadline(handler_client, receive, accept):
    petition = receive(on=date(2026, 3, 2))
    accept(petition, date(2026, 3, 2))

    text = text_of(download(handler_client, "petition", petition.pk, "thong-bao-thu-ly"))

    assert "thời hạn giải quyết đến ngày 01/04/2026" in text


def test_the_forwarding_slip_is_addressed_to_the_receiving_agency(
    handler_client, receive, handler_of_ia_grai, committee_of_pleiku
):
    petition = receive(on=date(2026, 3, 2))
    handle_petition(
        petition=petition, by=handler_of_ia_grai, on=date(2026, 3, 3), processable=True, in_competence=False,
        handling=Handling.FORWARD, forwarded_to=committee_of_pleiku, letter_number="05/PC",
        letter_date=date(2026, 3, 3),
    )  # fmt: skip

    text = text_of(download(handler_client, "petition", petition.pk, "phieu-chuyen-don"))

    assert "Kính gửi: Ủy ban nhân dân phường Pleiku." in text


def test_a_document_of_a_later_step_is_not_there_yet(handler_client, receive):
    petition = receive(on=date(2026, 3, 2))

    assert download(handler_client, "petition", petition.pk, "thong-bao-thu-ly").status_code == 404


def test_no_document_of_a_denunciation_names_the_denouncer(handler_client, receive, accept, handler_of_ia_grai):
    petition = receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2))
    case = accept(petition, date(2026, 3, 5), complexity=Case.Complexity.COMPLEX)
    extend_case(case=case, by=handler_of_ia_grai, decided_on=date(2026, 3, 30), number="10/QĐ-GH", days=30)
    decide_case(
        case=verified(case), by=handler_of_ia_grai, issued_on=date(2026, 5, 4), number="3/KL", outcome=Outcome.UNFOUNDED
    )

    texts = [
        text_of(download(handler_client, "petition", petition.pk, slug))
        for slug in ("giay-bien-nhan", "thong-bao-thu-ly-to-cao")
    ]
    texts += [
        text_of(download(handler_client, "case", case.pk, slug))
        for slug in ("thanh-lap-to-xac-minh", "gia-han", "ket-luan")
    ]

    assert ["Nguyễn Văn Khiếu" in text for text in texts] == [False] * 5
    assert "KẾT LUẬN" in texts[-1]


def test_another_communes_documents_are_404(client, receive, committee_of_pleiku):
    petition = receive(on=date(2026, 3, 2))
    client.force_login(staff_with_role(committee_of_pleiku, Role.HANDLER))

    assert download(client, "petition", petition.pk, "giay-bien-nhan").status_code == 404


def test_what_a_petitioner_typed_is_text_not_markup(client, handler_of_ia_grai, receive):
    petition = receive(content="Đề nghị xem xét <b>việc</b> cấp đất & nhà")
    client.force_login(handler_of_ia_grai)

    response = client.get(reverse("complaints:petition-document", args=[petition.pk, "giay-bien-nhan"]))

    assert "Nội dung đơn: Đề nghị xem xét <b>việc</b> cấp đất & nhà" in text_of(response)


def test_from_july_2026_a_decision_cites_the_amending_law_and_decree_and_the_new_identity_wording(
    client, handler_of_ia_grai, receive, accept
):
    petition = receive(on=date(2026, 7, 6))
    case = verified(accept(petition, date(2026, 7, 8)))
    decide_case(
        case=case, by=handler_of_ia_grai, issued_on=date(2026, 8, 3), number="30/QĐ-UBND", outcome=Outcome.FOUNDED
    )
    client.force_login(handler_of_ia_grai)

    decision = text_of(client.get(reverse("complaints:case-document", args=[case.pk, "giai-quyet"])))
    notice = text_of(client.get(reverse("complaints:petition-document", args=[petition.pk, "thong-bao-thu-ly-2026"])))

    assert (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo ngày 10 tháng 12 "
        "năm 2025;"
    ) in decision
    assert (
        "thi hành Luật Khiếu nại, được sửa đổi, bổ sung bởi Nghị định số 155/2026/NĐ-CP ngày 15 tháng 5 năm 2026;"
        in decision
    )
    assert "Số căn cước/định danh cá nhân/giấy chứng nhận căn cước/hộ chiếu: 064090007777" in notice


def test_a_forwarding_slip_leaves_a_recipient_the_register_did_not_name_blank(committee_of_ia_grai):
    petition = PetitionFactory(
        agency=committee_of_ia_grai, handling="forward", handled_on=date(2026, 3, 4), forwarded_to_name=UNNAMED_AGENCY
    )

    assert forwarding_facts(petition)["to"] == BLANK
