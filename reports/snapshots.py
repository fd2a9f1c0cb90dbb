"""Reads about what was sent: the differences between a sent report and what its records (and the opening figures
keyed in since) say today, in its summary figures and in its forms' total rows."""

from dataclasses import dataclass

from reports.circulars import NAMES
from reports.figures import figures_of, scope_of
from reports.forms_data import form_set, jsonable
from reports.labels import number
from reports.models import SentReport
from reports.periods import Window


@dataclass(frozen=True)
class Change:
    key: str
    sent: int | float
    now: int | float

    @property
    def difference(self) -> int | float:
        return self.now - self.sent


@dataclass(frozen=True)
class CellChange:
    """A column of a form's total row that differs from what was sent."""

    form: str  # "01/TCD"
    column: int  # numbered from 1, as printed
    sent: int | float | None
    now: int | float | None

    @property
    def text(self) -> str:
        """ "01/TCD cột 5: 120 → 145"; a blank column is "—"."""
        return f"{self.form} cột {self.column}: {_printed(self.sent)} → {_printed(self.now)}"


def _printed(value: int | float | None) -> str:
    return "—" if value is None else number(value)


def _window(sent: SentReport) -> Window:
    return Window(sent.kind, sent.start, sent.end, sent.year, sent.month)  # as sent, whatever the windows are now


def changes_since(sent: SentReport) -> list[Change]:
    """The figures of ``sent``'s window that records entered or edited since, or opening figures keyed in or deleted
    since, have changed, key by key."""
    now = figures_of(scope_of(sent.unit), _window(sent))
    return [
        Change(key, sent.figures.get(key, 0), value) for key, value in now.items() if sent.figures.get(key) != value
    ]


def cell_changes_since(sent: SentReport) -> list[CellChange]:
    """The cells of the forms' total rows, on the circular ``sent`` was sent with, that differ from those sent, form by
    form and column by column. None for a report sent before they were kept."""
    circular = next((key for key, name in NAMES.items() if name == sent.circular), None)
    if circular is None or not sent.forms:
        return []
    now = jsonable(form_set(sent.unit, _window(sent), circular=circular).totals())
    changes = []
    for form, values in now.items():
        was = sent.forms.get(form, [])
        for index, value in enumerate(values):
            before = was[index] if index < len(was) else None
            if before != value:
                changes.append(CellChange(form, index + 1, before, value))
    return changes
