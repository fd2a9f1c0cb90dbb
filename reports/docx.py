"""The narrative report as an editable .docx on the layout of an administrative document (Nghị định 30/2020/NĐ-CP,
``complaints.paper``): the People's Committee and the national motto side by side, "BÁO CÁO" and its subject with the
period, the narrative's headings and paragraphs, the recipients and the signature; Times New Roman 13, the title 14."""

from django.utils.text import slugify

from complaints.paper import Line, Paper, Signer, Style, render
from danvan.letterhead import dated
from danvan.models import AdminUnit
from danvan.text import fold
from reports.narrative import LEVEL_WORDS, SUBJECT, committee_of, period_title
from reports.outline import Part
from reports.periods import Window


def filename(unit: AdminUnit, window: Window) -> str:
    """bao-cao-64-nam-2024.docx: the unit's code and the period, without diacritics."""
    return f"bao-cao-{unit.code}-{slugify(fold(window.label))}.docx"


def recipients(unit: AdminUnit) -> list[str]:
    """Where the report goes: the inspectorate and committee above, the unit's council, the archive."""
    above = ["Thanh tra Chính phủ"]
    if unit.parent is not None:
        above = [committee_of(unit.parent), f"Thanh tra {unit.parent.name_in_sentence}"]
    return [*above, f"Thường trực HĐND {LEVEL_WORDS[unit.level]}", "Lưu: VT"]


def narrative_docx(unit: AdminUnit, window: Window, parts: list[Part]) -> bytes:
    """The report of ``unit`` for ``window`` with ``parts`` as its body, its headings set apart, for the People's
    Committee to sign."""
    return render(
        Paper(
            agency=committee_of(unit),
            number="Số:        /BC-UBND",
            dated=dated(unit.bare_name, None),
            kind="BÁO CÁO",
            subject=f"{SUBJECT[:1].upper()}{SUBJECT[1:]} {period_title(window)}",
            body=[Line(part.text, Style.HEADING if part.heading else Style.TEXT) for part in parts],
            signer=Signer(authority="TM. ỦY BAN NHÂN DÂN", title="CHỦ TỊCH"),
            recipients=recipients(unit),
        )
    )
