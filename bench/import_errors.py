"""Times the pages of a register import full of errors: a 100,000-row `TiepCongDan` sheet with ten errors in each row.

    .venv/bin/python bench/import_errors.py [--rows 100000] [--repeat 5]

SQLite by default (a throw-away file under /tmp); with DATABASE_URL=postgres://…/NAME the database NAME (which must
contain "bench") is dropped, created, migrated and dropped again at the end, as bench/registers.py does.

1. generates the workbook (openpyxl write-only) and checks it as the task queue does (registers.jobs.run): time, peak
   RSS of the check, and the size of what the job's row stores;
2. copies that job nine times, so that the uploader has ten such imports, as in the audit of issue 20;
3. requests, as the uploader (Django's test client), the job's page, its status part as htmx polls it, and /nhap-so/
   (the upload form and the last ten imports): median and slowest of --repeat requests each.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402 (the project root is on the path from here)
    Clock,
    database_facts,
    load,
    load_reference_data,
    machine_facts,
    recreate_postgres,
    setup_django,
)
from bench.register_book import VisitRows  # noqa: E402
from bench.register_steps import peak_kib, reset_peak  # noqa: E402

COMMUNE = "23764"  # Xã Ia Grai
IMPORTS = 10
# Ten cells each row gets wrong, each its own error: a date, a unit code, three required labels left empty, a name left
# empty, a head count, a CCCD, and two texts longer than their column.
BAD_CELLS = {
    "Ngày tiếp": "32/13/2026",
    "Mã ĐVHC": "ABC",
    "Cơ quan": "",
    "Hình thức tiếp": "",
    "Người tiếp": "",
    "Họ tên": "",
    "Số người": "nhiều",
    "Số CCCD": "12",
    "Mã kỳ tiếp": "K" * 60,
    "Địa chỉ": "Thôn 1, " * 40,
}


def write_bad_workbook(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("TiepCongDan")
    header = VisitRows.header
    sheet.append(header)
    template = [BAD_CELLS.get(column, "") for column in header]
    template[header.index("Nội dung")] = "Đề nghị cấp giấy chứng nhận quyền sử dụng đất"
    template[header.index("Phân loại")] = "Kiến nghị, phản ánh"
    for number in range(1, rows + 1):
        template[0] = number
        sheet.append(template)
    book.save(path)


def stored_bytes(job_id: int) -> int:
    from django.db import connection

    size = "octet_length(problems::text)" if connection.vendor == "postgresql" else "length(problems)"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {size} FROM danvan_registerimport WHERE id = %s", [job_id])
        return cursor.fetchone()[0]


def timed(client, url: str, repeat: int, **headers: str) -> str:
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, headers=headers)
        seconds.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return f"median {statistics.median(seconds):.3f} s, slowest {max(seconds):.3f} s, {len(response.content):,} bytes"


def run(options: argparse.Namespace, workdir: Path) -> None:
    setup_django()
    from django.core.files import File
    from django.test import Client
    from django.test.utils import override_settings

    from danvan.models import AdminUnit, Agency, Membership, Role, Staff
    from danvan.validity import REFORM
    from registers import jobs
    from registers.models import RegisterImport

    print(f"machine: {machine_facts()}; {load()}")
    print(f"database: {database_facts()}")
    load_reference_data()
    commune = AdminUnit.objects.get(code=COMMUNE, valid_from=REFORM)
    committee = Agency.objects.get(unit=commune, kind=Agency.Kind.COMMITTEE)
    leader = Staff.objects.create(username="bench-importer", first_name="Lãnh đạo")
    Membership.objects.create(staff=leader, agency=committee, role=Role.LEADER)

    path = workdir / "so-loi.xlsx"
    write_bad_workbook(path, options.rows)
    print(f"workbook: {options.rows:,} rows, {len(BAD_CELLS)} wrong cells each, {path.stat().st_size / 2**20:.1f} MiB")
    with path.open("rb") as source:
        job = RegisterImport.objects.create(
            file=File(source, name=path.name), filename=path.name, created_by=leader, status="checking"
        )
    before = reset_peak()
    clock = Clock().stop
    jobs.run(job.pk, write=False)
    spent = clock()
    job.refresh_from_db()
    total = getattr(job, "problems_total", len(job.problems))
    print(
        f"check: {spent['seconds']:.1f} s (CPU {spent['cpu']:.1f} s), peak RSS +{(peak_kib() - before) / 1024:,.0f} "
        f"MiB; {total:,} errors found, {len(job.problems):,} stored in {stored_bytes(job.pk) / 2**20:.1f} MiB; "
        f"status {job.status}"
    )
    fields = [field.name for field in RegisterImport._meta.concrete_fields if field.name not in ("id", "created_at")]
    for _ in range(IMPORTS - 1):
        RegisterImport.objects.create(**{name: getattr(job, name) for name in fields})
    print(f"{IMPORTS} such imports by the uploader; {options.repeat} requests of each page, {load()}:")
    plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    storages = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}, "staticfiles": plain_static}
    warnings.filterwarnings("ignore", "No directory at", UserWarning)  # WhiteNoise: the static files are not collected
    with override_settings(ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False, STORAGES=storages):
        client = Client()
        client.force_login(leader)
        detail = job.get_absolute_url()
        print(f"  the job's page        {timed(client, detail, options.repeat)}")
        print(f"  its status part (htmx) {timed(client, detail, options.repeat, HX_Request='true')}")
        print(f"  /nhap-so/             {timed(client, '/nhap-so/', options.repeat)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="danvan-bench-", dir="/tmp"))
    os.environ["DANVAN_MEDIA_ROOT"] = str(workdir)
    url = os.environ.get("DATABASE_URL", "")
    postgres = url.startswith(("postgres://", "postgresql://"))
    if postgres:
        recreate_postgres(url)
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    try:
        run(options, workdir)
    finally:
        from django.db import connections

        connections.close_all()
        if postgres:
            recreate_postgres(url, drop_only=True)
        for path in sorted(workdir.rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()
        workdir.rmdir()


if __name__ == "__main__":
    main()
