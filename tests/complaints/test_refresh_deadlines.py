"""The one-off recomputation after the upgrade: open cases resumed under the old formula get the deadline the rule
gives now, and say so on their timeline."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from complaints.services.resolution import resume_case, suspend_case
from danvan.models import Case, Classification, Role
from danvan.selectors import timeline_of
from tests.factories import member_of

pytestmark = pytest.mark.django_db


def test_a_case_resumed_under_the_old_formula_gets_the_deadline_of_the_rule(receive, accept, committee_of_old_gia_lai):
    received = receive(kind=Classification.DENUNCIATION, on=date(2025, 2, 20), agency=committee_of_old_gia_lai)
    case = accept(received, date(2025, 2, 20))
    handler = member_of(committee_of_old_gia_lai, Role.HANDLER)
    suspend_case(case=case, by=handler, on=date(2025, 3, 3), number="1/QĐ-TĐC")
    resume_case(case=case, by=handler, on=date(2025, 3, 13), number="2/QĐ-TT")
    Case.objects.filter(pk=case.pk).update(due_on=date(2025, 4, 3))  # what the old formula stored
    out = StringIO()

    call_command("refresh_deadlines", stdout=out)

    case.refresh_from_db()
    assert (case.due_on, out.getvalue().strip()) == (
        date(2025, 4, 1), "Đã tính lại 1 vụ việc; 1 vụ việc đổi hạn giải quyết.",
    )  # fmt: skip
    assert timeline_of(case).filter(kind="deadline_moved").get().label == (
        "Hạn giải quyết chuyển từ 03/04/2025 sang 01/04/2025 do tính lại thời gian tạm đình chỉ: chỉ ngày cuối cùng "
        "của thời hạn được dời khỏi ngày nghỉ"
    )
