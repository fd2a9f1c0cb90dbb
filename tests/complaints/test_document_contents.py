"""Each document is filled from its records: numbers, dates, names and amounts exactly as entered, what the handler
typed, the decision's legal bases and articles; what a record lacks is a dotted blank, never a wrong value."""

from io import BytesIO

import pytest
from docx import Document

from danvan.models import Role
from tests.complaints.document_records import AFTER_2026, BEFORE_2026, Records
from tests.factories import AgencyFactory, current_unit, member_of
from tests.shared_data import built_once

pytestmark = pytest.mark.django_db
DOTS = "…………"
# Suspending the execution of the contested decision, and lifting it, may happen as long as a complaint is resolved.
THE_CONTESTED_DECISION = ["tam-dinh-chi-thi-hanh", "huy-tam-dinh-chi-thi-hanh"]


def text_of(docx: bytes) -> str:
    document = Document(BytesIO(docx))
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join(cells + [paragraph.text for paragraph in document.paragraphs])


def _every_document():
    """The text of every document of the four sets of records (filled or empty, before or after 01/07/2026)."""
    agency, elsewhere = AgencyFactory(unit=current_unit("23764")), AgencyFactory(unit=current_unit("23575"))
    handler = member_of(agency, Role.HANDLER)
    texts = {}
    for filled, start in ((True, BEFORE_2026), (False, BEFORE_2026), (True, AFTER_2026), (False, AFTER_2026)):
        records = Records(agency, handler, elsewhere, filled=filled, start=start)
        texts[filled, start] = {name: text_of(docx) for name, docx in records.documents().items()}
        texts[filled, start, "offered"] = {
            name: records.offered(getattr(records, name)) for name in ("withdrawn", "denunciation_withdrawn")
        }
    return texts


@pytest.fixture(scope="module")
def documents(django_db_setup, django_db_blocker):
    yield from built_once(django_db_blocker, _every_document)


@pytest.fixture
def filled(documents):
    return documents[True, BEFORE_2026]


@pytest.fixture
def empty(documents):
    return documents[False, BEFORE_2026]


@pytest.fixture
def offered(documents):
    """The documents the withdrawn complaint and denunciation offer, before and after 01/07/2026."""
    return documents[True, BEFORE_2026, "offered"], documents[True, AFTER_2026, "offered"]


@pytest.fixture
def filled_2026(documents):
    return documents[True, AFTER_2026]


@pytest.fixture
def empty_2026(documents):
    return documents[False, AFTER_2026]


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
    names = (
        "thong-bao-thu-ly-to-cao",
        "gia-han",
        "tam-dinh-chi-to-cao",
        "tiep-tuc-to-cao",
        "ket-luan",
        "thong-bao-ket-luan",
    )

    assert ["Nguyễn Văn Khiếu" in filled[name] for name in names] == [False] * 6


def test_the_denouncer_is_told_the_conclusion_under_its_recorded_number(filled):
    assert (
        "Ngày 04 tháng 5 năm 2026, Chủ tịch Ủy ban nhân dân xã Ia Grai đã ban hành Kết luận nội dung tố cáo số "
        "3/KL-UBND, kết luận: Nội dung tố cáo là đúng."
    ) in filled["thong-bao-ket-luan"]


def test_the_suspension_and_resumption_carry_their_recorded_numbers_dates_and_reason(filled):
    suspension, resumption = filled["tam-dinh-chi-to-cao"], filled["tiep-tuc-to-cao"]

    assert ("Số: 14/QĐ-UBND" in suspension, "Ia Grai, ngày 06 tháng 4 năm 2026" in suspension) == (True, True)
    assert "kể từ ngày 06/04/2026. Lý do: Chờ kết quả giám định của cơ quan khác." in suspension
    assert ("Số: 16/QĐ-UBND" in resumption, "Căn cứ Quyết định tạm đình chỉ số 14/QĐ-UBND" in resumption) == (
        True, True,
    )  # fmt: skip


def test_the_verification_report_gives_the_findings_to_the_head_who_assigned_it(filled):
    report = filled["bao-cao-xac-minh"]

    assert "Kính gửi: Chủ tịch Ủy ban nhân dân xã Ia Grai." in report
    assert "2. Kết quả xác minh đối với từng nội dung được giao xác minh: Việc thu hồi 300,5 m² đất" in report


def test_a_decision_before_july_2026_cites_the_law_and_decree_as_issued(filled):
    decision = filled["giai-quyet"]

    assert ("Luật sửa đổi, bổ sung" in decision, "155/2026" in decision) == (False, False)


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


