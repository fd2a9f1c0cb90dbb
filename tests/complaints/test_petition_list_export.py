"""The petition list offers the Excel export of what it shows: the user's agencies, the list's filters."""

import pytest
from django.urls import reverse

from danvan.models import Role
from tests.factories import staff_with_role

pytestmark = pytest.mark.django_db


def test_the_petition_list_links_to_its_export_with_its_filters(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.HANDLER))

    response = client.get(reverse("complaints:petition-list"), {"kind": "complaint", "trang": "2"})

    export = reverse("complaints:petition-export")
    assert f'<a class="button" href="{export}?kind=complaint">Xuất Excel</a>' in response.content.decode()
