"""The `DoiThoai` sheet: one dialogue or voter meeting per row, at the level of the unit where it was held."""

from datetime import date

from danvan.models import Agency
from dialogues.figures import dialogues_figures
from dialogues.models import Dialogue, Host, Kind
from registers.importer import import_workbook
from tests.dialogues.test_register_export import REGISTER_COLUMNS
from tests.factories import AgencyFactory, DialogueFactory, current_unit, legacy_unit
from tests.registers.workbooks import rows_of, workbook

# The columns registers.md names, in its order, as the export test pins them.
HEADER = REGISTER_COLUMNS


def dialogue_row(**cells):
    row = {
        "Ngày": "12/04/2026",
        "Mã ĐVHC": "23764",
        "Hình thức": "Đối thoại",
        "Người chủ trì": "Chủ tịch UBND",
        "Chủ đề": "Bồi thường giải phóng mặt bằng",
        "Số người tham dự": 120,
        "Số ý kiến": 14,
        "Số ý kiến trả lời tại chỗ": 9,
    }
    return row | cells


def book(*rows):
    return workbook({"DoiThoai": rows_of(HEADER, *rows)})


def test_a_row_becomes_a_dialogue_of_the_hosts_agency_at_the_unit(committee_of_ia_grai):
    outcome = import_workbook(book(dialogue_row()), by=None)

    dialogue = Dialogue.objects.get()
    assert outcome.problems == []
    assert (dialogue.agency, dialogue.unit, dialogue.kind, dialogue.host) == (
        committee_of_ia_grai,
        committee_of_ia_grai.unit,
        Kind.DIALOGUE,
        Host.COMMITTEE_CHAIR,
    )
    assert (dialogue.participants, dialogue.opinions_raised, dialogue.opinions_answered) == (120, 14, 9)


def test_a_voter_meeting_of_a_deputy_belongs_to_the_provinces_delegation(db):
    delegation = AgencyFactory(unit=current_unit("52"), kind=Agency.Kind.ASSEMBLY_DELEGATION, name="Đoàn ĐBQH")

    import_workbook(
        book(dialogue_row(**{"Hình thức": "Tiếp xúc cử tri", "Người chủ trì": "Đại biểu Quốc hội"})), by=None
    )

    dialogue = Dialogue.objects.get()
    assert (dialogue.agency, dialogue.unit.code) == (delegation, "23764")


def test_a_2024_district_row_counts_as_district(db):
    district = AgencyFactory(unit=legacy_unit("622"))

    import_workbook(book(dialogue_row(**{"Ngày": "05/06/2024", "Mã ĐVHC": "622"})), by=None)

    agencies = Agency.objects.filter(pk=district.pk)
    figures = dialogues_figures(agencies=agencies, start=date(2024, 1, 1), end=date(2024, 12, 31))
    assert (figures["dialogues.district"], figures["dialogues.commune"]) == (1, 0)


def test_answered_more_than_raised_is_an_error(committee_of_ia_grai):
    outcome = import_workbook(book(dialogue_row(**{"Số ý kiến trả lời tại chỗ": 15})), by=None)

    assert [(p.column, p.message) for p in outcome.problems] == [
        ("Số ý kiến trả lời tại chỗ", "Lớn hơn số ý kiến (14).")
    ]
    assert not Dialogue.objects.exists()


def test_a_negative_count_is_an_error(committee_of_ia_grai):
    outcome = import_workbook(book(dialogue_row(**{"Số người tham dự": -3})), by=None)

    assert outcome.problems[0].column == "Số người tham dự"


def test_numbers_may_use_dots_for_thousands(committee_of_ia_grai):
    import_workbook(book(dialogue_row(**{"Số người tham dự": "1.250"})), by=None)

    assert Dialogue.objects.get().participants == 1250


def test_a_row_of_a_dialogue_recorded_in_the_portal_with_its_reference_is_that_dialogue(committee_of_ia_grai):
    DialogueFactory(agency=committee_of_ia_grai, date=date(2026, 4, 12), reference="DT-7")

    outcome = import_workbook(book(dialogue_row(**{"Mã hồ sơ": "DT-7"})), by=None)

    assert outcome.problems == [] and Dialogue.objects.count() == 1


def test_an_imported_dialogue_names_its_host_by_role(committee_of_ia_grai):
    import_workbook(book(dialogue_row()), by=None)

    assert Dialogue.objects.get().host_line == "Chủ tịch UBND"
