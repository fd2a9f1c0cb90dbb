"""Writes of reports: the narrative's written sections, freezing a report as sent, keying in an agency's opening
figures and its biểu 06/QLKNTC figures."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from complaints.figures import petitions_in
from danvan.models import AdminUnit, Agency, Staff
from danvan.permissions import ensure_can_key_management, ensure_can_key_openings, ensure_can_send
from danvan.services import lock
from danvan.versions import ensure_current, version_of
from dialogues.figures import dialogues_in
from reception.figures import visits_in
from reports.circulars import NAMES, circular_for
from reports.drafting import draft
from reports.excel.workbook import issuer_of, workbook_bytes
from reports.excel.writer import write_workbook
from reports.figures import KEYS, report_data
from reports.forms_data import form_set, jsonable
from reports.labels import is_rate
from reports.models import ManagementFigure, OpeningFigure, ReportSection, SentReport
from reports.openings_selectors import columns_by_code
from reports.outline import WRITTEN, as_text
from reports.periods import Window, month_of, with_narrative
from reports.qlkntc import FORM, LABELS, key
from reports.selectors import saved_sections

FORMS_ONLY_REFUSAL = "Báo cáo quý II, quý III, quý IV chỉ gồm các biểu số liệu, không có văn bản báo cáo."


@transaction.atomic
def save_sections(
    *, unit: AdminUnit, window: Window, texts: dict[str, str], by: Staff, version: str | None = None
) -> dict[str, str]:
    """Keeps the sections of the narrative of ``unit``'s report for ``window`` that no record writes (Mẫu số 02: I.2,
    II.5, …, VI), a text per outline number; an empty text deletes its section. By a leader or reporter who sees the
    whole unit, as for sending. A page opened before the sections were last saved (``version``, of the sections as
    saved then) is refused. Returns the sections as saved."""
    ensure_can_send(by, unit)
    lock(unit)  # held from reading the sections the version is checked against to the writes
    ensure_current(version, version_of(saved_sections(unit, window)))
    if not with_narrative(window.kind):
        raise ValidationError(FORMS_ONLY_REFUSAL)
    unknown = sorted(set(texts) - set(WRITTEN))
    if unknown:
        raise ValidationError(f"Đề cương báo cáo không có mục “{unknown[0]}” để nhập nội dung.")
    span = {"unit": unit, "kind": window.kind, "start": window.start, "end": window.end}
    for number, text in texts.items():
        text = text.replace("\r\n", "\n").strip()
        if text:
            ReportSection.objects.update_or_create(**span, section=number, defaults={"text": text, "written_by": by})
        else:
            ReportSection.objects.filter(**span, section=number).delete()
    return saved_sections(unit, window)


@transaction.atomic
def mark_sent(
    *,
    unit: AdminUnit,
    window: Window,
    by: Staff,
    narrative: str = "",
    sections: dict[str, str] | None = None,
    workbook: bytes | None = None,
    number: str = "",
    version: str | None = None,
) -> SentReport:
    """Freezes the report of ``unit`` for ``window`` as sent: its figures and the same period's as they are now, the
    written sections (``sections`` saved first) and the whole narrative they make with the figures — before TT 06/2025
    with the summary figures' draft as ``narrative`` edited it — (none for a period of forms only), the circular of its
    forms with their total rows, and the forms workbook (written from those forms unless given); by a leader or reporter
    who sees the whole unit. Sections from a page opened before they were last saved (``version``) are refused.
    A window is sent once: the unit's row stays locked from the check for an earlier sending to the write."""
    ensure_can_send(by, unit)
    lock(unit)
    if SentReport.objects.filter(unit=unit, kind=window.kind, start=window.start, end=window.end).exists():
        raise ValidationError(f"Báo cáo {window.label.lower()} của {unit.name} đã được đánh dấu gửi.")
    data = report_data(unit, window)
    forms = form_set(unit, window)
    written, text = {}, ""
    if with_narrative(window.kind):
        if sections:
            save_sections(unit=unit, window=window, texts=sections, by=by, version=version)
        written = saved_sections(unit, window)
        made = draft(unit, window, sections=written, edited=narrative, data=data, totals=forms.totals())
        text = as_text(made.parts())
    sent = SentReport(
        unit=unit,
        kind=window.kind,
        start=window.start,
        end=window.end,
        year=window.year,
        month=window.month,
        figures=data["figures"],
        previous=data["previous"],
        narrative=text,
        sections=written,
        number=number,
        circular=forms.name,
        forms=jsonable(forms.totals()),
        sent_by=by,
    )
    if workbook is None:
        tables, issuer = forms.tables, issuer_of(unit)
        workbook = workbook_bytes(
            write_workbook(unit=unit, window=window, tables=tables, issuer=issuer, reference=number)
        )
    sent.workbook.save(f"{unit.code}-{window.kind}-{window.end:%Y%m%d}.xlsx", ContentFile(workbook), save=False)
    sent.save()
    return sent


