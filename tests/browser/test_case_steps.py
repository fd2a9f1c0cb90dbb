"""A first-round complaint walked through its statutory steps on the case page, in Chromium: thụ lý → xác minh →
đối thoại → quyết định → công khai → thi hành, the clock at the step at hand each time; a recommendation is never
offered thụ lý."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from complaints.models import Petition, Source
from complaints.services.intake import receive_petition
from danvan.citizens import CitizenDetails
from danvan.models import Classification, Membership, Role
from tests.browser.steps import log_in
from tests.factories import staff_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = None  # a directory to keep screenshots of each step in, when looking at the pages by hand


@pytest.fixture
def handler(provincial_committee):
    staff = staff_with_role(provincial_committee, Role.HANDLER, full_name="Nguyễn Thị Lan", title="Chuyên viên")
    Membership.objects.create(staff=staff, agency=provincial_committee, role=Role.LEADER)
    return staff


def received(agency, by, kind, content) -> Petition:
    details = CitizenDetails(full_name="Rơ Châm Khiếu", cccd="052090004321", address="Thôn 3, xã Ia Grai")
    return receive_petition(
        agency=agency, by=by, received_on=timezone.localdate() - timedelta(days=10), source=Source.POST,
        kind=kind, content=content, details=details,
    )  # fmt: skip


def at_hand(page: Page):
    """The step at hand in the list of steps."""
    return page.locator(".case-step[aria-current='step']")


def shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_a_first_round_complaint_walks_every_step_with_its_clock(
    page: Page, live_server, handler, provincial_committee
):
    today = timezone.localdate().strftime("%d/%m/%Y")
    petition = received(provincial_committee, handler, Classification.COMPLAINT, "Khiếu nại quyết định thu hồi đất")
    log_in(page, live_server, handler)

    # Thụ lý.
    page.goto(live_server.url + petition.get_absolute_url())
    handling = page.locator("form", has_text="Ghi kết quả xử lý")
    handling.get_by_label("Ngày xử lý").fill(today)
    handling.get_by_role("radio", name="Đủ điều kiện", exact=True).check()
    handling.get_by_role("radio", name="Thuộc thẩm quyền", exact=True).check()
    handling.get_by_role("radio", name="Thụ lý", exact=True).check()
    handling.get_by_role("button", name="Ghi kết quả xử lý").click()
    page.get_by_role("link", name="Vụ việc VV").first.click()
    petition.refresh_from_db()
    due = petition.case.due_on.strftime("%d/%m/%Y")

    # Xác minh: assigned, then reported, the findings differing from the claim.
    expect(at_hand(page)).to_contain_text("Xác minh")
    expect(at_hand(page)).to_contain_text(f"Hạn giải quyết {due}")
    shot(page, "1-verification")
    verification = page.locator("form", has_text="Giao xác minh")
    verification.get_by_label("Ngày giao nhiệm vụ xác minh").fill(today)
    verification.get_by_label("Người, tổ xác minh").fill("Thanh tra tỉnh")
    verification.get_by_label("Số văn bản giao nhiệm vụ xác minh").fill("15/QĐ-XM")
    verification.get_by_role("button", name="Giao xác minh").click()
    expect(page.get_by_role("status").filter(has_text="Đã giao nhiệm vụ xác minh")).to_be_visible()
    report = page.locator("form", has_text="Ghi kết quả xác minh")
    report.get_by_label("Ngày báo cáo kết quả xác minh").fill(today)
    report.get_by_role("textbox", name="Kết quả xác minh:", exact=True).fill(
        "Việc thu hồi đúng trình tự; mức bồi thường thấp hơn."
    )
    report.get_by_label("Kết quả xác minh khác với yêu cầu của người khiếu nại").check()
    report.get_by_role("button", name="Ghi kết quả xác minh").click()

    # Đối thoại: required, since the findings differ.
    expect(at_hand(page)).to_contain_text("Đối thoại")
    expect(at_hand(page)).to_contain_text(f"Hạn giải quyết {due}")
    shot(page, "2-dialogue")
    dialogue = page.locator("form", has_text="Ghi biên bản đối thoại")
    dialogue.get_by_label("Ngày đối thoại").fill(today)
    dialogue.get_by_label("Địa điểm").fill("Trụ sở UBND tỉnh")
    dialogue.get_by_label("Thành phần tham gia").fill("Người khiếu nại; Sở Tài nguyên và Môi trường; Thanh tra tỉnh")
    dialogue.get_by_label("Biên bản đối thoại").fill("Người khiếu nại giữ yêu cầu bồi thường theo giá thị trường.")
    dialogue.get_by_role("button", name="Ghi biên bản đối thoại").click()

    # Quyết định.
    expect(at_hand(page)).to_contain_text("Quyết định")
    expect(at_hand(page)).to_contain_text(f"Hạn giải quyết {due}")
    shot(page, "3-decision")
    decision = page.locator("form", has_text="Ghi quyết định, kết luận")
    decision.get_by_label("Ngày ban hành").fill(today)
    decision.get_by_label("Số quyết định, kết luận").fill("45/QĐ-UBND")
    decision.locator("#id_decisionform_outcome").select_option(label="Đúng một phần")
    decision.get_by_role("button", name="Ghi quyết định, kết luận").click()

    # Công khai, then thi hành: the clock says the decision came in time.
    expect(at_hand(page)).to_contain_text("Công khai")
    expect(at_hand(page)).to_contain_text("Giải quyết đúng hạn")
    shot(page, "4-publication")
    publication = page.locator("form", has_text="Ghi việc công khai")
    publication.get_by_label("Ngày công khai").fill(today)
    publication.get_by_label("Hình thức công khai").select_option(label="Công bố tại cuộc họp")
    publication.get_by_role("button", name="Ghi việc công khai").click()
    expect(at_hand(page)).to_contain_text("Thi hành")
    enforcement = page.locator("form", has_text="Ghi nhận thực hiện xong")
    enforcement.get_by_label("Ngày thực hiện xong").fill(today)
    enforcement.get_by_role("button", name="Ghi nhận thực hiện xong").click()

    expect(page.locator(".case-step-done")).to_have_count(6)
    expect(page.locator(".timeline")).to_contain_text("Đối thoại tại Trụ sở UBND tỉnh")
    shot(page, "5-done")


def test_a_recommendation_is_offered_no_acceptance(page: Page, live_server, handler, provincial_committee):
    petition = received(provincial_committee, handler, Classification.RECOMMENDATION, "Kiến nghị sửa đường liên thôn")
    log_in(page, live_server, handler)

    page.goto(live_server.url + petition.get_absolute_url())
    handling = page.locator("form", has_text="Ghi kết quả xử lý")

    expect(handling.get_by_role("radio", name="Xem xét, trả lời")).to_have_count(1)
    expect(handling.get_by_role("radio", name="Thụ lý", exact=True)).to_have_count(0)
