"""Demo records for Gia Lai, taken in through the register import as an agency's history would be: 2023 and 2024 in
the three-tier structure (the old province, code 64, its 17 districts and their communes), 2025–2026 in the new one
(code 52). The year-2024 report of code 64 gives what the province published: 2.861 visits (2.743 in 2023), 171
complaints and denunciations (196), and 5 / 62 / 399 dialogues at province, district and commune level."""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook

from complaints.register import COLUMNS as PETITION_COLUMNS
from danvan.models import AdminUnit
from danvan.sheets.vocabulary import FIELDS
from danvan.validity import REFORM
from dialogues.models import Dialogue, Opinion, OpinionStatus
from dialogues.register import COLUMNS as DIALOGUE_COLUMNS
from dialogues.services import add_directive, add_opinion, resolve_opinion
from portal.demo import DEMO_COMMUNE
from portal.demo_vocabulary import (
    CLAN_GIVEN,
    CLANS,
    DIALOGUE_TOPICS,
    GIVEN,
    HAMLETS,
    MATTERS,
    MIDDLE,
    SURNAMES,
    VOTER_TOPICS,
)
from reception.register import COLUMNS as VISIT_COLUMNS
from registers.importer import ImportOutcome, import_workbook

OLD_PROVINCE, NEW_PROVINCE = "64", "52"


@dataclass(frozen=True)
class Year:
    """What one report year holds: its window, visits, dialogues by level and voter meetings."""

    label: str
    start: date
    end: date
    visits: int
    dialogues: tuple[int, int, int]  # province, district, commune
    voter_meetings: int
    petitions: tuple[int, int]  # complaints and denunciations; recommendations


OLD_YEARS = (
    Year("2023", date(2022, 12, 15), date(2023, 12, 14), 2743, (4, 58, 372), 96, (196, 420)),
    Year("2024", date(2023, 12, 15), date(2024, 12, 14), 2861, (5, 62, 399), 104, (171, 450)),
    # The rest of the three-tier era, up to the reform.
    Year("2025a", date(2024, 12, 15), date(2025, 6, 30), 1420, (2, 31, 190), 48, (90, 230)),
)
NEW_PERIOD = Year("2025b", REFORM, date(2026, 11, 30), 3950, (6, 0, 150), 80, (240, 600))


@dataclass(frozen=True)
class Places:
    province: AdminUnit
    districts: list[AdminUnit]
    communes: list[AdminUnit]


def _places(code: str, *, legacy: bool) -> Places:
    units = (
        AdminUnit.objects.filter(valid_from__isnull=legacy) if legacy else AdminUnit.objects.filter(valid_from=REFORM)
    )
    province = units.get(level=AdminUnit.Level.PROVINCE, code=code)
    below = list(units.filter(parent=province).order_by("code")) + list(
        units.filter(parent__parent=province).order_by("code")
    )
    districts = [unit for unit in below if unit.level == AdminUnit.Level.DISTRICT]
    communes = [unit for unit in below if unit.level == AdminUnit.Level.COMMUNE]
    return Places(province, districts, communes)


