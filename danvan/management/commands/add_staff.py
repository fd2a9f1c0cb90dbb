from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from danvan.management.arguments import day
from danvan.models import Agency, Role
from danvan.selectors import resolve_unit
from danvan.services import provision_staff


class Command(BaseCommand):
    help = "Tạo (hoặc cập nhật) tài khoản cán bộ và giao vai trò tại một cơ quan của đơn vị hành chính."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--unit", required=True, metavar="CODE", help="Mã đơn vị hành chính (2, 3 hoặc 5 chữ số).")
        parser.add_argument("--agency", required=True, choices=Agency.Kind.values, help="Loại cơ quan.")
        parser.add_argument("--role", required=True, choices=Role.values, help="Vai trò.")
        parser.add_argument("--password", required=True)
        parser.add_argument("--on", type=day, help="Ngày để xác định mã đơn vị (dd/mm/yyyy); mặc định hôm nay.")
        parser.add_argument("--full-name", default="", help="Họ và tên.")
        parser.add_argument("--title", default="", help="Chức vụ.")

    def handle(self, *args, username, unit, agency, role, password, on, full_name, title, **options):
        try:
            admin_unit = resolve_unit(unit, on=on or timezone.localdate())
            target = Agency.objects.filter(unit=admin_unit, kind=agency).order_by("pk").first()
            if target is None:
                raise CommandError(
                    f"{admin_unit.name} chưa có cơ quan loại “{Agency.Kind(agency).label}”: "
                    "chạy load_admin_units --agencies <mã tỉnh> trước."
                )
            staff = provision_staff(
                username=username, password=password, agency=target, role=Role(role), full_name=full_name, title=title
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"{staff.username}: {Role(role).label}, {target.name}.")
