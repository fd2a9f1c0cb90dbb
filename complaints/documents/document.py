"""What a document of a step is: the annex form it is made on (its decree or circular, its number, the days it is in
force), its template, the facts of the record that fill it, and the step of the record it belongs to, whose date picks
the form in force (never today's: a notice of 30/06/2026 stays on the form of NĐ 124/2020 when it is printed in
August)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from complaints.paper import Paper
from danvan.models import Agency
from danvan.validity import within


@dataclass(frozen=True)
class Source:
    """A decree or circular whose annex holds forms, as a catalogue cites it, and the day it came into force."""

    name: str
    in_force_from: date


ND_31 = Source("Nghị định 31/2019/NĐ-CP", date(2019, 5, 28))
ND_124 = Source("Nghị định 124/2020/NĐ-CP", date(2020, 12, 10))
# TT 04/2021 and TT 05/2021 were signed on 01/10/2021; TT 05's day in force is verified, TT 04's taken to be the same.
TT_04 = Source("Thông tư 04/2021/TT-TTCP", date(2021, 11, 15))
TT_05 = Source("Thông tư 05/2021/TT-TTCP", date(2021, 11, 15))
# The handling circular TT 05/2021 replaced: a form of it is followed, from TT 05's day, where TT 05's annex was not
# found.
TT_07 = Source("Thông tư 07/2014/TT-TTCP", TT_05.in_force_from)
ND_154 = Source("Nghị định 154/2026/NĐ-CP", date(2026, 7, 1))
ND_155 = Source("Nghị định 155/2026/NĐ-CP", date(2026, 7, 1))
ND_156 = Source("Nghị định 156/2026/NĐ-CP", date(2026, 7, 1))
# The last day of the forms NĐ 154, 155 and 156 of 2026 replaced (NĐ 155 Điều 20, NĐ 156 Điều 8).
REPLACED_AFTER = date(2026, 7, 1) - timedelta(days=1)


@dataclass(frozen=True)
class Form:
    """The annex form a document is made on, in force from ``valid_from`` to ``valid_until`` (both inclusive; None:
    open). A document the law requires but no annex shapes follows the nearest form: ``note`` says what requires it
    and that it has no form of its own."""

    source: str
    number: str
    valid_from: date | None = None
    valid_until: date | None = None
    note: str = ""

    def in_force(self, on: date | None) -> bool:
        """Whether the form is the one for a step dated ``on``; a step without a date has the form still in force."""
        if on is None:
            return self.valid_until is None
        return within(on, self.valid_from, self.valid_until)

    @property
    def citation(self) -> str:
        """'Mẫu số 03, Nghị định 124/2020/NĐ-CP', or 'theo Mẫu số 05, …' for a document that only follows it."""
        cited = f"{self.number}, {self.source}"
        return f"theo {cited}" if self.note else cited

    @property
    def validity(self) -> str:
        """'từ 01/07/2026', 'đến 30/06/2026', 'từ 10/12/2020 đến 30/06/2026'."""
        parts = [f"từ {self.valid_from:%d/%m/%Y}" if self.valid_from else "", ""]
        if self.valid_until:
            parts[1] = f"đến {self.valid_until:%d/%m/%Y}"
        return " ".join(part for part in parts if part)


_SOURCE_DAY = object()


def form(source: Source, number: str, *, until: date | None = None, since=_SOURCE_DAY, note: str = "") -> Form:
    """Form ``number`` of ``source``, in force from the source's day (or ``since``, None: whatever the date) until
    ``until``."""
    return Form(source.name, number, source.in_force_from if since is _SOURCE_DAY else since, until, note)


@dataclass(frozen=True)
class Document:
    slug: str
    title: str
    form: Form
    template: Callable[[Agency], Paper]  # the built-in wording on the layout, with placeholders
    facts: Callable[[object], dict]  # the placeholders' values for a petition or a case
    available: Callable[[object], bool]  # whether the record has reached the step the document is made at
    dated: Callable[[object], date | None]  # the step's date, which picks the form in force
    # Which step of the record the document is of, when a record has several (each extension has its decision).
    step: Callable[[object], str] = lambda subject: ""

    @property
    def label(self) -> str:
        return f"{self.title} ({self.form.citation})"

    def offered_for(self, subject) -> bool:
        """Whether ``subject`` is at the document's step and the step's date falls within its form's days."""
        return self.available(subject) and self.form.in_force(self.dated(subject))


def available(documents: tuple[Document, ...], subject: object) -> list[Document]:
    return [document for document in documents if document.offered_for(subject)]
