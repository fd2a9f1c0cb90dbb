"""Importing a register the portal exported writes nothing new: every row carries its record's code in Mã hồ sơ,
whichever door the record came in by (the desk, petition intake, a dialogue's page, an earlier import), in both eras,
for the registers of a province and of a commune."""

from datetime import date
from io import BytesIO

import pytest

from complaints.models import Petition, Source
from complaints.services.intake import receive_petition
from danvan.citizens import CitizenDetails
from danvan.models import AdminUnit, Agency, Case, Citizen, Classification, Role, UnitSuccession
from dialogues.models import Dialogue, Host, Kind
from dialogues.services import record_dialogue
from reception.models import Mode, Receiver, ReceptionSession, Result, Visit
from reception.register import HEADERS as VISIT_HEADERS
from reception.services import receive_visit
from registers.export import plan_for_staff, write_registers
from registers.importer import import_workbook
from tests.complaints.test_register_export import REGISTER_COLUMNS as PETITION_HEADERS
from tests.dialogues.test_register_export import REGISTER_COLUMNS as DIALOGUE_HEADERS
from tests.factories import AgencyFactory, current_unit, legacy_unit, member_of
from tests.registers.workbooks import rows_of, workbook

OLD_DAY, NEW_DAY = date(2024, 5, 14), date(2026, 3, 12)
REGISTERS = ["TiepCongDan", "Don", "DoiThoai"]
WINDOW = {"start": date(2023, 1, 1), "end": date(2026, 12, 31)}


@pytest.fixture
def places(db):
    """The People's Committees of Gia Lai and of Ia Grai, today's and those of the units that went into them in 2025,
    each with the day its records are dated."""
    ia_grai = current_unit("23764")
    old_commune = AdminUnit.objects.filter(
        pk__in=UnitSuccession.objects.filter(new=ia_grai).values("old"), level=AdminUnit.Level.COMMUNE
    ).order_by("code")[0]
    return {
        "province": [
            (AgencyFactory(unit=current_unit("52")), NEW_DAY),
            (AgencyFactory(unit=legacy_unit("64")), OLD_DAY),
        ],
        "commune": [(AgencyFactory(unit=ia_grai), NEW_DAY), (AgencyFactory(unit=old_commune), OLD_DAY)],
    }


def _at_the_desk(agency: Agency, on: date) -> None:
    """A regular visit, and a head's visit that hands over a petition (made from the visit)."""
    for mode, receiver, result in (
        (Mode.REGULAR, Receiver.OFFICER, Result.GUIDED),
        (Mode.PERIODIC, Receiver.HEAD, Result.PETITION_RECEIVED),
    ):
        receive_visit(
            agency=agency, by=None, details=CitizenDetails(full_name="Nguyễn Văn An", cccd="064090001234"),
            received_on=on, mode=mode, receiver=receiver, receiver_name="Phạm Minh Đức", content="Đề nghị cấp sổ đỏ",
            kind=Classification.COMPLAINT, result=result,
        )  # fmt: skip


def _by_intake(agency: Agency, on: date) -> None:
    receive_petition(
        agency=agency, by=None, received_on=on, source=Source.POST, kind=Classification.RECOMMENDATION,
        content="Kiến nghị sửa đường liên thôn", details=CitizenDetails(full_name="Trần Thị Bình", phone="0912345678"),
        reference="HS-15",
    )  # fmt: skip


def _on_the_dialogue_page(agency: Agency, on: date) -> None:
    record_dialogue(
        by=None, kind=Kind.DIALOGUE, date=on, unit=agency.unit, agency=agency, host=Host.COMMITTEE_CHAIR,
        host_name="Phạm Minh Đức", host_title="Chủ tịch UBND", topic="Bồi thường giải phóng mặt bằng", participants=90,
        opinions_raised=5, opinions_answered=2,
    )  # fmt: skip


def _by_import(places: list[tuple[Agency, date]]) -> None:
    """A register without Mã hồ sơ and with the agency's own, for every sheet; a petition accepted and resolved."""
    common = {"Cơ quan": "UBND"}
    visits, petitions, dialogues = [], [], []
    for agency, on in places:
        cells = common | {"Mã ĐVHC": agency.unit.code}
        day = f"{on:%d/%m/%Y}"
        for reference in ("", "SO-7"):
            visits.append(cells | {
                "Ngày tiếp": day, "Hình thức tiếp": "Thường xuyên", "Người tiếp": "Cán bộ tiếp công dân",
                "Họ tên": "Lê Văn Cường", "Số người": 1, "Nội dung": "Hỏi về bồi thường", "Phân loại": "Khiếu nại",
                "Mã hồ sơ": reference,
            })  # fmt: skip
            petitions.append(cells | {
                "Ngày nhận": day, "Nguồn đơn": "Trực tiếp", "Người đứng đơn": "Lê Văn Cường", "Loại đơn": "Khiếu nại",
                "Nội dung": "Khiếu nại quyết định thu hồi đất", "Đủ điều kiện xử lý": "Có",
                "Thẩm quyền": "Thuộc thẩm quyền", "Hướng xử lý": "Thụ lý", "Ngày xử lý": day,
                "Trạng thái giải quyết": "Đã giải quyết", "Kết quả giải quyết": "Sai", "Ngày giải quyết": day,
                "Mã hồ sơ": reference,
            })  # fmt: skip
            dialogues.append({
                "Ngày": day, "Mã ĐVHC": agency.unit.code, "Hình thức": "Đối thoại", "Người chủ trì": "Chủ tịch UBND",
                "Chủ đề": "Quy hoạch khu dân cư", "Số người tham dự": 40, "Số ý kiến": 3, "Mã hồ sơ": reference,
            })  # fmt: skip
    book = workbook({
        "TiepCongDan": rows_of(list(VISIT_HEADERS), *visits),
        "Don": rows_of(PETITION_HEADERS, *petitions),
        "DoiThoai": rows_of(DIALOGUE_HEADERS, *dialogues),
    })  # fmt: skip
    outcome = import_workbook(book, by=None)
    assert (outcome.problems, outcome.new) == ([], 6 * len(places))


DOORS = {
    "desk": lambda places: [_at_the_desk(agency, on) for agency, on in places],
    "intake": lambda places: [_by_intake(agency, on) for agency, on in places],
    "dialogue page": lambda places: [_on_the_dialogue_page(agency, on) for agency, on in places],
    "import": _by_import,
}


def held() -> dict[str, int]:
    models = (Visit, ReceptionSession, Petition, Case, Citizen, Dialogue)
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("level", ["province", "commune"])
def test_importing_the_export_of_records_made_through_any_door_writes_nothing(places, door, level):
    DOORS[door](places[level])
    leader = member_of(places[level][0][0], Role.LEADER)
    before = held()
    exported = BytesIO()
    counts = write_registers(plan_for_staff(leader, registers=REGISTERS, **WINDOW), exported, by=leader)

    outcome = import_workbook(BytesIO(exported.getvalue()), by=leader)

    assert sum(counts.values()) > 0
    assert (outcome.problems, outcome.new, held()) == ([], 0, before)
