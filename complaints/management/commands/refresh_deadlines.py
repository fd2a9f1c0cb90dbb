"""``manage.py refresh_deadlines``: recomputes, once after an upgrade, the stored resolution deadlines of the open cases
that were suspended and resumed. Before issue 15 the suspended days were added after the period's end had been moved
off a day off, which put some deadlines a few days late; each case whose deadline moves says so on its timeline."""

from django.core.management.base import BaseCommand

from complaints.calendar_jobs import move_case
from complaints.models import Suspension

BECAUSE = "do tính lại thời gian tạm đình chỉ: chỉ ngày cuối cùng của thời hạn được dời khỏi ngày nghỉ"


class Command(BaseCommand):
    help = "Tính lại hạn giải quyết của các vụ việc đang giải quyết đã từng tạm đình chỉ (sau khi nâng cấp)."

    def handle(self, *args, **options):
        resumed = Suspension.objects.filter(resumed_on__isnull=False, case__resolved_on__isnull=True)
        cases = resumed.values_list("case_id", flat=True).distinct().order_by("case_id")
        moved = sum(move_case(pk, because=BECAUSE) for pk in cases)
        self.stdout.write(f"Đã tính lại {len(cases)} vụ việc; {moved} vụ việc đổi hạn giải quyết.")
