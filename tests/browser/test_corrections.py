"""A receptionist corrects a saved visit's content, gives the reason, and sees old → new on the visit's history, on a
desk screen and on a phone."""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from danvan.models import Role
from tests.browser.steps import log_in
from tests.factories import VisitFactory, staff_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"desk": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def receptionist(provincial_committee):
    return staff_with_role(provincial_committee, Role.RECEPTIONIST, full_name="Nguyễn Thị Lan")


@pytest.mark.parametrize("screen", SCREENS, ids=SCREENS)
def test_a_receptionist_corrects_a_visits_content_and_sees_the_history(
    page: Page, live_server, receptionist, provincial_committee, screen
):
    visit = VisitFactory(
        agency=provincial_committee, received_on=date(2026, 7, 6), content="Đề nghị cấp giấy chứng nhận đất"
    )
    page.set_viewport_size(SCREENS[screen])
    log_in(page, live_server, receptionist)
    page.goto(live_server.url + visit.get_absolute_url())

    page.get_by_role("link", name="Sửa", exact=True).click()
    content = page.get_by_label("Nội dung")
    expect(content).to_have_value("Đề nghị cấp giấy chứng nhận đất")
    content.fill("Đề nghị cấp giấy chứng nhận quyền sử dụng đất thửa số 12")
    page.get_by_role("button", name="Lưu sửa đổi").click()
    expect(page.get_by_label("Lý do sửa")).to_be_focused()  # required: the browser asks for it first
    page.get_by_label("Lý do sửa").fill("Ghi thiếu số thửa khi tiếp công dân")
    page.get_by_role("button", name="Lưu sửa đổi").click()

    expect(page.get_by_role("status")).to_have_text("Đã sửa: nội dung.")
    history = page.locator(".timeline li").filter(has_text="Sửa thông tin lượt tiếp: nội dung")
    expect(history).to_contain_text("Nguyễn Thị Lan")
    expect(history).to_contain_text("Lý do: Ghi thiếu số thửa khi tiếp công dân")
    expect(history.locator("del")).to_have_text("Đề nghị cấp giấy chứng nhận đất")
    expect(history.locator("ins")).to_have_text("Đề nghị cấp giấy chứng nhận quyền sử dụng đất thửa số 12")
    box, width = history.bounding_box(), SCREENS[screen]["width"]
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width  # the history fits the screen


def test_a_correction_saved_from_a_page_opened_before_anothers_save_is_refused_and_keeps_what_was_typed(
    page: Page, live_server, receptionist, provincial_committee
):
    visit = VisitFactory(agency=provincial_committee, received_on=date(2026, 7, 6), content="Đề nghị cấp đất")
    log_in(page, live_server, receptionist)
    correction = f"{live_server.url}{visit.get_absolute_url()}sua/"
    other = page.context.new_page()
    other.goto(correction)
    page.goto(correction)
    other.get_by_label("Nội dung").fill("Đề nghị cấp giấy chứng nhận")
    other.get_by_label("Lý do sửa").fill("Ghi thiếu")
    other.get_by_role("button", name="Lưu sửa đổi").click()
    expect(other.get_by_role("status")).to_have_text("Đã sửa: nội dung.")

    page.get_by_label("Nội dung").fill("Đề nghị cấp đất thửa số 12")
    page.get_by_label("Lý do sửa").fill("Ghi thiếu số thửa")
    page.get_by_role("button", name="Lưu sửa đổi").click()

    expect(page.get_by_role("alert")).to_contain_text("Đã có người sửa bản ghi này sau khi bạn mở trang")
    expect(page.get_by_label("Nội dung")).to_have_value("Đề nghị cấp đất thửa số 12")
    visit.refresh_from_db()
    assert visit.content == "Đề nghị cấp giấy chứng nhận"
