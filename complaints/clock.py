"""The deadline calculator: one answer to "when is this due?" for every statutory clock, from the dated rules of
complaints.deadlines. The page "Tính thời hạn" (complaints.views.clock) and ``manage.py clock`` ask it; a case's stored
deadline is run by the same rule and the same ``run_clock``, so the three agree.

A pause ``(A, B)`` means suspended on A and resumed on B: the days after A up to B do not count.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise

from django.core.exceptions import ValidationError

from complaints.deadlines import DayType, Step, rule_for, run_clock, stood_still
from danvan.models import Case
from danvan.workdays import days_off, is_working_day

ONE_DAY = timedelta(days=1)
DAY_FORMAT = "%d/%m/%Y"
# The case's flags that may lengthen a period, each where its rule has a ``<flag>_days``.
FLAGS = {
    "complex": "vụ việc phức tạp",
    "remote": "vùng sâu, vùng xa",
    "several_places": "kiểm tra, xác minh tại nhiều nơi hoặc ủy quyền",
}


@dataclass(frozen=True)
class Clock:
    label: str
    step: Step
    starts: str  # the day the statute counts from
    round: str = ""


CLOCKS = {
    "petition": Clock("Xử lý đơn", Step.HANDLE_PETITION, "ngày nhận đơn"),
    "complaint-acceptance": Clock("Thụ lý khiếu nại", Step.ACCEPT_COMPLAINT, "ngày nhận đơn"),
    "complaint-1": Clock("Giải quyết khiếu nại lần đầu", Step.RESOLVE_COMPLAINT, "ngày thụ lý", Case.Round.FIRST),
    "complaint-2": Clock("Giải quyết khiếu nại lần hai", Step.RESOLVE_COMPLAINT, "ngày thụ lý", Case.Round.SECOND),
    "denunciation-acceptance": Clock("Xử lý ban đầu, thụ lý tố cáo", Step.HANDLE_DENUNCIATION, "ngày nhận tố cáo"),
    "denunciation-forward": Clock(
        "Chuyển tố cáo không thuộc thẩm quyền, thông báo người tố cáo", Step.FORWARD_DENUNCIATION, "ngày nhận tố cáo"
    ),
    "denunciation": Clock("Giải quyết tố cáo", Step.RESOLVE_DENUNCIATION, "ngày thụ lý"),
    "reception-answer": Clock("Trả lời công dân sau khi tiếp", Step.ANSWER_RECEPTION, "ngày tiếp công dân"),
    "forward-reply": Clock("Trả lời đơn được chuyển đến", Step.FORWARD_REPLY, "ngày chuyển đơn"),
    "notify-forwarder": Clock(
        "Thông báo kết quả cho cơ quan đã chuyển đơn", Step.NOTIFY_FORWARDER, "ngày giải quyết xong"
    ),
    "suspension-notice": Clock(
        "Gửi quyết định tạm đình chỉ giải quyết khiếu nại", Step.SEND_SUSPENSION, "ngày ban hành quyết định"
    ),
}


@dataclass(frozen=True)
class Skipped:
    day: date
    reason: str


@dataclass(frozen=True)
class Answer:
    due: date
    rule: str
    source: str
    skipped: tuple[Skipped, ...]

    def as_json(self) -> dict[str, str]:
        return {"due": self.due.strftime(DAY_FORMAT), "rule": self.rule, "source": self.source}


# The days a clock may start, pause and resume on: beyond them a count would run off the calendar.
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)
OUT_OF_RANGE = f"phải trong khoảng {FIRST_DAY:%d/%m/%Y} – {LAST_DAY:%d/%m/%Y}"


def read_day(text: str, field: str) -> date:
    """A dd/mm/yyyy day as typed, or a Vietnamese refusal on ``field``."""
    try:
        return datetime.strptime(text.strip(), DAY_FORMAT).date()
    except ValueError:
        raise ValidationError({field: f"Ngày “{text.strip()}” không đúng dạng dd/mm/yyyy, ví dụ 12/03/2026."}) from None


def read_pause(text: str) -> tuple[date, date]:
    """A pause typed as "dd/mm/yyyy-dd/mm/yyyy" (suspended on, resumed on)."""
    parts = text.strip().split("-")
    if len(parts) != 2:
        raise ValidationError({"pauses": f"Khoảng tạm đình chỉ “{text.strip()}” phải có dạng dd/mm/yyyy-dd/mm/yyyy."})
    return read_day(parts[0], "pauses"), read_day(parts[1], "pauses")


def _checked(pauses: Iterable[tuple[date, date]], start: date) -> tuple[tuple[date, date], ...]:
    pauses = tuple(sorted(pauses))
    for suspended_on, resumed_on in pauses:
        span = f"{suspended_on:%d/%m/%Y}-{resumed_on:%d/%m/%Y}"
        if resumed_on > LAST_DAY:
            raise ValidationError({"pauses": f"Khoảng {span}: ngày tiếp tục {OUT_OF_RANGE}."})
        if resumed_on < suspended_on:
            raise ValidationError({"pauses": f"Khoảng {span}: ngày tiếp tục không được trước ngày tạm đình chỉ."})
        if suspended_on < start:
            raise ValidationError({"pauses": f"Khoảng {span}: ngày tạm đình chỉ không được trước ngày bắt đầu."})
    for (_, resumed_on), (next_on, _) in pairwise(pauses):
        if next_on < resumed_on:
            raise ValidationError({"pauses": "Các khoảng tạm đình chỉ không được chồng lên nhau."})
    return pauses


def due(
    kind: str,
    start: date,
    pauses: Iterable[tuple[date, date]] = (),
    *,
    complex: bool = False,
    remote: bool = False,
    several_places: bool = False,
) -> Answer:
    """When the clock ``kind`` started on ``start`` ends, by the rule in force on ``start``; with the rule, its source
    and the days that did not count."""
    if kind not in CLOCKS:
        raise ValidationError({"kind": f"Không có loại thời hạn “{kind}”. Các loại: {', '.join(CLOCKS)}."})
    if not FIRST_DAY <= start <= LAST_DAY:
        raise ValidationError({"start": f"Ngày bắt đầu tính {OUT_OF_RANGE}."})
    pauses = _checked(pauses, start)
    clock = CLOCKS[kind]
    try:
        rule = rule_for(clock.step, start, round=clock.round)
    except LookupError:
        raise ValidationError({"start": f"Chưa có quy định cho thời hạn này vào ngày {start:%d/%m/%Y}."}) from None
    days = rule.days_for(complex_=complex, remote=remote, several_places=several_places)
    given = {"complex": complex, "remote": remote, "several_places": several_places}
    lengthened = [label for flag, label in FLAGS.items() if given[flag] and getattr(rule, f"{flag}_days")]
    end = run_clock(start, days, rule.day_type, pauses)
    paused = stood_still(pauses, rule.day_type)
    return Answer(
        due=end,
        rule=_rule_text(clock, rule.day_type, days, lengthened, paused),
        source=rule.citation,
        skipped=_skipped(start, end, days + paused, rule.day_type, pauses),
    )


def _rule_text(clock: Clock, day_type: DayType, days: int, lengthened: list[str], paused: int) -> str:
    unit = "ngày làm việc" if day_type == DayType.WORKING else "ngày"
    text = f"{clock.label}: {days} {unit}"
    if lengthened:
        text += f" ({', '.join(lengthened)})"
    text += f" kể từ {clock.starts}"
    if paused:
        text += f", cộng {paused} {unit} tạm đình chỉ không tính vào thời hạn"
    if day_type == DayType.CALENDAR:
        text += "; ngày cuối cùng là ngày nghỉ thì thời hạn kết thúc vào ngày làm việc tiếp theo"
    return text + "."


def _skipped(
    start: date, end: date, counted: int, day_type: DayType, pauses: tuple[tuple[date, date], ...]
) -> tuple[Skipped, ...]:
    """The days after ``start`` up to ``end`` that did not count: paused, or days off where the period runs on
    working days, or the days off the final day moved over."""
    reasons: dict[date, str] = {}
    for suspended_on, resumed_on in pauses:
        day = suspended_on + ONE_DAY
        while day <= min(resumed_on, end):
            if day_type == DayType.CALENDAR or is_working_day(day):
                reasons[day] = f"Tạm đình chỉ ({suspended_on:%d/%m/%Y}-{resumed_on:%d/%m/%Y})"
            day += ONE_DAY
    first_off = start + ONE_DAY if day_type == DayType.WORKING else start + timedelta(days=counted)
    for day, reason in days_off(first_off, end):
        reasons.setdefault(day, reason)
    return tuple(Skipped(day, reason) for day, reason in sorted(reasons.items()))