def test_from_july_2026_the_acceptance_notice_is_on_the_form_of_nd_155(filled, filled_2026):
    notice = filled_2026["thong-bao-thu-ly-2026"]

    assert ("thong-bao-thu-ly-2026" in filled, "thong-bao-thu-ly" in filled_2026) == (False, False)
    assert "THÔNG BÁO\nVề việc thụ lý giải quyết khiếu nại\n" in notice
    assert "Số căn cước/định danh cá nhân/giấy chứng nhận căn cước/hộ chiếu: 064090007777, ngày cấp" in notice


def test_the_refusal_of_a_complaint_cites_article_11_of_the_law_as_its_form_does(filled, filled_2026):
    assert (
        "căn cứ Điều 11 của Luật Khiếu nại ngày 11 tháng 11 năm 2011, Ủy ban nhân dân xã Ia Grai nhận thấy"
        in (filled["thong-bao-khong-thu-ly"])
    )
    assert (
        "căn cứ Điều 11 của Luật Khiếu nại, Ủy ban nhân dân xã Ia Grai nhận thấy"
        in (filled_2026["thong-bao-khong-thu-ly-2026"])
    )


def test_a_declined_denunciation_is_told_the_reason_without_naming_the_denouncer(filled):
    notice = filled["thong-bao-khong-thu-ly-to-cao"]

    assert "không thụ lý tố cáo vì lý do: Tố cáo việc đã được giải quyết." in notice
    assert "Nguyễn Văn Khiếu" not in notice


def test_the_complaint_written_at_the_desk_is_the_complainants_paper_on_the_form_of_its_date(filled, filled_2026):
    before, after = filled["don-khieu-nai"], filled_2026["don-khieu-nai-2026"]

    assert ("Số:" in before, "ỦY BAN NHÂN DÂN" in before, "NGƯỜI KHIẾU NẠI" in before) == (False, False, True)
    assert "Họ và tên người khiếu nại: Nguyễn Văn Khiếu;" in before
    assert "Số CMND/Hộ chiếu/Thẻ căn cước công dân: 064090007777," in before
    assert ("1. Thông tin người khiếu nại:" in after, "- Họ và tên: Nguyễn Văn Khiếu;" in after) == (True, True)
    assert "5. Nội dung khiếu nại: Khiếu nại quyết định thu hồi đất của UBND xã" in after


def test_a_complaint_missing_the_address_and_papers_leaves_them_blank(empty_2026):
    complaint = empty_2026["don-khieu-nai-2026"]

    assert f"- Địa chỉ: {DOTS * 3}." in complaint
    assert f"Tài liệu, chứng cứ kèm theo (nếu có): {DOTS * 3}" in complaint


def test_the_authorisation_is_certified_as_its_form_asks(filled, filled_2026):
    before, after = filled["giay-uy-quyen"], filled_2026["giay-uy-quyen-2026"]

    assert ("XÁC NHẬN CỦA CƠ QUAN, TỔ CHỨC CÓ THẨM QUYỀN" in before, "LỜI CHỨNG" in before) == (True, False)
    assert ("LỜI CHỨNG CÔNG CHỨNG/CHỨNG THỰC" in after, "Họ và tên người khiếu nại: Nguyễn Văn Khiếu;" in after) == (
        True, True,
    )  # fmt: skip


def test_the_dialogue_minutes_give_each_party_a_copy_as_the_form_of_their_date_says(filled, filled_2026):
    assert "mỗi người được nhận 01 bản./." in filled["bien-ban-doi-thoai"]
    assert "bản; mỗi người nhận 01 bản./." in filled_2026["bien-ban-doi-thoai-2026"]


def test_a_complaints_suspension_and_continuation_from_july_2026_carry_their_numbers_and_reason(filled_2026):
    suspension, resumption = filled_2026["tam-dinh-chi"], filled_2026["tiep-tuc"]

    assert ("Số: 11/QĐ-UBND" in suspension, "Về việc tạm đình chỉ giải quyết khiếu nại" in suspension) == (True, True)
    assert (
        "Điều 1. Tạm đình chỉ việc giải quyết khiếu nại của ông Nguyễn Văn Khiếu về việc: Khiếu nại quyết định thu hồi "
        "đất của UBND xã kể từ ngày 13/08/2026. Lý do: Chờ kết quả giám định của cơ quan khác."
    ) in suspension
    assert ("Số: 13/QĐ-UBND" in resumption, "Căn cứ Quyết định tạm đình chỉ số 11/QĐ-UBND" in resumption) == (
        True, True,
    )  # fmt: skip


def test_a_suspension_without_a_recorded_reason_leaves_it_blank(empty_2026):
    assert f"Lý do: {DOTS * 3}." in empty_2026["tam-dinh-chi"]


def test_a_denunciations_suspension_cites_article_34_of_the_law(filled):
    assert "Căn cứ Điều 34 của Luật Tố cáo ngày 12 tháng 6 năm 2018;" in filled["tam-dinh-chi-to-cao"]


