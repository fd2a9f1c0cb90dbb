"""A reporter opens "Năm 2026" for the province, sees the TT 06/2025 forms, writes two sections of the narrative,
saves them, downloads the workbook and the .docx, and marks the report sent."""

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from danvan.models import Role
from reception.models import Mode, Receiver
from reports.models import ReportSection, SentReport
from tests.browser.steps import log_in, pick
from tests.factories import SessionFactory, VisitFactory, staff_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("/tmp/shots14")
ASSESSMENT = "Công tác tiếp công dân được duy trì thường xuyên, đúng quy định."
OUTLOOK = "Khiếu nại về đất đai tiếp tục diễn biến phức tạp ở các phường ven đô."


def test_a_reporter_writes_the_2026_report_on_the_tt06_forms_and_marks_it_sent(
    page: Page, live_server, provincial_committee
):
    for day in (date(2026, 1, 8), date(2026, 6, 3)):
        VisitFactory(agency=provincial_committee, received_on=day)
    session = SessionFactory(agency=provincial_committee, date=date(2026, 3, 12), receiver=Receiver.HEAD)
    VisitFactory(agency=provincial_committee, received_on=session.date, mode=Mode.PERIODIC, receiver=Receiver.HEAD,
                 session=session, people=6)  # fmt: skip
    reporter = staff_with_role(provincial_committee, Role.REPORTER, full_name="Ksor H'Bia")
    log_in(page, live_server, reporter)

    page.goto(live_server.url + "/bao-cao/")
    pick(page, "Đơn vị", "gia lai 52", "Tỉnh Gia Lai (52)")
    page.get_by_label("Kỳ báo cáo").select_option(label="Năm")
    page.get_by_label("Năm", exact=True).fill("2026")
    page.get_by_role("button", name="Xem báo cáo").click()

    expect(page.get_by_role("heading", name="Tỉnh Gia Lai — Năm 2026")).to_be_visible()
    expect(page.get_by_role("heading", name="Biểu số liệu (TT 06/2025/TT-TTCP)")).to_be_visible()
    expect(page.locator(".report-checks-ok")).to_be_visible()
    page.get_by_text("Biểu 01/TCD").click()
    first = page.locator(".report-forms details").first.locator("tbody tr").first
    expect(first.locator("td")).to_have_text(["1", "3"])  # Tổng số lượt tiếp = 5 + 11 + 17
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "report-2026.png"), full_page=True)
    page.locator(".report-forms").screenshot(path=str(SHOTS / "forms-2026.png"))

    page.locator("[id='section-III.1']").fill(ASSESSMENT)
    page.locator("[id='section-IV']").fill(OUTLOOK)
    page.locator(".report-narrative").screenshot(path=str(SHOTS / "narrative-2026.png"))
    page.get_by_role("button", name="Lưu nội dung").click()
    expect(page.locator("[id='section-III.1']")).to_have_value(ASSESSMENT)
    assert set(ReportSection.objects.values_list("section", flat=True)) == {"III.1", "IV"}

    with page.expect_download() as workbook:
        page.get_by_role("link", name="Tải biểu mẫu (.xlsx)").click()
    book = load_workbook(BytesIO(Path(workbook.value.path()).read_bytes()))
    assert book.sheetnames == ["01-TCD", "02-XLD", "03-GQKN", "04-GQTC", "05-KQTH", "06-QLKNTC"]

    with page.expect_download() as download:
        page.get_by_role("button", name="Tải văn bản (.docx)").click()
    document = Document(BytesIO(Path(download.value.path()).read_bytes()))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert ASSESSMENT in texts
    assert OUTLOOK in texts

    page.get_by_role("button", name="Đánh dấu đã gửi").click()
    expect(page.get_by_text("Biểu số liệu theo TT 06/2025/TT-TTCP.")).to_be_visible()
    page.screenshot(path=str(SHOTS / "sent-2026.png"), full_page=True)
    sent = SentReport.objects.get()
    assert sent.circular == "TT 06/2025/TT-TTCP"
    assert sent.sections == {"III.1": ASSESSMENT, "IV": OUTLOOK}
