"""Times the register import and export on a generated workbook of 100,000 rows: speed and peak memory.

    .venv/bin/python bench/registers.py [--rows 100000] [--iie-rows 10000] [--sheet TiepCongDan|Don] [--tracemalloc]

SQLite by default: a throw-away database file under /tmp, migrated here. With DATABASE_URL=postgres://…/NAME the
database NAME (which must contain "bench") is dropped if it exists, created, migrated, and dropped again at the end.
Either way the database holds the units of both eras and the standard agencies of Gia Lai (code 52, since 01/07/2025)
and of the old Gia Lai (code 64, until 30/06/2025).

The workbook (openpyxl write-only, under /tmp) spreads its rows over the units and days of both eras. Each measured
step runs in a child process of its own (this script with --child), so that its peak memory is the importer's or the
exporter's, not the generator's:
1. the portal's import (registers.importer.import_workbook), then the same file again (nothing new);
2. the export of 10,000 and of all the rows (reception.register.write_visits, complaints.register.write_petitions):
   time and growth of the peak RSS; with --tracemalloc also the peak of Python's allocations (several times slower);
3. django-import-export's default path on the same rows (TiepCongDan only): a plain ModelResource for Visit, the foreign
   keys resolved beforehand and not timed, resource.import_data(dataset, dry_run=False); on --iie-rows rows,
   extrapolated linearly to --rows.
Peak memory is the kernel's high-water mark of the child's resident set (VmHWM): the whole process, Django included.
The figures are kept in bench/README.md.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402 (the project root is on the path from here)
    GIA_LAI,
    GIVEN_NAMES,
    MIDDLE_NAMES,
    OLD_GIA_LAI,
    REFORM,
    STREETS,
    SURNAMES,
    VILLAGES,
    Clock,
    database_facts,
    load,
    load_reference_data,
    machine_facts,
    recreate_postgres,
    setup_django,
)

FIRST_DAY = date(2024, 1, 1)
ONLINE_FROM = date(2026, 7, 1)  # online reception and petitions (Luật 136/2025/QH15)
TARGET_SECONDS, TARGET_MIB = 20, 300
EXPORT_RATIO = 1.2
EXPORT_SMALL = 10_000
SEED = 2026


# ---- Django and the database ------------------------------------------------------------------------------------


def prepare_database(workdir: Path) -> str:
    """Points DATABASE_URL at an empty database; returns its vendor ("sqlite" or "postgresql")."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        recreate_postgres(url)
        return "postgresql"
    if url:
        raise SystemExit("DATABASE_URL must be postgres://…; leave it unset for a throw-away SQLite file.")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    return "sqlite"


# ---- The generated workbook ------------------------------------------------------------------------------------

CONTENTS = (
    "Đề nghị cấp giấy chứng nhận quyền sử dụng đất đối với thửa đất số {n}, tờ bản đồ số {m} mà gia đình đã sử dụng ổn "
    "định từ năm {year} đến nay.",
    "Khiếu nại Quyết định số {n}/QĐ-UBND của Ủy ban nhân dân về việc thu hồi đất để thực hiện dự án đường giao thông "
    "liên xã, cho rằng mức bồi thường {money} triệu đồng là chưa thỏa đáng.",
    "Tố cáo cán bộ địa chính xã có hành vi nhũng nhiễu, gây khó khăn khi làm thủ tục tách thửa cho hộ gia đình.",
    "Phản ánh việc doanh nghiệp khai thác cát trái phép trên sông gây sạt lở đất sản xuất của {n} hộ dân trong thôn.",
    "Kiến nghị xem xét lại việc xét duyệt hộ nghèo năm {year} vì gia đình thuộc diện khó khăn nhưng không được đưa vào "
    "danh sách.",
    "Tranh chấp ranh giới đất rẫy cà phê với hộ liền kề, đề nghị chính quyền đo đạc lại và hòa giải.",
    "Đề nghị giải quyết chế độ chính sách người có công cho thân nhân liệt sĩ đã nộp hồ sơ từ năm {year}.",
    "Phản ánh trại chăn nuôi heo gây ô nhiễm môi trường, mùi hôi ảnh hưởng sinh hoạt của khu dân cư.",
    "Khiếu nại việc chậm chi trả tiền hỗ trợ tái định cư cho {n} hộ thuộc dự án hồ chứa nước.",
    "Kiến nghị sửa chữa tuyến đường bê tông nội thôn dài {m}00 m bị hư hỏng nặng sau mùa mưa.",
    "Tố cáo việc chiếm đất rừng phòng hộ để trồng cây cao su, diện tích khoảng {m} ha.",
    "Đề nghị hướng dẫn thủ tục đăng ký khai sinh quá hạn cho con và cấp lại căn cước công dân bị mất.",
    "Phản ánh việc cấp nước sinh hoạt không ổn định, nhiều ngày mất nước trong mùa khô năm {year}.",
    "Khiếu nại Quyết định xử phạt vi phạm hành chính số {n}/QĐ-XPHC trong lĩnh vực xây dựng nhà ở.",
)
NOTES = ["", "", "", "", "Đã hướng dẫn công dân", "Công dân đến lần thứ hai", "Có đơn kèm theo", "Đoàn đông người"]
COMPLAINT, DENUNCIATION, RECOMMENDATION = "Khiếu nại", "Tố cáo", "Kiến nghị, phản ánh"


