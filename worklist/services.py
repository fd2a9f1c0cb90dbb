"""Writes of the personal queue: the daily digest of each staff member (in-app, and by e-mail unless turned off), the
escalation of what is long overdue to the leaders, notifications read, saved filters and the e-mail choice.

A digest is written once per person and day (``Digest``'s unique constraint): its row is inserted before the e-mail
goes, so a second run or a second worker finds it, or waits for it and is refused by it, and sends nothing. A run
that dies before its transaction commits leaves no row: the next run sends that digest (at least once, never twice
after a commit).
"""

import json
from collections import defaultdict
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from danvan.models import Agency, Staff
from danvan.services import lock, record_events
from danvan.workdays import Calendar
from worklist.models import Digest, Escalation, ReminderChoice, SavedFilter
from worklist.reminders import DayRun
from worklist.selectors import WorkScope
from worklist.sources import Item

ESCALATED = "escalated"


def _line(item: Item, *, escalated: bool = False) -> dict:
    return {
        "kind": item.kind_label,
        "title": item.title,
        "action": item.action,
        "url": item.url,
        "due_on": f"{item.clock.due_on:%d/%m/%Y}",
        "label": item.clock.label,
        "state": item.clock.state,
        "escalated": escalated,
    }


def _record_escalations(agency: Agency, items: list[Item], *, on: date) -> None:
    """Writes on each item's timeline, once, that it was reported to ``agency``'s leader."""
    lock(agency)  # two workers escalating to the same agency take turns; the second finds the first's rows
    keyed = {
        (ContentType.objects.get_for_model(item.subject).pk, item.subject.pk, item.kind): item
        for item in items
        if item.subject is not None
    }
    recorded = set(
        Escalation.objects.filter(to_agency=agency, subject_id__in={key[1] for key in keyed}).values_list(
            "subject_type", "subject_id", "kind"
        )
    )
    new = {key: item for key, item in keyed.items() if key not in recorded}
    Escalation.objects.bulk_create(
        Escalation(subject_type_id=kind_of, subject_id=pk, kind=kind, to_agency=agency, on=on)
        for kind_of, pk, kind in new
    )
    steps = defaultdict(list)  # the timeline's steps of each model of record
    for item in new.values():
        steps[type(item.subject)].append((item.subject.pk, ESCALATED, _escalated_label(item, agency), on))
    for model, of_model in steps.items():
        record_events(model, of_model, by=None, changes={"to_agency": agency.pk})


def _escalated_label(item: Item, agency: Agency) -> str:
    unit = "ngày làm việc" if item.clock.working_days else "ngày"
    return f"{item.kind_label}: quá hạn {-item.clock.days_left} {unit}, đã báo lãnh đạo {agency.name}"


def digest_items(staff: Staff, *, run: DayRun) -> tuple[WorkScope, list[Item], int, list]:
    """What ``staff``'s digest of the run's day lists: their own items due within their agency's N working days or
    overdue (the first ``PAGE_SIZE``, and how many in all), and for each agency they lead the items escalated to it."""
    scope = run.scope(staff)
    mine = run.queue(scope, due_by=run.due_by(scope))
    escalated = [(agency, run.escalations_to(agency)) for agency in scope.leading]
    return scope, mine.items, mine.total, [(agency, items) for agency, items in escalated if items]


@transaction.atomic
def send_digest(*, staff: Staff, on: date, run: DayRun | None = None) -> Digest | None:
    """Writes and sends ``staff``'s digest of ``on``; None when there is nothing to remind or it was written already.
    ``run``: what the day's run already read for other staff."""
    if Digest.objects.filter(staff=staff, on=on).exists():
        return None
    run = run or DayRun(on=on, calendar=Calendar())
    _, mine, total, escalated = digest_items(staff, run=run)
    if not mine and not escalated:
        return None
    for agency, items in escalated:
        _record_escalations(agency, items, on=on)
    overdue = sum(item.clock.overdue for item in mine)
    subject = f"Nhắc việc ngày {on:%d/%m/%Y}: {total} việc đến hạn, trong đó {overdue} việc quá hạn"
    lines = [_line(item) for item in mine] + [
        _line(item, escalated=True) | {"agency": agency.name} for agency, items in escalated for item in items
    ]
    mailed = run.wants_email(staff)
    try:
        with transaction.atomic():  # mailed_at is written with the row: a mail that fails takes the row back with it
            digest = Digest.objects.create(
                staff=staff, on=on, subject=subject, items=lines, mailed_at=timezone.now() if mailed else None
            )
    except IntegrityError:
        return None  # another worker wrote it first
    if mailed:
        _mail(staff, digest, total=total, shown=len(mine), run=run)
    return digest


def _mail(staff: Staff, digest: Digest, *, total: int, shown: int, run: DayRun) -> None:
    own = [line for line in digest.items if not line["escalated"]]
    escalated = [line for line in digest.items if line["escalated"]]
    context = {
        "staff": staff,
        "digest": digest,
        "own": own,
        "escalated": escalated,
        "more": total - shown,
        "site": settings.DANVAN_SITE_URL,
    }
    for name, lines in (("own", own), ("escalated", escalated)):
        for form in ("html", "txt"):
            context[f"{name}_{form}"] = _lines(f"worklist/_digest_lines.{form}", lines, run=run)
    message = EmailMultiAlternatives(
        subject=digest.subject,
        body=render_to_string("worklist/digest_email.txt", context),
        to=[staff.email],
    )
    message.attach_alternative(render_to_string("worklist/digest_email.html", context), "text/html")
    message.send()


def _lines(template: str, lines: list[dict], *, run: DayRun) -> str:
    """``lines`` rendered by ``template``, once per run for all the e-mails that list them (the staff of one agency
    share their queue, the leaders of one agency its escalations). A file's last newline is not part of its lines."""
    key = (template, json.dumps(lines, sort_keys=True))
    if key not in run.rendered:
        context = {"lines": lines, "site": settings.DANVAN_SITE_URL}
        run.rendered[key] = mark_safe(render_to_string(template, context).removesuffix("\n"))  # escaped by the template
    return run.rendered[key]


def send_reminders(*, on: date) -> int:
    """Sends the digest of ``on`` to every staff member who has something due, in the order of their ids, skipping
    those already done: a second run, or a run after a worker died mid-way, sends only what is left."""
    run = DayRun(on=on, calendar=Calendar())
    done = Digest.objects.filter(on=on).values("staff")
    staff = Staff.objects.filter(is_active=True, memberships__isnull=False).exclude(pk__in=done).distinct()
    return sum(send_digest(staff=member, on=on, run=run) is not None for member in staff.order_by("pk"))


def mark_read(*, staff: Staff) -> int:
    """Marks ``staff``'s unread notifications read: they opened the list."""
    return Digest.objects.filter(staff=staff, read_at__isnull=True).update(read_at=timezone.now())


def choose_email(*, staff: Staff, email: bool) -> None:
    ReminderChoice.objects.update_or_create(staff=staff, defaults={"email": email})


def save_filter(*, staff: Staff, name: str, query: str) -> SavedFilter:
    saved, _ = SavedFilter.objects.update_or_create(staff=staff, name=name, defaults={"query": query})
    return saved
