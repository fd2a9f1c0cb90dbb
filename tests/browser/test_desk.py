import pytest
from playwright.sync_api import Page, expect

from danvan.models import Role
from tests.browser.steps import log_in, settled
from tests.factories import staff_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def receptionist(provincial_committee):
    return staff_with_role(provincial_committee, Role.RECEPTIONIST, full_name="Nguyễn Thị Lan", title="Chuyên viên")


def test_an_officer_logs_a_visit_with_the_keyboard_and_finds_the_citizen_again_without_diacritics(
    page: Page, live_server, receptionist
):
    log_in(page, live_server, receptionist)

    # The scanner types the chip card's QR code into the focused CCCD field, then Enter.
    expect(page.get_by_label("Số CCCD")).to_be_focused()
    page.keyboard.type("052090001234|215000111|Trần Văn Bình|17051990|Nam|Thôn 2, xã Ia Grai, tỉnh Gia Lai|01012022")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Họ và tên")).to_have_value("Trần Văn Bình")
    expect(page.get_by_label("Ngày sinh")).to_have_value("17/05/1990")
    page.get_by_label("Nội dung").focus()
    page.keyboard.type("Đề nghị cấp giấy chứng nhận quyền sử dụng đất")
    page.keyboard.press("Control+Enter")

    expect(page.get_by_role("status")).to_have_text("Đã ghi lượt tiếp công dân Trần Văn Bình.")
    page.get_by_label("Họ và tên").focus()
    with page.expect_response("**/tra-cuu-cong-dan/"):
        page.keyboard.type("tran van binh")
    match = page.get_by_role("button", name="Trần Văn Bình")
    expect(match).to_be_visible()
    settled(page)
    match.press("Enter")
    expect(page.get_by_label("Số CCCD")).to_have_value("052090001234")
    expect(page.locator("#citizen-history")).to_contain_text("Đề nghị cấp giấy chứng nhận quyền sử dụng đất")

    page.get_by_role("link", name="Sổ tiếp").click()
    row = page.get_by_role("row").filter(has_text="Trần Văn Bình")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("*********234")
    expect(row).to_contain_text("Đề nghị cấp giấy chứng nhận quyền sử dụng đất")
