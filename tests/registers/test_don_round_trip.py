"""The petition book exported, then imported into an empty database: the same petitions, cases and decisions as the
services made them, and the same complaints figures."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from complaints.figures import complaints_figures
from complaints.models import DenouncerIdentity, Handling, Outcome, Petition, Source, UnprocessableReason
from complaints.register import write_petitions
from complaints.services.handling import handle_petition
from complaints.services.resolution import complete_enforcement, decide_case, mark_hotspot
from danvan.citizens import CitizenDetails
from danvan.models import Agency, Case, Citizen, Classification, SubjectField
from registers.importer import import_workbook
from tests.complaints.conftest import accept, handler_of_ia_grai, receive  # noqa: F401 (the complaints fixtures)
from tests.factories import verified

pytestmark = pytest.mark.django_db

COMPLAINT, DENUNCIATION, RECOMMENDATION = Classification.values
DENOUNCER = CitizenDetails(full_name="Lê Văn Tố", cccd="064090001124", address="Thôn 2, xã Ia Grai", phone="0905111222")
WINDOWS = [
    (date(2025, 7, 1), date(2026, 12, 1)),
    (date(2026, 3, 15), date(2026, 6, 14)),
    (date(2026, 7, 1), date(2026, 9, 30)),
    (date(2026, 4, 2), date(2026, 4, 30)),
]
OUTSIDE = {"processable": True, "in_competence": False}
UNPROCESSABLE = {"processable": False, "in_competence": None, "reason": UnprocessableReason.UNCLEAR}


@pytest.fixture
def book(receive, accept, handler_of_ia_grai, committee_of_pleiku):  # noqa: F811 (fixtures imported above)
    """A petition book of Xã Ia Grai kept through the services: every handling, both rounds, both kinds of case, the
    amounts, a denouncer, an anonymous petition, one received across a year end."""
    by = handler_of_ia_grai

    def handle(petition, on, handling, **classification):
        handle_petition(petition=petition, by=by, on=on, handling=handling, **classification)

    def decide(case, on, outcome, **amounts):
        return decide_case(case=verified(case), by=by, issued_on=on, number="1/QĐ", outcome=outcome, **amounts)

    resolved = receive(
        on=date(2026, 3, 2), signatories=2, field=SubjectField.LAND, reference="HS-2026/015",
        details=CitizenDetails(full_name="Nguyễn Văn Khiếu", cccd="064090007777", address="Thôn 4", phone="0912345678"),
    )  # fmt: skip
    case = accept(resolved, date(2026, 3, 5), complexity=Case.Complexity.COMPLEX)
    mark_hotspot(case=case, by=by, plan="Đối thoại với các hộ dân")
    decision = decide(case, date(2026, 4, 1), Outcome.FOUNDED, money_due=Decimal("120.5"), land_due=Decimal(300))
    complete_enforcement(
        enforcement=decision.enforcement, by=by, on=date(2026, 4, 1), money_recovered=Decimal("100.25"),
        land_recovered=Decimal(300),
    )  # fmt: skip
    second = accept(receive(on=date(2026, 3, 10)), date(2026, 3, 12), round=Case.Round.SECOND)
    decide(second, date(2026, 4, 20), Outcome.OVERTURNED_FIRST)
    again = accept(receive(DENUNCIATION, on=date(2026, 3, 11), details=DENOUNCER), date(2026, 3, 11),
                   repeat_denunciation=True)  # fmt: skip
    decide(again, date(2026, 4, 2), Outcome.TERMINATED)
    accept(receive(DENUNCIATION, on=date(2026, 8, 3), details=DENOUNCER), date(2026, 8, 5))
    partly = accept(receive(on=date(2026, 7, 2), source=Source.ONLINE), date(2026, 7, 8))
    decide(partly, date(2026, 8, 1), Outcome.PARTLY_FOUNDED, money_due=Decimal(12))
    withdrawn = accept(receive(on=date(2026, 5, 4), field=SubjectField.POLICY), date(2026, 5, 6))
    decide(withdrawn, date(2026, 5, 20), Outcome.WITHDRAWN)
    accept(receive(RECOMMENDATION, on=date(2026, 6, 1)), date(2026, 6, 3))
    receive(RECOMMENDATION, on=date(2026, 9, 1), anonymous=True, details=None)
    receive(on=date(2025, 12, 30), source=Source.FORWARDED, forwarded_by=committee_of_pleiku)
    handle(receive(on=date(2026, 3, 2)), date(2026, 3, 4), Handling.FILE, **UNPROCESSABLE)
    handle(receive(on=date(2026, 3, 3)), date(2026, 3, 20), Handling.RETURN, **UNPROCESSABLE)
    handle(receive(RECOMMENDATION, on=date(2026, 6, 10)), date(2026, 6, 12), Handling.GUIDE, **OUTSIDE)
    handle(receive(on=date(2026, 6, 11), source=Source.ELECTED_BODY), date(2026, 7, 2), Handling.URGE, **OUTSIDE)
    handle(
        receive(on=date(2026, 7, 15)), date(2026, 7, 16), Handling.FORWARD, forwarded_to_name="Tòa án khu vực 5",
        letter_number="3/PC", letter_date=date(2026, 7, 16), **OUTSIDE,
    )  # fmt: skip


def exported() -> bytes:
    out = BytesIO()
    write_petitions(Petition.objects.order_by("pk"), out)
    return out.getvalue()


def sheet_rows(content: bytes) -> list[tuple]:
    return list(load_workbook(BytesIO(content))["Don"].iter_rows(values_only=True))


def records() -> list[tuple]:
    """Every petition as the services left it, with its receipt code, petitioner, case, decision and enforcement; no
    ids. Not the agency's reference: the export's Mã hồ sơ is the receipt code, which the import gives back."""
    petitions = Petition.objects.select_related("citizen", "case__citizen", "case__decision__enforcement")
    return [_record(petition) for petition in petitions.order_by("pk")]


def _record(petition: Petition) -> tuple:
    citizen, case = petition.citizen, petition.case
    decision = getattr(case, "decision", None)
    enforcement = getattr(decision, "enforcement", None)
    return (
        petition.agency_id, petition.received_on, petition.source, petition.anonymous, petition.signatories,
        petition.kind, petition.field, petition.content, petition.search_text,
        petition.handling_due_on, petition.processable, petition.in_competence, petition.handling, petition.handled_on,
        petition.receipt_code,
        citizen and (citizen.full_name, citizen.search_name, citizen.cccd, citizen.address, citizen.phone),
        case and (
            case.agency_id, case.citizen and case.citizen.cccd, case.summary, case.kind, case.field, case.opened_on,
            case.round, case.repeat_denunciation, case.disciplinary, case.complexity, case.hotspot, case.accepted_on,
            case.due_on, case.status, case.resolved_on,
        ),
        decision and (decision.issued_on, decision.outcome, decision.money_due, decision.land_due),
        enforcement and (enforcement.completed_on, enforcement.money_recovered, enforcement.land_recovered),
    )  # fmt: skip


def figures(agency: Agency) -> list[dict]:
    agencies = Agency.objects.filter(pk=agency.pk)
    return [complaints_figures(agencies=agencies, start=start, end=end) for start, end in WINDOWS]


def emptied() -> None:
    Petition.objects.all().delete()
    Case.objects.all().delete()
    Citizen.objects.all().delete()


def test_export_then_import_into_an_empty_database_gives_the_same_records_and_figures(book, committee_of_ia_grai):
    before = records()
    figures_before = figures(committee_of_ia_grai)
    content = exported()
    emptied()
    assert (figures_before[0]["recovery.state.money_recovered"], figures_before[0]["hotspots.cases"]) == (100.25, 1)

    outcome = import_workbook(BytesIO(content), by=None)

    assert (outcome.problems, outcome.counts) == (
        [],
        {"Don": {"rows": 14, "invalid": 0, "skipped": 0, "new": 14, "existing": 0}},
    )
    assert records() == before
    assert figures(committee_of_ia_grai) == figures_before
    assert sheet_rows(exported()) == sheet_rows(content)


def test_the_export_keeps_the_denouncers_hidden_so_the_import_has_none_to_vault(book):
    content = exported()
    emptied()

    import_workbook(BytesIO(content), by=None)

    assert (DenouncerIdentity.objects.count(), Petition.objects.filter(kind=DENUNCIATION, anonymous=False).count()) == (
        0,
        2,
    )


def test_importing_the_export_twice_writes_nothing_new(book):
    content = exported()
    emptied()
    import_workbook(BytesIO(content), by=None)

    again = import_workbook(BytesIO(content), by=None)

    assert (again.counts, Petition.objects.count()) == (
        {"Don": {"rows": 14, "invalid": 0, "skipped": 0, "new": 0, "existing": 14}},
        14,
    )
