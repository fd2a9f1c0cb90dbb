"""What a request works out about its user is worked out once per request (danvan/memo.py), and a role given shows at
the next request."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.memo import RequestMemoMiddleware, remembered
from danvan.models import Membership, Role
from danvan.permissions import memberships_of
from tests.factories import PetitionFactory, staff_with_role

pytestmark = pytest.mark.django_db


def test_within_a_request_the_roles_are_read_once(rf, committee_of_gia_lai):
    leader = staff_with_role(committee_of_gia_lai, Role.LEADER)

    def view(request):
        with CaptureQueriesContext(connection) as queries:
            memberships_of(leader)
            memberships_of(leader)
        return HttpResponse(str(len(queries)))

    assert RequestMemoMiddleware(view)(rf.get("/")).content == b"1"


def test_a_role_given_shows_at_the_next_request(client, committee_of_ia_grai, committee_of_pleiku):
    at_pleiku = PetitionFactory(agency=committee_of_pleiku)
    handler = staff_with_role(committee_of_ia_grai, Role.HANDLER)
    client.force_login(handler)
    url = reverse("complaints:petition-detail", args=[at_pleiku.pk])
    before = client.get(url).status_code

    Membership.objects.create(staff=handler, agency=committee_of_pleiku, role=Role.HANDLER)

    assert (before, client.get(url).status_code) == (404, 200)


def test_outside_a_request_nothing_is_kept():
    built = []

    for _ in range(2):
        remembered("key", lambda: built.append(1))

    assert len(built) == 2
