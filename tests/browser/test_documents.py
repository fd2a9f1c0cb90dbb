"""In Chromium: a handler downloads the decision of a case, filled from its records; a unit admin uploads an edited
template of it, previews and puts it in use; the decision generated again follows the edited wording."""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import Page, expect

from complaints.models import Handling, Outcome
from complaints.services.handling import handle_petition
from complaints.services.intake import receive_petition
from complaints.services.resolution import decide_case
from danvan.citizens import CitizenDetails
from danvan.models import Classification, Role
from tests.browser.steps import log_in
from tests.factories import staff_with_role, verified

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = None  # a directory to keep screenshots of the pages in, when looking at them by hand


def shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.fixture
def decided_case(provincial_committee):
    handler = staff_with_role(provincial_committee, Role.HANDLER, full_name="Nguyễn Thị Lan")
    today = timezone.localdate()
    petition = receive_petition(
        agency=provincial_committee, by=handler, received_on=today - timedelta(days=20), source="post",
        kind=Classification.COMPLAINT, content="Khiếu nại quyết định thu hồi đất",
        details=CitizenDetails(full_name="Rơ Châm Khiếu", gender="male", address="Thôn 3, xã Ia Grai"),
    )  # fmt: skip
    handle_petition(
        petition=petition, by=handler, on=today - timedelta(days=15), processable=True, in_competence=True,
        handling=Handling.ACCEPT,
    )  # fmt: skip
    petition.refresh_from_db()
    case = verified(petition.case)
    decide_case(
        case=case, by=handler, issued_on=today, number="12/QĐ-UBND", outcome=Outcome.PARTLY_FOUNDED,
        money_due=Decimal("125.5"),
    )  # fmt: skip
    return handler, case


def downloaded(page: Page, link_name: str) -> str:
    with page.expect_download() as download:
        page.get_by_role("link", name=link_name).click()
    document = Document(BytesIO(Path(download.value.path()).read_bytes()))
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join(cells + [p.text for p in document.paragraphs])


def edited_template(page: Page, tmp_path: Path) -> Path:
    """The decision's template as downloaded from the templates page, with its Điều 4 reworded."""
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải về").last.click()
    document = Document(BytesIO(Path(download.value.path()).read_bytes()))
    article = next(p for p in document.paragraphs if p.text.startswith("Điều 4."))
    article.runs[-1].text = " Văn phòng và {{ petitioner }} thi hành Quyết định này (mẫu đã sửa)./."
    path = tmp_path / "mau-da-sua.docx"
    document.save(path)
    return path


def test_a_handler_downloads_the_decision_and_the_admins_edited_template_is_used_next(
    page: Page, live_server, decided_case, provincial_committee, tmp_path
):
    handler, case = decided_case
    admin = staff_with_role(provincial_committee, Role.UNIT_ADMIN, full_name="Lê Văn Quản")
    log_in(page, live_server, handler)
    page.goto(f"{live_server.url}/don-thu/vu-viec/{case.pk}/")

    first = downloaded(page, "Quyết định giải quyết khiếu nại lần đầu (Mẫu số 15, Nghị định 124/2020/NĐ-CP)")

    assert ("Số: 12/QĐ-UBND" in first, "Thu hồi cho Nhà nước 125,5 triệu đồng." in first) == (True, True)

    page.context.clear_cookies()
    log_in(page, live_server, admin)
    page.goto(f"{live_server.url}/don-thu/mau-van-ban/{provincial_committee.pk}/giai-quyet/")
    page.get_by_label("Tệp mẫu đã sửa (.docx)").set_input_files(edited_template(page, tmp_path))
    page.get_by_role("button", name="Tải lên (bản nháp)").click()
    expect(page.get_by_text("Đã tải lên phiên bản 1 (bản nháp)")).to_be_visible()
    page.get_by_role("button", name="Áp dụng").click()
    expect(page.get_by_text("Đã áp dụng phiên bản 1")).to_be_visible()
    shot(page, "mau-van-ban")

    page.context.clear_cookies()
    log_in(page, live_server, handler)
    page.goto(f"{live_server.url}/don-thu/vu-viec/{case.pk}/")
    page.get_by_role("button", name="Tạo lại").click()
    shot(page, "vu-viec")
    again = downloaded(page, "Quyết định giải quyết khiếu nại lần đầu (Mẫu số 15, Nghị định 124/2020/NĐ-CP)")

    assert "Văn phòng và ông Rơ Châm Khiếu thi hành Quyết định này (mẫu đã sửa)./." in again
