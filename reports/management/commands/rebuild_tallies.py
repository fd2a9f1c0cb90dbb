"""Counts the dashboard's half-month tally again from the visits, petitions and cases: after a bulk load that bypassed
the database triggers, or to check them."""

from django.core.management.base import BaseCommand

from reports.tallies import rebuild_tallies


class Command(BaseCommand):
    help = "Đếm lại số liệu nửa tháng của bảng điều khiển từ các lượt tiếp, đơn và vụ việc."

    def handle(self, *args, **options) -> None:
        rows = rebuild_tallies()
        self.stdout.write(f"Đã đếm lại {rows:,} dòng số liệu nửa tháng.".replace(",", "."))
