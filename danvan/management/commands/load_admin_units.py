from datetime import date

from django.core.management.base import BaseCommand, CommandError

from danvan.models import AdminUnit
from danvan.services import create_standard_agencies
from danvan.unit_loader import load_admin_units


class Command(BaseCommand):
    help = "Nạp danh mục đơn vị hành chính cả hai giai đoạn (trước và từ 01/07/2025) cùng bảng chuyển đổi năm 2025."

    def add_arguments(self, parser):
        parser.add_argument(
            "--agencies",
            nargs="+",
            metavar="CODE",
            default=[],
            help="Mã tỉnh (2 chữ số): tạo các cơ quan chuẩn của tỉnh và mọi đơn vị trực thuộc, ở cả hai giai đoạn.",
        )

    def handle(self, *args, agencies: list[str], **options):
        for code in agencies:
            if not (code.isdigit() and len(code) == AdminUnit.CODE_WIDTH[AdminUnit.Level.PROVINCE]):
                raise CommandError(f"“{code}” không phải mã tỉnh (2 chữ số).")
        result = load_admin_units()
        self.stdout.write(
            f"Đơn vị hành chính: thêm {result.created}, cập nhật {result.updated}; "
            f"quan hệ chuyển đổi: thêm {result.successions_created}, "
            f"bỏ qua {result.successions_skipped} (đơn vị không có trong danh mục)."
        )
        for code in agencies:
            provinces = AdminUnit.objects.filter(level=AdminUnit.Level.PROVINCE, code=code)
            if not provinces:
                raise CommandError(f"Không có tỉnh mã “{code}” ở giai đoạn nào.")
            for province in provinces:
                created = create_standard_agencies(province=province)
                era = _era(province.valid_from)
                self.stdout.write(f"{province.name} ({era}): thêm {created} cơ quan.")


def _era(valid_from: date | None) -> str:
    return f"từ {valid_from:%d/%m/%Y}" if valid_from else "trước 01/07/2025"
