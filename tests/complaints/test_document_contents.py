"""Each document is filled from its records: numbers, dates, names and amounts exactly as entered, what the handler
typed, the decision's legal bases and articles; what a record lacks is a dotted blank, never a wrong value."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from complaints.documents.facts import BLANK
from complaints.documents.petitions import forwarding_facts
from complaints.models import Outcome
from complaints.models.petitions import UNNAMED_AGENCY
from complaints.services.resolution import decide_case
from tests.complaints.document_records import Records
from tests.factories import PetitionFactory, verified

pytestmark = pytest.mark.django_db
DOTS = "…………"


def text_of(docx: bytes) -> str:
    document = Document(BytesIO(docx))
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join(cells + [paragraph.text for paragraph in document.paragraphs])


@pytest.fixture
def filled(client, handler_of_ia_grai, committee_of_ia_grai, committee_of_pleiku):
    client.force_login(handler_of_ia_grai)
    records = Records(committee_of_ia_grai, handler_of_ia_grai, committee_of_pleiku, filled=True)
    return {name: text_of(docx) for name, docx in records.documents(client).items()}


@pytest.fixture
def empty(client, handler_of_ia_grai, committee_of_ia_grai, committee_of_pleiku):
    client.force_login(handler_of_ia_grai)
    records = Records(committee_of_ia_grai, handler_of_ia_grai, committee_of_pleiku, filled=False)
    return {name: text_of(docx) for name, docx in records.documents(client).items()}


def test_the_decision_carries_its_recorded_number_and_date(filled):
    assert "Số: 12/QĐ-UBND\n" in filled["giai-quyet"]
    assert "Ia Grai, ngày 20 tháng 4 năm 2026" in filled["giai-quyet"]


def test_amounts_print_as_entered_with_the_vietnamese_separators(filled):
    assert (
        "Điều 2. Thu hồi cho Nhà nước 125,5 triệu đồng, 300,5 m² đất. Trả lại cho tổ chức, cá nhân 1.250.000.000 triệu "
        "đồng. Kiến nghị xử lý hành chính 3 người (trong đó 2 cán bộ, công chức, viên chức)."
    ) in filled["giai-quyet"]


def test_empty_amounts_are_left_out_not_printed_as_zero(empty):
    decision = empty["giai-quyet"]

    assert ("triệu đồng" in decision, "m²" in decision, f"Điều 2. {DOTS}" in decision) == (False, False, True)


def test_the_decision_has_its_legal_bases_the_complainant_and_four_articles(filled):
    decision = filled["giai-quyet"]

    assert "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;" in decision
    assert "Căn cứ Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020" in decision
    assert "Về việc giải quyết khiếu nại của ông Nguyễn Văn Khiếu (lần đầu)" in decision
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ IA GRAI" in decision
    assert "Điều 1. Kết luận nội dung khiếu nại của ông Nguyễn Văn Khiếu là đúng một phần." in decision
    assert [f"Điều {n}." in decision for n in (1, 2, 3, 4, 5)] == [True, True, True, True, False]
    assert "có quyền khiếu nại đến Chủ tịch Ủy ban nhân dân tỉnh Gia Lai" in decision


def test_the_decision_quotes_the_verification_the_dialogue_and_the_conclusion(filled):
    decision = filled["giai-quyet"]

    assert "II. Kết quả xác minh nội dung khiếu nại: Việc thu hồi 300,5 m² đất chưa đúng trình tự." in decision
    assert "III. Kết quả đối thoại: Các bên thống nhất đo đạc lại thửa đất." in decision
    assert "IV. Kết luận: Việc thu hồi đất đúng thẩm quyền nhưng chưa đúng trình tự." in decision


def test_the_guidance_slip_names_where_to_go_as_the_handler_wrote_it(filled, empty):
    where = "gửi đơn đến {} để được xem xét"

    assert where.format("Tòa án nhân dân khu vực 1 - Gia Lai") in filled["phieu-huong-dan"]
    assert where.format(DOTS * 3) in empty["phieu-huong-dan"]


def test_the_forwarding_slip_carries_the_number_and_date_the_handler_recorded(filled):
    slip = filled["phieu-chuyen-don"]

    assert ("Số: 45/PC-UBND" in slip, "Ia Grai, ngày 04 tháng 3 năm 2026" in slip) == (True, True)
    assert "Kính gửi: Ủy ban nhân dân phường Pleiku." in slip


def test_the_acceptance_of_a_complaint_is_a_notice_to_the_complainant(filled):
    notice = filled["thong-bao-thu-ly"]

    assert "THÔNG BÁO\nVề việc thụ lý giải quyết khiếu nại lần đầu" in notice
    assert "Kính gửi: Ông Nguyễn Văn Khiếu." in notice
    assert "Số CMND/Hộ chiếu/Thẻ căn cước công dân: 064090007777" in notice


def test_what_the_record_lacks_is_a_dotted_blank(empty):
    assert f"Địa chỉ: {DOTS * 3};" in empty["thong-bao-thu-ly"]
    assert f"Số CMND/Hộ chiếu/Thẻ căn cước công dân: {DOTS * 3}," in empty["thong-bao-thu-ly"]
    assert "Kính gửi: Ông (bà) Trần Thị Đơn." in empty["thong-bao-thu-ly"]


def test_the_verification_decision_carries_its_recorded_number_and_verifier(filled):
    decision = filled["giao-xac-minh"]

    assert ("Số: 08/QĐ-UBND" in decision, "Điều 2. Giao Thanh tra xã Ia Grai xác minh" in decision) == (True, True)


def test_the_refusal_gives_the_reason_the_handler_wrote(filled):
    assert (
        "không đủ điều kiện để thụ lý giải quyết vì lý do sau đây: Quá thời hiệu khiếu nại."
        in filled["thong-bao-khong-thu-ly"]
    )


def test_no_document_of_a_denunciation_names_the_denouncer(filled):
    names = ("thong-bao-thu-ly-to-cao", "gia-han", "tam-dinh-chi", "tiep-tuc", "ket-luan", "thong-bao-ket-luan")

    assert ["Nguyễn Văn Khiếu" in filled[name] for name in names] == [False] * 6


def test_the_denouncer_is_told_the_conclusion_under_its_recorded_number(filled):
    assert (
        "Ngày 04 tháng 5 năm 2026, Chủ tịch Ủy ban nhân dân xã Ia Grai đã ban hành Kết luận nội dung tố cáo số "
        "3/KL-UBND, kết luận: Nội dung tố cáo là đúng."
    ) in filled["thong-bao-ket-luan"]


def test_the_suspension_and_resumption_carry_their_recorded_numbers_dates_and_reason(filled):
    suspension, resumption = filled["tam-dinh-chi"], filled["tiep-tuc"]

    assert ("Số: 14/QĐ-UBND" in suspension, "Ia Grai, ngày 06 tháng 4 năm 2026" in suspension) == (True, True)
    assert "kể từ ngày 06/04/2026. Lý do: Chờ kết quả giám định của cơ quan khác." in suspension
    assert ("Số: 16/QĐ-UBND" in resumption, "Căn cứ Quyết định tạm đình chỉ số 14/QĐ-UBND" in resumption) == (
        True, True,
    )  # fmt: skip


def test_the_verification_report_gives_the_findings_to_the_head_who_assigned_it(filled):
    report = filled["bao-cao-xac-minh"]

    assert "Kính gửi: Chủ tịch Ủy ban nhân dân xã Ia Grai." in report
    assert "2. Kết quả xác minh đối với từng nội dung được giao xác minh: Việc thu hồi 300,5 m² đất" in report


def test_what_a_petitioner_typed_is_text_not_markup(client, handler_of_ia_grai, receive):
    petition = receive(content="Đề nghị xem xét <b>việc</b> cấp đất & nhà")
    client.force_login(handler_of_ia_grai)

    docx = client.get(reverse("complaints:petition-document", args=[petition.pk, "giay-bien-nhan"])).content

    assert "Nội dung đơn: Đề nghị xem xét <b>việc</b> cấp đất & nhà" in text_of(docx)


def test_a_decision_before_july_2026_cites_the_law_and_decree_as_issued(filled):
    decision = filled["giai-quyet"]

    assert ("Luật sửa đổi, bổ sung" in decision, "155/2026" in decision) == (False, False)


def test_from_july_2026_a_decision_cites_the_amending_law_and_decree_and_the_new_identity_wording(
    client, handler_of_ia_grai, receive, accept
):
    petition = receive(on=date(2026, 7, 6))
    case = verified(accept(petition, date(2026, 7, 8)))
    decide_case(
        case=case, by=handler_of_ia_grai, issued_on=date(2026, 8, 3), number="30/QĐ-UBND", outcome=Outcome.FOUNDED
    )
    client.force_login(handler_of_ia_grai)

    decision = text_of(client.get(reverse("complaints:case-document", args=[case.pk, "giai-quyet"])).content)
    notice = text_of(
        client.get(reverse("complaints:petition-document", args=[petition.pk, "thong-bao-thu-ly"])).content
    )

    assert (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo ngày 10 tháng 12 "
        "năm 2025;"
    ) in decision
    assert (
        "thi hành Luật Khiếu nại, được sửa đổi, bổ sung bởi Nghị định số 155/2026/NĐ-CP ngày 15 tháng 5 năm 2026;"
        in decision
    )
    assert "Số căn cước/định danh cá nhân/giấy chứng nhận căn cước/hộ chiếu: 064090007777" in notice


def test_the_dialogue_minutes_carry_the_place_the_participants_and_the_minutes_recorded(filled):
    minutes = filled["bien-ban-doi-thoai"]

    assert ("Số:" in minutes, "tại Trụ sở Ủy ban nhân dân." in minutes) == (False, True)
    assert "Ý kiến của những người tham gia đối thoại và kết quả: Các bên thống nhất đo đạc lại thửa đất." in minutes
    assert ("NGƯỜI GHI BIÊN BẢN" in minutes, "Nơi nhận:" in minutes) == (True, False)


def test_the_acceptance_proposal_goes_to_the_head_for_approval_on_the_slip(filled):
    proposal = filled["phieu-de-xuat-thu-ly"]

    assert "PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN KHIẾU NẠI" in proposal
    assert "đề xuất Chủ tịch Ủy ban nhân dân xã Ia Grai thụ lý giải quyết đơn của ông Nguyễn Văn Khiếu./." in proposal
    assert ("PHÊ DUYỆT CỦA THỦ TRƯỞNG CƠ QUAN, TỔ CHỨC, ĐƠN VỊ" in proposal, "Nơi nhận:" in proposal) == (True, False)


def test_a_forwarding_slip_leaves_a_recipient_the_register_did_not_name_blank(committee_of_ia_grai):
    petition = PetitionFactory(
        agency=committee_of_ia_grai, handling="forward", handled_on=date(2026, 3, 4), forwarded_to_name=UNNAMED_AGENCY
    )

    assert forwarding_facts(petition)["to"] == BLANK
