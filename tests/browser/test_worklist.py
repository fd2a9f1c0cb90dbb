import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from danvan.models import Role
from danvan.workdays import add_working_days
from tests.browser.steps import log_in
from tests.factories import PetitionFactory, staff_with_role
from worklist.models import Digest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_handler_handles_the_petition_at_the_top_of_the_queue_and_reads_the_notifications(
    page: Page, live_server, provincial_committee
):
    today = timezone.localdate()
    handler = staff_with_role(provincial_committee, Role.HANDLER, full_name="Nguyễn Thị Lan")
    PetitionFactory(
        agency=provincial_committee,
        received_on=today,
        receipt_code="DT-BROWSER-01",
        handling_due_on=add_working_days(today, 1),
    )
    PetitionFactory(agency=provincial_committee, received_on=today, handling_due_on=add_working_days(today, 8))
    Digest.objects.create(staff=handler, on=today, subject="Nhắc việc", items=[])
    log_in(page, live_server, handler)

    page.goto(live_server.url + "/viec-cua-toi/")
    top = page.locator("#viec-cua-toi tbody tr").first
    expect(top).to_contain_text("Còn 1 ngày làm việc")
    expect(top).to_contain_text("DT-BROWSER-01")
    expect(page.locator("#so-thong-bao-chua-doc")).to_have_text("1")

    top.get_by_role("link", name="Đơn DT-BROWSER-01").click()
    handling = page.locator("form", has_text="Ghi kết quả xử lý")
    handling.get_by_label("Ngày xử lý").fill(today.strftime("%d/%m/%Y"))
    handling.get_by_role("radio", name="Đủ điều kiện", exact=True).check()
    handling.get_by_role("radio", name="Thuộc thẩm quyền", exact=True).check()
    handling.get_by_role("radio", name="Thụ lý", exact=True).check()
    handling.get_by_role("button", name="Ghi kết quả xử lý").click()
    expect(page.get_by_role("status").filter(has_text="Đã xử lý ngày")).to_be_visible()

    page.goto(live_server.url + "/viec-cua-toi/?loai=petition")
    expect(page.locator("#viec-cua-toi")).not_to_contain_text("DT-BROWSER-01")
    page.locator("#nav-thong-bao").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thông báo nhắc việc")
    page.goto(live_server.url + "/viec-cua-toi/")
    expect(page.locator("#so-thong-bao-chua-doc")).to_have_count(0)
