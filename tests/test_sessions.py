"""A request the page makes by itself (a navigation counter) leaves the session as it was; a person's request saves it,
so the idle time starts again."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from danvan.models import Role
from tests.factories import staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def earlier():
    """An expiry sooner than a saved session's, still ahead when the test runs (not when the module was imported: in a
    long run that moment had passed, the session had expired and the page sent the person to the login)."""
    return timezone.now() + timedelta(minutes=5)


@pytest.fixture
def logged_in(client, committee_of_ia_grai, earlier):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.HANDLER))
    Session.objects.update(expire_date=earlier)
    return client


def test_a_navigation_counter_does_not_keep_the_session_alive(logged_in, earlier):
    logged_in.get(reverse("worklist:unread"))

    assert Session.objects.get().expire_date == earlier


def test_a_page_the_person_opens_keeps_the_session_alive(logged_in, earlier):
    logged_in.get(reverse("home"))

    assert Session.objects.get().expire_date > earlier
