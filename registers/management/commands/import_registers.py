"""`python manage.py import_registers FILE`: imports the register sheets of a workbook, all or nothing.

Prints every problem and exits with status 1 when a row is wrong; prints the counts per sheet on success.
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.sheets.reader import UnreadableWorkbook
from registers.importer import import_workbook


class Command(BaseCommand):
    help = "Nhập sổ tiếp công dân, sổ theo dõi đơn và đối thoại từ tệp Excel (tất cả hoặc không dòng nào)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Tệp Excel có sheet TiepCongDan, Don và/hoặc DoiThoai")
        parser.add_argument("--check", action="store_true", help="Chỉ kiểm tra, không ghi dữ liệu")

    def handle(self, *args, file: str, check: bool, **options) -> None:
        try:
            outcome = import_workbook(file, by=None, write=not check)
        except UnreadableWorkbook as error:
            raise CommandError(str(error)) from error
        for sheet, count in outcome.counts.items():
            self.stdout.write(
                f"{sheet}: {count['rows']} dòng, {count['invalid']} dòng có lỗi, {count['new']} dòng mới, "
                f"{count['existing']} dòng đã có từ trước"
            )
        if outcome.problems:
            for problem in outcome.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(outcome.problems)} lỗi: không dòng nào được nhập.")
        if outcome.written:
            self.stdout.write(self.style.SUCCESS(f"Đã nhập {outcome.new} dòng."))
        else:
            self.stdout.write("Tệp hợp lệ; chưa ghi dữ liệu (--check).")