class Generator:
    def __init__(self, seed: int = 2024) -> None:
        self.rng = random.Random(seed)
        self.today = timezone.localdate()
        self.serial = 0
        # The case codes given so far per agency: a later visit, even a year later, may concern the same case.
        self.cases: dict[str, list[str]] = {}

    def reference(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}-{self.serial:06d}"

    def day(self, year: Year) -> date:
        """A working day of the window, never after today."""
        end = min(year.end, self.today)
        while True:
            day = year.start + timedelta(days=self.rng.randrange((end - year.start).days + 1))
            if day.weekday() < 5:
                return day

    def person(self) -> tuple[str, str, str]:
        """A name, a CCCD (often unknown in old books) and an address."""
        rng = self.rng
        if rng.random() < 0.35:
            name = f"{rng.choice(CLANS)} {rng.choice(CLAN_GIVEN)}"
        else:
            name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        cccd = f"064{rng.randrange(10**9):09d}" if rng.random() < 0.6 else ""
        return name, cccd, rng.choice(HAMLETS)

    def visits(self, year: Year, places: Places) -> Iterator[dict]:
        rng = self.rng
        for _ in range(year.visits):
            where = rng.random()
            if where < 0.3:
                unit, agency = places.province, rng.choice(("Ban Tiếp công dân", "Ban Tiếp công dân", "UBND", "Cấp ủy"))
            elif where < 0.65 and places.districts:
                unit, agency = rng.choice(places.districts), rng.choice(("UBND", "UBND", "Cấp ủy", "HĐND"))
            else:
                unit, agency = rng.choice(places.communes), rng.choice(("UBND", "UBND", "UBND", "Cấp ủy"))
            head = agency != "Ban Tiếp công dân" and rng.random() < 0.45
            kind, field, content = rng.choice(MATTERS)
            name, cccd, address = self.person()
            code = ""
            known = self.cases.setdefault(f"{unit.code}/{agency}", [])
            if known and rng.random() < 0.15:
                code = rng.choice(known)
            elif rng.random() < 0.5:
                code = self.reference("VV")
                known.append(code)
            yield {
                "Ngày tiếp": self.day(year),
                "Mã ĐVHC": unit.code,
                "Cơ quan": agency,
                "Hình thức tiếp": rng.choice(("Định kỳ", "Định kỳ", "Đột xuất")) if head else "Thường xuyên",
                "Người tiếp": rng.choice(("Thủ trưởng", "Thủ trưởng", "Ủy quyền")) if head else "Cán bộ tiếp công dân",
                "Họ tên": name,
                "Số CCCD": cccd,
                "Địa chỉ": f"{address}, {unit.name}",
                "Số người": rng.randint(5, 25) if rng.random() < 0.04 else 1,
                "Nội dung": content,
                "Phân loại": kind,
                "Lĩnh vực": FIELDS[field],
                "Mã vụ việc": code,
                "Kết quả tiếp": rng.choice(("Hướng dẫn, giải thích", "Tiếp nhận đơn", "Trả lời trực tiếp")),
                "Mã hồ sơ": self.reference("TD"),
            }

    def dialogues(self, year: Year, places: Places) -> Iterator[dict]:
        rng = self.rng
        levels = ((places.province,), places.districts, places.communes)
        for count, units in zip(year.dialogues, levels, strict=True):
            for _ in range(count):
                yield self._meeting(year, rng.choice(units), "Đối thoại", rng.choice(DIALOGUE_TOPICS))
        for _ in range(year.voter_meetings):
            unit = (
                rng.choice(places.districts or places.communes) if rng.random() < 0.5 else rng.choice(places.communes)
            )
            yield self._meeting(year, unit, "Tiếp xúc cử tri", rng.choice(VOTER_TOPICS))
        if year is NEW_PERIOD:  # the demo commune's own dialogues, which its accounts see
            demo = next(unit for unit in places.communes if unit.code == DEMO_COMMUNE)
            for _ in range(3):
                yield self._meeting(year, demo, "Đối thoại", rng.choice(DIALOGUE_TOPICS))

    def _meeting(self, year: Year, unit: AdminUnit, kind: str, topic: str) -> dict:
        rng = self.rng
        if kind == "Đối thoại":
            host = rng.choice(("Chủ tịch UBND", "Chủ tịch UBND", "Bí thư cấp ủy"))
            participants, opinions = rng.randint(40, 250), rng.randint(4, 30)
        else:
            host = rng.choice(("Đại biểu HĐND", "Đại biểu HĐND", "Đại biểu Quốc hội", "Thường trực HĐND"))
            participants, opinions = rng.randint(60, 400), rng.randint(5, 40)
        return {
            "Ngày": self.day(year),
            "Mã ĐVHC": unit.code,
            "Hình thức": kind,
            "Người chủ trì": host,
            "Chủ đề": topic,
            "Số người tham dự": participants,
            "Số ý kiến": opinions,
            "Số ý kiến trả lời tại chỗ": rng.randint(0, opinions),
            "Mã hồ sơ": self.reference("DT"),
        }


