"""Catalogue cells read as people write them: case, diacritics, punctuation, spacing and a group prefix never matter;
the forms' and the glossary's names are synonyms; a value naming two catalogue values is refused with both named."""

import pytest

from complaints.models import Handling, Outcome, Petition, Source
from complaints.register import (
    COMPETENCE,
    HANDLINGS,
    OUTCOMES,
    REPEAT_DENUNCIATION,
    RESOLUTION_STATES,
    ROUNDS,
    SOURCES,
)
from danvan.models import Agency, Case, Classification, SubjectField
from danvan.sheets.matching import Match, Vocabulary
from danvan.sheets.rows import NO, YES
from danvan.sheets.synonyms import SYNONYMS
from danvan.sheets.vocabulary import AGENCY_KINDS, CLASSIFICATIONS, FIELDS
from danvan.text import fold
from dialogues.models import Dialogue, Host, Kind
from dialogues.register import HOSTS, KINDS
from reception.models import Mode, Receiver, Result, Visit
from reception.register import MODES, RECEIVERS, RESULTS
from registers.importer import import_workbook
from tests.registers.test_dialogue_sheet import book as dialogues_book
from tests.registers.test_dialogue_sheet import dialogue_row
from tests.registers.test_don_sheet import ACCEPTED, imported, petition_row
from tests.registers.test_visits_sheet import visit_row, visits_book

YES_NO = {True: YES, False: NO}
# Each catalogue column (its synonyms' name) and its values.
CATALOGUES = {
    "Cơ quan": AGENCY_KINDS,
    "Hình thức tiếp": MODES,
    "Người tiếp": RECEIVERS,
    "Phân loại": CLASSIFICATIONS,
    "Lĩnh vực": FIELDS,
    "Kết quả tiếp": RESULTS,
    "Nguồn đơn": SOURCES,
    "Đủ điều kiện xử lý": YES_NO,
    "Thẩm quyền": COMPETENCE,
    "Hướng xử lý": HANDLINGS,
    "Lần giải quyết": ROUNDS,
    "Phức tạp": YES_NO,
    "Đông người, kéo dài": YES_NO,
    "Trạng thái giải quyết": RESOLUTION_STATES,
    "Kết quả giải quyết": OUTCOMES,
    "Hình thức": KINDS,
    "Người chủ trì": HOSTS,
}


def read(column: str, text: str) -> Match:
    return Vocabulary(column, CATALOGUES[column]).match(text)


