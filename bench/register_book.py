"""The register benchmark's generated workbook: realistic rows of the `TiepCongDan` and `Don` sheets, spread over the
units and days of both eras (bench/registers.py), and what each register's rows become in the portal."""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.common import GIA_LAI, GIVEN_NAMES, MIDDLE_NAMES, OLD_GIA_LAI, REFORM, STREETS, SURNAMES, VILLAGES

FIRST_DAY = date(2024, 1, 1)
ONLINE_FROM = date(2026, 7, 1)  # online reception and petitions (Luật 136/2025/QH15)
SEED = 2026

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
