"""The daily digest: once per person and day, by e-mail (Vietnamese, plain text and HTML) unless turned off, in-app
always; escalation to the leaders on the record's timeline."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from complaints.models import Assignment
from complaints.selectors import open_assignments_to, staff_with_open_assignments
from danvan.models import AdminUnit, Event, Role
from danvan.selectors import timeline_of
from danvan.workdays import Calendar
from tests.factories import AgencyFactory, CaseFactory, PetitionFactory, staff_with_role
from worklist import reminders
from worklist.kinds import Kind
from worklist.models import Digest, ReminderChoice, ReminderPolicy
from worklist.reminders import DayRun
from worklist.selectors import queue_of, work_scope
from worklist.services import send_reminders

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 9)  # a Monday


@pytest.fixture
def handler(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.HANDLER, email="lan@ia-grai.gov.vn", full_name="Nguyễn Thị Lan")


@pytest.fixture
def petition_due_tomorrow(committee_of_ia_grai):
    return PetitionFactory(agency=committee_of_ia_grai, receipt_code="DT-NHAC-VIEC", handling_due_on=date(2026, 3, 10))


def test_running_the_command_twice_sends_one_mail_and_one_notification(handler, petition_due_tomorrow):
    call_command("send_reminders", on="09/03/2026")
    call_command("send_reminders", on="09/03/2026")

    assert (len(mail.outbox), Digest.objects.filter(staff=handler).count()) == (1, 1)


def test_the_mail_is_in_vietnamese_in_plain_text_and_html(handler, petition_due_tomorrow):
    send_reminders(on=TODAY)

    message = mail.outbox[0]
    html, kind = message.alternatives[0]
    assert (message.to, message.subject, kind) == (
        ["lan@ia-grai.gov.vn"],
        "Nhắc việc ngày 09/03/2026: 1 việc đến hạn, trong đó 0 việc quá hạn",
        "text/html",
    )
    line = "- Còn 1 ngày làm việc (hạn 10/03/2026) — Xử lý đơn: Đơn DT-NHAC-VIEC: Khiếu nại, nhận ngày 02/03/2026."
    assert (
        message.body.startswith("Kính gửi Nguyễn Thị Lan,"),
        line in message.body,
        "Kính gửi Nguyễn Thị Lan" in html,
    ) == (
        True,
        True,
        True,
    )


def test_an_item_due_beyond_the_agencys_days_is_not_reminded(handler, committee_of_ia_grai):
    ReminderPolicy.objects.create(agency=committee_of_ia_grai, due_within_days=1)
    PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 11))

    send_reminders(on=TODAY)

    assert (mail.outbox, Digest.objects.count()) == ([], 0)


def test_a_staff_member_who_turned_the_mail_off_still_gets_the_notification(handler, petition_due_tomorrow):
    ReminderChoice.objects.create(staff=handler, email=False)

    send_reminders(on=TODAY)

    assert (mail.outbox, Digest.objects.filter(staff=handler).count()) == ([], 1)


def test_opening_the_notifications_reads_them(client, handler, petition_due_tomorrow):
    send_reminders(on=TODAY)
    client.force_login(handler)

    before = client.get(reverse("worklist:unread")).content.decode().strip()
    client.get(reverse("worklist:notifications"))
    after = client.get(reverse("worklist:unread")).content.decode().strip()

    assert (before, after) == ('<span class="nav-count" id="so-thong-bao-chua-doc">1</span>', "")


def test_an_item_overdue_beyond_two_working_days_goes_to_the_leaders_digest_and_its_timeline(
    handler, committee_of_ia_grai
):
    leader = staff_with_role(committee_of_ia_grai, Role.LEADER, email="duc@ia-grai.gov.vn")
    petition = PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 4))  # 3 working days late

    send_reminders(on=TODAY)
    send_reminders(on=TODAY)

    escalated = [line["title"] for line in Digest.objects.get(staff=leader).items if line["escalated"]]
    events = [(event.kind, event.label) for event in timeline_of(petition)]
    assert (escalated, events) == (
        [f"Đơn {petition.receipt_code}: Khiếu nại, nhận ngày 02/03/2026"],
        [("escalated", f"Xử lý đơn: quá hạn 3 ngày làm việc, đã báo lãnh đạo {committee_of_ia_grai.name}")],
    )


def test_both_leaders_of_an_agency_are_told_and_the_timeline_says_it_once(handler, committee_of_ia_grai):
    leaders = [staff_with_role(committee_of_ia_grai, Role.LEADER) for _ in range(2)]
    petition = PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 4))  # 3 working days late

    send_reminders(on=TODAY)

    escalated = [
        [line["title"] for line in Digest.objects.get(staff=leader).items if line["escalated"]] for leader in leaders
    ]
    title = f"Đơn {petition.receipt_code}: Khiếu nại, nhận ngày 02/03/2026"
    assert (escalated, [event.kind for event in timeline_of(petition)]) == ([[title], [title]], ["escalated"])


def test_an_item_overdue_by_two_working_days_is_not_escalated_yet(handler, committee_of_ia_grai):
    staff_with_role(committee_of_ia_grai, Role.LEADER)
    PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 5))

    send_reminders(on=TODAY)

    assert Event.objects.filter(kind="escalated").count() == 0


def test_a_hotspot_case_overdue_goes_to_the_leader_of_the_committee_above(committee_of_ia_grai):
    province = AgencyFactory(unit=AdminUnit.objects.get(pk=committee_of_ia_grai.unit.parent_id))
    leader_above = staff_with_role(province, Role.LEADER)
    case = CaseFactory(agency=committee_of_ia_grai, accepted=True, hotspot=True, due_on=date(2026, 3, 2))

    send_reminders(on=TODAY)

    escalated = [
        (line["agency"], line["title"]) for line in Digest.objects.get(staff=leader_above).items if line["escalated"]
    ]
    assert escalated == [(province.name, f"Vụ việc VV{case.pk}: {case.summary}")]


def test_the_days_run_reads_a_leaders_queue_as_the_page_does_beyond_its_first_rows(
    monkeypatch, handler, committee_of_ia_grai, committee_of_pleiku
):
    monkeypatch.setattr(reminders, "PAGE_SIZE", 2)  # the run reads each agency's first 2 rows of each source
    leader = staff_with_role(committee_of_ia_grai, Role.LEADER)
    for day in (2, 3, 4):
        PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, day))
        CaseFactory(agency=committee_of_ia_grai, accepted=True, due_on=date(2026, 3, day + 1))
        PetitionFactory(agency=committee_of_pleiku, handling_due_on=date(2026, 3, day))
    proposed = PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 6))
    proposed.proposals.create(kind="handling", text="Đề nghị hướng dẫn", by=handler)
    scope, due_by = work_scope(leader, with_led=False), date(2026, 3, 12)

    run = DayRun(on=TODAY, calendar=Calendar()).queue(scope, due_by=due_by)
    alone = queue_of(scope, today=TODAY, due_by=due_by, size=2)

    records = {kind: count for kind, count in run.counts.items() if kind != Kind.REPORT}
    assert (records, run) == ({Kind.PETITION: 4, Kind.CASE: 3, Kind.APPROVAL: 1}, alone)


def test_the_run_knows_who_has_open_assignments_as_each_ones_own_list_does(
    handler, committee_of_ia_grai, committee_of_pleiku
):
    leader = staff_with_role(committee_of_ia_grai, Role.LEADER)
    other = staff_with_role(committee_of_pleiku, Role.HANDLER)
    petition = PetitionFactory(agency=committee_of_ia_grai)
    Assignment.objects.create(petition=petition, agency=committee_of_pleiku, by=leader, on=TODAY)
    Assignment.objects.create(petition=petition, handler=leader, by=leader, on=TODAY)
    Assignment.objects.create(petition=petition, handler=handler, by=leader, on=TODAY, done_on=TODAY)

    found = staff_with_open_assignments()

    assert (found, {member.pk for member in (handler, leader, other) if open_assignments_to(member).exists()}) == (
        {leader.pk, other.pk},
        {leader.pk, other.pk},
    )
