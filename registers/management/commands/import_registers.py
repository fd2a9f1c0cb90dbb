"""`python manage.py import_registers FILE [--check] [--map MAP.csv]`: imports the register sheets of a workbook, all or
nothing.

Prints the problems (the first ``KEPT_PROBLEMS``, then the count of every problem by kind) and exits with status 1
when a row is wrong; prints the counts per sheet on success. A value that
matches no catalogue value is printed once with its row count, not once per row; ``--map`` names a CSV file (columns
sheet, column, value, mapped) saying what such values stand for, or "bỏ dòng" to skip their rows.
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.sheets.reader import UnreadableWorkbook
from registers.importer import import_workbook
from registers.mappings import MapFileError, group_line, read_map_file


class Command(BaseCommand):
    help = "Nhập sổ tiếp công dân, sổ theo dõi đơn và đối thoại từ tệp Excel (tất cả hoặc không dòng nào)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Tệp Excel có sheet TiepCongDan, Don và/hoặc DoiThoai")
        parser.add_argument("--check", action="store_true", help="Chỉ kiểm tra, không ghi dữ liệu")
        parser.add_argument(
            "--map",
            metavar="MAP.csv",
            help="Tệp CSV ánh xạ giá trị không khớp danh mục: cột sheet, column, value, mapped (“bỏ dòng”: bỏ dòng)",
        )

    def handle(self, *args, file: str, check: bool, map: str | None, **options) -> None:
        try:
            choices = read_map_file(map) if map else None
            outcome = import_workbook(file, by=None, write=not check, choices=choices)
        except (UnreadableWorkbook, MapFileError) as error:
            raise CommandError(str(error)) from error
        for sheet, count in outcome.counts.items():
            self.stdout.write(
                f"{sheet}: {count['rows']} dòng, {count['invalid']} dòng có lỗi, {count['new']} dòng mới, "
                f"{count['existing']} dòng đã có từ trước, {count['skipped']} dòng bỏ qua"
            )
        for group in outcome.values:
            (self.stdout if group.applied is not None else self.stderr).write(group_line(group))
        if outcome.problems:
            for problem in outcome.problems:
                if not problem.grouped:
                    self.stderr.write(str(problem))
            if outcome.problem_count > len(outcome.problems):
                self.stderr.write(f"… chỉ in {len(outcome.problems)} lỗi đầu tiên. Số lỗi theo loại:")
                for (sheet, column, kind), count in outcome.problem_kinds.most_common():
                    self.stderr.write(f"{count} × {sheet}, cột {column}: {kind}")
            raise CommandError(f"{outcome.problem_count} lỗi: không dòng nào được nhập.")
        if outcome.written:
            self.stdout.write(self.style.SUCCESS(f"Đã nhập {outcome.new} dòng."))
        else:
            self.stdout.write("Tệp hợp lệ; chưa ghi dữ liệu (--check).")
