"""Each document names the annex form it is made on (source and number) and the days the form is in force; the form
offered at a step is the one in force on the step's date, never today's."""

from datetime import date

import pytest

from complaints.documents import DOCUMENTS, PETITION_DOCUMENTS, available
from complaints.documents.document import Form

pytestmark = pytest.mark.django_db
REPLACED = Form("Nghị định 124/2020/NĐ-CP", "Mẫu số 03", date(2020, 12, 10), date(2026, 6, 30))
REPLACING = Form("Nghị định 155/2026/NĐ-CP", "Mẫu số 03", date(2026, 7, 1))


def test_a_form_is_in_force_from_its_first_to_its_last_day():
    days = (date(2020, 12, 9), date(2020, 12, 10), date(2026, 6, 30), date(2026, 7, 1))

    assert [(REPLACED.in_force(day), REPLACING.in_force(day)) for day in days] == [
        (False, False), (True, False), (True, False), (False, True),
    ]  # fmt: skip


def test_a_step_without_a_date_has_the_form_still_in_force():
    assert (REPLACED.in_force(None), REPLACING.in_force(None)) == (False, True)


def test_a_document_that_follows_the_nearest_form_says_so_in_its_citation():
    follows = Form("Nghị định 31/2019/NĐ-CP", "Mẫu số 05", note="Không có mẫu riêng")

    assert (follows.citation, REPLACED.citation) == (
        "theo Mẫu số 05, Nghị định 31/2019/NĐ-CP", "Mẫu số 03, Nghị định 124/2020/NĐ-CP",
    )  # fmt: skip


def test_every_document_names_its_source_and_form_number():
    unnamed = [slug for slug, document in DOCUMENTS.items() if not (document.form.source and document.form.number)]

    assert unnamed == []


@pytest.mark.parametrize(
    ("accepted_on", "notice"),
    [
        (date(2026, 6, 30), "Mẫu số 03, Nghị định 124/2020/NĐ-CP"),
        (date(2026, 7, 1), "Mẫu số 03, Nghị định 155/2026/NĐ-CP"),
    ],
    ids=["accepted-30-06-2026", "accepted-01-07-2026"],
)
def test_the_notice_offered_is_on_the_form_in_force_the_day_of_acceptance_not_today(
    receive, accept, accepted_on, notice
):
    petition = receive(on=date(2026, 6, 29))
    accept(petition, accepted_on)
    petition.refresh_from_db()

    offered = [
        document.form.citation for document in available(PETITION_DOCUMENTS, petition) if "thụ lý" in document.title
    ]

    assert offered == ["Mẫu số 01, Thông tư 05/2021/TT-TTCP", notice]
