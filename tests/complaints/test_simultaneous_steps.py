"""Two people submit the same step of a petition or a case from their pages at the same moment: one is saved, the other
is refused with the step's message on the form they sent, and the database holds the step once (one case, one open
suspension, one decision). PostgreSQL only (tests.races)."""

import pytest
from django.urls import reverse

from complaints.models import Decision, Outcome, Suspension
from complaints.models.resolution import OPEN_SUSPENSION, PauseCause
from danvan.models import Case, Classification, Role
from tests.edit_forms import posting
from tests.factories import TYPED_ACCEPTANCE, CaseFactory, PetitionFactory, staff_with_role, verified
from tests.races import ON_POSTGRESQL, at_once, committee_of_own_province, refused, statuses

pytestmark = ON_POSTGRESQL


@pytest.fixture
def committee(db):
    return committee_of_own_province()


@pytest.fixture
def two_handlers(committee):
    return staff_with_role(committee, Role.HANDLER), staff_with_role(committee, Role.HANDLER)


@pytest.fixture
def denunciation(committee):
    """An accepted denunciation, running."""
    return CaseFactory(agency=committee, accepted=True, kind=Classification.DENUNCIATION, citizen=None)


def test_two_acceptances_of_a_petition_open_one_case(committee, two_handlers):
    petition = PetitionFactory(agency=committee)
    url = reverse("complaints:petition-handle", args=[petition.pk])
    data = TYPED_ACCEPTANCE | {"on": "05/03/2026"}

    responses = at_once(*(posting(handler, url, data) for handler in two_handlers))

    assert statuses(responses) == ["302", "400"]
    assert refused(responses, "handling_form") == ["Đơn đã được xử lý; không xử lý lại."]
    assert (Case.objects.count(), Case.objects.get().petitions.get()) == (1, petition)


def test_two_suspensions_of_a_case_leave_one_open(denunciation, two_handlers):
    url = reverse("complaints:case-suspend", args=[denunciation.pk])
    data = {"cause": PauseCause.EXAMINATION, "on": "20/03/2026", "number": "2/QĐ-TĐC", "reason": "Giám định chữ ký"}

    responses = at_once(*(posting(handler, url, data) for handler in two_handlers))

    assert statuses(responses) == ["302", "400"]
    assert refused(responses, "suspension_form") == [OPEN_SUSPENSION]
    assert Suspension.objects.filter(case=denunciation, resumed_on=None).count() == 1


def test_two_decisions_on_a_case_store_one(denunciation, two_handlers):
    verified(denunciation)
    url = reverse("complaints:case-decide", args=[denunciation.pk])
    data = {"issued_on": "20/03/2026", "number": "15/KL", "outcome": Outcome.FOUNDED, "summary": "Tố cáo đúng."}

    responses = at_once(*(posting(handler, url, data) for handler in two_handlers))

    assert statuses(responses) == ["302", "400"]
    assert refused(responses, "decision_form") == ["Vụ việc chưa được thụ lý hoặc đã giải quyết xong."]
    assert list(Decision.objects.values_list("case", "number")) == [(denunciation.pk, "15/KL")]
