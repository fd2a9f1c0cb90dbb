"""Export then import into an empty database gives the same records and the same figures."""

from datetime import date
from io import BytesIO

import pytest

from danvan.models import Agency, Case, Citizen
from dialogues.figures import dialogues_figures
from dialogues.models import Dialogue, Host, Kind
from reception.figures import reception_figures
from reception.models import Mode, Receiver, ReceptionSession, Visit
from registers.export import plan_for_staff, write_registers
from registers.importer import import_workbook
from registers.models import ImportedRow
from tests.factories import (
    AgencyFactory,
    CitizenFactory,
    DialogueFactory,
    SessionFactory,
    StaffFactory,
    VisitFactory,
    legacy_unit,
)

WINDOW = {"start": date(2024, 1, 1), "end": date(2026, 12, 31)}


@pytest.fixture
def records(committee_of_ia_grai, committee_of_old_gia_lai):
    """Visits and dialogues of both eras: regular and head's visits, a case received twice, a group, dialogues and a
    voter meeting at several levels."""
    ia_grai, old_gia_lai = committee_of_ia_grai, committee_of_old_gia_lai
    district = AgencyFactory(unit=legacy_unit("622"))
    first = VisitFactory(agency=ia_grai, received_on=date(2026, 2, 3), people=6)
    VisitFactory(agency=ia_grai, received_on=date(2026, 3, 9), citizen=first.citizen, case=first.case)
    session = SessionFactory(agency=ia_grai, date=date(2026, 3, 12))
    VisitFactory(
        agency=ia_grai, mode=Mode.PERIODIC, receiver=Receiver.HEAD, session=session, citizen=CitizenFactory(cccd=None)
    )
    VisitFactory(
        agency=old_gia_lai,
        received_on=date(2024, 6, 14),
        mode=Mode.AD_HOC,
        receiver=Receiver.DELEGATE,
        session=SessionFactory(agency=old_gia_lai, date=date(2024, 6, 14), receiver=Receiver.DELEGATE),
    )
    DialogueFactory(agency=ia_grai, opinions_raised=12, opinions_answered=7)
    DialogueFactory(agency=district, date=date(2024, 9, 5), participants=300, opinions_raised=20, opinions_answered=4)
    DialogueFactory(
        agency=old_gia_lai,
        date=date(2024, 5, 5),
        kind=Kind.VOTER_MEETING,
        host=Host.COMMITTEE_CHAIR,
        reference="TXCT-01",
    )
    return [ia_grai, old_gia_lai, district]


def _figures(agencies):
    in_scope = Agency.objects.filter(pk__in=[agency.pk for agency in agencies])
    return reception_figures(agencies=in_scope, **WINDOW) | dialogues_figures(agencies=in_scope, **WINDOW)


def _visits():
    return sorted(
        Visit.objects.values_list(
            "agency",
            "received_on",
            "mode",
            "receiver",
            "citizen__full_name",
            "citizen__cccd",
            "people",
            "content",
            "kind",
            "field",
            "result",
            "receipt_code",
            "session__date",
        )
    )


def _dialogues():
    return sorted(
        Dialogue.objects.values_list(
            "agency",
            "unit",
            "date",
            "kind",
            "host",
            "topic",
            "participants",
            "opinions_raised",
            "opinions_answered",
            "code",
        )
    )


def _empty_the_database():
    Visit.objects.all().delete()
    ReceptionSession.objects.all().delete()
    Case.objects.all().delete()
    Citizen.objects.all().delete()
    Dialogue.objects.all().delete()


def test_export_then_import_into_an_empty_database_gives_the_same_records_and_figures(records):
    figures, visits, dialogues = _figures(records), _visits(), _dialogues()
    workbook = BytesIO()
    superuser = StaffFactory(is_superuser=True)
    write_registers(plan_for_staff(superuser, registers=["TiepCongDan", "DoiThoai"], **WINDOW), workbook, by=superuser)
    _empty_the_database()

    outcome = import_workbook(BytesIO(workbook.getvalue()), by=None)

    assert outcome.problems == []
    assert (_visits(), _dialogues()) == (visits, dialogues)
    assert _figures(records) == figures


def test_importing_the_exported_file_twice_changes_nothing(records):
    workbook = BytesIO()
    superuser = StaffFactory(is_superuser=True)
    write_registers(plan_for_staff(superuser, registers=["TiepCongDan", "DoiThoai"], **WINDOW), workbook, by=superuser)
    _empty_the_database()
    import_workbook(BytesIO(workbook.getvalue()), by=None)
    figures, rows = _figures(records), ImportedRow.objects.count()

    again = import_workbook(BytesIO(workbook.getvalue()), by=None)

    assert again.new == 0
    assert (_figures(records), ImportedRow.objects.count()) == (figures, rows)