@transaction.atomic
def enter_opening(*, agency: Agency, start: date, end: date, code: str, value: Decimal, by: Staff) -> OpeningFigure:
    """Keys in a figure of ``agency`` for the days before it used the portal, all inside one report month; ``code`` a
    key of reports.md or a column such as ``01/TCD:4`` of the forms of the circular in force at ``end`` (not a formula
    column; a whole number in a column that counts). The same code of the agency keyed in again for overlapping days is
    refused: those days would count twice."""
    ensure_can_key_openings(by, agency)
    lock(agency)  # held from the check for overlapping days to the write
    _check_days(start, end)
    _refuse_days_with_records(agency, start, end)
    return _enter_opening(agency=agency, start=start, end=end, code=code, value=value, by=by)


def _check_days(start: date, end: date) -> None:
    """An opening figure is keyed for days of one report month (15th to 14th): a report adds the months wholly inside
    its window, so a figure spanning two months would be left out of both months' reports."""
    if start > end:
        raise ValidationError({"end": "Đến ngày phải sau hoặc bằng từ ngày."})
    first, last = month_of(start), month_of(end)
    if first != last:
        raise ValidationError(
            {
                "end": f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y} thuộc nhiều tháng báo cáo (tháng"
                f" {first.month}/{first.year} đến tháng {last.month}/{last.year}): số liệu đầu kỳ được nhập riêng cho"
                " từng tháng, mỗi tháng tính từ ngày 15 tháng trước đến ngày 14."
            }
        )


def _enter_opening(*, agency: Agency, start: date, end: date, code: str, value: Decimal, by: Staff) -> OpeningFigure:
    if value < 0:
        raise ValidationError({"value": "Số liệu không được âm."})
    if ":" not in code and code not in KEYS:
        raise ValidationError({"code": f"Không có chỉ tiêu “{code}”."})
    if is_rate(code):
        raise ValidationError({"code": "Tỷ lệ được tính từ các số liệu, không nhập đầu kỳ."})
    if ":" in code:
        _check_column(code, value, circular_for(end))
    overlapping = OpeningFigure.objects.filter(agency=agency, code=code, start__lte=end, end__gte=start).first()
    if overlapping is not None:
        raise ValidationError(
            {
                "code": f"Cơ quan đã nhập số liệu đầu kỳ của chỉ tiêu này từ ngày {overlapping.start:%d/%m/%Y} đến"
                f" ngày {overlapping.end:%d/%m/%Y}, trùng với những ngày đang nhập: hãy xóa số liệu đã nhập trước"
                " khi nhập lại."
            }
        )
    try:
        with transaction.atomic():
            return OpeningFigure.objects.create(
                agency=agency, start=start, end=end, code=code, value=value, entered_by=by
            )
    except IntegrityError:
        raise ValidationError({"code": "Chỉ tiêu này của cơ quan cho khoảng thời gian đó đã được nhập."}) from None


def _refuse_days_with_records(agency: Agency, start: date, end: date) -> None:
    """Opening figures are for the days before the agency used the portal: a day it already has records on would count
    twice. The refusal names the first such record."""
    scope = [agency.pk]
    firsts = [
        (day, what)
        for records, field, what in (
            (visits_in(scope, start, end), "received_on", "lượt tiếp công dân"),
            (petitions_in(scope, start, end), "received_on", "đơn"),
            (dialogues_in(scope, start, end), "date", "cuộc đối thoại, tiếp xúc cử tri"),
        )
        if (day := records.order_by(field).values_list(field, flat=True).first()) is not None
    ]
    if firsts:
        day, what = min(firsts)
        raise ValidationError(
            {
                "start": f"Cơ quan đã có {what} ngày {day:%d/%m/%Y} trên phần mềm, trong những ngày đang nhập: số liệu"
                " đầu kỳ chỉ nhập cho những ngày trước khi cơ quan dùng phần mềm."
            }
        )


