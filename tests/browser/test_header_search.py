"""The header search in Chromium, on a desk screen and a phone (issue 18): a petition's code typed without its prefix
finds the petition, and its link opens it."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.steps import log_in
from tests.factories import PetitionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}])
def test_the_header_search_finds_a_petition_by_its_code_without_prefix(
    page: Page, live_server, leader, committee_of_ia_grai, viewport
):
    petition = PetitionFactory(agency=committee_of_ia_grai)
    letters = petition.receipt_code.split("-")[1]
    page.set_viewport_size(viewport)
    log_in(page, live_server, leader)

    box = page.get_by_role("searchbox", name="Tìm hồ sơ").first
    expect(box).to_be_in_viewport()
    box.fill(letters.lower())
    box.press("Enter")

    expect(page).to_have_url(f"{live_server.url}/tim-kiem/?q={letters.lower()}")
    petitions = page.locator("#ket-qua-don")
    expect(petitions.get_by_role("heading", level=2)).to_have_text("Đơn (1)")
    petitions.get_by_role("link", name=petition.receipt_code).click()
    expect(page).to_have_url(live_server.url + petition.get_absolute_url())
