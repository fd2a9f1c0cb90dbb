from django.core.management.base import BaseCommand, CommandError

from portal.demo import DEMO_PASSWORD, create_demo_accounts, publish_demo_schedules
from portal.demo_management import key_demo_management
from portal.demo_records import seed_demo_records


class Command(BaseCommand):
    help = (
        "Tạo các tài khoản dùng thử (mỗi vai trò một tài khoản ở cấp tỉnh và cấp xã) và in ra cùng mật khẩu; nhập dữ "
        "liệu dùng thử của tỉnh Gia Lai 2023–2026 qua chức năng nhập sổ và số liệu biểu 06/QLKNTC các năm 2025, 2026 "
        "(chạy lại không nhập trùng)."
    )

    def handle(self, *args, **options):
        accounts = create_demo_accounts()
        publish_demo_schedules(accounts)
        self.stdout.write(f"Tài khoản dùng thử (mật khẩu chung: {DEMO_PASSWORD}):")
        self.stdout.write(f"  {'quantri':<14} Quản trị toàn hệ thống (trang /quan-tri/)")
        for account, agency in accounts:
            self.stdout.write(f"  {account.username:<14} {account.role.label}, {agency.name}")
        outcome = seed_demo_records()
        if outcome.problems:
            first = "; ".join(str(problem) for problem in outcome.problems[:5])
            raise CommandError(f"Dữ liệu dùng thử có lỗi: {first}")
        key_demo_management()
        for sheet, count in outcome.counts.items():
            self.stdout.write(f"Dữ liệu dùng thử, sổ {sheet}: {count['new']} dòng mới, {count['existing']} dòng đã có.")