class PetitionGenerator(Generator):
    """Petitions as a petition book records them: received, classified, handled within days, and for those accepted
    the resolution with its outcome and amounts."""

    def petitions(self, year: Year, places: Places) -> Iterator[dict]:
        rng = self.rng
        serious = [matter for matter in MATTERS if matter[0] != "Kiến nghị, phản ánh"]
        other = [matter for matter in MATTERS if matter[0] == "Kiến nghị, phản ánh"]
        matters = [rng.choice(serious) for _ in range(year.petitions[0])] + [
            rng.choice(other) for _ in range(year.petitions[1])
        ]
        for kind, field, content in matters:
            where = rng.random()
            if where < 0.35:
                unit, agency = places.province, rng.choice(("Ban Tiếp công dân", "UBND"))
            elif where < 0.65 and places.districts:
                unit, agency = rng.choice(places.districts), "UBND"
            else:
                unit, agency = rng.choice(places.communes), "UBND"
            name, cccd, address = self.person()
            received = self.day(year)
            row = {
                "Ngày nhận": received,
                "Mã ĐVHC": unit.code,
                "Cơ quan": agency,
                "Nguồn đơn": rng.choice(("Trực tiếp", "Trực tiếp", "Bưu chính", "Cơ quan khác chuyển đến")),
                "Người đứng đơn": name,
                "Số CCCD": cccd,
                "Địa chỉ": f"{address}, {unit.name}",
                "Loại đơn": kind,
                "Lĩnh vực": FIELDS[field],
                "Nội dung": content,
                "Mã hồ sơ": self.reference("DON"),
            }
            handled = received + timedelta(days=rng.randint(2, 9))
            if handled <= self.today and rng.random() < 0.95:
                row |= self._handling(kind, handled)
            yield row

    def _handling(self, kind: str, handled: date) -> dict:
        rng = self.rng
        if rng.random() < 0.15:
            return {"Đủ điều kiện xử lý": "Không", "Hướng xử lý": "Lưu đơn", "Ngày xử lý": handled}
        row = {"Đủ điều kiện xử lý": "Có", "Ngày xử lý": handled}
        if rng.random() < 0.45:
            row |= {"Thẩm quyền": "Không thuộc thẩm quyền"}
            return row | {"Hướng xử lý": rng.choice(("Hướng dẫn", "Chuyển đơn", "Đôn đốc"))}
        row |= {"Thẩm quyền": "Thuộc thẩm quyền"}
        if kind == "Kiến nghị, phản ánh":  # never accepted (thụ lý): considered and answered
            return row | {"Hướng xử lý": "Xem xét, trả lời"}
        row |= {"Hướng xử lý": "Thụ lý"}
        second = kind == "Khiếu nại" and rng.random() < 0.15
        row |= {
            "Lần giải quyết": "Lần hai" if second else "Lần đầu",
            "Phức tạp": "Có" if rng.random() < 0.1 else "",
            "Đông người, kéo dài": "Có" if rng.random() < 0.05 else "",
        }
        resolved = handled + timedelta(days=rng.randint(20, 75))
        if resolved > self.today or rng.random() < 0.12:
            return row | {"Trạng thái giải quyết": "Đang giải quyết"}
        if second:
            outcome = rng.choice(("Công nhận quyết định lần đầu", "Hủy, sửa quyết định lần đầu"))
        elif kind == "Khiếu nại":
            outcome = rng.choice(("Đúng", "Sai", "Sai", "Đúng một phần", "Rút đơn"))
        else:
            outcome = rng.choice(("Đúng", "Sai", "Đúng một phần", "Rút đơn", "Đình chỉ"))
        row |= {"Trạng thái giải quyết": "Đã giải quyết", "Kết quả giải quyết": outcome, "Ngày giải quyết": resolved}
        if outcome in ("Đúng", "Đúng một phần") and rng.random() < 0.3:
            due = rng.randint(10, 500)
            row |= {"Thu hồi tiền (triệu đồng)": due, "Đã thu tiền (triệu đồng)": rng.randint(0, due)}
        return row


