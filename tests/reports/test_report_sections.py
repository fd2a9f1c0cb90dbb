"""The narrative's written sections (Mẫu số 02: causes, assessment, outlook, tasks, recommendations …): saved with the
report from its page, carried into the .docx and frozen with the sent report; none for a period of forms only."""

from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document

from danvan.models import Role
from reports.models import SentReport
from reports.periods import window
from reports.selectors import saved_sections
from reports.services import mark_sent, save_sections
from tests.factories import VisitFactory, staff_with_role

YEAR_2026 = window("year", year=2026)
ASSESSMENT = "Các cấp, các ngành tập trung giải quyết dứt điểm vụ việc phức tạp."


@pytest.fixture
def reporter(committee_of_gia_lai):
    return staff_with_role(committee_of_gia_lai, Role.REPORTER)


def choice(unit, period="year", year=2026) -> dict:
    return {"unit": unit.pk, "period": period, "year": year}


def test_written_sections_survive_a_save(gia_lai, reporter):
    save_sections(unit=gia_lai, window=YEAR_2026, texts={"III.1": ASSESSMENT, "VI": "Kiến nghị.\r\n"}, by=reporter)

    assert saved_sections(gia_lai, YEAR_2026) == {"III.1": ASSESSMENT, "VI": "Kiến nghị."}


def test_an_empty_text_deletes_its_section(gia_lai, reporter):
    save_sections(unit=gia_lai, window=YEAR_2026, texts={"III.1": ASSESSMENT, "IV": "Dự báo."}, by=reporter)

    save_sections(unit=gia_lai, window=YEAR_2026, texts={"III.1": "  "}, by=reporter)

    assert saved_sections(gia_lai, YEAR_2026) == {"IV": "Dự báo."}


def test_a_receptionist_cannot_save_the_units_sections(gia_lai, committee_of_gia_lai):
    receptionist = staff_with_role(committee_of_gia_lai, Role.RECEPTIONIST)

    with pytest.raises(PermissionDenied):
        save_sections(unit=gia_lai, window=YEAR_2026, texts={"III.1": ASSESSMENT}, by=receptionist)
    assert saved_sections(gia_lai, YEAR_2026) == {}


def test_a_second_quarter_report_has_no_sections_to_save(gia_lai, reporter):
    with pytest.raises(ValidationError) as refused:
        save_sections(unit=gia_lai, window=window("q2", year=2026), texts={"III.1": ASSESSMENT}, by=reporter)

    assert refused.value.messages == [
        "Báo cáo quý II, quý III, quý IV chỉ gồm các biểu số liệu, không có văn bản báo cáo."
    ]


def test_a_heading_the_records_write_cannot_be_saved_as_text(gia_lai, reporter):
    with pytest.raises(ValidationError) as refused:
        save_sections(unit=gia_lai, window=YEAR_2026, texts={"II.1": "Số liệu tự viết."}, by=reporter)

    assert refused.value.messages == ["Đề cương báo cáo không có mục “II.1” để nhập nội dung."]


def test_the_page_saves_the_sections_and_shows_them_again(client, gia_lai, reporter):
    client.force_login(reporter)
    version = client.get(reverse("reports:report"), choice(gia_lai)).context["sections_version"]

    response = client.post(
        reverse("reports:sections-save"),
        choice(gia_lai) | {"section-III.1": ASSESSMENT, "version": version},
        follow=True,
    )

    rows = {row.heading.number: row for row in response.context["outline"]}
    assert (rows["III.1"].text, rows["III.2"].text, saved_sections(gia_lai, YEAR_2026)) == (
        ASSESSMENT,
        "",
        {"III.1": ASSESSMENT},
    )
    assert 'placeholder="Những tồn tại, hạn chế trong công tác' in response.content.decode()


def test_a_section_too_long_is_refused_with_its_heading_and_nothing_is_saved(client, gia_lai, reporter):
    client.force_login(reporter)

    response = client.post(reverse("reports:sections-save"), choice(gia_lai) | {"section-III.1": "x" * 20_001})

    assert (response.status_code, response.context["form"].non_field_errors()) == (
        400,
        ["Ưu điểm, kết quả: Giá trị này chỉ có tối đa 20000 kí tự (hiện có 20001)"],
    )
    assert saved_sections(gia_lai, YEAR_2026) == {}


