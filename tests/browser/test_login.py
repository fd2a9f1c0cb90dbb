import pytest
from playwright.sync_api import Page, expect

from danvan.models import Staff
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_logs_in_and_sees_the_home_page_in_vietnamese(page: Page, live_server, leader: Staff):
    page.goto(live_server.url + "/")

    expect(page).to_have_url(live_server.url + "/dang-nhap/?next=/")
    expect(page).to_have_title("Đăng nhập · Danvan")
    expect(page.get_by_role("heading", level=1)).to_have_text("Đăng nhập")
    page.get_by_label("Tên đăng nhập").fill(leader.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page).to_have_url(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Xin chào, Trần Thị Thu Hà")
    roles = page.locator("section", has=page.get_by_role("heading", name="Vai trò của bạn")).get_by_role("table")
    expect(roles.locator("tbody").get_by_role("cell")).to_have_text(
        ["Ủy ban nhân dân tỉnh Gia Lai", "Tỉnh Gia Lai", "Lãnh đạo"]
    )
    expect(page.get_by_role("heading", name="Việc của tôi")).to_be_visible()  # a leader's home opens on the queue