@pytest.mark.parametrize(
    ("column", "text", "value"),
    [
        # Lĩnh vực: the model's labels, the glossary's, TT 01/2024's and TT 06/2025's sector names.
        ("Lĩnh vực", "Hành chính: đất đai, nhà cửa", SubjectField.LAND),
        ("Lĩnh vực", "Đất đai, nhà cửa", SubjectField.LAND),
        ("Lĩnh vực", "Đất đai", SubjectField.LAND),
        ("Lĩnh vực", "hanh chinh - dat dai", SubjectField.LAND),
        ("Lĩnh vực", "Chế độ chính sách", SubjectField.POLICY),
        ("Lĩnh vực", "Chế độ, chính sách", SubjectField.POLICY),
        ("Lĩnh vực", "CHẾ ĐỘ,CHÍNH SÁCH", SubjectField.POLICY),
        ("Lĩnh vực", "Công chức, công vụ", SubjectField.CIVIL_SERVICE),
        ("Lĩnh vực", "Lĩnh vực hành chính: công chức, công vụ", SubjectField.CIVIL_SERVICE),
        ("Lĩnh vực", "Hành chính: khác", SubjectField.ADMINISTRATIVE_OTHER),
        ("Lĩnh vực", "Hành chính khác", SubjectField.ADMINISTRATIVE_OTHER),
        ("Lĩnh vực", "Lĩnh vực tư pháp", SubjectField.JUDICIAL),
        ("Lĩnh vực", "tu phap", SubjectField.JUDICIAL),
        ("Lĩnh vực", "Đảng - đoàn thể", SubjectField.PARTY),
        ("Lĩnh vực", "Lĩnh vực Đảng, đoàn thể", SubjectField.PARTY),
        ("Lĩnh vực", "Tham nhũng", SubjectField.CORRUPTION),
        ("Lĩnh vực", "Lĩnh vực khác", SubjectField.OTHER),
        ("Lĩnh vực", "  khác ", SubjectField.OTHER),
        ("Phân loại", "Khiếu nại", Classification.COMPLAINT),
        ("Phân loại", "KHIEU NAI", Classification.COMPLAINT),
        ("Phân loại", "Đơn tố cáo", Classification.DENUNCIATION),
        ("Phân loại", "Kiến nghị phản ánh", Classification.RECOMMENDATION),
        ("Phân loại", "Kiến nghị - phản ánh", Classification.RECOMMENDATION),
        ("Phân loại", "Phản ánh", Classification.RECOMMENDATION),
        ("Nguồn đơn", "Trực tiếp (qua tiếp công dân)", Source.RECEPTION),
        ("Nguồn đơn", "Qua tiếp công dân", Source.RECEPTION),
        ("Nguồn đơn", "bưu điện", Source.POST),
        ("Nguồn đơn", "Qua bưu chính", Source.POST),
        ("Nguồn đơn", "Cơ quan khác chuyển đến", Source.FORWARDED),
        ("Nguồn đơn", "ĐBQH - HĐND chuyển đến", Source.ELECTED_BODY),
        ("Nguồn đơn", "Trực  tuyến", Source.ONLINE),
        ("Cơ quan", "Ủy ban nhân dân", Agency.Kind.COMMITTEE),
        ("Cơ quan", "ubnd", Agency.Kind.COMMITTEE),
        ("Cơ quan", "Đảng ủy", Agency.Kind.PARTY),
        ("Cơ quan", "Cấp uỷ", Agency.Kind.PARTY),
        ("Cơ quan", "Hội đồng nhân dân", Agency.Kind.COUNCIL),
        ("Cơ quan", "Đoàn đại biểu Quốc hội", Agency.Kind.ASSEMBLY_DELEGATION),
        ("Cơ quan", "Trụ sở tiếp công dân", Agency.Kind.RECEPTION_OFFICE),
        ("Cơ quan", "thanh tra", Agency.Kind.INSPECTORATE),
        ("Hướng xử lý", "Thụ lý giải quyết", Handling.ACCEPT),
        ("Hướng xử lý", "Xem xét điều kiện thụ lý", Handling.CONSIDER),
        ("Hướng xử lý", "Xem xét trả lời", Handling.ANSWER),
        ("Hướng xử lý", "khong thu ly", Handling.DECLINE),
        ("Hướng xử lý", "Đôn đốc giải quyết", Handling.URGE),
        ("Hướng xử lý", "Trả lại đơn", Handling.RETURN),
        ("Đủ điều kiện xử lý", "Đủ điều kiện", True),
        ("Đủ điều kiện xử lý", "không đủ điều kiện", False),
        ("Đủ điều kiện xử lý", "X", True),
        ("Thẩm quyền", "thuoc tham quyen", True),
        ("Thẩm quyền", "Không thuộc", False),
        ("Lần giải quyết", "Lần 2", Case.Round.SECOND),
        ("Lần giải quyết", "Khiếu nại lần đầu", Case.Round.FIRST),
        ("Lần giải quyết", "Giải quyết lần 2", Case.Round.SECOND),
        ("Lần giải quyết", "tố cáo tiếp", REPEAT_DENUNCIATION),
        ("Phức tạp", "có", True),
        ("Đông người, kéo dài", "x", True),
        ("Trạng thái giải quyết", "Chưa giải quyết xong", False),
        ("Trạng thái giải quyết", "Đã được giải quyết", True),
        ("Kết quả giải quyết", "Khiếu nại đúng", Outcome.FOUNDED),
        ("Kết quả giải quyết", "Tố cáo sai", Outcome.UNFOUNDED),
        ("Kết quả giải quyết", "Tố cáo có đúng, có sai", Outcome.PARTLY_FOUNDED),
        ("Kết quả giải quyết", "Công nhận QĐ g/q lần đầu", Outcome.UPHELD_FIRST),
        ("Kết quả giải quyết", "Hủy, sửa QĐ giải quyết lần đầu", Outcome.OVERTURNED_FIRST),
        ("Kết quả giải quyết", "Đình chỉ giải quyết", Outcome.TERMINATED),
        ("Kết quả tiếp", "Hướng dẫn", Result.GUIDED),
        ("Kết quả tiếp", "Tiếp nhận", Result.PETITION_RECEIVED),
        ("Kết quả tiếp", "chuyen don", Result.FORWARDED),
        ("Hình thức tiếp", "Tiếp định kỳ", Mode.PERIODIC),
        ("Hình thức tiếp", "dot xuat", Mode.AD_HOC),
        ("Người tiếp", "Thủ trưởng tiếp", Receiver.HEAD),
        ("Người tiếp", "Ủy quyền tiếp", Receiver.DELEGATE),
        ("Người tiếp", "Cán bộ", Receiver.OFFICER),
        ("Hình thức", "Hội nghị tiếp xúc cử tri", Kind.VOTER_MEETING),
        ("Hình thức", "doi thoai", Kind.DIALOGUE),
        ("Người chủ trì", "Người đứng đầu cấp ủy", Host.PARTY_SECRETARY),
        ("Người chủ trì", "Chủ tịch Ủy ban nhân dân", Host.COMMITTEE_CHAIR),
        ("Người chủ trì", "ĐBQH", Host.ASSEMBLY_DEPUTY),
    ],
)
def test_a_catalogue_column_reads_the_spellings_of_forms_glossary_and_people(column, text, value):
    assert read(column, text) == Match(value)


