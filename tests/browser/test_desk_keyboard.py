"""The desk with the keyboard alone, on a desk screen and on a phone: every field the officer reaches stays in view,
clear of the sticky bar; the case picker finds the citizen's case; the CCCD warning shows before saving."""

import pytest
from playwright.sync_api import Page, expect

from danvan.models import Role
from reception.models import Visit
from tests.browser.steps import log_in, settled
from tests.factories import CaseFactory, CitizenFactory, VisitFactory, staff_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"desk": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def receptionist(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST, full_name="Rơ Mah Thị Bơ", title="Công chức")


def assert_focus_in_view(page: Page) -> None:
    """The focused field lies inside the window and above the sticky bar."""
    field = page.locator(":focus").bounding_box()
    bar = page.locator(".desk-actions").bounding_box()
    viewport = page.viewport_size
    assert field is not None and bar is not None
    inside = (field["y"] >= 0, field["y"] + field["height"] <= bar["y"], bar["y"] + bar["height"] <= viewport["height"])
    assert inside == (True, True, True), (field, bar)


def tab_to(page: Page, name: str) -> None:
    """Tabs from field to field until the one named ``name``, each in view when reached."""
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.locator(f":focus[name='{name}']").count():
            assert_focus_in_view(page)
            return
        if page.locator(".desk-form :focus").count():
            assert_focus_in_view(page)
    raise AssertionError(f"the field {name} was never reached")


@pytest.mark.parametrize("screen", SCREENS)
def test_a_visit_logged_with_the_keyboard_keeps_every_field_in_view(
    page: Page, live_server, receptionist, committee_of_ia_grai, screen
):
    citizen = CitizenFactory(full_name="Rơ Châm Thị Hiền", cccd="064190004321")
    case = CaseFactory(agency=committee_of_ia_grai, citizen=citizen, summary="Tranh chấp ranh giới đất rẫy")
    CaseFactory.create_batch(3, agency=committee_of_ia_grai, summary="Tranh chấp ranh giới đất rẫy")
    page.set_viewport_size(SCREENS[screen])
    log_in(page, live_server, receptionist)

    expect(page.get_by_label("Số CCCD")).to_be_focused()
    assert_focus_in_view(page)
    page.keyboard.type("064090001234")
    tab_to(page, "full_name")
    page.keyboard.type("Nguyễn Văn An")
    tab_to(page, "birth_date")
    page.keyboard.type("17/05/1985")
    expect(page.locator("#live-warnings")).to_have_text(
        "Lưu ý: số CCCD không khớp với ngày sinh hoặc giới tính đã nhập."
    )
    tab_to(page, "content")
    page.keyboard.type("Tranh chấp ranh giới đất rẫy với hộ liền kề,\nđề nghị xã đo đạc lại\nvà hòa giải sớm")
    assert_focus_in_view(page)
    tab_to(page, "case_query")
    with page.expect_response("**/tim-vu-viec/"):
        page.keyboard.type("cham thi hien")
    expect(page.locator("#case-matches .match")).to_have_count(1)
    settled(page)
    page.keyboard.press("Tab")
    assert_focus_in_view(page)
    page.keyboard.press("Enter")
    expect(page.locator("#case-chosen")).to_contain_text(f"VV{case.pk}")
    expect(page.get_by_label("Kết quả tiếp")).to_be_focused()
    assert_focus_in_view(page)
    tab_to(page, "documents")
    page.keyboard.type("Đơn đề nghị")
    page.keyboard.press("Control+Enter")

    expect(page.get_by_role("status")).to_contain_text("Đã ghi lượt tiếp công dân Nguyễn Văn An.")
    visit = Visit.objects.get()
    assert (visit.case_id, visit.documents) == (case.pk, "Đơn đề nghị")


def test_on_a_phone_the_menu_folds_the_matches_sit_under_the_name_and_the_register_reads_as_cards(
    page: Page, live_server, receptionist, committee_of_ia_grai
):
    VisitFactory(agency=committee_of_ia_grai, citizen=CitizenFactory(full_name="Rơ Châm Thị Hiền"))
    page.set_viewport_size(SCREENS["phone"])
    log_in(page, live_server, receptionist)
    register = page.get_by_role("link", name="Sổ tiếp")
    expect(register).to_be_hidden()

    name = page.get_by_label("Họ và tên")
    name.focus()
    with page.expect_response("**/tra-cuu-cong-dan/"):
        page.keyboard.type("cham thi")
    match = page.get_by_role("button", name="Rơ Châm Thị Hiền")
    expect(match).to_be_visible()
    below_name = match.bounding_box()["y"] - name.bounding_box()["y"]
    page.get_by_role("button", name="Menu").click()
    register.click()

    table = page.get_by_role("table").bounding_box()
    cell = page.get_by_role("cell").filter(has_text="Rơ Châm Thị Hiền")
    assert (0 < below_name < 150, table["width"] <= SCREENS["phone"]["width"]) == (True, True)
    expect(cell).to_have_attribute("data-label", "Công dân")
