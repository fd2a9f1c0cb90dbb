from io import BytesIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from playwright.sync_api import Page, expect

from danvan.models import Role, SubjectField
from reception.models import Visit
from registers import jobs
from tests.browser.steps import log_in
from tests.factories import staff_with_role
from tests.registers.test_visits_sheet import visit_row, visits_book

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def queued(settings, monkeypatch):
    """Every file goes to the database task queue, which the test's worker then runs, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    monkeypatch.setattr(jobs, "IN_REQUEST_BYTES", 0)


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-reload", verbosity=0)


def upload(page: Page, book, name: str) -> None:
    page.get_by_label("Tệp Excel").set_input_files(files=[{"name": name, "mimeType": XLSX, "buffer": book.getvalue()}])
    page.get_by_role("button", name="Tải lên và kiểm tra").click()


def test_a_leader_uploads_a_register_sees_its_errors_fixes_it_and_imports_it(
    page: Page, live_server, committee_of_ia_grai, queued
):
    leader = staff_with_role(committee_of_ia_grai, Role.LEADER, full_name="Rơ Châm Thanh")
    log_in(page, live_server, leader)
    page.goto(live_server.url + "/nhap-so/")

    # A register with two wrong rows: the preview lists both, with sheet, row and column, and nothing is imported.
    upload(
        page,
        visits_book(visit_row(), visit_row(**{"Số người": 0}), visit_row(**{"Ngày tiếp": "31/02/2026"})),
        "so-tiep.xlsx",
    )
    expect(page.get_by_text("Đang kiểm tra")).to_be_visible()
    page.screenshot(path="/tmp/import-queued.png", full_page=True)
    run_worker()
    expect(page.get_by_text("Tệp có 2 lỗi: không dòng nào được nhập.")).to_be_visible()
    problems = page.locator("tr.problem")
    expect(problems).to_have_count(2)
    expect(problems.nth(0)).to_contain_text("Số người")
    expect(problems.nth(1)).to_contain_text("Ngày tiếp")
    page.screenshot(path="/tmp/import-errors.png", full_page=True)

    # The fixed file: a preview with its counts, then confirmed, and the progress at its end.
    page.get_by_role("link", name="Tải lên tệp đã sửa").click()
    upload(page, visits_book(visit_row(), visit_row(), visit_row(**{"Ngày tiếp": "28/02/2026"})), "so-tiep-da-sua.xlsx")
    run_worker()
    expect(page.get_by_text("Tệp không có lỗi.")).to_be_visible()
    expect(page.locator("td.number").first).to_have_text("3")
    page.get_by_role("button", name="Xác nhận nhập").click()
    expect(page.get_by_text("Đang ghi dữ liệu")).to_be_visible()
    run_worker()

    expect(page.get_by_text("Đã nhập xong", exact=False).first).to_be_visible()
    expect(page.locator("progress")).to_have_attribute("value", "100")
    page.screenshot(path="/tmp/import-done.png", full_page=True)
    assert Visit.objects.filter(agency=committee_of_ia_grai).count() == 3


def test_a_unit_admin_maps_two_unknown_sector_spellings_in_the_preview_and_imports_the_register(
    page: Page, live_server, committee_of_ia_grai, queued
):
    admin = staff_with_role(committee_of_ia_grai, Role.UNIT_ADMIN, full_name="Ksor H'Bia")
    log_in(page, live_server, admin)
    page.goto(live_server.url + "/nhap-so/")

    # Two sector spellings the catalogue does not know: each listed once with its row count, nothing imported yet.
    upload(
        page,
        visits_book(
            visit_row(**{"Lĩnh vực": "Đất đai – nhà ở"}),
            visit_row(**{"Lĩnh vực": "Đất đai – nhà ở"}),
            visit_row(**{"Lĩnh vực": "Chính sách xã hội"}),
            visit_row(**{"Lĩnh vực": "Tư pháp"}),
        ),
        "so-tiep-linh-vuc.xlsx",
    )
    run_worker()
    unmatched = page.locator("tr.unmatched-value")
    expect(unmatched).to_have_count(2)
    expect(unmatched.nth(0)).to_contain_text("“Đất đai – nhà ở”: 2 dòng")
    expect(unmatched.nth(1)).to_contain_text("“Chính sách xã hội”: 1 dòng")
    page.screenshot(path="/tmp/import-mapping.png", full_page=True)

    # Mapped in the preview: the file is checked again with the choices applied, then confirmed.
    page.get_by_label("“Đất đai – nhà ở”: 2 dòng").select_option("Hành chính: đất đai, nhà cửa")
    page.get_by_label("“Chính sách xã hội”: 1 dòng").select_option("Hành chính: chế độ, chính sách")
    page.get_by_role("button", name="Lưu lựa chọn và kiểm tra lại").click()
    run_worker()
    expect(page.get_by_text("Tệp không có lỗi.")).to_be_visible()
    expect(page.get_by_text("Đã áp dụng lựa chọn đã lưu.")).to_have_count(2)
    page.get_by_role("button", name="Xác nhận nhập").click()
    run_worker()

    expect(page.get_by_text("Đã nhập xong", exact=False).first).to_be_visible()
    assert dict(Visit.objects.filter(agency=committee_of_ia_grai).values_list("field").annotate(count=Count("pk"))) == {
        SubjectField.LAND: 2,
        SubjectField.POLICY: 1,
        SubjectField.JUDICIAL: 1,
    }

    # Then the unit's register, exported from /xuat-so/ and uploaded again: every row is already there.
    page.goto(live_server.url + "/xuat-so/")
    token = page.locator("#noi-dung input[name=csrfmiddlewaretoken]").get_attribute("value")
    form = {
        "csrfmiddlewaretoken": token,
        "date_from": "01/01/2026",
        "date_to": "31/12/2026",
        "registers": "TiepCongDan",
    }
    # Playwright cannot save downloads here: the same request, made with the page's session, returns the workbook.
    exported = page.request.post(live_server.url + "/xuat-so/", form=form, headers={"Referer": page.url})
    page.goto(live_server.url + "/nhap-so/")
    upload(page, BytesIO(exported.body()), "so-da-xuat.xlsx")
    run_worker()

    counts = page.get_by_role("row").filter(has_text="TiepCongDan")
    expect(counts.locator("td.number").nth(3)).to_have_text("0")  # Dòng mới
    expect(counts.locator("td.number").nth(4)).to_have_text("4")  # Đã có từ trước
    assert Visit.objects.filter(agency=committee_of_ia_grai).count() == 4