def test_a_withdrawn_case_offers_the_withdrawal_and_the_decision_ending_it_not_a_decision_on_merits(offered):
    before, after = offered

    assert before["withdrawn"] == ["giao-xac-minh", *THE_CONTESTED_DECISION, "dinh-chi"]
    assert before["denunciation_withdrawn"] == [
        "don-rut-to-cao", "bien-ban-rut-to-cao", "dinh-chi-to-cao",
    ]  # fmt: skip
    assert after["withdrawn"] == [
        "giao-xac-minh", *THE_CONTESTED_DECISION, "don-rut-khieu-nai-2026", "bien-ban-rut-khieu-nai-2026",
        "dinh-chi-2026",
    ]  # fmt: skip
    assert after["denunciation_withdrawn"] == [
        "don-rut-to-cao-2026", "bien-ban-rut-to-cao-2026", "dinh-chi-to-cao",
    ]  # fmt: skip


def test_the_decision_ending_a_withdrawn_complaint_gives_the_withdrawal_and_no_findings(filled):
    decision = filled["dinh-chi"]

    assert (
        "Điều 1. Đình chỉ việc giải quyết khiếu nại của ông Nguyễn Văn Khiếu về việc: Khiếu nại quyết định thu hồi đất "
        "của UBND xã. Lý do: người khiếu nại rút khiếu nại; Người đứng đơn đã được giải thích và tự nguyện rút đơn."
    ) in decision
    assert ("Số: 15/QĐ-UBND" in decision, "Kết quả xác minh" in decision, "Kết luận" in decision) == (
        True, False, False,
    )  # fmt: skip


def test_a_withdrawal_letter_never_names_the_denouncer_and_asks_how_to_reach_them_from_july_2026(filled, filled_2026):
    before, after = filled["don-rut-to-cao"], filled_2026["don-rut-to-cao-2026"]

    assert ("Nguyễn Văn Khiếu" in before, "Nguyễn Văn Khiếu" in after) == (False, False)
    assert (
        "cho tôi rút nội dung tố cáo: Khiếu nại quyết định thu hồi đất của UBND xã trong đơn tố cáo ngày 02 tháng 3 "
        "năm 2026./."
    ) in before
    assert (f"Cách thức liên hệ: {DOTS * 3}" in after, "Tôi/Chúng tôi làm đơn này" in after) == (True, True)


def test_the_working_minutes_name_the_verifier_and_the_decision_assigning_the_verification(filled, empty):
    assert "1. Người được giao nhiệm vụ xác minh (người xác minh): Thanh tra xã Ia Grai" in filled["bien-ban-lam-viec"]
    assert "(Quyết định số 08/QĐ-UBND ngày 05 tháng 3 năm 2026)" in filled["bien-ban-lam-viec"]
    assert f"(Quyết định số {DOTS * 3} ngày 05 tháng 3 năm 2026)" in empty["bien-ban-lam-viec"]


def test_a_letter_is_numbered_under_the_agencys_abbreviation_with_its_subject_under_the_number(filled):
    letter = filled["de-nghi-cung-cap"]

    assert (
        "Số:        /UBND\nV/v đề nghị cung cấp thông tin, tài liệu, bằng chứng liên quan đến nội dung khiếu nại"
        in (letter)
    )
    assert "Địa chỉ (hoặc tên người) nhận: Thanh tra xã Ia Grai./." in letter


def test_the_second_round_decision_rests_on_the_first_and_leaves_only_the_court(filled):
    decision = filled["giai-quyet-lan-hai"]

    assert "Về việc giải quyết khiếu nại của ông Nguyễn Văn Khiếu (lần hai)" in decision
    assert f"II. Kết quả giải quyết khiếu nại của người đã giải quyết khiếu nại lần đầu: {DOTS * 3}" in decision
    assert "Điều 1. Công nhận và giữ nguyên nội dung quyết định giải quyết khiếu nại lần đầu." in decision
    assert (
        f"Điều 3. Trong thời hạn {DOTS} ngày, kể từ ngày nhận được Quyết định này, nếu ông Nguyễn Văn Khiếu không "
        "đồng ý với giải quyết khiếu nại của Chủ tịch Ủy ban nhân dân xã Ia Grai thì ông Nguyễn Văn Khiếu có quyền "
        "khởi kiện Chủ tịch Ủy ban nhân dân xã Ia Grai tại Tòa án"
    ) in decision


def test_the_decision_accepting_a_denunciation_gives_the_period_its_rule_set_that_day(filled):
    decision = filled["quyet-dinh-thu-ly-to-cao"]

    assert "Căn cứ Điều 29 của Luật Tố cáo ngày 12 tháng 6 năm 2018;" in decision
    assert "Thời hạn giải quyết tố cáo là 30 ngày, kể từ ngày 05/03/2026 (đến ngày 06/04/2026)." in decision
    assert "Nguyễn Văn Khiếu" not in decision


