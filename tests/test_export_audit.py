"""Every download that takes personal data out of the portal is in the audit log: who, what, when."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.models import AuditEntry, Role
from registers import export_jobs
from registers.models import RegisterExport
from reports.models import SentReport
from tests.factories import DialogueFactory, PetitionFactory, VisitFactory, legacy_unit, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader(committee_of_ia_grai, client):
    staff = staff_with_role(committee_of_ia_grai, Role.LEADER, username="lanhdao.iagrai")
    client.force_login(staff)
    return staff


def _exports() -> list[tuple[str, str]]:
    return [(entry.by.username, entry.summary) for entry in AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT)]


def test_the_visit_book_export_is_logged_with_its_filter_and_no_searched_text(client, leader, committee_of_ia_grai):
    client.get(
        reverse("reception:visit-export"),
        {"date_from": "01/03/2026", "agency": committee_of_ia_grai.pk, "q": "Nguyễn Văn Tố Cáo"},
    )

    [(by, summary)] = _exports()
    assert (by, summary.split(". Tệp ")[0]) == (
        "lanhdao.iagrai",
        "Sổ tiếp công dân — Từ ngày: 01/03/2026; Cơ quan: Ủy ban nhân dân xã Ia Grai; "
        "Tìm mã biên nhận, họ tên, nội dung: có",
    )


def test_the_petition_book_export_is_logged(client, leader):
    client.get(reverse("complaints:petition-export"), {"kind": "complaint"})

    assert [summary.split(". Tệp ")[0] for _, summary in _exports()] == ["Sổ theo dõi đơn — Loại đơn: Khiếu nại"]


def test_the_dialogue_book_export_is_logged(client, leader):
    client.get(reverse("dialogues:dialogue-export"))

    assert [summary.split(". Tệp ")[0] for _, summary in _exports()] == ["Sổ đối thoại, tiếp xúc cử tri"]


def test_a_register_export_from_the_page_is_logged_with_its_unit_and_window(client, leader):
    client.post(
        reverse("registers:export"), {"date_from": "01/03/2026", "date_to": "31/03/2026", "registers": ["TiepCongDan"]}
    )

    assert _exports() == [
        (
            "lanhdao.iagrai",
            "Xuất sổ (Sổ tiếp công dân) của Xã Ia Grai — Từ ngày 01/03/2026 đến ngày 31/03/2026. "
            "Tệp so-01-03-2026-den-31-03-2026.xlsx",
        )
    ]


def test_a_queued_register_export_is_logged_when_downloaded_not_when_written(
    client, leader, committee_of_ia_grai, monkeypatch
):
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 3))
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 12))
    monkeypatch.setattr(export_jobs, "IN_REQUEST_ROWS", 1)
    window = {"date_from": "01/03/2026", "date_to": "31/03/2026", "registers": ["TiepCongDan"]}
    client.post(reverse("registers:export"), window)
    written = _exports()

    client.get(reverse("registers:export-download", args=[RegisterExport.objects.get().pk]))

    assert (written, len(_exports())) == ([], 1)


def test_the_report_forms_workbook_is_logged_with_its_unit_and_period(
    client, committee_of_gia_lai, committee_of_old_gia_lai
):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.REPORTER, username="tinh.baocao"))

    client.get(reverse("reports:forms-xlsx"), {"unit": "64", "period": "year", "year": 2024})

    assert [summary.split(". Tệp ")[0] for _, summary in _exports()] == ["Biểu mẫu báo cáo Tỉnh Gia Lai, Năm 2024"]


def test_the_narrative_report_is_logged_with_its_unit_and_period(client, committee_of_gia_lai):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.REPORTER, username="tinh.baocao"))

    client.post(
        reverse("reports:narrative-docx"), {"unit": legacy_unit("64").pk, "period": "year", "year": 2024, "text": "x"}
    )

    assert _exports() == [("tinh.baocao", "Báo cáo Tỉnh Gia Lai, Năm 2024 (văn bản). Tệp bao-cao-64-nam-2024.docx")]


def test_a_sent_reports_workbook_is_logged_with_the_report(client, committee_of_old_gia_lai):
    client.force_login(staff_with_role(committee_of_old_gia_lai, Role.REPORTER, username="tinh.baocao"))
    client.post(
        reverse("reports:mark-sent"), {"unit": legacy_unit("64").pk, "period": "year", "year": 2024, "text": "x"}
    )
    sent = SentReport.objects.get()

    client.get(reverse("reports:sent-detail", args=[sent.pk]), {"bieu-mau": ""})

    entry = AuditEntry.objects.get()
    assert (entry.summary.split(". Tệp ")[0], entry.subject) == (f"Biểu mẫu báo cáo đã gửi {sent}", sent)


def test_a_statutory_document_is_logged_with_its_record(client, leader, committee_of_ia_grai):
    petition = PetitionFactory(agency=committee_of_ia_grai)

    client.get(reverse("complaints:petition-document", args=[petition.pk, "giay-bien-nhan"]))

    entry = AuditEntry.objects.get()
    assert (entry.summary, entry.subject) == (
        f"Văn bản “Giấy biên nhận đơn” của {petition.receipt_code}. Tệp giay-bien-nhan-{petition.receipt_code}.docx",
        petition,
    )


def test_a_refused_export_is_not_logged(client, leader, committee_of_pleiku):
    petition = PetitionFactory(agency=committee_of_pleiku)

    response = client.get(reverse("complaints:petition-document", args=[petition.pk, "giay-bien-nhan"]))

    assert (response.status_code, _exports()) == (404, [])


def test_a_dialogue_s_minutes_file_is_logged_with_the_dialogue(client, leader, committee_of_ia_grai):
    dialogue = DialogueFactory(agency=committee_of_ia_grai, date=date(2026, 3, 20))
    dialogue.minutes_file = SimpleUploadedFile(f"bien-ban-{dialogue.pk}.pdf", b"%PDF-1.4 bien ban")
    dialogue.save()

    client.get(dialogue.get_absolute_url(), {"bien-ban": "1"})

    entry = AuditEntry.objects.get()
    assert (entry.summary, entry.subject) == (
        f"Biên bản hội nghị {dialogue.code}. Tệp bien-ban-{dialogue.pk}.pdf",
        dialogue,
    )
