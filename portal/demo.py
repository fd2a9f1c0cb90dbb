"""Demo accounts: one per role at a province and at one of its communes, for a newcomer's first look."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from danvan.models import Agency, Role, Staff
from danvan.selectors import resolve_unit
from danvan.services import provision_staff
from reception.models import ReceptionSchedule
from reception.services import publish_schedule

DEMO_PASSWORD = "danvan-demo-2026"
DEMO_PROVINCE = "52"  # Tỉnh Gia Lai since 01/07/2025
DEMO_COMMUNE = "23764"  # Xã Ia Grai, Tỉnh Gia Lai

Kind = Agency.Kind


@dataclass(frozen=True)
class DemoAccount:
    username: str
    unit_code: str
    kind: str
    role: Role
    full_name: str
    title: str


DEMO_ACCOUNTS = (
    DemoAccount(
        "tinh.tiepdan", DEMO_PROVINCE, Kind.RECEPTION_OFFICE, Role.RECEPTIONIST, "Nguyễn Thị Lan", "Chuyên viên"
    ),
    DemoAccount("tinh.xuly", DEMO_PROVINCE, Kind.RECEPTION_OFFICE, Role.HANDLER, "Trần Văn Hùng", "Chuyên viên"),
    DemoAccount("tinh.lanhdao", DEMO_PROVINCE, Kind.COMMITTEE, Role.LEADER, "Phạm Minh Đức", "Chủ tịch UBND tỉnh"),
    DemoAccount("tinh.baocao", DEMO_PROVINCE, Kind.COMMITTEE, Role.REPORTER, "Lê Thị Hoa", "Chuyên viên tổng hợp"),
    DemoAccount("tinh.quantri", DEMO_PROVINCE, Kind.COMMITTEE, Role.UNIT_ADMIN, "Võ Quốc Bảo", "Quản trị hệ thống"),
    DemoAccount("xa.tiepdan", DEMO_COMMUNE, Kind.COMMITTEE, Role.RECEPTIONIST, "Rơ Mah Thị Bơ", "Công chức tư pháp"),
    DemoAccount("xa.xuly", DEMO_COMMUNE, Kind.COMMITTEE, Role.HANDLER, "Đặng Văn Tâm", "Công chức văn phòng"),
    DemoAccount("xa.lanhdao", DEMO_COMMUNE, Kind.COMMITTEE, Role.LEADER, "Ksor Văn Y", "Chủ tịch UBND xã"),
    DemoAccount("xa.baocao", DEMO_COMMUNE, Kind.COMMITTEE, Role.REPORTER, "Hoàng Thị Mai", "Công chức văn phòng"),
    DemoAccount("xa.quantri", DEMO_COMMUNE, Kind.COMMITTEE, Role.UNIT_ADMIN, "Bùi Văn Nam", "Công chức văn phòng"),
)


@transaction.atomic
def create_demo_accounts() -> list[tuple[DemoAccount, Agency]]:
    """Creates (or resets) the demo accounts and a demo superuser ``quantri``; needs the demo province's agencies."""
    today = timezone.localdate()
    created = []
    for account in DEMO_ACCOUNTS:
        agency = Agency.objects.get(unit=resolve_unit(account.unit_code, on=today), kind=account.kind)
        provision_staff(
            username=account.username,
            password=DEMO_PASSWORD,
            agency=agency,
            role=account.role,
            full_name=account.full_name,
            title=account.title,
        )
        created.append((account, agency))
    superuser, _ = Staff.objects.get_or_create(username="quantri", defaults={"full_name": "Quản trị toàn hệ thống"})
    superuser.is_staff = superuser.is_superuser = True
    superuser.set_password(DEMO_PASSWORD)
    superuser.save()
    return created


# The heads' published reception schedules (lịch tiếp công dân), by the demo account who keeps them: what a citizen
# reads at /lich-tiep-cong-dan/ without logging in.
DEMO_SCHEDULES = {
    "tinh.lanhdao": {
        "head_name": "Phạm Minh Đức", "head_title": "Chủ tịch UBND tỉnh", "description": "Ngày 15 hằng tháng",
        "place": "Trụ sở Ban Tiếp công dân tỉnh Gia Lai", "document": "Thông báo số 12/TB-UBND",
    },
    "xa.lanhdao": {
        "head_name": "Ksor Văn Y", "head_title": "Chủ tịch UBND xã", "description": "Sáng thứ Năm hằng tuần",
        "place": "Trụ sở UBND xã Ia Grai", "document": "Thông báo số 05/TB-UBND",
    },
}  # fmt: skip
SCHEDULES_FROM = date(2025, 7, 1)  # the two-tier units' first day


def publish_demo_schedules(accounts: list[tuple[DemoAccount, Agency]]) -> None:
    """Publishes the demo heads' reception schedules once (again: nothing new)."""
    for account, agency in accounts:
        schedule = DEMO_SCHEDULES.get(account.username)
        if schedule is None or ReceptionSchedule.objects.filter(agency=agency, valid_from=SCHEDULES_FROM).exists():
            continue
        head = Staff.objects.get(username=account.username)
        publish_schedule(agency=agency, by=head, valid_from=SCHEDULES_FROM, **schedule)
