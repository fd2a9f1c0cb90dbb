"""``manage.py clock KIND --from DD/MM/YYYY [--pause DD/MM/YYYY-DD/MM/YYYY …] [--complex] [--remote]
[--several-places] [--format text|json]``: when a statutory clock ends (complaints.clock)."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from complaints.clock import CLOCKS, due, read_day, read_pause


class Command(BaseCommand):
    help = "Tính thời hạn theo luật: ngày hết hạn (dd/mm/yyyy), quy định áp dụng và căn cứ."

    def add_arguments(self, parser):
        kinds = "; ".join(f"{name}: {clock.label}" for name, clock in CLOCKS.items())
        parser.add_argument("kind", metavar="KIND", help=f"Loại thời hạn — {kinds}.")
        parser.add_argument("--from", dest="start", required=True, metavar="DD/MM/YYYY",
                            help="Ngày bắt đầu tính (nhận đơn, thụ lý, tiếp công dân…).")  # fmt: skip
        parser.add_argument("--pause", action="append", default=[], metavar="DD/MM/YYYY-DD/MM/YYYY",
                            help="Tạm đình chỉ ngày A, tiếp tục ngày B: B − A ngày không tính.")  # fmt: skip
        parser.add_argument("--complex", action="store_true", help="Vụ việc phức tạp.")
        parser.add_argument("--remote", action="store_true", help="Vùng sâu, vùng xa đi lại khó khăn.")
        parser.add_argument("--several-places", action="store_true",
                            help="Phải kiểm tra, xác minh tại nhiều nơi hoặc ủy quyền.")  # fmt: skip
        parser.add_argument("--format", choices=("text", "json"), default="text", help="Dạng kết quả.")

    def handle(self, *args, **options):
        try:
            answer = due(
                options["kind"],
                read_day(options["start"], "start"),
                [read_pause(text) for text in options["pause"]],
                complex=options["complex"],
                remote=options["remote"],
                several_places=options["several_places"],
            )
        except ValidationError as error:
            raise CommandError(
                " ".join(message for messages in error.message_dict.values() for message in messages)
            ) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(answer.as_json(), ensure_ascii=False))
            return
        self.stdout.write(f"Hạn: {answer.due:%d/%m/%Y}")
        self.stdout.write(f"Quy định: {answer.rule}")
        self.stdout.write(f"Căn cứ: {answer.source}")
        for skipped in answer.skipped:
            self.stdout.write(f"Không tính: {skipped.day:%d/%m/%Y} — {skipped.reason}")
