"""Where the items of a personal queue come from: one source per kind of work with a statutory or set deadline, each
reading its own app's records through their open condition. A source's queryset carries two annotations every filter
and sort of the queue uses: ``item_agency`` (the agency that must act) and ``item_due`` (the deadline, or for the notice
to a forwarding body the day its clock started, which orders the same way).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import F, Model, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse

from complaints.deadlines import DayType, Step, handling_rule, last_start_overdue, notify_deadline, resolution_rule
from complaints.models import Handling, Petition, Proposal, ProposalStatus, Suspension
from complaints.selectors import AWAITING_NOTICE, RUNNING, UNHANDLED
from complaints.steps import next_step
from danvan.clocks import Clock, clock
from danvan.models import Case, Classification
from danvan.workdays import Calendar
from dialogues.models import Directive, DirectiveStatus, Opinion, OpinionStatus
from reception.models import Visit
from reception.selectors import AWAITING_ANSWER
from worklist.kinds import Kind

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Item:
    """One thing a staff member must do: what, by when, what next, where."""

    kind: str
    pk: int
    agency_id: int
    title: str
    action: str
    url: str
    clock: Clock
    hotspot: bool = False
    subject: Model | None = field(default=None, compare=False)  # whose timeline an escalation is written on

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label

    @property
    def sort_key(self) -> tuple:
        return (self.clock.due_on, self.kind, self.pk)


class Source:
    kind: Kind
    agency = "agency"  # the path of the agency that must act
    due = ""  # the path of the deadline

    def open(self) -> QuerySet:
        raise NotImplementedError

    def rows(self) -> QuerySet:
        return self.open().annotate(item_agency=F(self.agency), item_due=F(self.due))

    def due_on(self, item_due: date, *, calendar: Calendar) -> date:
        """The deadline of a row whose ``item_due`` is given: the item's ``clock.due_on``, known before it is built."""
        return item_due

    def due_before(self, day: date) -> Q:
        """The rows whose deadline falls before ``day``."""
        return Q(item_due__lt=day)

    def due_from(self, day: date) -> Q:
        return ~self.due_before(day)

    def item(self, row, *, today: date, calendar: Calendar) -> Item:
        raise NotImplementedError


def _petition_title(petition: Petition) -> str:
    return f"Đơn {petition.receipt_code}: {petition.get_kind_display()}, nhận ngày {petition.received_on:%d/%m/%Y}"


def _case_title(case: Case) -> str:
    return f"Vụ việc VV{case.pk}: {case.summary}"


def _working(rule) -> bool:
    return rule.day_type == DayType.WORKING


class PetitionsToHandle(Source):
    kind, due = Kind.PETITION, "handling_due_on"

    def open(self) -> QuerySet:
        return Petition.objects.filter(UNHANDLED)

    def item(self, row: Petition, *, today: date, calendar: Calendar) -> Item:
        working = _working(handling_rule(kind=row.kind, received_on=row.received_on))
        action = "Xử lý ban đầu đơn tố cáo" if row.kind == Classification.DENUNCIATION else "Phân loại, xử lý đơn"
        due = clock(row.handling_due_on, working_days=working, today=today, calendar=calendar)
        return Item(
            self.kind, row.pk, row.agency_id, _petition_title(row), action, row.get_absolute_url(), due, subject=row
        )


class DenunciationsToForward(Source):
    kind, due = Kind.FORWARD, "forward_due_on"

    def open(self) -> QuerySet:
        return Petition.objects.filter(forward_due_on__isnull=False, forward_letter_date__isnull=True)

    def item(self, row: Petition, *, today: date, calendar: Calendar) -> Item:
        due = clock(row.forward_due_on, working_days=True, today=today, calendar=calendar)
        action = "Chuyển đơn tố cáo đến cơ quan có thẩm quyền, thông báo người tố cáo"
        return Item(
            self.kind, row.pk, row.agency_id, _petition_title(row), action, row.get_absolute_url(), due, subject=row
        )


class RepliesAwaited(Source):
    kind, due = Kind.REPLY, "reply_due_on"

    def open(self) -> QuerySet:
        return Petition.objects.filter(handling=Handling.FORWARD, replied_on__isnull=True, reply_due_on__isnull=False)

    def item(self, row: Petition, *, today: date, calendar: Calendar) -> Item:
        due = clock(row.reply_due_on, working_days=True, today=today, calendar=calendar)
        action = "Theo dõi, đôn đốc cơ quan nhận đơn chuyển trả lời"
        return Item(
            self.kind, row.pk, row.agency_id, _petition_title(row), action, row.get_absolute_url(), due, subject=row
        )


class NoticesToForwarders(Source):
    """The notice of the result to the body that forwarded a petition: its deadline follows the case's resolution (not
    stored), so ``item_due`` is the resolution day and a bound on the deadline becomes one on that day."""

    kind, due = Kind.NOTICE, "case__resolved_on"

    def open(self) -> QuerySet:
        return Petition.objects.filter(AWAITING_NOTICE).select_related("case")

    def due_on(self, item_due: date, *, calendar: Calendar) -> date:
        return notify_deadline(resolved_on=item_due, calendar=calendar)

    def due_before(self, day: date) -> Q:
        return Q(item_due__lte=last_start_overdue(Step.NOTIFY_FORWARDER, today=day))

    def item(self, row: Petition, *, today: date, calendar: Calendar) -> Item:
        due_on = self.due_on(row.case.resolved_on, calendar=calendar)
        due = clock(due_on, working_days=True, today=today, calendar=calendar)
        action = "Thông báo kết quả giải quyết cho cơ quan đã chuyển đơn"
        return Item(
            self.kind, row.pk, row.agency_id, _petition_title(row), action, row.get_absolute_url(), due, subject=row
        )