def test_a_tt06_report_page_shows_the_figure_paragraphs_under_their_headings(client, gia_lai, reporter):
    client.force_login(reporter)

    response = client.get(reverse("reports:report"), choice(gia_lai))

    rows = {row.heading.number: row for row in response.context["outline"]}
    assert (rows["II.1"].heading.label, rows["II.1"].paragraphs) == (
        "1. Công tác tiếp công dân",
        ["Toàn tỉnh không có lượt công dân nào đến trình bày (bằng cùng kỳ)."],
    )
    assert (response.context["summary"], 'name="text"' in response.content.decode()) == (None, False)


def test_a_first_quarter_compares_with_the_same_quarter_under_the_earlier_circular(
    client, gia_lai, reporter, committee_of_old_gia_lai
):
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2025, 3, 1))
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2025, 3, 2))
    client.force_login(reporter)

    response = client.get(reverse("reports:report"), choice(gia_lai, period="q1"))

    rows = {row.heading.number: row for row in response.context["outline"]}
    assert rows["II.1"].paragraphs == [
        "Toàn tỉnh không có lượt công dân nào đến trình bày (giảm 2 lượt so với cùng kỳ)."
    ]


def test_the_docx_carries_the_headings_the_figures_and_the_saved_sections(client, gia_lai, reporter):
    save_sections(unit=gia_lai, window=YEAR_2026, texts={"III.1": ASSESSMENT}, by=reporter)
    client.force_login(reporter)

    response = client.post(reverse("reports:narrative-docx"), choice(gia_lai))

    document = Document(BytesIO(response.content))
    texts = [p.text for p in document.paragraphs if p.text]
    assessment = texts.index("III. NHẬN XÉT, ĐÁNH GIÁ")
    assert texts[assessment : assessment + 4] == [
        "III. NHẬN XÉT, ĐÁNH GIÁ",
        "1. Ưu điểm, kết quả",
        ASSESSMENT,
        "2. Tồn tại, hạn chế",
    ]
    assert "1. Công tác tiếp công dân" in texts and "VI. KIẾN NGHỊ, ĐỀ XUẤT" in texts
    bold = {p.text for p in document.paragraphs if p.runs and p.runs[0].bold}
    assert ("III. NHẬN XÉT, ĐÁNH GIÁ" in bold, ASSESSMENT in bold) == (True, False)


def test_the_docx_takes_a_section_as_typed_on_the_page_before_it_is_saved(
    client, committee_of_old_gia_lai, reporter_of_old_gia_lai
):
    client.force_login(reporter_of_old_gia_lai)

    posted = choice(committee_of_old_gia_lai.unit, year=2024) | {"text": "Số liệu đã sửa.", "section-IV": "Dự báo."}
    response = client.post(reverse("reports:narrative-docx"), posted)

    texts = [p.text for p in Document(BytesIO(response.content)).paragraphs if p.text]
    assert texts[2:] == ["Số liệu đã sửa.", "IV. DỰ BÁO TÌNH HÌNH", "Dự báo."]


def test_the_sent_report_keeps_the_sections_and_the_whole_narrative(gia_lai, reporter):
    save_sections(unit=gia_lai, window=YEAR_2026, texts={"IV": "Dự báo cũ."}, by=reporter)

    sent = mark_sent(unit=gia_lai, window=YEAR_2026, by=reporter, sections={"III.1": ASSESSMENT, "IV": "Dự báo."})

    assert sent.sections == {"III.1": ASSESSMENT, "IV": "Dự báo."}
    assert sent.narrative.startswith("Ủy ban nhân dân tỉnh Gia Lai báo cáo")
    assert "\n\nIV. DỰ BÁO TÌNH HÌNH\n\nDự báo.\n\nV. PHƯƠNG HƯỚNG" in sent.narrative


def test_the_sent_page_shows_the_sections_as_sent(client, gia_lai, reporter):
    sent = mark_sent(unit=gia_lai, window=YEAR_2026, by=reporter, sections={"III.1": ASSESSMENT})
    save_sections(unit=gia_lai, window=YEAR_2026, texts={"III.1": "Sửa sau khi gửi."}, by=reporter)
    client.force_login(reporter)

    page = client.get(reverse("reports:sent-detail", args=[sent.pk]))

    assert page.context["written"] == [("1. Ưu điểm, kết quả", ASSESSMENT)]
    assert "Sửa sau khi gửi." not in page.content.decode()


def test_a_second_quarter_report_is_sent_without_sections(gia_lai, reporter):
    sent = mark_sent(unit=gia_lai, window=window("q2", year=2026), by=reporter, sections={"III.1": ASSESSMENT})

    assert (sent.narrative, sent.sections, SentReport.objects.count()) == ("", {}, 1)


@pytest.fixture
def reporter_of_old_gia_lai(committee_of_old_gia_lai):
    return staff_with_role(committee_of_old_gia_lai, Role.REPORTER)
