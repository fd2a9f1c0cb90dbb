from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from danvan.models import Agency, Role
from dialogues.models import Opinion, OpinionStatus
from tests.browser.steps import log_in, pick
from tests.factories import AgencyFactory, staff_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def commune_leader(committee_of_ia_grai) -> Agency:
    return staff_with_role(committee_of_ia_grai, Role.LEADER, full_name="Rơ Châm Thanh", title="Chủ tịch UBND xã")


@pytest.fixture
def economy_office(committee_of_ia_grai) -> Agency:
    return AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.DEPARTMENT, name="Phòng Kinh tế xã Ia Grai")


def add_opinion(page: Page, content: str, *, assigned_to: str = "", due_on: str = "", answer: str = "") -> None:
    form = page.locator("form", has_text="Thêm ý kiến, kiến nghị")
    form.get_by_label("Nội dung ý kiến, kiến nghị").fill(content)
    if assigned_to:
        form.get_by_role("radio", name="Giao cơ quan xử lý").check()
        pick(form, "Cơ quan được giao", assigned_to, f"{assigned_to} (Tỉnh Gia Lai)")
        form.get_by_label("Hạn giải quyết").fill(due_on)
    else:
        form.get_by_role("radio", name="Trả lời tại chỗ").check()
        form.get_by_label("Nội dung trả lời tại chỗ").fill(answer)
    form.get_by_role("button", name="Ghi ý kiến").click()
    expect(page.get_by_role("status")).to_have_text("Đã ghi ý kiến, kiến nghị.")


def test_a_commune_leader_records_a_dialogue_with_three_opinions_and_sees_it_counted(
    page: Page, live_server, commune_leader, economy_office
):
    today = timezone.localdate()
    held_on, due_on = today - timedelta(days=10), today + timedelta(days=20)
    log_in(page, live_server, commune_leader)

    # The dialogue, held ten days ago at the commune.
    page.get_by_role("navigation").get_by_role("link", name="Đối thoại").click()
    page.get_by_role("link", name="Ghi nhận hội nghị").click()
    page.get_by_label("Ngày tổ chức").fill(f"{held_on:%d/%m/%Y}")
    page.get_by_role("radio", name="Chủ tịch UBND").check()
    page.get_by_label("Họ tên người chủ trì").fill("Rơ Châm Thanh")
    page.get_by_label("Chức vụ người chủ trì").fill("Chủ tịch UBND xã")
    page.get_by_label("Chủ đề").fill("Bồi thường, hỗ trợ tái định cư dự án đường liên xã")
    page.get_by_label("Số người tham dự").fill("135")
    page.get_by_role("button", name="Lưu hội nghị").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Đối thoại ngày {held_on:%d/%m/%Y} — Xã Ia Grai")

    # Three opinions: one answered on the spot, two assigned to the economy office.
    add_opinion(page, "Đề nghị công khai bảng giá bồi thường", answer="Bảng giá đã niêm yết tại trụ sở xã.")
    add_opinion(page, "Đường vào thôn 3 xuống cấp", assigned_to=economy_office.name, due_on=f"{due_on:%d/%m/%Y}")
    add_opinion(page, "Chưa chi trả tiền hỗ trợ cho 4 hộ", assigned_to=economy_office.name, due_on=f"{due_on:%d/%m/%Y}")
    opinions = page.locator("#y-kien tbody tr")
    expect(opinions).to_have_count(3)

    # Later: the last one is resolved with its date and answer.
    opinions.filter(has_text="Chưa chi trả tiền hỗ trợ").get_by_role("link", name="Ghi kết quả giải quyết").click()
    page.get_by_label("Ngày giải quyết").fill(f"{today:%d/%m/%Y}")
    page.get_by_label("Nội dung trả lời, kết quả giải quyết").fill("Đã chi trả đủ cho 4 hộ.")
    page.get_by_role("button", name="Lưu kết quả").click()
    expect(page.get_by_role("status")).to_have_text("Đã ghi kết quả giải quyết ý kiến.")
    expect(opinions.filter(has_text="Chưa chi trả tiền hỗ trợ")).to_contain_text(f"Đã giải quyết ngày {today:%d/%m/%Y}")
    expect(opinions.filter(has_text="Đường vào thôn 3")).to_contain_text(f"Hạn {due_on:%d/%m/%Y}")
    assert sorted(Opinion.objects.values_list("status", flat=True)) == sorted(
        [OpinionStatus.ANSWERED_ON_SPOT, OpinionStatus.ASSIGNED, OpinionStatus.RESOLVED]
    )

    # The list counts it: one dialogue at commune level, three opinions, one answered on the spot.
    page.get_by_role("navigation").get_by_role("link", name="Đối thoại").click()
    expect(page.locator(".totals")).to_contain_text("1 cuộc đối thoại (cấp xã 1)")
    row = page.get_by_role("row").filter(has_text="Bồi thường, hỗ trợ tái định cư")
    expect(row.locator("td").first).to_have_text(f"{held_on:%d/%m/%Y}")
    expect(row.locator("td.number")).to_have_text(["135", "3", "1"])
