"""A reporter picks "Năm 2024" for the province as it was, reads the figures and the draft, downloads the edited
narrative (and the statutory workbook once its page exists); a leader opens the dashboard with its charts and tables,
and drills down to a commune's report."""

import zipfile
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import Page, expect

from danvan.models import AdminUnit, Agency, Role, UnitSuccession
from reports.dashboard import report_year
from reports.periods import window
from tests.browser.steps import log_in, pick
from tests.factories import REFORM, AgencyFactory, DialogueFactory, VisitFactory, staff_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("/tmp/shots7")
VISITS_DAYS_AGO = (3, 40, 70)


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def csp_errors(page: Page) -> list[str]:
    """Collects what the browser reports of the Content-Security-Policy: a blocked script or style would show here."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


@pytest.fixture
def committee_of_old_gia_lai(provincial_committee) -> Agency:
    """The People's Committee of the old Tỉnh Gia Lai (code 64), which went into today's province."""
    old, _ = AdminUnit.objects.get_or_create(
        level="province",
        code="64",
        valid_from=None,
        defaults={"name": "Tỉnh Gia Lai", "type": "province", "valid_to": REFORM - timedelta(days=1)},
    )
    UnitSuccession.objects.get_or_create(old=old, new=provincial_committee.unit)
    return AgencyFactory(unit=old)


def test_a_reporter_reads_the_2024_report_and_downloads_the_edited_narrative(
    page: Page, live_server, provincial_committee, committee_of_old_gia_lai
):
    for day in (date(2024, 1, 8), date(2024, 6, 3), date(2024, 12, 2)):
        VisitFactory(agency=committee_of_old_gia_lai, received_on=day)
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2023, 5, 5))
    DialogueFactory(agency=committee_of_old_gia_lai, date=date(2024, 9, 9))
    reporter = staff_with_role(provincial_committee, Role.REPORTER, full_name="Ksor H'Bia")
    errors = csp_errors(page)
    log_in(page, live_server, reporter)

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Báo cáo", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Báo cáo kết quả công tác tiếp công dân")
    pick(page, "Đơn vị", "gia lai 64", "Tỉnh Gia Lai (64), đến 30/06/2025")
    page.get_by_label("Kỳ báo cáo").select_option(label="Năm")
    expect(page.get_by_label("Tháng", exact=True)).to_be_hidden()
    page.get_by_label("Năm", exact=True).fill("2024")
    page.get_by_role("button", name="Xem báo cáo").click()

    expect(page.get_by_role("heading", name="Tỉnh Gia Lai — Năm 2024")).to_be_visible()
    visits = page.locator('tr[data-key="reception.visits"]')
    expect(visits.locator("td")).to_have_text(["3", "1", "+2"])
    narrative = page.get_by_label("Phần số liệu")
    expect(narrative).to_contain_text(
        "Trong năm 2024, toàn tỉnh tiếp 3 lượt công dân (tăng 2 lượt so với cùng kỳ năm 2023)."
    )
    expect(narrative).to_contain_text("Cấp tỉnh tổ chức 1 cuộc đối thoại, cấp huyện 0 cuộc, cấp xã 0 cuộc.")
    shot(page, "report-2024")

    narrative.press("Control+End")
    narrative.type("\nĐề xuất: tiếp tục nâng cao chất lượng tiếp công dân.")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải văn bản (.docx)").click()
    assert download.value.suggested_filename == "bao-cao-64-nam-2024.docx"
    document = Document(BytesIO(Path(download.value.path()).read_bytes()))
    texts = [paragraph.text for paragraph in document.paragraphs if paragraph.text]
    assert texts[:2] == [
        "BÁO CÁO",
        "Kết quả công tác tiếp công dân, xử lý đơn thư, giải quyết khiếu nại, tố cáo năm 2024",
    ]
    assert texts[3].startswith("Trong năm 2024, toàn tỉnh tiếp 3 lượt công dân")
    assert texts[-1] == "Đề xuất: tiếp tục nâng cao chất lượng tiếp công dân."

    with page.expect_download() as workbook:
        page.get_by_role("link", name="Tải biểu mẫu (.xlsx)").click()
    assert workbook.value.suggested_filename.endswith(".xlsx")
    assert zipfile.is_zipfile(workbook.value.path())
    assert [error for error in errors if "Content Security Policy" in error] == []


def test_a_leader_opens_the_dashboard_and_drills_down_to_a_communes_report(
    page: Page, live_server, provincial_committee, committee_of_ia_grai
):
    today = timezone.localdate()
    for days in VISITS_DAYS_AGO:
        VisitFactory(agency=committee_of_ia_grai, received_on=today - timedelta(days=days))
    VisitFactory(agency=provincial_committee, received_on=today - timedelta(days=1))
    DialogueFactory(agency=committee_of_ia_grai, date=today - timedelta(days=5))
    leader = staff_with_role(provincial_committee, Role.LEADER, full_name="Rah Lan Chung")
    errors = csp_errors(page)
    log_in(page, live_server, leader)

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Bảng điều khiển").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bảng điều khiển — Tỉnh Gia Lai")
    expect(page.locator(".tile").first).to_contain_text("Lượt tiếp công dân")
    # Chart.js sized and drew both canvases: it sets their width and height attributes.
    for chart in ("#chart-visits", "#chart-petitions"):
        expect(page.locator(chart)).to_be_visible()
        expect(page.locator(chart)).to_have_attribute("height", "240")
    expect(page.get_by_role("heading", name="Tồn đọng theo thời gian")).to_be_visible()
    units = page.locator("table.units-table")
    expect(units.locator("tbody tr").first).to_contain_text("Xã Ia Grai")
    expect(units.locator("tfoot tr")).to_contain_text("Tổng cộng")
    shot(page, "dashboard")
    page.set_viewport_size({"width": 820, "height": 1000})
    shot(page, "dashboard-narrow")
    page.set_viewport_size({"width": 1280, "height": 720})

    units.get_by_role("link", name="Xã Ia Grai").click()
    year = window("year", year=report_year(today))
    expect(page.get_by_role("heading", name=f"Xã Ia Grai — {year.label}")).to_be_visible()
    in_year = sum(1 for days in VISITS_DAYS_AGO if today - timedelta(days=days) >= year.start)
    expect(page.locator('tr[data-key="reception.visits"] td').first).to_have_text(str(in_year))
    shot(page, "report-commune")
    assert [error for error in errors if "Content Security Policy" in error] == []
