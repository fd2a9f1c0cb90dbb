from datetime import datetime

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from worklist.jobs import send_reminders_of


class Command(BaseCommand):
    help = "Đưa vào hàng đợi việc gửi thư nhắc việc hằng ngày (chạy lại an toàn: mỗi người nhận một thư mỗi ngày)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--on", help="ngày nhắc việc, DD/MM/YYYY (mặc định: hôm nay)")

    def handle(self, *args, **options) -> None:
        day = datetime.strptime(options["on"], "%d/%m/%Y").date() if options["on"] else timezone.localdate()
        result = send_reminders_of.enqueue(day.isoformat())
        self.stdout.write(f"Đã đưa việc nhắc việc ngày {day:%d/%m/%Y} vào hàng đợi ({result.id}).")