def test_the_person_denounced_is_told_what_was_accepted_never_who_denounced(filled):
    notice = filled["thong-bao-noi-dung-to-cao"]

    assert "đã thụ lý tố cáo từ ngày 05/03/2026 với nội dung: Khiếu nại quyết định thu hồi đất của UBND xã" in notice
    assert ("quyền, nghĩa vụ của người bị tố cáo" in notice, "Nguyễn Văn Khiếu" in notice) == (True, False)


def test_the_expert_examination_is_requested_under_its_recorded_number_and_matter(filled, empty):
    assert "Số: 19/UBND-TTr" in filled["trung-cau-giam-dinh-to-cao"]
    assert "bằng chứng sau đây: Chữ ký trên hợp đồng chuyển nhượng đất" in filled["trung-cau-giam-dinh-to-cao"]
    assert f"bằng chứng sau đây: {DOTS * 3}" in empty["trung-cau-giam-dinh-to-cao"]


def test_the_team_report_is_headed_by_the_team_under_the_body_that_set_it_up(filled):
    report = filled["bao-cao-to-xac-minh"]

    assert "ỦY BAN NHÂN DÂN XÃ IA GRAI\nĐOÀN (TỔ) XÁC MINH NỘI DUNG TỐ CÁO" in report
    assert ("Số:" in report, "1. Kết quả xác minh: Nội dung đã được xác minh tại chỗ." in report) == (False, True)


def test_the_refusal_to_receive_is_on_the_form_of_the_visits_day(filled, filled_2026):
    before, after = filled["tu-choi-tiep"], filled_2026["tu-choi-tiep-2026"]

    assert (
        "Căn cứ khoản 3 Điều 9 Luật Tiếp công dân, Ủy ban nhân dân xã Ia Grai từ chối tiếp nhận nội dung khiếu nại"
        in (before)
    )
    assert "điểm g khoản 1 Điều 4 Nghị định số 154/2026/NĐ-CP ngày 15 tháng 5 năm 2026" in after
    assert (
        "Số căn cước/giấy chứng nhận căn cước/số định danh cá nhân/số hộ chiếu (hoặc giấy tờ tùy thân): 064090007777"
        in (after)
    )
    assert "Ngày 03 tháng 8 năm 2026, ông Nguyễn Văn Khiếu" in after


def test_the_receipt_of_papers_lists_each_paper_and_who_received_them(filled_2026, empty_2026):
    receipt = filled_2026["bien-nhan-tai-lieu-2026"]

    assert "Vào 08 giờ 30 ngày 03 tháng 8 năm 2026 tại: Ủy ban nhân dân xã Ia Grai" in receipt
    assert "Tôi là: Lê Thị Tiếp; chức vụ: Chuyên viên" in receipt
    assert "- Bản sao quyết định thu hồi đất (02 trang)\n- Bản sao quyết định giải quyết lần hai" in receipt
    assert "Số:" not in receipt


def test_a_receipt_without_the_papers_listed_leaves_a_line_to_write_them_in(empty_2026):
    receipt = empty_2026["bien-nhan-tai-lieu-2026"]

    assert (f"chức vụ: {DOTS * 3}" in receipt, f"các thông tin, tài liệu sau:\n- {DOTS * 3}\n" in receipt) == (
        True, True,
    )  # fmt: skip


def test_a_denunciation_is_forwarded_on_its_own_slip_without_its_denouncer(filled):
    slip = filled["phieu-chuyen-don-to-cao"]

    assert ("Số: 46/PC-UBND" in slip, "V/v chuyển đơn tố cáo" in slip, "Nguyễn Văn Khiếu" in slip) == (
        True,
        True,
        False,
    )
    assert "chuyển đơn tố cáo nêu trên đến Ủy ban nhân dân phường Pleiku để xem xét, giải quyết" in slip
    assert "(thay trả lời)" not in slip


def test_the_urging_letter_goes_to_the_body_the_handler_noted_and_asks_why_it_is_late(filled, empty):
    letter = filled["don-doc"]

    assert ("Kính gửi: Ủy ban nhân dân xã Ia Sao." in letter, "lý do chậm giải quyết" in letter) == (True, True)
    assert "Ông Nguyễn Văn Khiếu (thay trả lời)" in letter
    assert f"Kính gửi: {DOTS * 3}." in empty["don-doc"]


def test_a_petition_forwarded_to_the_wrong_agency_is_returned_to_the_body_that_forwarded_it(filled):
    letter = filled["tra-lai-don"]

    assert "Kính gửi: Ủy ban nhân dân phường Pleiku." in letter
    assert "vì lý do: Nội dung không rõ ràng." in letter
    assert "trả lại đơn để Ủy ban nhân dân phường Pleiku chuyển đến cơ quan có thẩm quyền giải quyết" in letter