def _sheet(workbook: Workbook, name: str, headers: list[str], rows: Iterator[dict]) -> None:
    sheet = workbook.create_sheet(name)
    sheet.append([f"SỔ {name.upper()} — DỮ LIỆU DÙNG THỬ"])
    sheet.append(["STT", *headers])
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *(row.get(header, "") for header in headers)])


def demo_workbook() -> BytesIO:
    """The demo registers as one workbook, the same on every run (a fixed seed)."""
    generator = PetitionGenerator()
    old, new = _places(OLD_PROVINCE, legacy=True), _places(NEW_PROVINCE, legacy=False)
    periods = [(year, old) for year in OLD_YEARS] + [(NEW_PERIOD, new)]
    workbook = Workbook()
    workbook.remove(workbook.active)
    visit_headers = [column.header for column in VISIT_COLUMNS]
    _sheet(workbook, "TiepCongDan", visit_headers, (row for y, p in periods for row in generator.visits(y, p)))
    petition_headers = [column.header for column in PETITION_COLUMNS]
    _sheet(workbook, "Don", petition_headers, (row for y, p in periods for row in generator.petitions(y, p)))
    dialogue_headers = [column.header for column in DIALOGUE_COLUMNS]
    _sheet(workbook, "DoiThoai", dialogue_headers, (row for y, p in periods for row in generator.dialogues(y, p)))
    out = BytesIO()
    workbook.save(out)
    out.seek(0)
    return out


def seed_demo_records() -> ImportOutcome:
    """Imports the demo registers and follows up the demo commune's dialogues; running it again adds nothing."""
    outcome = import_workbook(demo_workbook(), by=None)
    if not outcome.problems:
        _follow_up_demo_dialogues()
    return outcome


def _follow_up_demo_dialogues() -> None:
    """Opinions and directives of the demo commune's dialogues, through the services as staff would record them: some
    answered on the spot, some assigned (one overdue), one resolved, so the follow-up pages have something to show."""
    dialogues = Dialogue.objects.filter(unit__code=DEMO_COMMUNE, unit__valid_from=REFORM).order_by("date")
    if not dialogues.exists() or Opinion.objects.filter(dialogue__in=dialogues).exists():
        return
    rng, today = random.Random(7), timezone.localdate()
    for dialogue in dialogues:
        matters = rng.sample([content for _, _, content in MATTERS], 3)
        add_opinion(
            dialogue, by=None, content=matters[0], status=OpinionStatus.ANSWERED_ON_SPOT, answer="Đã giải thích"
        )
        for content in matters[1:]:
            due_on = dialogue.date + timedelta(days=30)
            opinion = add_opinion(
                dialogue,
                by=None,
                content=content,
                status=OpinionStatus.ASSIGNED,
                assignee=dialogue.agency,
                due_on=due_on,
            )
            resolved_on = dialogue.date + timedelta(days=rng.randint(10, 25))
            if rng.random() < 0.4 and resolved_on <= today:
                resolve_opinion(opinion, by=None, resolved_on=resolved_on, answer="Đã kiểm tra, trả lời bằng văn bản.")
        add_directive(
            dialogue,
            by=None,
            content="Giao công chức địa chính rà soát, báo cáo kết quả giải quyết các kiến nghị",
            owner=dialogue.agency,
            due_on=dialogue.date + timedelta(days=45),
        )
