"""What the benchmarks share: Django set up with production settings, a throw-away PostgreSQL database, the units of
both eras with the standard agencies of Gia Lai, the facts of the machine printed beside each figure, a clock, and
Vietnamese names for generated people."""

import os
import platform
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from danvan.validity import REFORM

GIA_LAI, OLD_GIA_LAI = "52", "64"


def configure_environment() -> None:
    """Production settings with DEBUG off (a debug run keeps every query in memory) and a key for this run only."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    os.environ.setdefault("DANVAN_SECRET_KEY", "bench-only-key-that-is-long-enough-for-django-checks-0123456789")
    os.environ["DANVAN_DEBUG"] = "0"
    os.environ.setdefault("DANVAN_LOG_LEVEL", "WARNING")


def setup_django() -> None:
    configure_environment()
    import django

    django.setup()


def postgres_admin_url(url: str) -> tuple[str, str]:
    """The server's maintenance database URL and the name of the benchmark's database."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(
            f"DATABASE_URL names the database “{name}”: use one whose name contains “bench”, it is dropped."
        )
    return urlunsplit(parts._replace(path="/postgres", scheme="postgresql")), name


def recreate_postgres(url: str, *, drop_only: bool = False) -> None:
    import psycopg
    from psycopg import sql

    admin, name = postgres_admin_url(url)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if not drop_only:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def load_reference_data() -> tuple[int, int]:
    """Units of both eras, and the standard agencies of Gia Lai (52, current) and of the old Gia Lai (64, legacy)."""
    from django.core.management import call_command

    from danvan.models import AdminUnit
    from danvan.services import create_standard_agencies
    from danvan.unit_loader import load_admin_units

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)  # the rows of a unit's forms are kept in the cache
    load_admin_units()
    agencies = create_standard_agencies(province=AdminUnit.objects.get(code=GIA_LAI, valid_from=REFORM))
    agencies += create_standard_agencies(province=AdminUnit.objects.get(code=OLD_GIA_LAI, valid_from__isnull=True))
    return AdminUnit.objects.count(), agencies


def database_facts() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]} (file {connection.settings_dict['NAME']})"
        cursor.execute("show server_version")
        settings = connection.settings_dict
        return (
            f"PostgreSQL {cursor.fetchone()[0]} on {settings['HOST']}:{settings['PORT']} (database {settings['NAME']})"
        )


def machine_facts() -> str:
    import django

    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line)
    return (
        f"{os.cpu_count()} CPUs, {int(memory) // 1024:,} MiB RAM, {platform.platform()}; "
        f"Python {platform.python_version()}, Django {django.get_version()}"
    )


def load() -> str:
    return "load average " + " ".join(f"{value:.1f}" for value in os.getloadavg())


def cpu_seconds() -> float:
    """This process's CPU time and that of its children waited for (the import's sandboxed reader)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class Clock:
    """Wall and CPU time of this process from its creation to ``stop()``."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), cpu_seconds()

    def stop(self) -> dict[str, float]:
        return {"seconds": time.perf_counter() - self.wall, "cpu": cpu_seconds() - self.cpu}


SURNAMES = (
    ["Nguyễn"] * 8
    + ["Trần"] * 4
    + ["Lê"] * 3
    + ["Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
    + ["Rơ Mah", "Siu", "Ksor", "Rơ Châm", "Kpă", "Nay", "Đinh", "Rahlan", "Puih"]
)
MIDDLE_NAMES = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Thu", "Kim", "Công", ""]
GIVEN_NAMES = [
    *("An", "Bình", "Cường", "Dũng", "Đạt", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan"),
    *("Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn"),
    *("Vân", "Yến", "Blưk", "Hyơi", "Djuin", "Nhung", "Lực", "Thương", "Vinh", "Toàn", "Hậu", "Lợi"),
]
VILLAGES = ["Thôn", "Làng", "Tổ dân phố", "Buôn", "Plei"]
STREETS = ["Lê Lợi", "Trần Hưng Đạo", "Hùng Vương", "Phạm Văn Đồng", "Nguyễn Tất Thành", "Quang Trung", "Lý Thái Tổ"]
