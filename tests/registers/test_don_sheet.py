"""The `Don` sheet: each column rule and label, petitions written as intake and handling write them, accepted rows
opening their cases with their clocks, resolved ones with their decisions, denouncers straight into the vault."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from complaints.deadlines import handling_deadline
from complaints.models import DenouncerIdentity, Enforcement, Handling, Outcome, Petition, Source
from complaints.register import HEADERS
from danvan.codes import ALPHABET
from danvan.models import Case, Citizen, Classification, SubjectField
from registers.importer import import_workbook
from registers.models import ImportedRow
from tests.factories import CitizenFactory
from tests.registers.workbooks import rows_of, workbook

pytestmark = pytest.mark.django_db

FIRST_ROW = 4  # a title row, an empty row, the header, then the data
CONTENT = "Khiếu nại quyết định thu hồi đất của UBND xã"
HIDDEN = "Người tố cáo (thông tin được bảo mật)"
ACCEPTED = {"Đủ điều kiện xử lý": "Có", "Thẩm quyền": "Thuộc thẩm quyền", "Hướng xử lý": "Thụ lý"}
ACCEPTED |= {"Ngày xử lý": "05/03/2026"}
RESOLVED = ACCEPTED | {"Trạng thái giải quyết": "Đã giải quyết", "Kết quả giải quyết": "Đúng"}
ANSWERED = ACCEPTED | {"Loại đơn": "Kiến nghị, phản ánh", "Hướng xử lý": "Xem xét, trả lời"}
RESOLVED |= {"Ngày giải quyết": "01/04/2026"}
DENOUNCED = {"Loại đơn": "Tố cáo", "Người đứng đơn": "Lê Văn Tố", "Số CCCD": "064090001124"}
DENOUNCED |= {"Địa chỉ": "Thôn 2, xã Ia Grai", "Điện thoại": "0905111222"}
CODE = re.compile(f"^DT-[{ALPHABET}]{{8}}$")


def petition_row(**cells):
    row = {
        "Ngày nhận": "02/03/2026",
        "Mã ĐVHC": "23764",
        "Cơ quan": "UBND",
        "Nguồn đơn": "Bưu chính",
        "Người đứng đơn": "Nguyễn Văn Khiếu",
        "Số CCCD": "064090007777",
        "Địa chỉ": "Thôn 4, xã Ia Grai",
        "Loại đơn": "Khiếu nại",
        "Nội dung": CONTENT,
    }
    return row | cells


def row_with(cells: dict, **more):
    return petition_row() | cells | more


def imported(*rows):
    return import_workbook(workbook({"Don": rows_of(list(HEADERS), *rows)}), by=None)


def problems_of(*rows):
    return [(problem.row, problem.column, problem.message) for problem in imported(*rows).problems]


@pytest.fixture(autouse=True)
def ia_grai(committee_of_ia_grai):
    return committee_of_ia_grai


def test_a_received_petition_is_written_as_intake_writes_it(ia_grai):
    outcome = imported(
        petition_row(**{"Điện thoại": "0912345678", "Số người đứng tên": 2, "Lĩnh vực": "Hành chính: đất đai, nhà cửa"})
        | {"Mã hồ sơ": "HS-2026/015"}
    )

    petition = Petition.objects.get()
    assert (outcome.problems, outcome.counts) == (
        [],
        {"Don": {"rows": 1, "invalid": 0, "skipped": 0, "new": 1, "existing": 0}},
    )
    assert (
        petition.agency, petition.received_on, petition.source, petition.anonymous, petition.signatories,
        petition.kind, petition.field, petition.content, petition.search_text, petition.reference,
    ) == (
        ia_grai, date(2026, 3, 2), Source.POST, False, 2, Classification.COMPLAINT, SubjectField.LAND, CONTENT,
        "khieu nai quyet dinh thu hoi dat cua ubnd xa", "HS-2026/015",
    )  # fmt: skip
    assert (petition.processable, petition.in_competence, petition.handling, petition.handled_on, petition.case) == (
        None, None, "", None, None,
    )  # fmt: skip
    assert petition.handling_due_on == handling_deadline(kind=Classification.COMPLAINT, received_on=date(2026, 3, 2))
    assert CODE.match(petition.receipt_code)
    citizen = petition.citizen
    assert (citizen.full_name, citizen.search_name, citizen.cccd, citizen.address, citizen.phone) == (
        "Nguyễn Văn Khiếu", "nguyen van khieu", "064090007777", "Thôn 4, xã Ia Grai", "0912345678",
    )  # fmt: skip


def test_labels_and_headers_are_matched_ignoring_case_and_diacritics(ia_grai):
    header = [fold_free.upper() for fold_free in ("stt", "ngay nhan", "ma dvhc", "co quan", "nguon don")]
    header += [
        "nguoi dung don",
        "loai don",
        "noi dung",
        "du dieu kien xu ly",
        "tham quyen",
        "huong xu ly",
        "ngay xu ly",
    ]
    cells = ["02/03/2026", "23764", "ubnd", "buu chinh", "Nguyễn Văn Khiếu", "KHIEU NAI", CONTENT, "co"]
    cells += ["thuoc tham quyen", "THU LY", "05/03/2026"]

    outcome = import_workbook(workbook({"Don": [header, [1, *cells]]}), by=None)

    petition = Petition.objects.get()
    assert outcome.problems == []
    assert (petition.source, petition.kind, petition.processable, petition.in_competence, petition.handling) == (
        Source.POST, Classification.COMPLAINT, True, True, Handling.ACCEPT,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("label", "source"),
    [
        ("Trực tiếp", Source.RECEPTION),
        ("Bưu chính", Source.POST),
        ("Cơ quan khác chuyển đến", Source.FORWARDED),
        ("ĐBQH, HĐND chuyển đến", Source.ELECTED_BODY),
        ("Trực tuyến", Source.ONLINE),
    ],
)
def test_each_source_label(label, source):
    imported(petition_row(**{"Nguồn đơn": label}))

    assert Petition.objects.get().source == source


@pytest.mark.parametrize(
    ("label", "kind"),
    [("Khiếu nại", "complaint"), ("Tố cáo", "denunciation"), ("Kiến nghị, phản ánh", "recommendation")],
)
def test_each_kind_label(label, kind):
    imported(petition_row(**{"Loại đơn": label}))

    assert Petition.objects.get().kind == kind


@pytest.mark.parametrize(("value", "label"), SubjectField.choices)
def test_each_field_label(value, label):
    imported(petition_row(**{"Lĩnh vực": label}))

    assert Petition.objects.get().field == value


@pytest.mark.parametrize(
    ("processable", "competence", "handling", "stored"),
    [
        ("Không", None, "Lưu đơn", (False, None, Handling.FILE)),
        ("Không", None, "Trả lại", (False, None, Handling.RETURN)),
        ("Không", None, "Hướng dẫn", (False, None, Handling.GUIDE)),
        ("Có", "Không thuộc thẩm quyền", "Hướng dẫn", (True, False, Handling.GUIDE)),
        ("Có", "Không thuộc thẩm quyền", "Chuyển đơn", (True, False, Handling.FORWARD)),
        ("Có", "Không thuộc thẩm quyền", "Đôn đốc", (True, False, Handling.URGE)),
        ("Có", "Thuộc thẩm quyền", "Thụ lý", (True, True, Handling.ACCEPT)),
        ("Có", "Thuộc thẩm quyền", "Xem xét thụ lý", (True, True, Handling.CONSIDER)),
        ("Có", "Thuộc thẩm quyền", "Xem xét điều kiện thụ lý", (True, True, Handling.CONSIDER)),
        ("Có", "Thuộc thẩm quyền", "Không thụ lý", (True, True, Handling.DECLINE)),
    ],
)
def test_each_handling_with_its_classification(processable, competence, handling, stored):
    cells = {"Đủ điều kiện xử lý": processable, "Thẩm quyền": competence, "Hướng xử lý": handling}

    outcome = imported(petition_row(**cells, **{"Ngày xử lý": "04/03/2026"}))

    petition = Petition.objects.get()
    assert outcome.problems == []
    assert (petition.processable, petition.in_competence, petition.handling, petition.handled_on) == (
        *stored, date(2026, 3, 4),
    )  # fmt: skip
    assert (petition.case_id is not None) == (stored[1] is True)


def test_an_unhandled_row_may_leave_the_classification_empty():
    outcome = imported(petition_row(**{"Đủ điều kiện xử lý": None}))

    assert (outcome.problems, Petition.objects.get().processable) == ([], None)


def test_a_forwarded_petition_names_an_unrecorded_recipient_as_the_model_requires():
    cells = {"Nguồn đơn": "Cơ quan khác chuyển đến", "Đủ điều kiện xử lý": "Có"}
    cells |= {"Thẩm quyền": "Không thuộc thẩm quyền", "Hướng xử lý": "Chuyển đơn", "Ngày xử lý": "04/03/2026"}

    imported(petition_row(**cells))

    petition = Petition.objects.get()
    assert (petition.forwarded_by_name, petition.forwarded_to_name, petition.reply_due_on) == (
        "Không ghi trong sổ", "Không ghi trong sổ", None,
    )  # fmt: skip


def test_thu_ly_opens_the_case_with_its_deadline(ia_grai):
    imported(row_with(ACCEPTED, **{"Lĩnh vực": "Hành chính: đất đai, nhà cửa"}))

    petition = Petition.objects.get()
    case = petition.case
    assert (case.agency, case.citizen, case.summary, case.kind, case.field, case.opened_on) == (
        ia_grai, petition.citizen, CONTENT, Classification.COMPLAINT, SubjectField.LAND, date(2026, 3, 2),
    )  # fmt: skip
    assert (case.round, case.repeat_denunciation, case.complexity, case.hotspot, case.status) == (
        Case.Round.FIRST, False, Case.Complexity.NORMAL, False, Case.Status.OPEN,
    )  # fmt: skip
    # 30 days after 05/03/2026 is Saturday 04/04/2026: the period ends on Monday 06/04/2026.
    assert (case.accepted_on, case.due_on, case.resolved_on) == (date(2026, 3, 5), date(2026, 4, 6), None)


@pytest.mark.parametrize(("handling", "declined_on"), [("Xem xét thụ lý", None), ("Không thụ lý", date(2026, 3, 5))])
def test_a_considered_or_declined_row_opens_its_case_without_a_clock(handling, declined_on):
    imported(row_with(ACCEPTED, **{"Hướng xử lý": handling}))

    assert Case.objects.values_list("accepted_on", "declined_on", "due_on", "status").get() == (
        None, declined_on, None, Case.Status.OPEN,
    )  # fmt: skip


def test_a_declined_row_holds_no_case_columns():
    problems = problems_of(row_with(ACCEPTED, **{"Hướng xử lý": "Không thụ lý", "Phức tạp": "Có"}))

    assert problems == [(FIRST_ROW, "Phức tạp", "Chỉ ghi cho đơn được thụ lý (Hướng xử lý “Thụ lý”).")]


def test_a_complex_second_round_in_a_remote_area_has_seventy_days(ia_grai):
    ia_grai.unit.remote_area = True
    ia_grai.unit.save()

    imported(row_with(ACCEPTED, **{"Ngày xử lý": "02/03/2026", "Lần giải quyết": "Lần hai", "Phức tạp": "Có"}))

    case = Case.objects.get()
    assert (case.round, case.complexity, case.due_on) == (Case.Round.SECOND, Case.Complexity.COMPLEX, date(2026, 5, 11))


def test_a_hotspot_and_a_repeated_denunciation(ia_grai):
    imported(row_with(ACCEPTED | DENOUNCED, **{"Lần giải quyết": "Tố cáo tiếp", "Đông người, kéo dài": "Có"}))

    case = Case.objects.get()
    assert (case.kind, case.round, case.repeat_denunciation, case.hotspot) == (
        Classification.DENUNCIATION, Case.Round.FIRST, True, True,
    )  # fmt: skip


def test_an_answered_recommendation_has_a_case_without_a_deadline():
    imported(row_with(ANSWERED))

    assert Case.objects.values_list("kind", "accepted_on", "due_on").get() == (
        Classification.RECOMMENDATION, date(2026, 3, 5), None,
    )  # fmt: skip


def test_a_resolved_case_has_its_decision_and_an_enforcement_to_carry_out():
    imported(row_with(RESOLVED, **{"Thu hồi tiền (triệu đồng)": "1.200,5", "Thu hồi đất (m²)": 300}))

    case = Case.objects.select_related("decision__enforcement").get()
    decision = case.decision
    assert (case.resolved_on, case.status) == (date(2026, 4, 1), Case.Status.CLOSED)
    assert (decision.issued_on, decision.outcome, decision.money_due, decision.land_due) == (
        date(2026, 4, 1), Outcome.FOUNDED, Decimal("1200.5"), Decimal("300"),
    )  # fmt: skip
    assert (decision.enforcement.completed_on, decision.enforcement.money_recovered) == (None, 0)


def test_what_was_recovered_completes_the_enforcement_on_the_decision_day():
    imported(row_with(RESOLVED, **{"Đã thu tiền (triệu đồng)": 100.25, "Đã thu đất (m²)": 0}))

    enforcement = Enforcement.objects.get()
    assert (enforcement.completed_on, enforcement.money_recovered, enforcement.land_recovered) == (
        date(2026, 4, 1), Decimal("100.25"), 0,
    )  # fmt: skip


@pytest.mark.parametrize("label", ["Rút đơn", "Đình chỉ"])
def test_a_withdrawn_or_terminated_case_has_nothing_to_enforce(label):
    imported(row_with(RESOLVED, **{"Kết quả giải quyết": label}))

    assert (Case.objects.get().status, Enforcement.objects.count()) == (Case.Status.CLOSED, 0)


@pytest.mark.parametrize(
    ("cells", "outcome"),
    [
        ({"Kết quả giải quyết": "Đúng"}, Outcome.FOUNDED),
        ({"Kết quả giải quyết": "Sai"}, Outcome.UNFOUNDED),
        ({"Kết quả giải quyết": "Đúng một phần"}, Outcome.PARTLY_FOUNDED),
        ({"Kết quả giải quyết": "Rút đơn"}, Outcome.WITHDRAWN),
        ({"Kết quả giải quyết": "Đình chỉ"}, Outcome.TERMINATED),
        ({"Kết quả giải quyết": "Công nhận quyết định lần đầu", "Lần giải quyết": "Lần hai"}, Outcome.UPHELD_FIRST),
        ({"Kết quả giải quyết": "Hủy, sửa quyết định lần đầu", "Lần giải quyết": "Lần hai"}, Outcome.OVERTURNED_FIRST),
    ],
)
def test_each_outcome_label(cells, outcome):
    imported(row_with(RESOLVED, **cells))

    assert Case.objects.get().decision.outcome == outcome


def test_being_resolved_and_not_yet_resolved_both_leave_the_case_open():
    imported(
        row_with(ACCEPTED, **{"Trạng thái giải quyết": "Đang giải quyết", "Mã hồ sơ": "1"}),
        row_with(ACCEPTED, **{"Trạng thái giải quyết": "Chưa giải quyết", "Mã hồ sơ": "2"}),
    )

    assert list(Case.objects.values_list("status", "resolved_on")) == [(Case.Status.OPEN, None)] * 2


def test_a_denouncer_goes_into_the_vault_and_nowhere_else():
    imported(row_with(ACCEPTED | DENOUNCED))

    petition = Petition.objects.select_related("case", "denouncer").get()
    identity = petition.denouncer
    assert (petition.citizen, petition.case.citizen, petition.anonymous, Citizen.objects.count()) == (
        None, None, False, 0,
    )  # fmt: skip
    assert (identity.full_name, identity.search_name, identity.cccd, identity.address, identity.phone) == (
        "Lê Văn Tố", "le van to", "064090001124", "Thôn 2, xã Ia Grai", "0905111222",
    )  # fmt: skip


def test_the_hidden_denouncer_of_an_export_is_nobody(ia_grai):
    imported(row_with(DENOUNCED, **{"Người đứng đơn": HIDDEN, "Số CCCD": None, "Địa chỉ": None, "Điện thoại": None}))

    petition = Petition.objects.get()
    assert (petition.citizen, petition.anonymous, DenouncerIdentity.objects.count(), Citizen.objects.count()) == (
        None, False, 0, 0,
    )  # fmt: skip


def test_an_anonymous_petition_has_no_petitioner():
    imported(row_with(ANSWERED, **{"Người đứng đơn": None, "Số CCCD": None}) | {"Địa chỉ": None})

    petition = Petition.objects.get()
    assert (petition.anonymous, petition.citizen, petition.case.citizen, Citizen.objects.count()) == (
        True, None, None, 0,
    )  # fmt: skip


def test_a_citizen_is_found_by_cccd_and_a_new_one_created_once_per_name_and_address():
    known = CitizenFactory(full_name="Nguyễn Văn Khiếu", cccd="064090007777")
    without_cccd = {"Người đứng đơn": "Trần Văn Bình", "Số CCCD": None, "Địa chỉ": "Thôn 1"}

    imported(
        petition_row(**{"Mã hồ sơ": "1"}),
        petition_row(**{"Mã hồ sơ": "2"}, **without_cccd),
        petition_row(**{"Mã hồ sơ": "3"}, **without_cccd),
    )

    citizens = list(Petition.objects.order_by("pk").values_list("citizen", flat=True))
    assert citizens[0] == known.pk
    assert (citizens[1] == citizens[2], Citizen.objects.count()) == (True, 2)


def test_a_bare_phone_number_gets_its_leading_zero_back():
    imported(petition_row(**{"Điện thoại": 905111222}))

    assert Citizen.objects.get().phone == "0905111222"


def test_receipt_codes_are_unique():
    imported(*(petition_row(**{"Mã hồ sơ": str(number)}) for number in range(50)))

    codes = list(Petition.objects.values_list("receipt_code", flat=True))
    assert (len(set(codes)), all(CODE.match(code) for code in codes)) == (50, True)


def test_importing_the_same_file_again_writes_nothing_new():
    rows = [row_with(RESOLVED | DENOUNCED, **{"Mã hồ sơ": "TC-1"}), row_with(ACCEPTED), petition_row()]
    imported(*rows)

    again = imported(*rows)

    assert again.counts == {"Don": {"rows": 3, "invalid": 0, "skipped": 0, "new": 0, "existing": 3}}
    assert (Petition.objects.count(), Case.objects.count(), DenouncerIdentity.objects.count()) == (3, 2, 1)
    assert ImportedRow.objects.count() == 3


def test_the_queries_do_not_grow_with_the_rows():
    with CaptureQueriesContext(connection) as one:
        imported(row_with(RESOLVED, **{"Mã hồ sơ": "0"}))
    with CaptureQueriesContext(connection) as many:
        imported(
            *(row_with(RESOLVED, **{"Mã hồ sơ": str(number), "Số CCCD": "064090008888"}) for number in range(1, 40))
        )

    assert (Petition.objects.count(), len(many.captured_queries)) == (40, len(one.captured_queries))


# Row rules -----------------------------------------------------------------------------------------------------------

REQUIRED = "Bắt buộc phải có giá trị."
ONLY_ACCEPTED = "Chỉ ghi cho đơn được thụ lý (Hướng xử lý “Thụ lý”)."
ONLY_RESOLVED = "Chỉ ghi khi trạng thái giải quyết là “Đã giải quyết”."


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ({"Ngày nhận": None}, "Ngày nhận", REQUIRED),
        ({"Ngày nhận": "31/02/2026"}, "Ngày nhận", "“31/02/2026” không phải ngày hợp lệ (dd/mm/yyyy)."),
        ({"Mã ĐVHC": "99999"}, "Mã ĐVHC", "Không có đơn vị hành chính mã “99999” vào ngày 02/03/2026."),
        ({"Cơ quan": "Thanh tra"}, "Cơ quan", "Đơn vị hành chính này chưa có cơ quan loại đó trong hệ thống."),
        ({"Cơ quan": "Sở"}, "Cơ quan", "“Sở” không thuộc danh mục."),
        ({"Nguồn đơn": None}, "Nguồn đơn", REQUIRED),
        ({"Nguồn đơn": "Fax"}, "Nguồn đơn", "“Fax” không thuộc danh mục."),
        ({"Loại đơn": None}, "Loại đơn", REQUIRED),
        ({"Loại đơn": "Khiếu kiện"}, "Loại đơn", "“Khiếu kiện” không thuộc danh mục."),
        ({"Lĩnh vực": "Đất đai – nhà ở"}, "Lĩnh vực", "“Đất đai – nhà ở” không thuộc danh mục."),
        ({"Nội dung": None}, "Nội dung", REQUIRED),
        ({"Số người đứng tên": 0}, "Số người đứng tên", "Phải là số nguyên từ 1 trở lên."),
        ({"Số người đứng tên": "hai"}, "Số người đứng tên", "“hai” không phải số nguyên."),
        ({"Số CCCD": "12345"}, "Số CCCD", "Số CCCD “12345” phải gồm đúng 12 chữ số."),
        (
            {"Người đứng đơn": None},
            "Người đứng đơn",
            "Thiếu họ tên người đứng đơn (đơn nặc danh: để trống cả số CCCD, địa chỉ, điện thoại).",
        ),
        (
            {"Người đứng đơn": HIDDEN},
            "Người đứng đơn",
            "Chỉ người tố cáo mới được ghi là bảo mật; hãy ghi họ tên người đứng đơn.",
        ),
        (
            DENOUNCED | {"Người đứng đơn": HIDDEN},
            "Người đứng đơn",
            "Hãy ghi họ tên người tố cáo cùng số CCCD, địa chỉ, điện thoại; hoặc để trống cả bốn.",
        ),
        ({"Hướng xử lý": "Xử lý"}, "Hướng xử lý", "“Xử lý” không thuộc danh mục."),
        (ACCEPTED | {"Ngày xử lý": None}, "Ngày xử lý", "Đơn đã có hướng xử lý phải ghi ngày xử lý."),
        (ACCEPTED | {"Ngày xử lý": "01/03/2026"}, "Ngày xử lý", "Ngày xử lý không được trước ngày nhận đơn."),
        (
            ACCEPTED | {"Đủ điều kiện xử lý": None},
            "Đủ điều kiện xử lý",
            "Đơn đã có hướng xử lý phải ghi đủ điều kiện xử lý hay không.",
        ),
        (ACCEPTED | {"Đủ điều kiện xử lý": "Chưa"}, "Đủ điều kiện xử lý", "Chỉ nhận “Có” hoặc “Không”."),
        (
            ACCEPTED | {"Thẩm quyền": None},
            "Thẩm quyền",
            "Đơn đủ điều kiện xử lý phải ghi thuộc thẩm quyền hay không.",
        ),
        (
            ACCEPTED | {"Thẩm quyền": "Không thuộc thẩm quyền"},
            "Hướng xử lý",
            "Hướng xử lý không phù hợp với kết quả phân loại đơn (chỉ có thể: “Hướng dẫn”, “Chuyển đơn”, “Đôn đốc”).",
        ),
        (
            ACCEPTED | {"Đủ điều kiện xử lý": "Không"},
            "Hướng xử lý",
            "Hướng xử lý không phù hợp với kết quả phân loại đơn (chỉ có thể: “Lưu đơn”, “Trả lại”, “Hướng dẫn”).",
        ),
        (
            ACCEPTED | {"Hướng xử lý": "Lưu đơn"},
            "Hướng xử lý",
            "Hướng xử lý không phù hợp với kết quả phân loại đơn "
            "(chỉ có thể: “Thụ lý”, “Xem xét thụ lý”, “Không thụ lý”).",
        ),
        ({"Ngày xử lý": "05/03/2026"}, "Ngày xử lý", "Chỉ ghi ngày xử lý khi đã có hướng xử lý."),
        (
            ACCEPTED | DENOUNCED | {"Người đứng đơn": None, "Số CCCD": None, "Địa chỉ": None, "Điện thoại": None},
            "Hướng xử lý",
            "Không thụ lý đơn nặc danh (Luật Tố cáo, Điều 23).",
        ),
        ({"Lần giải quyết": "Lần đầu"}, "Lần giải quyết", ONLY_ACCEPTED),
        ({"Đông người, kéo dài": "Có"}, "Đông người, kéo dài", ONLY_ACCEPTED),
        ({"Thu hồi tiền (triệu đồng)": 5}, "Thu hồi tiền (triệu đồng)", ONLY_ACCEPTED),
        (
            ACCEPTED | {"Loại đơn": "Kiến nghị, phản ánh"},
            "Hướng xử lý",
            "Hướng xử lý không phù hợp với kết quả phân loại đơn (chỉ có thể: “Xem xét, trả lời”).",
        ),
        (ACCEPTED | {"Lần giải quyết": "Lần ba"}, "Lần giải quyết", "“Lần ba” không thuộc danh mục."),
        (ACCEPTED | DENOUNCED | {"Lần giải quyết": "Lần hai"}, "Lần giải quyết", "“Lần hai” chỉ dành cho khiếu nại."),
        (ACCEPTED | {"Lần giải quyết": "Tố cáo tiếp"}, "Lần giải quyết", "“Tố cáo tiếp” chỉ dành cho tố cáo."),
        (
            ANSWERED | {"Lần giải quyết": "Lần đầu"},
            "Lần giải quyết",
            "Kiến nghị, phản ánh không có lần giải quyết.",
        ),
        (
            ANSWERED | {"Phức tạp": "Có"},
            "Phức tạp",
            "Kiến nghị, phản ánh không xác định tính chất phức tạp.",
        ),
        (ACCEPTED | {"Phức tạp": "Rất"}, "Phức tạp", "Chỉ nhận “Có” hoặc “Không”."),
        (ACCEPTED | {"Trạng thái giải quyết": "Xong"}, "Trạng thái giải quyết", "“Xong” không thuộc danh mục."),
        (ACCEPTED | {"Kết quả giải quyết": "Đúng"}, "Kết quả giải quyết", ONLY_RESOLVED),
        (ACCEPTED | {"Ngày giải quyết": "01/04/2026"}, "Ngày giải quyết", ONLY_RESOLVED),
        (
            ACCEPTED | {"Trạng thái giải quyết": "Đang giải quyết", "Đã thu đất (m²)": 10},
            "Đã thu đất (m²)",
            ONLY_RESOLVED,
        ),
        (
            RESOLVED | {"Kết quả giải quyết": None},
            "Kết quả giải quyết",
            "Vụ việc đã giải quyết phải ghi kết quả giải quyết.",
        ),
        (RESOLVED | {"Ngày giải quyết": None}, "Ngày giải quyết", "Vụ việc đã giải quyết phải ghi ngày giải quyết."),
        (
            RESOLVED | {"Ngày giải quyết": "04/03/2026"},
            "Ngày giải quyết",
            "Ngày giải quyết không được trước ngày thụ lý (Ngày xử lý).",
        ),
        (
            RESOLVED | {"Kết quả giải quyết": "Công nhận quyết định lần đầu"},
            "Kết quả giải quyết",
            "Kết quả không phù hợp với loại vụ việc và lần giải quyết (chỉ có thể: “Đúng”, “Sai”, “Đúng một phần”, "
            "“Rút đơn”, “Đình chỉ”).",
        ),
        (
            RESOLVED | {"Lần giải quyết": "Lần hai"},
            "Kết quả giải quyết",
            "Kết quả không phù hợp với loại vụ việc và lần giải quyết (chỉ có thể: “Công nhận quyết định lần đầu”, "
            "“Hủy, sửa quyết định lần đầu”, “Rút đơn”, “Đình chỉ”).",
        ),
        (
            ANSWERED
            | {"Trạng thái giải quyết": "Đã giải quyết", "Kết quả giải quyết": "Đúng", "Ngày giải quyết": "01/04/2026"},
            "Trạng thái giải quyết",
            "Kiến nghị, phản ánh không có quyết định giải quyết; trạng thái chỉ là “Đang giải quyết”.",
        ),
        (
            RESOLVED | {"Kết quả giải quyết": "Rút đơn", "Đã thu tiền (triệu đồng)": 0},
            "Đã thu tiền (triệu đồng)",
            "Rút đơn, đình chỉ không có quyết định phải thi hành: để trống.",
        ),
        (
            RESOLVED | {"Thu hồi tiền (triệu đồng)": "năm"},
            "Thu hồi tiền (triệu đồng)",
            "“năm” không phải số không âm.",
        ),
        (RESOLVED | {"Thu hồi đất (m²)": "-3"}, "Thu hồi đất (m²)", "“-3” không phải số không âm."),
        (RESOLVED | {"Thu hồi đất (m²)": "1,25"}, "Thu hồi đất (m²)", "Chỉ ghi tối đa 1 chữ số thập phân."),
        (
            RESOLVED | {"Đã thu tiền (triệu đồng)": 10**12},
            "Đã thu tiền (triệu đồng)",
            "Số quá lớn.",
        ),
    ],
)
def test_a_row_breaking_a_rule_is_reported_on_its_column_and_nothing_is_written(cells, column, message):
    problems = problems_of(petition_row(), row_with(cells))

    assert problems == [(FIRST_ROW + 1, column, message)]
    assert (Petition.objects.count(), Citizen.objects.count(), Case.objects.count()) == (0, 0, 0)


def test_every_problem_of_every_row_is_reported():
    problems = problems_of(
        row_with(RESOLVED, **{"Ngày giải quyết": None, "Nguồn đơn": "Fax"}),
        petition_row(),
        row_with(ACCEPTED, **{"Ngày xử lý": "01/03/2026"}),
    )

    assert problems == [
        (FIRST_ROW, "Nguồn đơn", "“Fax” không thuộc danh mục."),
        (FIRST_ROW, "Ngày giải quyết", "Vụ việc đã giải quyết phải ghi ngày giải quyết."),
        (FIRST_ROW + 2, "Ngày xử lý", "Ngày xử lý không được trước ngày nhận đơn."),
    ]


def test_a_code_is_resolved_in_the_era_of_the_row(committee_of_old_gia_lai, committee_of_gia_lai):
    imported(
        petition_row(**{"Ngày nhận": "02/03/2024", "Mã ĐVHC": "64", "Mã hồ sơ": "1"}),
        petition_row(**{"Ngày nhận": "02/03/2026", "Mã ĐVHC": "52", "Mã hồ sơ": "2"}),
    )

    assert list(Petition.objects.order_by("pk").values_list("agency", flat=True)) == [
        committee_of_old_gia_lai.pk,
        committee_of_gia_lai.pk,
    ]