class AnswersAfterReception(Source):
    kind, due = Kind.ANSWER, "answer_due_on"

    def open(self) -> QuerySet:
        return Visit.objects.filter(AWAITING_ANSWER).select_related("citizen")

    def item(self, row: Visit, *, today: date, calendar: Calendar) -> Item:
        due = clock(row.answer_due_on, working_days=True, today=today, calendar=calendar)
        title = f"Lượt tiếp ngày {row.received_on:%d/%m/%Y}: {row.get_kind_display()}"
        action = "Trả lời công dân về nội dung đã tiếp nhận"
        return Item(self.kind, row.pk, row.agency_id, title, action, row.get_absolute_url(), due, subject=row)


class CasesToResolve(Source):
    kind, due = Kind.CASE, "due_on"

    def open(self) -> QuerySet:
        cases = Case.objects.filter(RUNNING, accepted_on__isnull=False)
        return cases.select_related("verification", "complaint_dialogue")

    def item(self, row: Case, *, today: date, calendar: Calendar) -> Item:
        due = clock(row.due_on, working_days=_working(resolution_rule(row)), today=today, calendar=calendar)
        url = reverse("complaints:case-detail", args=[row.pk])
        return Item(self.kind, row.pk, row.agency_id, _case_title(row), next_step(row), url, due, row.hotspot, row)


class SuspensionsToSend(Source):
    kind, agency, due = Kind.SUSPENSION, "case__agency", "send_due_on"

    def open(self) -> QuerySet:
        return Suspension.objects.filter(send_due_on__isnull=False, sent_on__isnull=True).select_related("case")

    def item(self, row: Suspension, *, today: date, calendar: Calendar) -> Item:
        due = clock(row.send_due_on, working_days=True, today=today, calendar=calendar)
        action = f"Gửi quyết định tạm đình chỉ số {row.number} cho các bên"
        url = reverse("complaints:case-detail", args=[row.case_id])
        case = row.case
        return Item(self.kind, row.pk, case.agency_id, _case_title(case), action, url, due, case.hotspot, case)


class Approvals(Source):
    """A proposal waits for the leader of its record's agency; its deadline is the record's."""

    kind = Kind.APPROVAL

    def open(self) -> QuerySet:
        return Proposal.objects.filter(status=ProposalStatus.PENDING).select_related("petition", "case", "by")

    def rows(self) -> QuerySet:
        return self.open().annotate(
            item_agency=Coalesce("petition__agency", "case__agency"),
            item_due=Coalesce("petition__handling_due_on", "case__due_on", TruncDate("submitted_at")),
        )

    def item(self, row: Proposal, *, today: date, calendar: Calendar) -> Item:
        record = row.record
        title = _petition_title(record) if row.petition_id else _case_title(record)
        working = _working(
            handling_rule(kind=record.kind, received_on=record.received_on)
            if row.petition_id
            else resolution_rule(record)
        )
        due = clock(row.item_due, working_days=working, today=today, calendar=calendar)
        action = f"Duyệt: {row.get_kind_display().lower()} của {row.by.get_full_name()}"
        url = record.get_absolute_url() if row.petition_id else reverse("complaints:case-detail", args=[row.case_id])
        return Item(self.kind, row.pk, row.item_agency, title, action, url, due, subject=record)


class Opinions(Source):
    kind, agency, due = Kind.OPINION, "assignee", "due_on"

    def open(self) -> QuerySet:
        return Opinion.objects.filter(status=OpinionStatus.ASSIGNED, due_on__isnull=False).select_related("dialogue")

    def item(self, row: Opinion, *, today: date, calendar: Calendar) -> Item:
        due = clock(row.due_on, working_days=False, today=today, calendar=calendar)
        title = f"Ý kiến tại {row.dialogue.get_kind_display().lower()} ngày {row.dialogue.date:%d/%m/%Y}: {row.content}"
        action = "Giải quyết, trả lời ý kiến được giao"
        return Item(
            self.kind,
            row.pk,
            row.assignee_id,
            title,
            action,
            row.dialogue.get_absolute_url(),
            due,
            subject=row.dialogue,
        )


class Directives(Source):
    kind, agency, due = Kind.DIRECTIVE, "owner", "due_on"

    def open(self) -> QuerySet:
        return Directive.objects.filter(status=DirectiveStatus.OPEN).select_related("dialogue")

    def item(self, row: Directive, *, today: date, calendar: Calendar) -> Item:
        due = clock(row.due_on, working_days=False, today=today, calendar=calendar)
        title = f"Kết luận, chỉ đạo sau {row.dialogue.get_kind_display().lower()} ngày {row.dialogue.date:%d/%m/%Y}"
        action = f"Thực hiện: {row.content}"
        return Item(
            self.kind, row.pk, row.owner_id, title, action, row.dialogue.get_absolute_url(), due, subject=row.dialogue
        )


# The sources of the records an agency's handlers and leaders act on; approvals are the leaders' alone.
AGENCY_SOURCES = (
    PetitionsToHandle(),
    DenunciationsToForward(),
    RepliesAwaited(),
    NoticesToForwarders(),
    AnswersAfterReception(),
    CasesToResolve(),
    SuspensionsToSend(),
    Opinions(),
    Directives(),
)
APPROVALS = Approvals()
SOURCES = {source.kind: source for source in (*AGENCY_SOURCES, APPROVALS)}
# The sources whose records a leader may assign to a handler or a department (complaints' Assignment).
ASSIGNABLE = {Kind.PETITION: "petition", Kind.CASE: "case"}
