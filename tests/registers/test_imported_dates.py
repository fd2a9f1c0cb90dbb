"""Imported records keep their own dates: every step a register gives lands on the record's timeline on the day the
register says, never on the day of the import."""

from datetime import date

from complaints.models import Petition
from danvan.models import Agency
from danvan.selectors import timeline_of
from dialogues.models import Dialogue, OpinionStatus
from dialogues.services import add_directive, add_opinion
from registers.importer import import_workbook
from tests.dialogues.test_register_export import REGISTER_COLUMNS as DIALOGUE_HEADERS
from tests.registers.test_don_sheet import imported, petition_row
from tests.registers.workbooks import rows_of, workbook


def steps(record) -> list[tuple[date, str]]:
    return [(event.on, event.label) for event in timeline_of(record)]


def import_dialogue_held_on_24_august(committee_of_ia_grai: Agency) -> Dialogue:
    row = {
        "Ngày": "24/08/2026", "Mã ĐVHC": "23764", "Hình thức": "Đối thoại", "Người chủ trì": "Chủ tịch UBND",
        "Chủ đề": "Bồi thường giải phóng mặt bằng", "Số người tham dự": 120, "Số ý kiến": 3,
    }  # fmt: skip
    assert import_workbook(workbook({"DoiThoai": rows_of(DIALOGUE_HEADERS, row)}), by=None).problems == []
    return Dialogue.objects.get()


def test_an_imported_dialogue_is_recorded_on_the_day_it_was_held(committee_of_ia_grai):
    dialogue = import_dialogue_held_on_24_august(committee_of_ia_grai)

    assert steps(dialogue) == [(date(2026, 8, 24), "Ghi nhận đối thoại")]


def test_opinions_and_directives_of_an_imported_dialogue_are_on_its_day(committee_of_ia_grai):
    dialogue = import_dialogue_held_on_24_august(committee_of_ia_grai)

    add_opinion(dialogue, by=None, content="Đề nghị làm rõ giá đất", status=OpinionStatus.ANSWERED_ON_SPOT)
    add_directive(
        dialogue, by=None, content="Rà soát giá đất bồi thường", owner=committee_of_ia_grai, due_on=date(2026, 9, 30)
    )

    assert [on for on, _ in steps(dialogue)] == [date(2026, 8, 24)] * 3


def test_an_imported_petition_is_received_and_handled_on_the_registers_days(committee_of_ia_grai):
    imported(petition_row(**{
        "Ngày nhận": "02/03/2026", "Đủ điều kiện xử lý": "Có", "Thẩm quyền": "Không thuộc thẩm quyền",
        "Hướng xử lý": "Hướng dẫn", "Ngày xử lý": "05/03/2026",
    }))  # fmt: skip

    assert steps(Petition.objects.get()) == [
        (date(2026, 3, 2), "Tiếp nhận đơn"),
        (date(2026, 3, 5), "Xử lý đơn: Hướng dẫn"),
    ]


def test_an_imported_case_is_accepted_decided_and_enforced_on_the_registers_days(committee_of_ia_grai):
    imported(petition_row(**{
        "Ngày nhận": "02/03/2026", "Đủ điều kiện xử lý": "Có", "Thẩm quyền": "Thuộc thẩm quyền",
        "Hướng xử lý": "Thụ lý", "Ngày xử lý": "05/03/2026", "Trạng thái giải quyết": "Đã giải quyết",
        "Kết quả giải quyết": "Đúng", "Ngày giải quyết": "20/04/2026", "Thu hồi tiền (triệu đồng)": 10,
        "Đã thu tiền (triệu đồng)": 10,
    }))  # fmt: skip

    case = Petition.objects.get().case
    assert steps(case) == [
        (date(2026, 3, 5), f"Thụ lý giải quyết, hạn giải quyết {case.due_on:%d/%m/%Y}"),
        (date(2026, 4, 20), "Quyết định giải quyết khiếu nại: Đúng"),
        (date(2026, 4, 20), "Thực hiện xong quyết định, kết luận"),
    ]


def test_an_imported_petition_considered_for_acceptance_shows_that_step_on_its_day(committee_of_ia_grai):
    imported(petition_row(**{
        "Ngày nhận": "02/03/2026", "Đủ điều kiện xử lý": "Có", "Thẩm quyền": "Thuộc thẩm quyền",
        "Hướng xử lý": "Xem xét điều kiện thụ lý", "Ngày xử lý": "04/03/2026",
    }))  # fmt: skip

    assert steps(Petition.objects.get().case) == [(date(2026, 3, 4), "Xem xét điều kiện thụ lý")]