@dataclass(frozen=True)
class Place:
    """A unit with agencies that receive: its code, the labels of its agencies' kinds, its name and level."""

    code: str
    kinds: tuple[str, ...]
    name: str
    level: str


def load_places() -> dict[bool, list[Place]]:
    """The receiving units of each era (True: since the reform) with the agencies the database holds."""
    from danvan.models import AdminUnit, Agency
    from danvan.selectors import units_under
    from danvan.sheets.vocabulary import AGENCY_KINDS

    kinds: dict[int, list[str]] = {}
    for unit, kind in Agency.objects.filter(kind__in=list(AGENCY_KINDS)).values_list("unit", "kind"):
        kinds.setdefault(unit, []).append(AGENCY_KINDS[kind])
    provinces = {
        True: AdminUnit.objects.get(code=GIA_LAI, valid_from=REFORM),
        False: AdminUnit.objects.get(code=OLD_GIA_LAI, valid_from__isnull=True),
    }
    return {
        current: [
            Place(unit.code, tuple(sorted(kinds[unit.pk])), unit.name, unit.level)
            for unit in units_under(province).order_by("code")
            if unit.pk in kinds
        ]
        for current, province in provinces.items()
    }


class Rows:
    """Realistic rows of a register: people who come back, both eras' codes, dates typed as text or as Excel dates."""

    title = ""
    header: list[str] = []

    def __init__(self, places: dict[bool, list[Place]], rows: int) -> None:
        self.random = random.Random(SEED)
        self.places = places
        self.levels = {era: self._levels(units) for era, units in places.items()}
        self.last_day = date.today() - timedelta(days=1)
        self.days = (self.last_day - FIRST_DAY).days + 1
        self.people = [self._person() for _ in range(max(rows // 2, 10))]
        self.serial = 0

    def rows(self, count: int) -> Iterator[list[Any]]:
        raise NotImplementedError

    @staticmethod
    def _levels(units: list[Place]) -> list[tuple[list[Place], float]]:
        levels: dict[str, list[Place]] = {}
        for unit in units:
            levels.setdefault(unit.level, []).append(unit)
        weights = {"commune": 0.75, "district": 0.15, "province": 0.10}
        return [(levels[level], weights[level]) for level in levels]

    def _person(self) -> tuple[str, str, str, str, str]:
        """(name, gender, CCCD or "", phone or "", address)."""
        pick, chance = self.random.choice, self.random.random
        female = chance() < 0.45
        middle = "Thị" if female and chance() < 0.7 else pick(MIDDLE_NAMES)
        name = " ".join(part for part in (pick(SURNAMES), middle, pick(GIVEN_NAMES)) if part)
        cccd = ""
        if chance() < 0.7:
            born = self.random.randrange(60, 100)
            cccd = f"{pick(('064', '052'))}{int(female)}{born:02d}{self.random.randrange(10**6):06d}"
        phone = f"0{pick('3579')}{self.random.randrange(10**8):08d}" if chance() < 0.6 else ""
        commune = pick(self.places[chance() < 0.5])
        if chance() < 0.3:
            address = f"{self.random.randrange(1, 300)} {pick(STREETS)}, {commune.name}, tỉnh Gia Lai"
        else:
            address = f"{pick(VILLAGES)} {self.random.randrange(1, 15)}, {commune.name}, tỉnh Gia Lai"
        return name, "Nữ" if female else "Nam", cccd, phone, address

    def _day(self) -> date:
        return FIRST_DAY + timedelta(days=self.random.randrange(self.days))

    def _later(self, on: date, low: int, high: int) -> date:
        return min(on + timedelta(days=self.random.randrange(low, high)), self.last_day)

    def _place(self, on: date) -> Place:
        levels = self.levels[on >= REFORM]
        units = self.random.choices([units for units, _ in levels], [weight for _, weight in levels])[0]
        return self.random.choice(units)

    def _content(self, on: date) -> str:
        values = {"n": self.random.randrange(1, 900), "m": self.random.randrange(1, 60), "year": on.year - 3}
        values["money"] = self.random.randrange(50, 2000)
        return self.random.choice(CONTENTS).format(**values)

    def _date_cell(self, on: date | None) -> Any:
        """As agencies type them: mostly dd/mm/yyyy text, some real Excel dates."""
        if on is None:
            return None
        return on.strftime("%d/%m/%Y") if self.random.random() < 0.6 else on

    def _code_cell(self, place: Place) -> Any:
        """Codes as text; now and then a commune's code typed as a number (valid: it keeps its width)."""
        return int(place.code) if place.level == "commune" and self.random.random() < 0.05 else place.code

    def _cccd_cell(self, cccd: str) -> Any:
        """Now and then a CCCD typed as a number, its leading zero lost."""
        return int(cccd) if cccd and self.random.random() < 0.1 else cccd

    def _person_pick(self) -> tuple[str, str, str, str, str]:
        """Some people come again and again: a skewed pick in the pool."""
        return self.people[int(len(self.people) * self.random.random() ** 1.6)]

    def _reference(self, on: date, prefix: str) -> str:
        self.serial += 1
        return f"{on.year}/{prefix}-{self.serial:06d}" if self.random.random() < 0.6 else ""

    def _kind(self) -> str:
        draw = self.random.random()
        return RECOMMENDATION if draw < 0.6 else COMPLAINT if draw < 0.9 else DENUNCIATION


class VisitRows(Rows):
    """Rows of the `TiepCongDan` sheet with the 17 columns of registers.md and three an agency adds: 20 in all.
    15% are heads' receptions (periodic on the 15th, or ad hoc), a quarter carry a Mã vụ việc shared with others."""

    title = "SỔ TIẾP CÔNG DÂN"
    header = [
        *("STT", "Ngày tiếp", "Mã ĐVHC", "Cơ quan", "Hình thức tiếp", "Người tiếp", "Mã kỳ tiếp", "Họ tên"),
        *("Giới tính", "Số CCCD", "Điện thoại", "Địa chỉ", "Số người", "Nội dung", "Phân loại", "Lĩnh vực"),
        *("Mã vụ việc", "Kết quả tiếp", "Mã hồ sơ", "Ghi chú"),
    ]

    def rows(self, count: int) -> Iterator[list[Any]]:
        from danvan.sheets.vocabulary import FIELDS
        from reception.register import RESULTS

        fields, results = list(FIELDS.values()), list(RESULTS.values())
        pick, chance = self.random.choice, self.random.random
        for number in range(1, count + 1):
            on = self._day()
            place = self._place(on)
            session = ""
            if chance() < 0.15:
                periodic = chance() < 0.75
                if periodic and on.replace(day=15) <= self.last_day:
                    on = on.replace(day=15)
                mode = "Định kỳ" if periodic else "Đột xuất"
                receiver = "Thủ trưởng" if chance() < 0.7 else "Ủy quyền"
                if chance() < 0.5:
                    session = f"KT{on:%y%m%d}-{place.code}"
            else:
                mode, receiver = "Thường xuyên", "Cán bộ tiếp công dân"
            name, gender, cccd, phone, address = self._person_pick()
            draw = chance()
            people = 1 if draw < 0.85 else self.random.randrange(2, 5) if draw < 0.95 else self.random.randrange(5, 40)
            yield [
                *(number, self._date_cell(on), self._code_cell(place), pick(place.kinds), mode, receiver, session),
                *(name, gender, self._cccd_cell(cccd), phone, address, people, self._content(on), self._kind()),
                pick(fields) if chance() < 0.85 else "",
                f"VV{on.year}-{self.random.randrange(12_000):05d}" if chance() < 0.25 else "",
                pick(results) if chance() < 0.8 else "",
                self._reference(on, "TCD"),
                pick(NOTES),
            ]


class PetitionRows(Rows):
    """Rows of the `Don` sheet (its 28 columns): 85% handled, half the processable ones in competence and accepted as
    cases, most accepted complaints and denunciations resolved, some with amounts to recover."""

    title = "SỔ THEO DÕI ĐƠN"

    def __init__(self, places: dict[bool, list[Place]], rows: int) -> None:
        from complaints.register import HEADERS

        super().__init__(places, rows)
        self.header = list(HEADERS)

    def rows(self, count: int) -> Iterator[list[Any]]:
        from danvan.sheets.vocabulary import FIELDS

        fields = list(FIELDS.values())
        pick, chance = self.random.choice, self.random.random
        for number in range(1, count + 1):
            on = self._day()
            place = self._place(on)
            kind = self._kind()
            sources = ["Trực tiếp", "Bưu chính", "Cơ quan khác chuyển đến", "ĐBQH, HĐND chuyển đến"]
            sources += ["Trực tuyến"] if on >= ONLINE_FROM else []
            name, _, cccd, phone, address = self._person_pick()
            anonymous = kind != COMPLAINT and chance() < 0.03
            cells = {
                "STT": number,
                "Ngày nhận": self._date_cell(on),
                "Mã ĐVHC": self._code_cell(place),
                "Cơ quan": pick(place.kinds),
                "Nguồn đơn": self.random.choices(sources, [35, 30, 20, 10, 5][: len(sources)])[0],
                "Số người đứng tên": 1 if chance() < 0.95 else self.random.randrange(2, 20),
                "Loại đơn": kind,
                "Lĩnh vực": pick(fields) if chance() < 0.85 else "",
                "Nội dung": self._content(on),
                "Mã hồ sơ": self._reference(on, "DON"),
            }
            if not anonymous:
                cells |= {"Người đứng đơn": name, "Số CCCD": self._cccd_cell(cccd), "Địa chỉ": address}
                cells |= {"Điện thoại": phone}
            cells |= self._handling(on, kind, anonymous)
            yield [cells.get(column, "") for column in self.header]

    def _handling(self, on: date, kind: str, anonymous: bool) -> dict[str, Any]:
        pick, chance = self.random.choice, self.random.random
        processable = chance() < 0.8
        competent = processable and chance() < 0.5 and not anonymous  # an anonymous petition is never accepted
        cells = {
            "Đủ điều kiện xử lý": "Có" if processable else "Không",
            "Thẩm quyền": "" if not processable else "Thuộc thẩm quyền" if competent else "Không thuộc thẩm quyền",
        }
        if chance() < 0.15:
            return cells  # not handled yet
        handled = self._later(on, 0, 10)
        cells["Ngày xử lý"] = self._date_cell(handled)
        if not processable:
            return cells | {"Hướng xử lý": pick(("Lưu đơn", "Trả lại", "Hướng dẫn"))}
        if not competent:
            return cells | {"Hướng xử lý": pick(("Hướng dẫn", "Chuyển đơn", "Đôn đốc"))}
        if kind == RECOMMENDATION:  # considered and answered, never accepted (complaints.rules)
            return cells | {"Hướng xử lý": "Xem xét, trả lời", "Trạng thái giải quyết": "Đang giải quyết"}
        cells["Hướng xử lý"] = "Thụ lý"
        second = kind == COMPLAINT and chance() < 0.2
        cells |= {
            "Lần giải quyết": "Lần hai" if second else "Tố cáo tiếp" if kind == DENUNCIATION and chance() < 0.1 else "",
            "Phức tạp": "Có" if chance() < 0.1 else "",
            "Đông người, kéo dài": "Có" if chance() < 0.03 else "",
        }
        if chance() < 0.3 or handled + timedelta(days=10) > self.last_day:
            return cells | {"Trạng thái giải quyết": "Đang giải quyết"}
        if second:
            outcome = pick(("Công nhận quyết định lần đầu", "Hủy, sửa quyết định lần đầu", "Rút đơn"))
        else:
            outcome = pick(("Đúng", "Sai", "Đúng một phần", "Sai", "Rút đơn", "Đình chỉ"))
        cells |= {"Trạng thái giải quyết": "Đã giải quyết", "Kết quả giải quyết": outcome}
        cells["Ngày giải quyết"] = self._date_cell(self._later(handled, 10, 90))
        if outcome in ("Đúng", "Đúng một phần") and chance() < 0.4:
            money = round(self.random.uniform(1, 900), 3)
            cells |= {"Thu hồi tiền (triệu đồng)": money, "Thu hồi đất (m²)": round(self.random.uniform(10, 5000), 1)}
            if chance() < 0.5:
                cells["Đã thu tiền (triệu đồng)"] = round(money * self.random.uniform(0.2, 1), 3)
        return cells


@dataclass(frozen=True)
class Register:
    """A register the benchmark can generate: its rows, what its rows become, how the portal exports them."""

    rows: type[Rows]
    model: str
    noun: str
    export: str


REGISTERS = {
    "TiepCongDan": Register(VisitRows, "reception.Visit", "visits", "reception.register.write_visits"),
    "Don": Register(PetitionRows, "complaints.Petition", "petitions", "complaints.register.write_petitions"),
}


def write_workbook(path: Path, sheet: str, rows: int, places: dict[bool, list[Place]]) -> int:
    """Streams the generated sheet into ``path`` (openpyxl write-only), titles above the header as agencies keep
    them; returns its number of columns."""
    from openpyxl import Workbook

    generator = REGISTERS[sheet].rows(places, rows)
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    worksheet.append([generator.title])
    worksheet.append([f"Từ ngày {FIRST_DAY:%d/%m/%Y} đến ngày {generator.last_day:%d/%m/%Y}"])
    worksheet.append([])
    worksheet.append(generator.header)
    for row in generator.rows(rows):
        worksheet.append([None if cell == "" else cell for cell in row])
    workbook.save(path)
    return len(generator.header)


# ---- The measured steps, each in a child process --------------------------------------------------------------


def peak_kib() -> int:
    """The peak resident set of this process (VmHWM). Not ru_maxrss: Linux carries that over fork and exec, so a
    child's would start at the size of the parent that generated the workbook."""
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))


def reset_peak() -> int:
    """Lowers the peak to the present resident set (Linux ≥ 4.0), to measure what a step adds; returns it in KiB."""
    Path("/proc/self/clear_refs").write_text("5")
    return peak_kib()


def child_import(options: argparse.Namespace) -> dict[str, Any]:
    from registers.importer import import_workbook

    start_kib = peak_kib()
    clock = Clock()
    if options.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        outcome = profiler.runcall(import_workbook, str(options.file), by=None)
        profiler.dump_stats(options.file.with_name("import.prof"))
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
    else:
        outcome = import_workbook(str(options.file), by=None)
    return clock.stop() | {
        "peak_kib": peak_kib(),
        "start_kib": start_kib,
        "counts": outcome.counts,
        "problems": len(outcome.problems),
        "first_problems": [str(problem) for problem in outcome.problems[:5]],
        "written": outcome.written,
    }


def child_export(options: argparse.Namespace) -> dict[str, Any]:
    from django.apps import apps
    from django.utils.module_loading import import_string

    register = REGISTERS[options.sheet]
    model = apps.get_model(register.model)
    records = model.objects.all()
    if options.size:
        last = model.objects.order_by("pk").values_list("pk", flat=True)[options.size - 1]
        records = records.filter(pk__lte=last)
    write = import_string(register.export)
    out = options.file.with_name(f"export-{options.size or 'all'}.xlsx")
    start_kib = reset_peak()
    if options.tracemalloc:
        tracemalloc.start()
    clock = Clock()
    with out.open("wb") as stream:
        count = write(records, stream)
    timed = clock.stop()
    return timed | {
        "rows": count,
        "peak_kib": peak_kib(),
        "start_kib": start_kib,
        "traced_peak": tracemalloc.get_traced_memory()[1] if options.tracemalloc else None,
        "bytes": out.stat().st_size,
    }


def child_calamine(options: argparse.Namespace) -> dict[str, Any]:
    """The floor of reading: python-calamine alone parses the sheet and hands over every row, nothing checked."""
    from python_calamine import CalamineWorkbook

    start_kib = peak_kib()
    clock = Clock()
    sheet = CalamineWorkbook.from_path(str(options.file)).get_sheet_by_name(options.sheet)
    rows = sum(1 for _ in sheet.iter_rows())
    return clock.stop() | {"rows": rows, "peak_kib": peak_kib(), "start_kib": start_kib}


def child_xlsxwriter(options: argparse.Namespace) -> dict[str, Any]:
    """The floor of writing: XlsxWriter in constant-memory mode writes the cells of the portal's export (read back
    with calamine beforehand, not timed), each column with the portal's cell format, nothing else."""
    from python_calamine import CalamineWorkbook
    from xlsxwriter import Workbook

    grid = CalamineWorkbook.from_path(str(options.file)).get_sheet_by_name(options.sheet).to_python()
    out = options.file.with_name("xlsxwriter.xlsx")
    start_kib = reset_peak()
    clock = Clock()
    workbook = Workbook(str(out), {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    sheet = workbook.add_worksheet(options.sheet)
    text = workbook.add_format({"num_format": "@", "text_wrap": True, "border": 1})
    day = workbook.add_format({"num_format": "dd/mm/yyyy", "border": 1})
    for number, cells in enumerate(grid):
        for position, value in enumerate(cells):
            if isinstance(value, date):
                sheet.write_datetime(number, position, value, day)
            elif isinstance(value, str):
                sheet.write_string(number, position, value, text)
            else:
                sheet.write_number(number, position, value, text)
    workbook.close()
    timed = clock.stop()
    return timed | {"rows": len(grid), "peak_kib": peak_kib(), "start_kib": start_kib, "bytes": out.stat().st_size}


def child_import_export(options: argparse.Namespace) -> dict[str, Any]:
    """django-import-export's default path: a plain ModelResource, one Dataset, import_data(dry_run=False).

    What the library cannot do by itself is done beforehand and not timed: the rows read, their labels turned into
    stored values and their codes into agency ids (by the portal's own row reader), their citizens found (the portal's
    import created them). Visits created this way have no session and no case.
    """
    import tablib
    from import_export import resources

    from danvan.models import Citizen
    from danvan.sheets.lookups import Lookups
    from danvan.sheets.reader import open_workbook, read_sheet
    from danvan.sheets.registry import Context
    from danvan.sheets.rows import Layout, Row
    from reception.importer import VISITS
    from reception.models import Visit

    class VisitResource(resources.ModelResource):
        class Meta:
            model = Visit
            fields = (
                *("id", "agency", "received_on", "mode", "receiver", "citizen", "people", "content"),
                *("kind", "field", "result", "reference"),
            )

    clock = Clock()
    context = Context(Lookups(), None, None)
    found = read_sheet(open_workbook(str(options.file)).get_sheet_by_name(VISITS.name))
    layout = Layout(VISITS.name, found.header_row, found.columns, VISITS.headers)
    problems: list = []
    by_number = dict(Citizen.objects.filter(cccd__isnull=False).values_list("cccd", "pk"))
    by_name = {(name, address): pk for name, address, pk in Citizen.objects.values_list("full_name", "address", "pk")}
    dataset = tablib.Dataset(headers=list(VisitResource.Meta.fields))
    for _, cells in found.rows:
        record = VISITS.parse(Row(layout, 0, cells, problems), context)
        citizen = by_number[record.cccd] if record.cccd else by_name[record.name, record.address]
        dataset.append(
            [
                *(None, record.agency, record.date, record.mode, record.receiver, citizen, record.people),
                *(record.content, record.kind, record.field, record.result, record.reference),
            ]
        )
        if len(dataset) == options.size:
            break
    prepared = clock.stop()["seconds"]
    del found, by_number, by_name
    before = Visit.objects.count()
    start_kib = reset_peak()
    clock = Clock()
    result = VisitResource().import_data(dataset, dry_run=False)
    return clock.stop() | {
        "prepared_seconds": prepared,
        "rows": len(dataset),
        "created": Visit.objects.count() - before,
        "first_error": _first_error(result),
        "peak_kib": peak_kib(),
        "start_kib": start_kib,
    }


def _first_error(result: Any) -> str:
    if result.base_errors:
        return repr(result.base_errors[0].error)
    for row in result.rows:
        if row.errors:
            return repr(row.errors[0].error)
        if row.validation_error is not None:
            return repr(row.validation_error)
    return ""


CHILDREN: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "import": child_import,
    "export": child_export,
    "iie": child_import_export,
    "calamine": child_calamine,
    "xlsxwriter": child_xlsxwriter,
}


def run_child(step: str, options: argparse.Namespace, file: Path, *arguments: str) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", step, "--sheet", options.sheet, "--file", str(file), *arguments]
    finished = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if finished.returncode:
        raise SystemExit(f"the {step} step failed (exit {finished.returncode}): {finished.stdout[-2000:]}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


# ---- The run --------------------------------------------------------------------------------------------------


def mib(kib: float) -> str:
    return f"{kib / 1024:,.0f} MiB"


def times(step: dict[str, Any]) -> str:
    return f"{step['seconds']:.1f} s (CPU {step['cpu']:.1f} s)"


def report(line: str = "") -> None:
    print(line, flush=True)


def benchmark(options: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="danvan-bench-", dir="/tmp"))
    vendor = prepare_database(workdir)
    try:
        run(options, workdir)
    finally:
        from django.db import connections

        connections.close_all()
        if options.keep:
            report(f"kept: {workdir}" + (", and the database" if vendor == "postgresql" else ""))
        else:
            if vendor == "postgresql":
                recreate_postgres(os.environ["DATABASE_URL"], drop_only=True)
            for path in sorted(workdir.iterdir()):
                path.unlink()
            workdir.rmdir()


def run(options: argparse.Namespace, workdir: Path) -> None:
    setup_django()
    from django.apps import apps
    from django.db import connections

    register = REGISTERS[options.sheet]
    model = apps.get_model(register.model)
    report(f"danvan register benchmark, {datetime.now():%Y-%m-%d %H:%M}")
    report(f"machine: {machine_facts()}; {load()}")
    report(f"database: {database_facts()}")
    clock = Clock()
    units, agencies = load_reference_data()
    report(f"setup: migrated, {units:,} units of both eras, {agencies:,} agencies, in {clock.stop()['seconds']:.1f} s")

    path = workdir / "registers.xlsx"
    clock = Clock()
    columns = write_workbook(path, options.sheet, options.rows, load_places())
    report(
        f"workbook: sheet {options.sheet}, {options.rows:,} rows × {columns} columns, "
        f"{path.stat().st_size / 2**20:.1f} MiB, generated in {clock.stop()['seconds']:.1f} s"
    )
    connections.close_all()

    report()
    first = run_child("import", options, path, *(("--profile",) if options.profile else ()))
    counts = first["counts"].get(options.sheet, {})
    landed = model.objects.count()
    connections.close_all()
    report(
        f"import (portal: python-calamine, checks, bulk writes): {counts.get('rows', 0):,} rows in {times(first)} "
        f"= {counts.get('rows', 0) / first['seconds']:,.0f} rows/s; peak RSS {mib(first['peak_kib'])} "
        f"({mib(first['start_kib'])} of it before the import); {load()}"
    )
    if first["problems"]:
        report(f"  {first['problems']:,} problems, nothing written; first: {first['first_problems']}")
    met = first["seconds"] <= TARGET_SECONDS and first["peak_kib"] / 1024 <= TARGET_MIB
    everything = landed == options.rows == counts.get("new")
    report(
        f"  {landed:,} {register.noun} in the database for {options.rows:,} rows: {'all' if everything else 'NOT ALL'}"
        f" landed; target ≤ {TARGET_SECONDS} s and ≤ {TARGET_MIB} MiB: {'met' if met else 'MISSED'}"
    )
    again = run_child("import", options, path)
    counts = again["counts"].get(options.sheet, {})
    report(
        f"re-import of the same file: {counts.get('new', 0):,} new of {counts.get('rows', 0):,} rows in "
        f"{times(again)}; peak RSS {mib(again['peak_kib'])}"
    )

    bare = run_child("calamine", options, path)
    report(
        f"  floor: python-calamine's bare read of the same sheet, {bare['rows']:,} rows in {times(bare)}, peak RSS "
        f"{mib(bare['peak_kib'])}; import / bare read: {first['seconds'] / bare['seconds']:.1f}×"
    )

    if not options.no_export:
        report()
        for size in dict.fromkeys((min(EXPORT_SMALL, landed), 0)):
            extra = ("--tracemalloc",) if options.tracemalloc else ()
            timed = run_child("export", options, path, "--size", str(size))
            line = (
                f"export of {timed['rows']:,} {register.noun} ({register.export.rsplit('.', 1)[1]}, XlsxWriter "
                f"constant memory): {times(timed)}, {timed['bytes'] / 2**20:.1f} MiB file; peak RSS "
                f"+{mib(timed['peak_kib'] - timed['start_kib'])} over {mib(timed['start_kib'])}"
            )
            if extra:
                traced = run_child("export", options, path, "--size", str(size), *extra)
                line += f"; tracemalloc peak {traced['traced_peak'] / 2**20:.1f} MiB ({traced['seconds']:.0f} s traced)"
            report(line)
        floor = run_child("xlsxwriter", options, path.with_name("export-all.xlsx"))
        ratio = timed["seconds"] / floor["seconds"]
        report(
            f"  floor: XlsxWriter constant memory writing the same {floor['rows']:,} rows' cells: {times(floor)}, "
            f"{floor['bytes'] / 2**20:.1f} MiB file; peak RSS +{mib(floor['peak_kib'] - floor['start_kib'])}; "
            f"export / floor: {ratio:.2f}× (CPU {timed['cpu'] / floor['cpu']:.2f}×); target ≤ {EXPORT_RATIO}×: "
            f"{'met' if ratio <= EXPORT_RATIO else 'MISSED'}"
        )

    if options.iie_rows and options.sheet == "TiepCongDan":
        report()
        library = run_child("iie", options, path, "--size", str(min(options.iie_rows, options.rows)))
        whole = library["seconds"] * options.rows / library["rows"]
        report(
            f"django-import-export, ModelResource.import_data(dry_run=False): {library['rows']:,} rows in "
            f"{times(library)} = {library['rows'] / library['seconds']:,.0f} rows/s; {library['created']:,} visits "
            f"created; errors: {library['first_error'] or 'none'}; peak RSS "
            f"+{mib(library['peak_kib'] - library['start_kib'])} over {mib(library['start_kib'])}; rows prepared "
            f"beforehand in {library['prepared_seconds']:.1f} s (not timed)"
        )
        if library["rows"] < options.rows:
            report(f"  extrapolated linearly to {options.rows:,} rows: {whole:,.0f} s (not measured)")
        report(
            f"  {options.rows:,} rows: portal {first['seconds']:.1f} s, django-import-export {whole:,.0f} s; "
            f"ratio {whole / first['seconds']:.1f}×"
        )
    elif options.iie_rows:
        report("\ndjango-import-export: compared on TiepCongDan only")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the generated workbook")
    parser.add_argument(
        "--iie-rows", type=int, default=10_000, help="rows given to django-import-export (0: skip); extrapolated"
    )
    parser.add_argument("--sheet", choices=sorted(REGISTERS), default="TiepCongDan", help="the register to generate")
    parser.add_argument("--no-export", action="store_true", help="skip the export timings")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace the exports' allocations (slow)")
    parser.add_argument("--keep", action="store_true", help="keep the workbook, the exports and the database")
    parser.add_argument("--profile", action="store_true", help="profile the import with cProfile (slower)")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        setup_django()
        print(json.dumps(CHILDREN[options.child](options), default=str))
    else:
        benchmark(options)


if __name__ == "__main__":
    main()
