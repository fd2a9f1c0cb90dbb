"""The data step of migration 0007: sessions made before a session had a mode are sorted by their visits."""

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps

from reception.models import Mode, Receiver, ReceptionSession
from tests.factories import SessionFactory, VisitFactory

pytestmark = pytest.mark.django_db

sort_sessions_by_their_visits = import_module("reception.migrations.0007_session_mode").sort_sessions_by_their_visits


def head_visit(session: ReceptionSession, mode: str) -> None:
    VisitFactory(agency=session.agency, received_on=session.date, mode=mode, receiver=Receiver.HEAD, session=session)


def test_a_session_holding_only_ad_hoc_visits_becomes_ad_hoc(committee_of_gia_lai):
    session = SessionFactory(agency=committee_of_gia_lai, date=date(2025, 9, 4))
    head_visit(session, Mode.AD_HOC)

    sort_sessions_by_their_visits(apps, None)

    assert ReceptionSession.objects.get().mode == Mode.AD_HOC


def test_a_session_holding_both_kinds_hands_its_ad_hoc_visits_to_a_new_ad_hoc_session(committee_of_gia_lai):
    session = SessionFactory(agency=committee_of_gia_lai, date=date(2025, 9, 4))
    head_visit(session, Mode.PERIODIC)
    head_visit(session, Mode.AD_HOC)

    sort_sessions_by_their_visits(apps, None)

    sessions = ReceptionSession.objects.order_by("mode").values_list("date", "mode", "visits__mode")
    assert list(sessions) == [(date(2025, 9, 4), "ad_hoc", "ad_hoc"), (date(2025, 9, 4), "periodic", "periodic")]


def test_a_session_without_visits_stays_periodic(committee_of_gia_lai):
    SessionFactory(agency=committee_of_gia_lai, date=date(2025, 9, 4))

    sort_sessions_by_their_visits(apps, None)

    assert ReceptionSession.objects.get().mode == Mode.PERIODIC
