"""`python manage.py export_registers --unit CODE --from DD/MM/YYYY --to DD/MM/YYYY [--sheets TiepCongDan,Don,DoiThoai]
--out FILE.xlsx`: the workbook /xuat-so/ writes, for a unit and every unit under it (those of the earlier era that went
into them included). The code is resolved by its width and the window's last day, as a report's is.

Exits with status 1 and a message in Vietnamese on a wrong argument or a file that cannot be written.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.management.arguments import day
from danvan.selectors import resolve_unit
from registers.export import plan_for_unit, register_titles, write_registers


class Command(BaseCommand):
    help = "Xuất sổ tiếp công dân, sổ theo dõi đơn và đối thoại của một đơn vị hành chính ra tệp Excel."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help="Mã ĐVHC: 2 chữ số tỉnh, 3 huyện, 5 xã")
        parser.add_argument("--from", dest="start", required=True, type=day, help="dd/mm/yyyy")
        parser.add_argument("--to", dest="end", required=True, type=day, help="dd/mm/yyyy")
        parser.add_argument("--sheets", default=",".join(register_titles()), help="các sheet, cách nhau bởi dấu phẩy")
        parser.add_argument("--out", required=True, help="tệp .xlsx cần ghi")

    def handle(self, *args, unit: str, start: date, end: date, sheets: str, out: str, **options) -> None:
        if start > end:
            raise CommandError("Ngày kết thúc (--to) phải sau hoặc bằng ngày bắt đầu (--from).")
        chosen = [name.strip() for name in sheets.split(",") if name.strip()]
        unknown = [name for name in chosen if name not in register_titles()]
        if unknown or not chosen:
            raise CommandError(
                f"Sheet không có: {', '.join(unknown) or '(trống)'}; chỉ có thể: {', '.join(register_titles())}."
            )
        try:
            place = resolve_unit(unit, on=end)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        plan = plan_for_unit(place, start=start, end=end, registers=chosen)
        try:
            with open(out, "wb") as stream:
                counts = write_registers(plan, stream, by=None)
        except OSError as error:
            raise CommandError(f"Không ghi được tệp {out}: {error.strerror}.") from error
        for sheet, count in counts.items():
            self.stdout.write(f"{sheet}: {count} dòng")
        self.stdout.write(f"Đã ghi sổ của {place.name} vào {out}.")
