import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from complaints.models import Petition
from danvan.models import Membership, Role
from tests.browser.steps import log_in, settled
from tests.factories import staff_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CCCD = "052090005678"
DENOUNCER = "Lê Văn Tâm"
PHONE = "0905123789"


@pytest.fixture
def officer(provincial_committee):
    """Receives citizens at the desk and handles the petitions of the provincial committee."""
    staff = staff_with_role(provincial_committee, Role.RECEPTIONIST, full_name="Nguyễn Thị Lan", title="Chuyên viên")
    Membership.objects.create(staff=staff, agency=provincial_committee, role=Role.HANDLER)
    return staff


def test_a_denunciation_received_at_the_desk_is_accepted_extended_concluded_and_the_citizen_sees_its_steps(
    page: Page, live_server, officer
):
    today = timezone.localdate().strftime("%d/%m/%Y")
    log_in(page, live_server, officer)

    # At the desk: the citizen hands over a denunciation.
    page.get_by_label("Số CCCD").fill(CCCD)
    page.get_by_label("Họ và tên").fill(DENOUNCER)
    page.get_by_label("Điện thoại").fill(PHONE)
    page.get_by_label("Nội dung").fill("Tố cáo cán bộ địa chính xã nhận tiền khi làm thủ tục đất đai")
    page.get_by_label("Phân loại").select_option(label="Tố cáo")
    page.get_by_label("Kết quả tiếp").select_option(label="Tiếp nhận đơn")
    settled(page)
    page.get_by_role("button", name="Ghi lượt tiếp").click()
    expect(page.get_by_role("status")).to_have_text(f"Đã ghi lượt tiếp công dân {DENOUNCER}.")

    # The petition: accepted as within competence, a complex denunciation.
    page.get_by_role("navigation").get_by_role("link", name="Đơn thư").click()
    page.get_by_role("link", name="Tố cáo cán bộ địa chính xã").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Đơn tố cáo")
    handling = page.locator("form", has_text="Ghi kết quả xử lý")
    handling.get_by_label("Ngày xử lý").fill(today)
    handling.get_by_role("radio", name="Đủ điều kiện", exact=True).check()
    handling.get_by_role("radio", name="Thuộc thẩm quyền", exact=True).check()
    handling.get_by_role("radio", name="Thụ lý", exact=True).check()
    handling.get_by_label("Tính chất vụ việc").select_option(label="Phức tạp")
    handling.get_by_role("button", name="Ghi kết quả xử lý").click()
    expect(page.get_by_role("status").filter(has_text="Đã xử lý ngày")).to_contain_text("Thụ lý — đúng hạn")

    # The case: extended once, then concluded.
    page.get_by_role("link", name="Vụ việc VV").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vụ việc")
    extension = page.locator("form", has_text="Ghi quyết định gia hạn")
    extension.get_by_label("Ngày quyết định gia hạn").fill(today)
    extension.get_by_label("Số quyết định gia hạn").fill("12/QĐ-UBND")
    extension.get_by_label("Số ngày gia hạn").fill("30")
    extension.get_by_role("button", name="Ghi quyết định gia hạn").click()
    petition = Petition.objects.select_related("case").get()
    new_due_on = petition.case.extensions.get().new_due_on.strftime("%d/%m/%Y")
    expect(page.locator(".deadline")).to_contain_text(new_due_on)
    expect(page.get_by_role("row").filter(has_text="12/QĐ-UBND")).to_contain_text(new_due_on)

    verification = page.locator("form", has_text="Giao xác minh")
    verification.get_by_label("Ngày giao nhiệm vụ xác minh").fill(today)
    verification.get_by_label("Người, tổ xác minh").fill("Thanh tra tỉnh")
    verification.get_by_label("Số văn bản giao nhiệm vụ xác minh").fill("15/QĐ-XM")
    verification.get_by_role("button", name="Giao xác minh").click()
    report = page.locator("form", has_text="Ghi kết quả xác minh")
    report.get_by_label("Ngày báo cáo kết quả xác minh").fill(today)
    report.get_by_role("textbox", name="Kết quả xác minh:", exact=True).fill(
        "Không có căn cứ xác định cán bộ địa chính nhận tiền."
    )
    report.get_by_role("button", name="Ghi kết quả xác minh").click()

    decision = page.locator("form", has_text="Ghi quyết định, kết luận")
    decision.get_by_label("Ngày ban hành").fill(today)
    decision.get_by_label("Số quyết định, kết luận").fill("45/KL-UBND")
    decision.locator("#id_decisionform_outcome").select_option(label="Sai")
    decision.get_by_role("button", name="Ghi quyết định, kết luận").click()
    resolved = page.locator(".deadline")
    expect(resolved).to_contain_text("Đã giải quyết ngày")
    expect(resolved).to_contain_text("Đúng hạn")

    # The citizen, not logged in, looks the petition up.
    page.get_by_role("button", name="Đăng xuất").click()
    page.goto(live_server.url + "/tra-cuu/")
    page.get_by_label("Mã tra cứu").fill(petition.receipt_code)
    page.get_by_label("4 chữ số cuối").fill(PHONE[-4:])
    page.get_by_role("button", name="Tra cứu").click()
    steps = page.locator(".lookup-steps")
    expect(steps).to_contain_text("Tiếp nhận đơn")
    expect(steps).to_contain_text("Thụ lý giải quyết")
    expect(steps).to_contain_text(f"Gia hạn 30 ngày (quyết định số 12/QĐ-UBND), hạn mới {new_due_on}")
    expect(steps).to_contain_text("Tiến hành xác minh nội dung")
    expect(steps).to_contain_text("Kết luận nội dung tố cáo số 45/KL-UBND: Sai")
    body = page.locator("body")
    expect(body).not_to_contain_text(DENOUNCER)
    expect(body).not_to_contain_text(CCCD)