@pytest.mark.parametrize(("column", "labels"), CATALOGUES.items())
def test_every_label_is_read_back_in_capitals_without_diacritics(column, labels):
    assert {value: read(column, fold(label).upper()) for value, label in labels.items()} == {
        value: Match(value) for value in labels
    }


@pytest.mark.parametrize(("column", "spellings"), SYNONYMS.items())
def test_every_synonym_names_a_value_of_its_catalogue(column, spellings):
    assert all(read(column, spelling).found for spelling in spellings)


def test_a_group_alone_is_refused_naming_its_values():
    assert read("Lĩnh vực", "Lĩnh vực hành chính") == Match(
        None,
        (
            "Hành chính: chế độ, chính sách",
            "Hành chính: đất đai, nhà cửa",
            "Hành chính: công chức, công vụ",
            "Hành chính: lĩnh vực khác",
        ),
    )


def test_thu_ly_reads_as_acceptance_never_as_an_answer():
    """A recommendation is answered (Xem xét, trả lời), never accepted: no spelling of Thụ lý reads as an answer."""
    assert read("Hướng xử lý", "Thụ lý") == Match(Handling.ACCEPT)


def test_an_ambiguous_cell_is_an_error_naming_the_candidates(committee_of_ia_grai):
    outcome = import_workbook(visits_book(visit_row(**{"Lĩnh vực": "Hành chính"})), by=None)

    assert [(problem.column, problem.message) for problem in outcome.problems] == [
        (
            "Lĩnh vực",
            "“Hành chính” khớp nhiều giá trị của danh mục: “Hành chính: chế độ, chính sách”, “Hành chính: đất đai, nhà "
            "cửa”, “Hành chính: công chức, công vụ”, “Hành chính: lĩnh vực khác”. Hãy ghi rõ một giá trị.",
        )
    ]
    assert not Visit.objects.exists()


def test_the_visits_sheet_reads_every_catalogue_column_loosely(committee_of_ia_grai):
    row = {"Cơ quan": "Ủy ban nhân dân", "Hình thức tiếp": "tiep dinh ky", "Người tiếp": "Thủ trưởng tiếp"}
    row |= {"Phân loại": "Đơn khiếu nại", "Lĩnh vực": "Đất đai", "Kết quả tiếp": "Nhận đơn"}

    outcome = import_workbook(visits_book(visit_row(**row)), by=None)

    visit = Visit.objects.get()
    assert outcome.problems == []
    assert (visit.mode, visit.receiver, visit.kind, visit.field, visit.result) == (
        Mode.PERIODIC,
        Receiver.HEAD,
        Classification.COMPLAINT,
        SubjectField.LAND,
        Result.PETITION_RECEIVED,
    )


def test_the_petitions_sheet_reads_every_catalogue_column_loosely(committee_of_ia_grai):
    row = ACCEPTED | {"Nguồn đơn": "Qua bưu điện", "Loại đơn": "KN", "Lĩnh vực": "Chế độ chính sách"}
    row |= {"Đủ điều kiện xử lý": "Đủ điều kiện", "Thẩm quyền": "thuộc", "Hướng xử lý": "Thụ lý giải quyết"}
    row |= {"Lần giải quyết": "Lần 2", "Phức tạp": "x", "Trạng thái giải quyết": "Đã được giải quyết"}
    row |= {"Kết quả giải quyết": "Công nhận QĐ g/q lần đầu", "Ngày giải quyết": "01/04/2026"}

    outcome = imported(petition_row(**row))

    petition = Petition.objects.select_related("case__decision").get()
    assert outcome.problems == []
    assert (petition.source, petition.kind, petition.field, petition.handling) == (
        Source.POST,
        Classification.COMPLAINT,
        SubjectField.POLICY,
        Handling.ACCEPT,
    )
    assert (petition.case.round, petition.case.decision.outcome) == (Case.Round.SECOND, Outcome.UPHELD_FIRST)


def test_the_dialogues_sheet_reads_its_catalogue_columns_loosely(committee_of_ia_grai):
    row = dialogue_row(**{"Hình thức": "Hội nghị đối thoại", "Người chủ trì": "Chủ tịch Ủy ban nhân dân"})

    outcome = import_workbook(dialogues_book(row), by=None)

    dialogue = Dialogue.objects.get()
    assert outcome.problems == []
    assert (dialogue.kind, dialogue.host) == (Kind.DIALOGUE, Host.COMMITTEE_CHAIR)
