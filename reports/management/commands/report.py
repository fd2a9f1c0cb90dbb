"""`python manage.py report --unit 64 --period year --year 2024 --format json`: a report's figures as reports.md's
machine-readable contract, with the total rows of its statutory forms; `--format xlsx --out FILE` writes the forms'
workbook instead. The forms are those of the circular in force for the window unless `--forms` names a set."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.management.arguments import day
from danvan.selectors import resolve_unit
from reports.excel.workbook import statutory_workbook
from reports.forms_data import FORMS, report_json
from reports.periods import PeriodKind, window


class Command(BaseCommand):
    help = "Số liệu báo cáo của một đơn vị hành chính trong một kỳ, kèm cùng kỳ năm trước."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help="Mã ĐVHC: 2 chữ số tỉnh, 3 huyện, 5 xã")
        parser.add_argument("--period", required=True, choices=PeriodKind.values)
        parser.add_argument("--year", type=int)
        parser.add_argument("--month", type=int)
        parser.add_argument("--from", dest="start", type=day, help="dd/mm/yyyy (kỳ tùy chọn)")
        parser.add_argument("--to", dest="end", type=day, help="dd/mm/yyyy (kỳ tùy chọn)")
        parser.add_argument("--format", default="json", choices=["json", "xlsx"])
        parser.add_argument("--out", help="tệp .xlsx cần ghi (với --format xlsx)")
        parser.add_argument(
            "--forms", choices=list(FORMS), help="bộ biểu mẫu (mặc định: theo thông tư có hiệu lực vào cuối kỳ)"
        )

    def handle(self, *args, unit: str, period: str, year, month, start, end, **options) -> None:
        if options["format"] == "xlsx" and not options["out"]:
            raise CommandError("Cần --out TỆP.xlsx để ghi biểu mẫu.")
        try:
            span = window(period, year=year, month=month, start=start, end=end)
            place = resolve_unit(unit, on=span.end)
        except (ValueError, ValidationError) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from error
        if options["format"] == "xlsx":
            try:
                statutory_workbook(place, span, template=options["forms"]).save(options["out"])
            except OSError as error:
                raise CommandError(f"Không ghi được tệp {options['out']}: {error.strerror}.") from error
            self.stdout.write(f"Đã ghi biểu mẫu vào {options['out']}.")
            return
        self.stdout.write(json.dumps(report_json(place, span), ensure_ascii=False, indent=2))
