"""Changes to the working-day calendar announced after the release (a swap, an extra day off): a superuser enters them,
and every app whose records carry a deadline recomputes them (``calendar_changed``)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.dispatch import Signal
from django.utils import timezone

from danvan.models import CalendarRecompute, DayOverride, Staff
from danvan.services import refusing_conflicts
from danvan.workdays import is_working_day

# Sent once a day's kind changed, with ``day``, ``by`` and ``run`` (a CalendarRecompute): a receiver recomputes its
# records' deadlines, at once or on the task queue, and adds the number that moved to ``run.moved``.
calendar_changed = Signal()
RECENT_RUNS = 5


@dataclass(frozen=True)
class CalendarChange:
    day: date
    run: CalendarRecompute

    def moved(self) -> int | None:
        """How many records' deadlines moved, or None while the job is still queued or running."""
        self.run.refresh_from_db(fields=["moved", "finished_at"])
        return self.run.moved if self.run.finished_at else None


def recent_recomputes() -> QuerySet[CalendarRecompute]:
    return CalendarRecompute.objects.select_related("requested_by")[:RECENT_RUNS]


def finish_recompute(run_id: int, *, moved: int) -> None:
    """Called by the job that recomputed the deadlines of ``run``."""
    CalendarRecompute.objects.filter(pk=run_id).update(moved=moved, finished_at=timezone.now())


def overrides_in(year: int) -> QuerySet[DayOverride]:
    return DayOverride.objects.filter(date__year=year).order_by("date")


def _ensure_superuser(by: Staff) -> None:
    if not by.is_superuser:
        raise PermissionDenied("Chỉ quản trị hệ thống được điều chỉnh lịch làm việc.")


def announce_change(day: date, *, by: Staff | None) -> CalendarChange:
    """Tells the apps that ``day`` changed kind, so that they recompute their deadlines: called by the services below,
    and by the admin and its sheet import, which write the table directly."""
    run = CalendarRecompute.objects.create(day=day, requested_by=by)
    calendar_changed.send(sender=DayOverride, day=day, by=by, run=run)
    return CalendarChange(day=day, run=run)


@refusing_conflicts
def add_day_override(*, day: date, kind: str, note: str, by: Staff) -> CalendarChange:
    """Records an announced day off or make-up working day, then has the open deadlines that cross it recomputed.

    Refused for a date already in the table and for a day that already is what it would be made."""
    _ensure_superuser(by)
    existing = DayOverride.objects.filter(date=day).first()
    if existing is not None:
        raise ValidationError(
            {"date": f"Ngày {day:%d/%m/%Y} đã có trong lịch ({existing.get_kind_display().lower()}); hãy xoá trước."}
        )
    if is_working_day(day) == (kind == DayOverride.Kind.WORKING_DAY):
        what = "ngày làm việc" if kind == DayOverride.Kind.WORKING_DAY else "ngày nghỉ"
        raise ValidationError({"kind": f"Ngày {day:%d/%m/%Y} vốn đã là {what}."})
    DayOverride.objects.create(date=day, kind=kind, note=note)
    return announce_change(day, by=by)


def remove_day_override(*, override: DayOverride, by: Staff) -> CalendarChange:
    """Removes an entered change: the day is again what the public holidays make it; deadlines are recomputed."""
    _ensure_superuser(by)
    override.delete()
    return announce_change(override.date, by=by)
