from django.core.management.base import BaseCommand

from danvan.demo import DEMO_PASSWORD, create_demo_accounts


class Command(BaseCommand):
    help = "Tạo các tài khoản dùng thử (mỗi vai trò một tài khoản ở cấp tỉnh và cấp xã) và in ra cùng mật khẩu."

    def handle(self, *args, **options):
        accounts = create_demo_accounts()
        self.stdout.write(f"Tài khoản dùng thử (mật khẩu chung: {DEMO_PASSWORD}):")
        self.stdout.write(f"  {'quantri':<14} Quản trị toàn hệ thống (trang /quan-tri/)")
        for account, agency in accounts:
            self.stdout.write(f"  {account.username:<14} {account.role.label}, {agency.name}")
