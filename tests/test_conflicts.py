"""A write the database refuses as a duplicate — another request stored the same row a moment before — is refused in
words (danvan.services.refusing_conflicts), and what the service wrote before it is undone; any other refusal of the
database stays an error."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from complaints.models import Extension
from danvan.models import Agency, Membership, Role, Staff
from danvan.services import CONFLICT, refusing_conflicts
from tests.factories import CaseFactory, staff_with_role

pytestmark = pytest.mark.django_db


@refusing_conflicts
@transaction.atomic
def _give_roles(*, staff: Staff, agency: Agency, roles: list[Role]) -> None:
    for role in roles:
        Membership.objects.create(staff=staff, agency=agency, role=role)


def test_a_duplicate_row_is_refused_as_done_by_someone_else_and_nothing_is_kept(committee_of_ia_grai):
    clerk = staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)

    with pytest.raises(ValidationError) as refused:
        _give_roles(staff=clerk, agency=committee_of_ia_grai, roles=[Role.LEADER, Role.RECEPTIONIST])

    assert refused.value.messages == [CONFLICT]
    assert list(clerk.memberships.values_list("role", flat=True)) == [Role.RECEPTIONIST]


def test_a_refusal_of_another_kind_stays_an_error(committee_of_ia_grai):
    add = refusing_conflicts(transaction.atomic(Extension.objects.create))
    case = CaseFactory(agency=committee_of_ia_grai, accepted=True)

    with pytest.raises(IntegrityError):
        add(case=case, decided_on=case.accepted_on, number="1/QĐ-GH", days=0, new_due_on=case.due_on)