def _check_column(code: str, value: Decimal, circular: str) -> None:
    """A column of ``circular``'s forms takes an opening figure unless it adds up other columns; a column that counts
    takes a whole number."""
    column = columns_by_code(circular).get(code)
    if column is None:
        raise ValidationError({"code": f"Không có cột “{code}” trong các biểu mẫu của {NAMES[circular]}."})
    if not column.keyable:
        raise ValidationError(
            {
                "code": f"Cột {column.number} của biểu {column.form.code} là cột tổng, được tính từ các cột khác:"
                " không nhập đầu kỳ."
            }
        )
    if column.whole and Decimal(value) % 1:
        raise ValidationError({"value": "Cột này đếm số lượng: số liệu phải là số nguyên."})


@transaction.atomic
def enter_openings(
    *, agency: Agency, start: date, end: date, values: dict[str, Decimal], by: Staff
) -> list[OpeningFigure]:
    """Keys in several figures of ``agency`` for the same days of one report month (``values``: code → value), all or
    none: a refusal saves nothing and is raised keyed by the code it concerns (or by the days)."""
    ensure_can_key_openings(by, agency)
    lock(agency)
    _check_days(start, end)
    _refuse_days_with_records(agency, start, end)
    entered, refused = [], {}
    for code, value in values.items():
        try:
            entered.append(_enter_opening(agency=agency, start=start, end=end, code=code, value=value, by=by))
        except ValidationError as error:
            refused[code] = error.messages
    if refused:
        raise ValidationError(refused)
    return entered


def delete_opening(*, opening: OpeningFigure, by: Staff) -> None:
    """Removes a figure keyed in by mistake: reports no longer add it (one already marked as sent shows the
    difference)."""
    ensure_can_key_openings(by, opening.agency)
    opening.delete()


# The largest value a ManagementFigure holds (a PositiveIntegerField on PostgreSQL).
LARGEST_FIGURE = 2_147_483_647


@transaction.atomic
def enter_management_figures(
    *, agency: Agency, window: Window, values: dict[int, int | None], by: Staff, version: str | None = None
) -> None:
    """Keys in biểu 06/QLKNTC's figures of ``agency`` for ``window`` (``values``: column 1…17 → a whole number ≥ 0;
    None removes the column's figure; a column not given keeps its figure). All or none: a refusal saves nothing and is
    raised keyed by the column it concerns (``"qlkntc.8"``). The form's notes ((8) ≤ (6)) hold for the agency's figures
    as they would stand. A form opened before the window's figures last changed (``version``, of the figures keyed
    then: column → value) is refused."""
    ensure_can_key_management(by, agency)
    lock(agency)  # held from reading the figures the notes compare to the writes
    keyed = ManagementFigure.objects.filter(agency=agency, start=window.start, end=window.end)
    stored = dict(keyed.values_list("column", "value"))
    ensure_current(version, version_of(stored))
    refused = {key(column): [message] for column, value in values.items() if (message := _refusal(column, value))}
    if refused:
        raise ValidationError(refused)
    figures = stored | values
    for bound in FORM.bounds:
        if (figures.get(bound.low) or 0) > (figures.get(bound.high) or 0):
            refused[key(bound.low)] = [
                f"Cột {bound.low} ({_in_sentence(bound.low)}) không được lớn hơn cột {bound.high}"
                f" ({_in_sentence(bound.high)})."
            ]
    if refused:
        raise ValidationError(refused)
    keyed.filter(column__in=[column for column, value in values.items() if value is None]).delete()
    for column, value in values.items():
        if value is not None:
            ManagementFigure.objects.update_or_create(
                agency=agency,
                start=window.start,
                end=window.end,
                column=column,
                defaults={"value": value, "entered_by": by},
            )


def _refusal(column: int, value: int | None) -> str:
    """Why ``value`` cannot be column ``column``'s figure, or nothing."""
    if column not in LABELS:
        return f"Biểu 06/QLKNTC không có cột {column}."
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int):
        return f"Cột {column} ({_in_sentence(column)}) đếm số lượng: hãy nhập số nguyên."
    if value < 0:
        return f"Cột {column} ({_in_sentence(column)}) không được âm."
    if value > LARGEST_FIGURE:
        return f"Cột {column} ({_in_sentence(column)}): số quá lớn."
    return ""


def _in_sentence(column: int) -> str:
    """A column's label inside a sentence: "số cuộc đã ban hành kết luận", "tổng số KLTT thực hiện"."""
    label = LABELS[column]
    return label[:1].lower() + label[1:]
